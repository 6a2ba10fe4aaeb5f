/**
 * The daily interview's forms (decision 038): starting today's interview (a category), and the
 * question page's three buttons told apart by `intent`: answer, review (the AI review again, or
 * a pending one without JavaScript) and skip.
 */
import { z } from "zod";
import { multiLine } from "~/lib/text-fields.server";
import { INTERVIEW_CATEGORIES } from "../../../db/interview-banks";
import { ANSWER_MAX } from "./rules";

/** The forms' messages, as message ids (readForm puts them into the reader's language). */
export const INTERVIEW_MESSAGES = {
  category: "interviews.start.chooseCategory",
  answer: "interviews.answer.required",
  answerTooLong: "interviews.answer.tooLong",
  form: "interviews.form.refused",
} as const;

export const startSchema = z.object({
  category: z.enum(INTERVIEW_CATEGORIES, { errorMap: () => ({ message: INTERVIEW_MESSAGES.category }) }),
});

export const questionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("answer"),
      answer: multiLine(
        z
          .string({ required_error: INTERVIEW_MESSAGES.answer })
          .trim()
          .min(1, INTERVIEW_MESSAGES.answer)
          .superRefine((text, ctx) => {
            if (text.length > ANSWER_MAX)
              ctx.addIssue({ code: z.ZodIssueCode.custom, message: INTERVIEW_MESSAGES.answerTooLong, params: { count: text.length, max: ANSWER_MAX } });
          }),
      ),
      /** Present when the page runs JavaScript (StreamFlag): the review streams in, the action does not wait for it. */
      stream: z
        .string()
        .optional()
        .transform((v) => v === "1"),
    }),
    z.object({ intent: z.literal("review") }),
    z.object({ intent: z.literal("skip") }),
  ],
  { errorMap: (issue, ctx) => (issue.path[0] === "intent" ? { message: INTERVIEW_MESSAGES.form } : { message: ctx.defaultError }) },
);

export type QuestionForm = z.output<typeof questionSchema>;
