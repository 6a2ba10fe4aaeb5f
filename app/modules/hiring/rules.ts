/**
 * The hiring pipeline's rules, pure (no database): statuses and their labels, which status
 * changes are allowed, the words of the applicant's notification and email, and the reading of a
 * round's day, time and score (docs/decisions/014.4-hiring-pipeline.md). The forms' zod schemas
 * are in forms.server.ts, so zod stays out of the hiring pages' browser code.
 */
import { applicationStatuses, roundTypes } from "../../../db/enums";
import { wallToInstant } from "~/modules/calendar";
import { type ApplicationStatus, PIPELINE_ROUND_STATUS_LABELS, PIPELINE_ROUND_TYPE_LABELS, PIPELINE_STATUS_LABELS, type RoundStatus, type RoundType } from "~/modules/jobs";

export type { ApplicationStatus, RoundStatus, RoundType };

export const APPLICATION_STATUSES = applicationStatuses;
export const ROUND_TYPES = roundTypes;

// The words live with the applications table, in the jobs area; the pipeline uses the same ones.
export const STATUS_LABELS = PIPELINE_STATUS_LABELS;
export const ROUND_TYPE_LABELS = PIPELINE_ROUND_TYPE_LABELS;
export const ROUND_STATUS_LABELS = PIPELINE_ROUND_STATUS_LABELS;

/** The pipeline's ?status= filter: every status, "withdrawn" (withdrawn = true) and "all". */
export const STATUS_FILTERS = ["all", ...applicationStatuses, "withdrawn"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const isStatusFilter = (value: unknown): value is StatusFilter =>
  typeof value === "string" && (STATUS_FILTERS as readonly string[]).includes(value);
export const filterLabel = (filter: StatusFilter) => (filter === "all" ? "All" : filter === "withdrawn" ? "Withdrawn" : STATUS_LABELS[filter]);

export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === "string" && (applicationStatuses as readonly string[]).includes(value);

/** The status of an application as a person reads it ("Withdrawn" wins over the stored status). */
export const statusLabel = (status: string | null, withdrawn: boolean | null) =>
  withdrawn ? "Withdrawn" : isApplicationStatus(status) ? STATUS_LABELS[status] : STATUS_LABELS.pending;

export const FEEDBACK_MAX = 5_000;
/** A round's private notes (interview_rounds.notes): for the hiring side only. */
export const ROUND_NOTES_MAX = 5_000;
export const INTERVIEWER_NAME_MAX = 255;
export const INTERVIEWER_EMAIL_MAX = 255;

/** Who may manage a job's pipeline beyond its poster. */
export const STAFF_ROLES = ["career_team", "admin"] as const;
export const isStaff = (role: string | null) => role !== null && (STAFF_ROLES as readonly string[]).includes(role);

// ---------------------------------------------------------------- status changes

export type StatusChange =
  | { ok: true; statusChanged: boolean; feedbackChanged: boolean }
  | { ok: false; reason: "withdrawn" | "unchanged" };

/**
 * The rule: a recruiter may move an application from any status to any other (people correct
 * mistakes, and a rejected candidate can be reconsidered), except that a withdrawn application
 * is the applicant's decision and is read-only. Writing the same status and feedback again
 * changes nothing.
 */
export function checkStatusChange(
  current: { status: string | null; feedback: string | null; withdrawn: boolean | null },
  next: { status: ApplicationStatus; feedback: string | null },
): StatusChange {
  if (current.withdrawn) return { ok: false, reason: "withdrawn" };
  const statusChanged = (current.status ?? "pending") !== next.status;
  const feedbackChanged = (current.feedback ?? null) !== (next.feedback ?? null);
  if (!statusChanged && !feedbackChanged) return { ok: false, reason: "unchanged" };
  return { ok: true, statusChanged, feedbackChanged };
}

export const WITHDRAWN_LINE = "The applicant withdrew this application, so it can no longer be changed. It stays here for your records.";
export const CONFLICT_LINE = "Someone else changed this application since you opened it. Here is how it stands now; make your change again if it is still needed.";

const jobName = (job: { title: string | null; employer: string | null }) =>
  `${job.title?.trim() || "a job"}${job.employer?.trim() ? ` at ${job.employer.trim()}` : ""}`;

/** The applicant's general notification (notification.type NULL) of a change. */
export function statusNotification(
  job: { title: string | null; employer: string | null },
  change: { status: ApplicationStatus; statusChanged: boolean; feedback: string | null },
): { title: string; message: string } {
  const label = STATUS_LABELS[change.status];
  const head = change.statusChanged
    ? `Your application for ${jobName(job)} is now ${label}.`
    : `Your application for ${jobName(job)} has new feedback (status: ${label}).`;
  return { title: change.statusChanged ? `Application ${label.toLowerCase()}` : "New feedback on your application", message: change.feedback ? `${head} Feedback: ${change.feedback}` : head };
}

/** The email to the application's address, sent after the transaction. */
export function statusMail(
  input: { to: string; name: string; job: { title: string | null; employer: string | null }; status: ApplicationStatus; statusChanged: boolean; feedback: string | null; link: string },
) {
  const label = STATUS_LABELS[input.status];
  const subject = input.statusChanged ? `Your application for ${jobName(input.job)} is now ${label}` : `New feedback on your application for ${jobName(input.job)}`;
  const lines = [
    `Hello ${input.name.trim() || "there"},`,
    "",
    input.statusChanged ? `Your application for ${jobName(input.job)} is now ${label}.` : `There is new feedback on your application for ${jobName(input.job)}.`,
    ...(input.feedback ? ["", "Feedback from the hiring team:", input.feedback] : []),
    "",
    `See your application: ${input.link}`,
    "",
    "Ladder",
  ];
  return { to: input.to, subject, text: lines.join("\n") };
}

// ---------------------------------------------------------------- interview rounds

/** Rounds are numbered in the order they are added: one more than the highest so far. */
export const nextRoundNumber = (existing: readonly number[]) => (existing.length === 0 ? 1 : Math.max(...existing) + 1);

export type RoundAction = "reschedule" | "complete" | "cancel";
/** Open rounds (scheduled or rescheduled) can be rescheduled, completed or cancelled; done ones cannot. */
export const OPEN_ROUND_STATUSES = ["scheduled", "rescheduled"] as const satisfies readonly RoundStatus[];
export const canActOnRound = (status: string | null, _action: RoundAction) =>
  status === null || (OPEN_ROUND_STATUSES as readonly string[]).includes(status);

export type RoundStateKind = "unscheduled" | "scheduled" | "rescheduled" | "completed" | "cancelled";

/**
 * Where a round stands, as one label and one line, from its stored status and dates: the only
 * place that words it, so a round can never read "Scheduled" and "Not scheduled yet" at once.
 * An open round (scheduled or rescheduled) without a date is "Not scheduled yet"; "Scheduled"
 * and "Rescheduled" always come with their date. `at` formats a moment in the reader's zone.
 */
export function roundState(
  round: { status: string | null; scheduledDate: Date | null; completedDate: Date | null },
  at: (moment: Date) => string,
): { kind: RoundStateKind; label: string; line: string } {
  const was = round.scheduledDate ? ` (was scheduled for ${at(round.scheduledDate)})` : "";
  if (round.status === "completed") {
    return { kind: "completed", label: "Completed", line: round.completedDate ? `Completed on ${at(round.completedDate)}${was}` : `Completed${was}` };
  }
  if (round.status === "cancelled") return { kind: "cancelled", label: "Cancelled", line: `Cancelled${was}` };
  if (!round.scheduledDate) return { kind: "unscheduled", label: "Not scheduled yet", line: "Not scheduled yet: no day and time chosen" };
  if (round.status === "rescheduled") return { kind: "rescheduled", label: "Rescheduled", line: `Rescheduled to ${at(round.scheduledDate)}` };
  return { kind: "scheduled", label: "Scheduled", line: `Scheduled for ${at(round.scheduledDate)}` };
}

/** Completing a round before its day needs a second, confirmed POST: is this one early? */
export const completesEarly = (scheduledDate: Date | null, now: Date) => scheduledDate !== null && scheduledDate.getTime() > now.getTime();

/** A reschedule of a round that had no date yet is its first scheduling: the status stays 'scheduled'. */
export const rescheduledStatus = (hadDate: boolean): RoundStatus => (hadDate ? "rescheduled" : "scheduled");

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::00)?$/;

