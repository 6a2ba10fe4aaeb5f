/**
 * The hiring page's forms (decision 038): the status, add-round and complete-round schemas, and
 * the round's day and time read in the recruiter's zone, with their messages.
 */
import { z } from "zod";
import { isMultiLine, isSingleLine, MULTI_LINE_MESSAGE, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { applicationStatuses, roundTypes } from "../../../db/enums";
import { asMessageId, FEEDBACK_MAX, INTERVIEWER_EMAIL_MAX, INTERVIEWER_NAME_MAX, parseLocalDateTime, parseScore, ROUND_NOTES_MAX } from "./rules";

// Messages are message ids (hiring.form.*, hiring.when.*): readForm and the page say them in the reader's language.
// `tooLong` is the id of "… can be at most N characters", N being `max`.
const optionalText = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .transform((v) => (v === "" ? null : v));

const optionalLine = (max: number, tooLong: string) => optionalText(max, tooLong).refine((v) => v === null || isSingleLine(v), SINGLE_LINE_MESSAGE);

const optionalLines = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? normaliseLineEndings(v) : v),
    optionalText(max, tooLong).refine((v) => v === null || isMultiLine(v), MULTI_LINE_MESSAGE),
  );

export const statusFormSchema = z.object({
  status: z.enum(applicationStatuses, { errorMap: () => ({ message: "hiring.form.status" }) }),
  feedback: optionalLines(FEEDBACK_MAX, "hiring.form.feedbackTooLong"),
  updatedAt: z.string().regex(/^\d{1,15}$/, "hiring.form.outOfDate"),
});

export const addRoundSchema = z.object({
  roundType: z.enum(roundTypes, { errorMap: () => ({ message: "hiring.form.roundType" }) }),
  interviewerName: optionalLine(INTERVIEWER_NAME_MAX, "hiring.form.interviewerNameTooLong"),
  interviewerEmail: z
    .string()
    .trim()
    .max(INTERVIEWER_EMAIL_MAX, "hiring.form.interviewerEmailTooLong")
    .refine((v) => v === "" || z.string().email().safeParse(v).success, "hiring.form.interviewerEmail")
    .transform((v) => (v === "" ? null : v.toLowerCase())),
});

export const completeRoundSchema = z.object({
  score: z.string().transform((v, c) => {
    const parsed = parseScore(v, asMessageId);
    if (!parsed.ok) {
      c.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
      return z.NEVER;
    }
    return parsed.score;
  }),
  /** The hiring side's private notes on the round: never shown to the applicant. */
  // Missing (a page opened before the field existed) is the same as empty.
  notes: optionalLines(ROUND_NOTES_MAX, "hiring.form.notesTooLong")
    .optional()
    .transform((v) => v ?? null),
  feedback: optionalLines(FEEDBACK_MAX, "hiring.form.feedbackTooLong"),
});

/**
 * A round's day and time (the `date` and `time` fields) in the recruiter's zone: the instant, or
 * null when both are empty and the round may wait for a date.
 */
export function roundWhenForm(zone: string, options: { required?: boolean } = {}) {
  return z.object({ date: z.string().default(""), time: z.string().default("") }).transform((fields, ctx): Date | null => {
    const when = parseLocalDateTime(fields.date, fields.time, zone, options, asMessageId);
    if (when.ok) return when.at;
    for (const [field, message] of Object.entries(when.errors)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    return z.NEVER;
  });
}
