/** The analytics forms' rules (zod), in a .server module so zod never ships to the browser. Messages are ids (adminTracking). */
import { z } from "zod";

/** Switching an activity type on or off (/admin/analytics/tracking). */
export const trackingSwitchSchema = z.object({
  type: z.string().trim().min(1, "adminTracking.error.noType").max(50, "adminTracking.error.noType"),
  tracked: z.enum(["on", "off"], { errorMap: () => ({ message: "adminTracking.error.noChoice" }) }),
});
