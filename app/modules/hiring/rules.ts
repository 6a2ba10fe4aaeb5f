/**
 * The hiring pipeline's rules, pure (no database): statuses and their labels, which status
 * changes are allowed, the words of the applicant's notification and email, and the reading of a
 * round's day, time and score (docs/decisions/014.4-hiring-pipeline.md). The forms' zod schemas
 * are in forms.server.ts, so zod stays out of the hiring pages' browser code.
 */
import { applicationStatuses, roundTypes } from "../../../db/enums";
import { INTL_LOCALE, type Language, type Translate } from "~/lib/i18n";
import { formatInstant, offsetLabel, wallToInstant } from "~/modules/calendar";
import { type ApplicationStatus, PIPELINE_ROUND_STATUS_LABELS, PIPELINE_ROUND_TYPE_LABELS, PIPELINE_STATUS_LABELS, type RoundStatus, type RoundType } from "~/modules/jobs";

export type { ApplicationStatus, RoundStatus, RoundType };

export const APPLICATION_STATUSES = applicationStatuses;
export const ROUND_TYPES = roundTypes;

// The English fallback reads the catalogs, so it stays on the server (the browser build leaves
// .server modules out): pages always pass their reader's translator.
import { english } from "./english.server";

export { english };


/** A translator that answers with the message id itself: for zod messages, which readForm translates. */
export const asMessageId: Translate = (id) => id;

// The words live with the applications table, in the jobs area; the pipeline uses the same ones.
// Pages say them in the reader's language through these ids (app/locales/<lang>/applications.json).
export const STATUS_LABELS = PIPELINE_STATUS_LABELS;
export const ROUND_TYPE_LABELS = PIPELINE_ROUND_TYPE_LABELS;
export const ROUND_STATUS_LABELS = PIPELINE_ROUND_STATUS_LABELS;

/** A feed's name ("Remote jobs") as the hiring pages say it: its message id. */
export const feedLabelId = (feed: string) => (feed === "part-time" ? "hiring.feed.partTime" : feed === "remote" ? "hiring.feed.remote" : "hiring.feed.general");

