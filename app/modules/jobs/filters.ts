/** The feed filters' fixed values, without zod, so the feed component can import them cheaply. */
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
export const POSTER_LABELS: Record<Poster, string> = { alumni: "Alumni", career_team: "Career team", external: "Other sites" };

/** Countries the feeds carry (ISO 3166 codes, as the job rows store them), for the select. */
export const COUNTRIES: Record<string, string> = {
  AE: "United Arab Emirates", BH: "Bahrain", DZ: "Algeria", EG: "Egypt", IN: "India", IQ: "Iraq", JO: "Jordan",
  KW: "Kuwait", LB: "Lebanon", LY: "Libya", MA: "Morocco", OM: "Oman", PS: "Palestine", QA: "Qatar", SA: "Saudi Arabia",
  TN: "Tunisia", YE: "Yemen",
};

export const countryName = (code: string | null | undefined) => (code ? (COUNTRIES[code.toUpperCase()] ?? code) : null);

