/**
 * The post form's lists and limits, pure and light (no zod, no catalog): the form component and
 * the review forms import them; posting-rules.ts re-exports them with the checks.
 */
import type { FeedSlug } from "./feeds";

/** The feeds a post can go into, with their words (message ids). */
export const FEED_CHOICES: { feed: FeedSlug; label: string; explain: string }[] = [
  { feed: "general", label: "jobs.post.choice.general", explain: "jobs.post.choice.generalExplain" },
  { feed: "remote", label: "jobs.post.choice.remote", explain: "jobs.post.choice.remoteExplain" },
  { feed: "part-time", label: "jobs.post.choice.partTime", explain: "jobs.post.choice.partTimeExplain" },
];

export const EMPLOYMENT_TYPES = ["Full-time", "Part-time", "Contract", "Internship", "Temporary"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

/** Stored upper case, as the imported (JSearch-shaped) rows are. */
export const SALARY_PERIODS = [
  { value: "HOUR", label: "jobs.post.period.HOUR" },
  { value: "MONTH", label: "jobs.post.period.MONTH" },
  { value: "YEAR", label: "jobs.post.period.YEAR" },
] as const;

/** The countries of Ladder's regions (MENA and India), ISO 3166-1 alpha-2, named by countryLabel. Elsewhere: leave it empty. */
export const COUNTRIES: { code: string }[] = ["DZ", "BH", "EG", "IN", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "SY", "TN", "AE", "YE"].map((code) => ({ code }));

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

/** Each field's label (message ids: jobs.field.<name>). */
export const FIELD_LABELS = Object.fromEntries(POST_FIELDS.map((name) => [name, `jobs.field.${name}`])) as Record<PostField, string>;