/** The pipeline's ?status= filter: every status, "withdrawn" (withdrawn = true) and "all". */
export const STATUS_FILTERS = ["all", ...applicationStatuses, "withdrawn"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export const isStatusFilter = (value: unknown): value is StatusFilter =>
  typeof value === "string" && (STATUS_FILTERS as readonly string[]).includes(value);
export const filterLabel = (filter: StatusFilter, t: Translate = english) =>
  filter === "all" ? t("hiring.pipeline.filterAll") : filter === "withdrawn" ? t("applications.status.withdrawn") : t(`applications.pipelineStatus.${filter}`);

export const isApplicationStatus = (value: unknown): value is ApplicationStatus =>
  typeof value === "string" && (applicationStatuses as readonly string[]).includes(value);

/** The status of an application as a person reads it ("Withdrawn" wins over the stored status). */
export const statusLabel = (status: string | null, withdrawn: boolean | null, t: Translate = english) =>
  withdrawn ? t("applications.status.withdrawn") : t(`applications.pipelineStatus.${isApplicationStatus(status) ? status : "pending"}`);

/** A pipeline status in words ("Rejected"), for the hiring side. */
export const pipelineStatusLabel = (status: ApplicationStatus, t: Translate = english) => t(`applications.pipelineStatus.${status}`);

/**
 * The status as the applicant reads it: "Not selected" rather than "Rejected", and "Withdrawn
 * (was reviewing)"; a status Ladder does not know is shown as stored.
 */
export function applicantStatusLabel(status: string | null, withdrawn: boolean | null, t: Translate = english): string {
  const stored = status ?? "pending";
  const label = isApplicationStatus(stored) ? t(`applications.status.${stored}`) : stored;
  return withdrawn ? t("applications.status.withdrawnWas", { status: label.toLowerCase() }) : label;
}

/** A kind of round in words ("Phone screening"); a kind Ladder does not know is shown as stored. */
export const roundTypeLabel = (type: string, t: Translate = english) =>
  (ROUND_TYPES as readonly string[]).includes(type) ? t(`applications.roundType.${type}`) : type;

/** "Tuesday 2 December 2026, 10:00" in `zone`, in the reader's language (English as formatInstant writes it). */
export function momentIn(zone: string, at: Date, lang: Language): string {
  if (lang === "en") return formatInstant(zone, at.getTime());
  const format = { weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { ...format, timeZone: zone }).format(at);
}

/**
 * A moment in `zone`, saying which zone: "Tuesday 2 December 2026, 10:00 UTC" or "…, 13:00
 * Asia/Amman (GMT+3)" in English (as zonedTime in the jobs area), the reader's own way otherwise.
 */
export function zonedMoment(zone: string, at: Date, lang: Language, t: Translate): string {
  const when = momentIn(zone, at, lang);
  return zone === "UTC" ? t("applications.time.utc", { when }) : t("applications.time.zoned", { when, zone, offset: offsetLabel(zone, at.getTime()) });
}

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

/** "Data Analyst at Nile Analytics", "a job": the job as a sentence names it. */
export function jobName(job: { title: string | null; employer: string | null }, t: Translate = english): string {
  const title = job.title?.trim() || t("hiring.job.some");
  const employer = job.employer?.trim();
  return employer ? t("hiring.job.at", { title, employer }) : title;
}

/** The applicant's general notification (notification.type NULL) of a change, in `t`'s language (the applicant's). */
export function statusNotification(
  job: { title: string | null; employer: string | null },
  change: { status: ApplicationStatus; statusChanged: boolean; feedback: string | null },
  t: Translate = english,
): { title: string; message: string } {
  const label = pipelineStatusLabel(change.status, t);
  const values = { job: jobName(job, t), status: label };
  const head = change.statusChanged ? t("hiring.notify.changed", values) : t("hiring.notify.feedback", values);
  return {
    title: change.statusChanged ? t("hiring.notify.titleChanged", { status: label.toLowerCase() }) : t("hiring.notify.titleFeedback"),
    message: change.feedback ? t("hiring.notify.withFeedback", { head, feedback: change.feedback }) : head,
  };
}

/** The email to the application's address, sent after the transaction, in `t`'s language (the applicant's). */
export function statusMail(
  input: { to: string; name: string; job: { title: string | null; employer: string | null }; status: ApplicationStatus; statusChanged: boolean; feedback: string | null; link: string },
  t: Translate = english,
) {
  const values = { job: jobName(input.job, t), status: pipelineStatusLabel(input.status, t) };
  const subject = input.statusChanged ? t("hiring.mail.subjectChanged", values) : t("hiring.mail.subjectFeedback", values);
  const name = input.name.trim();
  const lines = [
    name ? t("hiring.mail.hello", { name }) : t("hiring.mail.helloThere"),
    "",
    input.statusChanged ? t("hiring.mail.changed", values) : t("hiring.mail.feedback", values),
    ...(input.feedback ? ["", t("hiring.mail.feedbackFrom"), input.feedback] : []),
    "",
    t("hiring.mail.see", { link: input.link }),
    "",
    t("hiring.mail.signature"),
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
  t: Translate = english,
): { kind: RoundStateKind; label: string; line: string } {
  const was = round.scheduledDate ? at(round.scheduledDate) : null;
  if (round.status === "completed") {
    const label = t("applications.roundStatus.completed");
    const on = round.completedDate ? at(round.completedDate) : null;
    const line = on
      ? t(was ? "applications.round.line.completedOnWas" : "applications.round.line.completedOn", { at: on, was })
      : t(was ? "applications.round.line.completedWas" : "applications.round.line.completed", { was });
    return { kind: "completed", label, line };
  }
  if (round.status === "cancelled") {
    return { kind: "cancelled", label: t("applications.roundStatus.cancelled"), line: t(was ? "applications.round.line.cancelledWas" : "applications.round.line.cancelled", { was }) };
  }
  if (!round.scheduledDate) return { kind: "unscheduled", label: t("applications.round.label.unscheduled"), line: t("applications.round.line.unscheduled") };
  const when = at(round.scheduledDate);
  if (round.status === "rescheduled") return { kind: "rescheduled", label: t("applications.roundStatus.rescheduled"), line: t("applications.round.line.rescheduled", { at: when }) };
  return { kind: "scheduled", label: t("applications.roundStatus.scheduled"), line: t("applications.round.line.scheduled", { at: when }) };
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
  say: Translate = english,
): { ok: true; at: Date | null } | { ok: false; errors: { date?: string; time?: string } } {
  const d = date.trim();
  const t = time.trim();
  if (!d && !t) return options.required ? { ok: false, errors: { date: say("hiring.when.dayRequired") } } : { ok: true, at: null };
  const errors: { date?: string; time?: string } = {};
  const dm = DATE.exec(d);
  let day: Date | null = null;
  if (!d) errors.date = say("hiring.when.dayToo");
  else if (!dm) errors.date = say("hiring.when.dayFormat");
  else {
    const [y, m, dd] = [Number(dm[1]), Number(dm[2]), Number(dm[3])];
    const candidate = new Date(Date.UTC(y, m - 1, dd));
    if (y < 2000 || y > 2100 || candidate.getUTCMonth() !== m - 1 || candidate.getUTCDate() !== dd) errors.date = say("hiring.when.noSuchDay");
    else day = candidate;
  }
  const tm = TIME.exec(t);
  if (!t) errors.time = say("hiring.when.timeToo");
  else if (!tm) errors.time = say("hiring.when.timeFormat");
  if (errors.date || errors.time || !day || !tm) return { ok: false, errors };
  return { ok: true, at: new Date(wallToInstant(zone, day, Number(tm[1]) * 60 + Number(tm[2]))) };
}

/** A score from 1 to 10, as typed: "7" yes; "0", "11", "7.5", "x" and "" no. */
export function parseScore(value: string, t: Translate = english): { ok: true; score: number } | { ok: false; message: string } {
  const v = value.trim();
  if (!/^\d{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 10) return { ok: false, message: t("hiring.form.score") };
  return { ok: true, score: Number(v) };
}
