/**
 * The messages' form (decision 038): a direct message, checked by zod. Its messages are the
 * rules' SEND_REFUSAL_IDS and tooLongIssue: message ids, which readForm says in the reader's language.
 */
import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { MESSAGE_MAX, SEND_REFUSAL_IDS, tooLongIssue } from "./rules";

/**
 * A direct message: not blank and at most MESSAGE_MAX characters once trimmed (sent as typed;
 * sendMessage trims it), with line breaks but no other control characters (PostgreSQL cannot
 * store a NUL: it answered 500).
 */
export const sendMessageSchema = z.object({
  message: multiLine(
    z
      .string()
      .default("")
      .superRefine((text, ctx) => {
        const length = text.trim().length;
        if (length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, message: SEND_REFUSAL_IDS.empty });
        else if (length > MESSAGE_MAX) ctx.addIssue({ code: z.ZodIssueCode.custom, ...tooLongIssue(length) });
      }),
  ),
  via: z.string().optional(),
});
