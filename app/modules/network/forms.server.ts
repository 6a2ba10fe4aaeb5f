/** The network forms (zod stays in .server modules). */
import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { REQUEST_MESSAGE_MAX } from "./rules";

export const connectionFormSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("connect"),
    userId: z.string().uuid(),
    message: multiLine(
      z
        .string()
        .default("")
        .transform((v) => v.trim())
        .pipe(z.string().refine((v) => v.length <= REQUEST_MESSAGE_MAX, { message: "network.form.messageTooLong", params: { max: REQUEST_MESSAGE_MAX } })),
    ),
  }),
  z.object({ intent: z.enum(["accept", "reject", "withdraw", "remove"]), userId: z.string().uuid() }),
]);

export const notificationFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().uuid() }),
  z.object({ intent: z.literal("read-all") }),
]);

/** Message ids: the actions translate them for their reader. */
export const NETWORK_MESSAGES = {
  chooseMember: "network.chooseMember",
  tooManyRequests: "network.tooManyRequests",
  chooseNotification: "notifications.choose",
} as const;
