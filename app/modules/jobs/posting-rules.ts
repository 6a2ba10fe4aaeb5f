/**
 * Posting a job in Ladder, pure (no database, no zod; the form component imports the lists from posting-lists.ts):
 * who posts as whom, what an edit does to the review state, the form's fields and their checks,
 * and the words a poster reads about their post's state. See docs/decisions/014.3-posting.md.
 */
import type { Translate } from "~/lib/i18n";
import { isSingleLine, normaliseLineEndings } from "~/lib/text";
import { englishJobs } from "./english";
import type { FeedSlug } from "./feeds";
import type { PostingStatus } from "./jobs.server";
import { COUNTRIES, EMPLOYMENT_TYPES, FEED_CHOICES, POST_LIMITS, SALARY_PERIODS, type EmploymentType, type PostField, type PostFormValues } from "./posting-lists";

export * from "./posting-lists";

export const STAFF_ROLES = ["career_team", "admin"] as const;
export const isStaff = (role: string | null | undefined): boolean => role === "career_team" || role === "admin";

/** A career-team or admin post is listed at once; everyone else's waits for the career team. */
export function initialPosting(role: string | null | undefined): { postedBy: "career_team" | "alumni"; status: "approved" | "pending" } {
  return isStaff(role) ? { postedBy: "career_team", status: "approved" } : { postedBy: "alumni", status: "pending" };
}

/**
 * The review state after the poster edits their post: null when the post cannot be edited
 * (closed). An alumni edit sends an approved or declined post back to the queue (answering a
 * decline is editing); a staff poster's post keeps its state.
 */
export function statusAfterEdit(role: string | null | undefined, current: PostingStatus): PostingStatus | null {
  if (current === "closed") return null;
  if (isStaff(role)) return current;
  return "pending";
}

export const JOB_ID_PREFIX = "ladder-";
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

/** "ladder-" + 20 base32 characters from 20 random bytes (100 bits): 27 characters, within VARCHAR(32). */
export function ladderJobId(random: Uint8Array): string {
  if (random.length < 20) throw new Error("ladderJobId needs 20 random bytes");
  let id = JOB_ID_PREFIX;
  for (let i = 0; i < 20; i++) id += BASE32[random[i] % 32];
  return id;
}

/** A valid post, ready for the job table's columns. */
export interface PostInput {
  feed: FeedSlug;
  title: string;
  employer: string;
  city: string | null;
  state: string | null;
  country: string | null;
  employmentType: EmploymentType;
  remote: boolean;
  salaryMin: string | null;
  salaryMax: string | null;
  salaryPeriod: "HOUR" | "MONTH" | "YEAR" | null;
  description: string;
}

const clean = (value: string | undefined) => normaliseLineEndings(value ?? "").trim();
const optional = (value: string | undefined) => clean(value) || null;

/** "12000", "12,000" or "12000.50" -> "12000" / "12000.5"; null for empty; "bad" for anything else. */
function amount(raw: string | undefined): string | null | "bad" {
  const value = clean(raw).replace(/[,\s]/g, "");
  if (value === "") return null;
  if (!/^\d{1,10}(\.\d{1,2})?$/.test(value)) return "bad";
  const n = Number(value);
  if (!Number.isFinite(n) || n > POST_LIMITS.salary) return "bad";
  return String(n);
}

/** A refusal as a message id and its values, for a translator (or zod's issue params). */
export type Refusal = { id: string; values?: Record<string, number | string> };

/**
 * Checks a post form: the clean input, or a refusal per field (message ids). The remote feed
 * forces remote on, the part-time feed forces the employment type to Part-time (what those feeds promise).
 */
