/** The admin forms' rules (zod), in a .server module so zod never ships to the browser. Messages are ids (admin namespace). */
import { z } from "zod";
import { userRoles } from "./roles";

export const roleChangeSchema = z.object({
  role: z.enum(userRoles, { errorMap: () => ({ message: "admin.role.chooseRole" }) }),
});