/**
 * A local date ("YYYY-MM-DD", years 2000–2100) and time ("HH:MM") in `zone` -> the UTC instant.
 * Both empty: no date (null). One without the other, or either malformed: an error per field.
 */
export function parseLocalDateTime(
  date: string,
  time: string,
  zone: string,
  options: { required?: boolean } = {},
): { ok: true; at: Date | null } | { ok: false; errors: { date?: string; time?: string } } {
  const d = date.trim();
  const t = time.trim();
  if (!d && !t) return options.required ? { ok: false, errors: { date: "Choose the day of the interview." } } : { ok: true, at: null };
  const errors: { date?: string; time?: string } = {};
  const dm = DATE.exec(d);
  let day: Date | null = null;
  if (!d) errors.date = "Choose the day as well as the time.";
  else if (!dm) errors.date = "Write the day as YYYY-MM-DD, for example 2026-12-03.";
  else {
    const [y, m, dd] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
    const candidate = new Date(Date.UTC(y, m - 1, dd));
    if (y < 2000 || y > 2100 || candidate.getUTCMonth() !== m - 1 || candidate.getUTCDate() !== dd) errors.date = "That day does not exist. Choose a day between 2000 and 2100.";
    else day = candidate;
  }
  const tm = TIME.exec(t);
  if (!t) errors.time = "Choose the time as well as the day.";
  else if (!tm) errors.time = "Write the time as HH:MM on a 24-hour clock, for example 14:30.";
  if (errors.date || errors.time || !day || !tm) return { ok: false, errors };
  return { ok: true, at: new Date(wallToInstant(zone, day, Number(tm[1]) * 60 + Number(tm[2]))) };
}

/** A score from 1 to 10, as typed: "7" yes; "0", "11", "7.5", "x" and "" no. */
export function parseScore(value: string): { ok: true; score: number } | { ok: false; message: string } {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 10) return { ok: false, message: "Give a whole-number score from 1 to 10." };
  return { ok: true, score: Number(v) };
}