export function checkPostIds(values: PostFormValues): { ok: true; input: PostInput } | { ok: false; errors: Partial<Record<PostField, Refusal>> } {
  const errors: Partial<Record<PostField, Refusal>> = {};
  const no = (id: string, more?: Refusal["values"]): Refusal => ({ id: `jobs.post.error.${id}`, values: more });
  const singleLine: Refusal = { id: "jobs.form.singleLine" };
  const feed = clean(values.feed);
  if (!FEED_CHOICES.some((c) => c.feed === feed)) errors.feed = no("feed");
  const title = clean(values.title);
  if (!title) errors.title = no("title");
  else if (title.length > POST_LIMITS.title) errors.title = no("titleTooLong", { max: POST_LIMITS.title, count: title.length });
  else if (!isSingleLine(title)) errors.title = singleLine;
  const employer = clean(values.employer);
  if (!employer) errors.employer = no("employer");
  else if (employer.length > POST_LIMITS.employer) errors.employer = no("employerTooLong", { max: POST_LIMITS.employer });
  else if (!isSingleLine(employer)) errors.employer = singleLine;
  const city = optional(values.city);
  if (city && city.length > POST_LIMITS.place) errors.city = no("cityTooLong", { max: POST_LIMITS.place });
  else if (city && !isSingleLine(city)) errors.city = singleLine;
  const state = optional(values.state);
  if (state && state.length > POST_LIMITS.place) errors.state = no("stateTooLong", { max: POST_LIMITS.place });
  else if (state && !isSingleLine(state)) errors.state = singleLine;
  const country = optional(values.country);
  if (country && !COUNTRIES.some((c) => c.code === country)) errors.country = no("country");
  let employmentType = clean(values.employmentType) as EmploymentType;
  if (feed === "part-time") employmentType = "Part-time";
  else if (!EMPLOYMENT_TYPES.includes(employmentType)) errors.employmentType = no("employmentType");
  const remote = feed === "remote" || values.remote === "on" || values.remote === "true";
  const salaryMin = amount(values.salaryMin);
  const salaryMax = amount(values.salaryMax);
  if (salaryMin === "bad") errors.salaryMin = no("salaryMin");
  if (salaryMax === "bad") errors.salaryMax = no("salaryMax");
  if (salaryMin !== "bad" && salaryMax !== "bad" && salaryMin !== null && salaryMax !== null && Number(salaryMin) > Number(salaryMax)) {
    errors.salaryMax = no("salaryOrder");
  }
  const period = clean(values.salaryPeriod);
  const hasAmount = (salaryMin !== null && salaryMin !== "bad") || (salaryMax !== null && salaryMax !== "bad");
  let salaryPeriod: PostInput["salaryPeriod"] = null;
  if (period) {
    if (!SALARY_PERIODS.some((p) => p.value === period)) errors.salaryPeriod = no("period");
    else if (!hasAmount && !errors.salaryMin && !errors.salaryMax) errors.salaryPeriod = no("periodNoAmount");
    else salaryPeriod = period as PostInput["salaryPeriod"];
  } else if (hasAmount) {
    errors.salaryPeriod = no("periodMissing");
  }
  const description = clean(values.description);
  if (!description) errors.description = no("description");
  else if (description.length > POST_LIMITS.description) {
    errors.description = no("descriptionTooLong", { max: POST_LIMITS.description, count: description.length });
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: {
      feed: feed as FeedSlug,
      title,
      employer,
      city,
      state,
      country,
      employmentType,
      remote,
      salaryMin: salaryMin as string | null,
      salaryMax: salaryMax as string | null,
      salaryPeriod,
      description,
    },
  };
}

/** checkPost with its messages in words (English unless a translator is given). */
export function checkPost(values: PostFormValues, t: Translate = englishJobs()): { ok: true; input: PostInput } | { ok: false; errors: Partial<Record<PostField, string>> } {
  const checked = checkPostIds(values);
  if (checked.ok) return checked;
  const errors: Partial<Record<PostField, string>> = {};
  for (const [field, refusal] of Object.entries(checked.errors)) errors[field as PostField] = t(refusal.id, refusal.values);
  return { ok: false, errors };
}

/** A decline needs a reason the poster can act on (the error in `t`'s language). */
export function checkDeclineReason(raw: string | undefined, t: Translate = englishJobs()): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = clean(raw);
  if (!reason) return { ok: false, error: t("jobs.review.reasonMissing") };
  if (reason.length > POST_LIMITS.declineReason) return { ok: false, error: t("jobs.review.reasonTooLong", { max: POST_LIMITS.declineReason, count: reason.length }) };
  return { ok: true, reason };
}

/** What the poster reads about their post's state (on /jobs/mine and the job page). */
export function postingStatusLabel(status: PostingStatus, declineReason: string | null, t: Translate = englishJobs()): string {
  switch (status) {
    case "approved":
      return t("jobs.status.approved");
    case "pending":
      return t("jobs.status.pending");
    case "declined":
      return declineReason ? t("jobs.status.declinedReason", { reason: declineReason }) : t("jobs.status.declined");
    case "closed":
      return t("jobs.status.closed");
  }
}

/** The flash after a new post is saved: what happens next (a message id). */
export const postedMessageId = (status: "approved" | "pending"): string => (status === "approved" ? "jobs.new.postedListed" : "jobs.new.postedPending");

export const postedMessage = (status: "approved" | "pending", t: Translate = englishJobs()): string => t(postedMessageId(status));

/** The flash after an edit, given the state before and after (a message id). */
export function editedMessageId(before: PostingStatus, after: PostingStatus): string {
  if (after === "pending" && before === "approved") return "jobs.edit.savedOffList";
  if (after === "pending" && before === "declined") return "jobs.edit.savedResent";
  if (after === "pending") return "jobs.edit.savedStillWaiting";
  return "jobs.edit.saved";
}

export const editedMessage = (before: PostingStatus, after: PostingStatus, t: Translate = englishJobs()): string => t(editedMessageId(before, after));

/** The form values of a stored job (edit page). */
export function formValuesOf(job: {
  feed: FeedSlug;
  job_title: string | null;
  employer_name: string | null;
  job_city: string | null;
  job_state: string | null;
  job_country: string | null;
  job_employment_type: string | null;
  job_is_remote: boolean | null;
  job_min_salary: string | null;
  job_max_salary: string | null;
  job_salary_period: string | null;
  job_description: string | null;
}): PostFormValues {
  return {
    feed: job.feed,
    title: job.job_title ?? "",
    employer: job.employer_name ?? "",
    city: job.job_city ?? "",
    state: job.job_state ?? "",
    country: job.job_country ?? "",
    employmentType: job.job_employment_type ?? "",
    remote: job.job_is_remote ? "on" : "",
    salaryMin: job.job_min_salary ?? "",
    salaryMax: job.job_max_salary ?? "",
    salaryPeriod: (job.job_salary_period ?? "").toUpperCase(),
    description: job.job_description ?? "",
  };
}
