/**
 * The messages' form (decision 038): a direct message, checked by zod. Its messages are the
 * rules' SEND_REFUSAL_IDS and tooLongIssue: message ids, which readForm says in the reader's language.
 */
import { z } from "zod";
import { MESSAGE_MAX, SEND_REFUSAL_IDS, tooLongIssue } from "./rules";

/** A direct message: not blank and at most MESSAGE_MAX characters once trimmed (sent as typed; sendMessage trims it). */
export const sendMessageSchema = z.object({
  message: z
    .string()
    .default("")
    .superRefine((text, ctx) => {
      const length = text.trim().length;
      if (length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: SEND_REFUSAL_IDS.empty });
      else if (length > MESSAGE_MAX) ctx.addIssue({ code: z.ZodIssueCode.custom, ...tooLongIssue(length) });
    }),
  via: z.string().optional(),
});
