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
        .pipe(z.string().max(REQUEST_MESSAGE_MAX, `Keep the message to ${REQUEST_MESSAGE_MAX} characters or fewer.`)),
    ),
  }),
  z.object({ intent: z.enum(["accept", "reject", "withdraw", "remove"]), userId: z.string().uuid() }),
]);

export const notificationFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("read"), id: z.string().uuid() }),
  z.object({ intent: z.literal("read-all") }),
]);

export const NETWORK_MESSAGES = {
  chooseMember: "Choose a member and an action from the lists on this page.",
  chooseNotification: "Choose a notification from the list.",
} as const;
