/**
 * The test page's forms (decision 038): one schema for its two buttons, told apart by `intent`.
 * "start" draws a test; "submit" grades one draw. The answer fields (`q<questionId>`) depend on the
 * draw, so after this schema `readAnswers` (grading.ts, pure) checks them against the stored draw:
 * a question outside it, one answered twice or an option outside 0 to 3 refuses the whole form.
 */
import { z } from "zod";
import { isUuid } from "~/lib/ids";

export const TEST_MESSAGES = {
  form: "skills.test.refused.form",
} as const;

export const testFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("start") }),
    z.object({
      intent: z.literal("submit"),
      draw: z
        .string({ required_error: TEST_MESSAGES.form })
        .transform((v) => v.trim().toLowerCase())
        .refine(isUuid, TEST_MESSAGES.form),
      /** Present (any value) on the second submit, after the page said how many are unanswered. */
      confirm: z
        .string()
        .optional()
        .transform((v) => v !== undefined && v !== ""),
    }),
  ],
  { errorMap: () => ({ message: TEST_MESSAGES.form }) },
);

export type TestForm = z.output<typeof testFormSchema>;
