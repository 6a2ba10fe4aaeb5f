/**
 * The home page's rules, pure (no database): which dashboard a role gets, the words that pick
 * "jobs that fit" a profile, and how an application counts on a dashboard
 * (docs/decisions/026-home-per-role.md).
 */
import { applicationStatuses } from "../../../db/enums";
import { keywordWords } from "~/modules/jobs";
import type { ExperienceEntry } from "../../../db/schema";

export type HomeKind = "member" | "recruiter" | "staff" | "admin";

/**
 * Recruiters run their jobs, the career team the review queue, admins the numbers; everyone else
 * (job seekers, students, alumni, moderators) gets the member's home.
 */
export function homeKindOf(role: string | null | undefined): HomeKind {
  if (role === "recruiter") return "recruiter";
  if (role === "career_team") return "staff";
  if (role === "admin") return "admin";
  return "member";
}

/** The seven statuses, then withdrawn: the order a dashboard lists them in. */
export const APPLICATION_BUCKETS = [...applicationStatuses, "withdrawn"] as const;
export type ApplicationBucket = (typeof APPLICATION_BUCKETS)[number];

/** The applicant's words for each bucket (a rejected application is "Not selected"): message ids. */
export const BUCKET_LABELS = Object.fromEntries(APPLICATION_BUCKETS.map((b) => [b, `home.bucket.${b}`])) as Record<ApplicationBucket, string>;

/** The recruiter's words: the same, but a rejected application is "Rejected". */
export const HIRING_BUCKET_LABELS: Record<ApplicationBucket, string> = { ...BUCKET_LABELS, rejected: "home.hiringBucket.rejected" };

// placeIn lives in format.ts (placeOf is its English), so the home page's code does not load these rules.
export { placeIn } from "~/lib/format";

/** A withdrawn application counts as withdrawn whatever its status was; an unknown status as pending. */
export function bucketOf(status: string | null | undefined, withdrawn: boolean | number | null | undefined): ApplicationBucket {
  if (withdrawn === true || withdrawn === 1) return "withdrawn";
  return (applicationStatuses as readonly string[]).includes(status ?? "") ? (status as ApplicationBucket) : "pending";
}

/** Counts per bucket, every bucket present (0 when none), from rows of (bucket, n). */
export function bucketCounts(rows: readonly { bucket: ApplicationBucket; n: number }[]): Record<ApplicationBucket, number> {
  const counts = Object.fromEntries(APPLICATION_BUCKETS.map((b) => [b, 0])) as Record<ApplicationBucket, number>;
  for (const row of rows) counts[row.bucket] += row.n;
  return counts;
}

/**
 * Words that say little about the job a member wants: seniority, stage, filler. Dropped before
 * the two words that search "jobs that fit" are chosen.
 */
const GENERIC_WORDS = new Set([
  "a", "an", "and", "any", "as", "aspiring", "at", "career", "entry", "experienced", "final", "first", "for", "fresh",
  "from", "full", "graduate", "i", "in", "intern", "internship", "into", "junior", "lead", "level", "looking", "my",
  "new", "of", "on", "open", "or", "part", "remote", "role", "roles", "senior", "student", "summer", "the", "time",
  "to", "trainee", "who", "with", "year",
]);

/** At most this many words: the feed's search wants every word, so more words find fewer jobs. */
export const FIT_WORDS = 2;

export interface FitProfile {
  headline: string | null;
  experience: readonly ExperienceEntry[] | null;
  professional_skills: readonly string[] | null;
}

/**
 * The words "jobs that fit" searches the jobs feed with: from the headline (what the member says
 * they do or want), else their first job title, else their first skill. Empty when the profile
 * says nothing usable; the dashboard then asks them to fill it in.
 */
export function fitWords(profile: FitProfile): string[] {
  const sources = [profile.headline, profile.experience?.[0]?.title, profile.professional_skills?.[0]];
  for (const source of sources) {
    // Split on spaces first: keywordWords keeps only the first 8 words of what it is given.
    const all = (source ?? "").split(" ").flatMap((part) => keywordWords(part));
    const words = [...new Set(all)].filter((w) => w.length > 1 && !GENERIC_WORDS.has(w) && Number.isNaN(Number(w)));
    if (words.length > 0) return words.slice(0, FIT_WORDS);
  }
  return [];
}
