/**
 * The report form and the reports queue's form (decision 038): zod stays in .server modules, the
 * messages are ids of app/locales/<lang>/feedReports.json (readForm says them in the reader's
 * language).
 */
import { z } from "zod";
import { isUuid } from "~/lib/ids";
import { multiLine } from "~/lib/text-fields.server";
import { feedReportReasons } from "../../../db/enums";
import { REPORT_DETAILS_MAX } from "./report-rules";

export const REPORT_MESSAGES = {
  reasonRequired: "feedReports.form.reasonRequired",
  detailsTooLong: "feedReports.form.detailsTooLong",
  chooseAction: "feedReports.form.chooseAction",
  target: "feedReports.form.target",
} as const;

/** The fields the report form shows again after a problem (what was chosen and typed). */
export const REPORT_FIELDS = ["reason", "details"] as const;

/** A member's report: one reason (a radio group), optional words for the moderators. */
export const reportFormSchema = z.object({
  reason: z.enum(feedReportReasons, { errorMap: () => ({ message: REPORT_MESSAGES.reasonRequired }) }),
  details: multiLine(
    z
      .string()
      .default("")
      .transform((v) => v.trim())
      .pipe(z.string().refine((v) => [...v].length <= REPORT_DETAILS_MAX, { message: REPORT_MESSAGES.detailsTooLong, params: { max: REPORT_DETAILS_MAX } })),
  ),
});

export type ReportForm = z.output<typeof reportFormSchema>;

const id = z.string({ required_error: REPORT_MESSAGES.target }).transform((v) => v.trim().toLowerCase()).refine(isUuid, REPORT_MESSAGES.target);

/** One decision in the queue: hide or dismiss the post, or one of its comments (`commentId`). */
export const queueFormSchema = z.object({
  intent: z.enum(["hide", "dismiss"], { errorMap: () => ({ message: REPORT_MESSAGES.chooseAction }) }),
  postId: id,
  commentId: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim().toLowerCase() : null))
    .refine((v) => v === null || isUuid(v), REPORT_MESSAGES.target),
});

export type QueueForm = z.output<typeof queueFormSchema>;
