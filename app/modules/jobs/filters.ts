/** The feed filters' fixed values, without zod, so the feed component can import them cheaply. */
import type { Translate } from "~/lib/i18n";

export const KEYWORDS_MAX = 100;
export const CITY_MAX = 80;
/** At most this many words of the keywords are searched (each must match). */
export const KEYWORD_WORDS_MAX = 8;
export const FEED_PAGE_SIZE = 20;
export const RSS_ITEMS = 50;

export const EMPLOYMENT_TYPES = ["Full-time", "Part-time", "Contractor", "Internship"] as const;
export type EmploymentType = (typeof EMPLOYMENT_TYPES)[number];

export const POSTED_WITHIN_DAYS = ["1", "3", "7", "14", "30"] as const;

export const POSTERS = ["alumni", "career_team", "external"] as const;
export type Poster = (typeof POSTERS)[number];
/** Each poster's words: `t(POSTER_LABELS[poster])`. */
export const POSTER_LABELS: Record<Poster, string> = { alumni: "jobs.poster.alumni", career_team: "jobs.poster.career_team", external: "jobs.poster.external" };
export const isPoster = (value: unknown): value is Poster => typeof value === "string" && (POSTERS as readonly string[]).includes(value);

/** Countries the feeds carry (ISO 3166 codes, as the job rows store them), for the select; named by countryLabel. */
export const COUNTRIES = ["AE", "BH", "DZ", "EG", "IN", "IQ", "JO", "KW", "LB", "LY", "MA", "OM", "PS", "QA", "SA", "TN", "YE"] as const;

/** The countries the job forms know (the feeds' and the post form's), named in the catalogs: jobs.country.<code>. */
const NAMED_COUNTRIES = new Set<string>([...COUNTRIES, "SY"]);

/** A country's name in the reader's language; a code Ladder does not name stays as stored. */
export function countryLabel(t: Translate, code: string | null | undefined): string | null {
  if (!code) return null;
  const upper = code.toUpperCase();
  return NAMED_COUNTRIES.has(upper) ? t(`jobs.country.${upper}`) : code;
}

/** Employment types as stored (English words in the job rows) → their catalog ids. */
const TYPE_IDS: Record<string, string> = {
  "Full-time": "jobs.type.fullTime",
  "Part-time": "jobs.type.partTime",
  Contractor: "jobs.type.contractor",
  Contract: "jobs.type.contract",
  Internship: "jobs.type.internship",
  Temporary: "jobs.type.temporary",
};

/**
 * format.ts's placeIn with the country named, not coded: "Cairo, Egypt" (t over common and jobs).
 * Written out rather than calling it: importing format.ts here splits the feed's code into one more
 * file on a first visit (measured: +507 B gzip on /jobs).
 */
export function placeIn(t: Translate, city: string | null, country: string | null, remote: boolean | null): string {
  const place = [city, countryLabel(t, country)].filter(Boolean).join(", ");
  if (remote) return place ? t("common.place.remoteAt", { place }) : t("common.place.remote");
  return place || t("common.place.unknown");
}

/** An employment type in the reader's language; a type Ladder does not know stays as stored (it is the job's content). */
export const jobTypeLabel = (t: Translate, value: string): string => (TYPE_IDS[value] ? t(TYPE_IDS[value]) : value);

