/**
 * The hiring page's forms (decision 038): the status, add-round and complete-round schemas, and
 * the round's day and time read in the recruiter's zone, with their messages.
 */
import { z } from "zod";
import { isMultiLine, isSingleLine, MULTI_LINE_MESSAGE, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";
import { applicationStatuses, roundTypes } from "../../../db/enums";
import { FEEDBACK_MAX, INTERVIEWER_EMAIL_MAX, INTERVIEWER_NAME_MAX, parseLocalDateTime, parseScore, ROUND_NOTES_MAX } from "./rules";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max.toLocaleString("en")} characters (this one has more).`)
    .transform((v) => (v === "" ? null : v));

const optionalLine = (max: number, label: string) => optionalText(max, label).refine((v) => v === null || isSingleLine(v), SINGLE_LINE_MESSAGE);

const optionalLines = (max: number, label: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? normaliseLineEndings(v) : v),
    optionalText(max, label).refine((v) => v === null || isMultiLine(v), MULTI_LINE_MESSAGE),
  );

export const statusFormSchema = z.object({
  status: z.enum(applicationStatuses, { errorMap: () => ({ message: "Choose one of the statuses in the list." }) }),
  feedback: optionalLines(FEEDBACK_MAX, "Feedback"),
  updatedAt: z.string().regex(/^\d{1,15}$/, "This form is out of date. Open the application again."),
});

export const addRoundSchema = z.object({
  roundType: z.enum(roundTypes, { errorMap: () => ({ message: "Choose the kind of round: phone screening, job assessment, HR or final." }) }),
  interviewerName: optionalLine(INTERVIEWER_NAME_MAX, "The interviewer's name"),
  interviewerEmail: z
    .string()
    .trim()
    .max(INTERVIEWER_EMAIL_MAX, `The interviewer's email can be at most ${INTERVIEWER_EMAIL_MAX} characters.`)
    .refine((v) => v === "" || z.string().email().safeParse(v).success, "Write a whole email address, like name@example.com, or leave it empty.")
    .transform((v) => (v === "" ? null : v.toLowerCase())),
});

export const completeRoundSchema = z.object({
  score: z.string().transform((v, c) => {
    const parsed = parseScore(v);
    if (!parsed.ok) {
      c.addIssue({ code: z.ZodIssueCode.custom, message: parsed.message });
      return z.NEVER;
    }
    return parsed.score;
  }),
  /** The hiring side's private notes on the round: never shown to the applicant. */
  // Missing (a page opened before the field existed) is the same as empty.
  notes: optionalLines(ROUND_NOTES_MAX, "Notes")
    .optional()
    .transform((v) => v ?? null),
  feedback: optionalLines(FEEDBACK_MAX, "Feedback"),
});

/**
 * A round's day and time (the `date` and `time` fields) in the recruiter's zone: the instant, or
 * null when both are empty and the round may wait for a date.
 */
export function roundWhenForm(zone: string, options: { required?: boolean } = {}) {
  return z.object({ date: z.string().default(""), time: z.string().default("") }).transform((fields, ctx): Date | null => {
    const when = parseLocalDateTime(fields.date, fields.time, zone, options);
    if (when.ok) return when.at;
    for (const [field, message] of Object.entries(when.errors)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    return z.NEVER;
  });
}
