/**
 * Posting a job in Ladder, pure (no database, no zod: the form component imports the lists):
 * who posts as whom, what an edit does to the review state, the form's fields and their checks,
 * and the words a poster reads about their post's state. See docs/decisions/014.3-posting.md.
 */
import type { FeedSlug } from "./feeds";
import type { PostingStatus } from "./jobs.server";
import { isSingleLine, normaliseLineEndings, SINGLE_LINE_MESSAGE } from "~/lib/text";

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

export const FEED_CHOICES: { feed: FeedSlug; label: string; explain: string }[] = [
  { feed: "general", label: "Jobs (general)", explain: "Any job anywhere in the region, on site, hybrid or remote." },
  { feed: "remote", label: "Remote jobs", explain: "Fully remote roles open to people in the Middle East and North Africa. Marked remote." },
  { feed: "part-time", label: "Part-time jobs", explain: "Part-time roles in India, such as work alongside studies. Marked part-time." },
];

export const EMPLOYMENT_TYPES = ["Full-time", "Part-time", "Contract", "Internship", "Temporary"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Stored upper case, as the imported (JSearch-shaped) rows are. */
export const SALARY_PERIODS = [
  { value: "HOUR", label: "per hour" },
  { value: "MONTH", label: "per month" },
  { value: "YEAR", label: "per year" },
] as const;

/** The countries of Ladder's regions (MENA and India), ISO 3166-1 alpha-2. Elsewhere: leave it empty. */
export const COUNTRIES: { code: string; name: string }[] = [
  { code: "DZ", name: "Algeria" },
  { code: "BH", name: "Bahrain" },
  { code: "EG", name: "Egypt" },
  { code: "IN", name: "India" },
  { code: "IQ", name: "Iraq" },
  { code: "JO", name: "Jordan" },
  { code: "KW", name: "Kuwait" },
  { code: "LB", name: "Lebanon" },
  { code: "LY", name: "Libya" },
  { code: "MA", name: "Morocco" },
  { code: "OM", name: "Oman" },
  { code: "PS", name: "Palestine" },
  { code: "QA", name: "Qatar" },
  { code: "SA", name: "Saudi Arabia" },
  { code: "SY", name: "Syria" },
  { code: "TN", name: "Tunisia" },
  { code: "AE", name: "United Arab Emirates" },
  { code: "YE", name: "Yemen" },
];

export const POST_LIMITS = {
  title: 200,
  employer: 200,
  place: 100,
  description: 10_000,
  declineReason: 500,
  /** A salary above this is a typo, not a salary. */
  salary: 1_000_000_000,
} as const;

/** The form's fields, as typed (strings; the checkbox is "on" or absent). */
export const POST_FIELDS = ["feed", "title", "employer", "city", "state", "country", "employmentType", "remote", "salaryMin", "salaryMax", "salaryPeriod", "description"] as const;
export type PostField = (typeof POST_FIELDS)[number];
export type PostFormValues = Partial<Record<PostField, string>>;

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

export const FIELD_LABELS: Record<PostField, string> = {
  feed: "Feed",
  title: "Job title",
  employer: "Employer",
  city: "City",
  state: "State or region",
  country: "Country",
  employmentType: "Employment type",
  remote: "Remote",
  salaryMin: "Salary from",
  salaryMax: "Salary up to",
  salaryPeriod: "Salary period",
  description: "Description",
};

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

/**
 * Checks a post form: the clean input, or a message per field. The remote feed forces remote on,
 * the part-time feed forces the employment type to Part-time (what those feeds promise).
 */
export function checkPost(values: PostFormValues): { ok: true; input: PostInput } | { ok: false; errors: Partial<Record<PostField, string>> } {
  const errors: Partial<Record<PostField, string>> = {};
  const feed = clean(values.feed);
  if (!FEED_CHOICES.some((c) => c.feed === feed)) errors.feed = "Choose the feed the job goes into.";
  const title = clean(values.title);
  if (!title) errors.title = "Enter the job title.";
  else if (title.length > POST_LIMITS.title) errors.title = `Keep the job title to ${POST_LIMITS.title} characters or fewer (it has ${title.length}).`;
  else if (!isSingleLine(title)) errors.title = SINGLE_LINE_MESSAGE;
  const employer = clean(values.employer);
  if (!employer) errors.employer = "Enter the employer's name.";
  else if (employer.length > POST_LIMITS.employer) errors.employer = `Keep the employer's name to ${POST_LIMITS.employer} characters or fewer.`;
  else if (!isSingleLine(employer)) errors.employer = SINGLE_LINE_MESSAGE;
  const city = optional(values.city);
  if (city && city.length > POST_LIMITS.place) errors.city = `Keep the city to ${POST_LIMITS.place} characters or fewer.`;
  else if (city && !isSingleLine(city)) errors.city = SINGLE_LINE_MESSAGE;
  const state = optional(values.state);
  if (state && state.length > POST_LIMITS.place) errors.state = `Keep the state or region to ${POST_LIMITS.place} characters or fewer.`;
  else if (state && !isSingleLine(state)) errors.state = SINGLE_LINE_MESSAGE;
  const country = optional(values.country);
  if (country && !COUNTRIES.some((c) => c.code === country)) errors.country = "Choose a country from the list, or leave it empty.";
  let employmentType = clean(values.employmentType) as EmploymentType;
  if (feed === "part-time") employmentType = "Part-time";
  else if (!EMPLOYMENT_TYPES.includes(employmentType)) errors.employmentType = "Choose the employment type.";
  const remote = feed === "remote" || values.remote === "on" || values.remote === "true";
  const salaryMin = amount(values.salaryMin);
  const salaryMax = amount(values.salaryMax);
  if (salaryMin === "bad") errors.salaryMin = "Enter the salary as a number of 0 or more, such as 12000.";
  if (salaryMax === "bad") errors.salaryMax = "Enter the salary as a number of 0 or more, such as 15000.";
  if (salaryMin !== "bad" && salaryMax !== "bad" && salaryMin !== null && salaryMax !== null && Number(salaryMin) > Number(salaryMax)) {
    errors.salaryMax = "The salary up to must be at least the salary from.";
  }
  const period = clean(values.salaryPeriod);
  const hasAmount = (salaryMin !== null && salaryMin !== "bad") || (salaryMax !== null && salaryMax !== "bad");
  let salaryPeriod: PostInput["salaryPeriod"] = null;
  if (period) {
    if (!SALARY_PERIODS.some((p) => p.value === period)) errors.salaryPeriod = "Choose per hour, per month or per year.";
    else if (!hasAmount && !errors.salaryMin && !errors.salaryMax) errors.salaryPeriod = "Give an amount with the period, or leave the period empty.";
    else salaryPeriod = period as PostInput["salaryPeriod"];
  } else if (hasAmount) {
    errors.salaryPeriod = "Say whether the salary is per hour, per month or per year.";
  }
  const description = clean(values.description);
  if (!description) errors.description = "Describe the job: what the work is and who should apply.";
  else if (description.length > POST_LIMITS.description) {
    errors.description = `Keep the description to ${POST_LIMITS.description.toLocaleString("en-US")} characters or fewer (it has ${description.length.toLocaleString("en-US")}).`;
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

/** A decline needs a reason the poster can act on. */
export function checkDeclineReason(raw: string | undefined): { ok: true; reason: string } | { ok: false; error: string } {
  const reason = clean(raw);
  if (!reason) return { ok: false, error: "Tell the poster why, so they can fix the post." };
  if (reason.length > POST_LIMITS.declineReason) return { ok: false, error: `Keep the reason to ${POST_LIMITS.declineReason} characters or fewer (it has ${reason.length}).` };
  return { ok: true, reason };
}

/** What the poster reads about their post's state (on /jobs/mine and the job page). */
export function postingStatusLabel(status: PostingStatus, declineReason: string | null): string {
  switch (status) {
    case "approved":
      return "Listed";
    case "pending":
      return "Waiting for approval";
    case "declined":
      return declineReason ? `Declined: ${declineReason}` : "Declined";
    case "closed":
      return "Closed";
  }
}

/** The flash after a new post is saved: what happens next. */
export function postedMessage(status: "approved" | "pending"): string {
  return status === "approved"
    ? "Your job is posted and listed now."
    : "Your job is posted. The career team will review it; it is listed once they approve it, and you will be told either way.";
}

/** The flash after an edit, given the state before and after. */
export function editedMessage(before: PostingStatus, after: PostingStatus): string {
  if (after === "pending" && before === "approved") return "Changes saved. Your post is off the list until the career team approves it again.";
  if (after === "pending" && before === "declined") return "Changes saved and sent to the career team for another look.";
  if (after === "pending") return "Changes saved. Your post is still waiting for the career team.";
  return "Changes saved.";
}

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
