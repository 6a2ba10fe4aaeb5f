/**
 * Pure rules of the job feeds (no database): the filter form's values, the keyword words,
 * the salary line and the "posted" line. Unit tested in tests/unit/jobs-rules.test.ts.
 */
import { z } from "zod";

import { formatDate, formatMoney, formatNumber } from "~/lib/format";
import type { Language, Translate } from "~/lib/i18n";
import { englishJobs } from "./english";
import {
  CITY_MAX, countryLabel, EMPLOYMENT_TYPES, isPoster, jobTypeLabel, KEYWORD_WORDS_MAX, KEYWORDS_MAX, POSTED_WITHIN_DAYS, POSTER_LABELS, POSTERS, type EmploymentType,
} from "./filters";

export * from "./filters";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const feedFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(KEYWORDS_MAX, "jobs.filter.error.q").optional()),
  city: z.preprocess(blankToUndefined, z.string().trim().max(CITY_MAX, "jobs.filter.error.city").optional()),
  country: z.preprocess(
    (v) => (typeof blankToUndefined(v) === "string" ? (v as string).trim().toUpperCase() : undefined),
    z.string().regex(/^[A-Z]{2}$/, "jobs.filter.error.country").optional(),
  ),
  type: z.preprocess(blankToUndefined, z.enum(EMPLOYMENT_TYPES, { errorMap: () => ({ message: "jobs.filter.error.type" }) }).optional()),
  remote: z.preprocess(blankToUndefined, z.enum(["yes"], { errorMap: () => ({ message: "jobs.filter.error.remote" }) }).optional()),
  days: z.preprocess(blankToUndefined, z.enum(POSTED_WITHIN_DAYS, { errorMap: () => ({ message: "jobs.filter.error.days" }) }).optional()),
  by: z.preprocess(blankToUndefined, z.enum(POSTERS, { errorMap: () => ({ message: "jobs.filter.error.by" }) }).optional()),
});

/** The values the filter messages name ({max} for the two text fields). */
const FILTER_LIMITS: Partial<Record<string, number>> = { q: KEYWORDS_MAX, city: CITY_MAX };

export type FeedFilters = z.infer<typeof feedFilterSchema>;
export const FILTER_NAMES = ["q", "city", "country", "type", "remote", "days", "by"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export type ParsedFilters =
  | { ok: true; filters: FeedFilters }
  | { ok: false; errors: Partial<Record<FilterName | "form", string>>; values: Partial<Record<FilterName, string>> };

/** The filter form's query string, validated, its messages in `t`'s language. Unknown parameters are ignored (utm tags, etc.). */
export function parseFilters(params: URLSearchParams, t: Translate = englishJobs()): ParsedFilters {
  const raw: Partial<Record<FilterName, string>> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value !== null) raw[name] = value;
  }
  const result = feedFilterSchema.safeParse(raw);
  if (result.success) return { ok: true, filters: result.data };
  const errors: Partial<Record<FilterName | "form", string>> = {};
  for (const issue of result.error.issues) {
    const key = (issue.path[0] as FilterName | undefined) ?? "form";
    errors[key] ??= t(issue.message, { max: FILTER_LIMITS[key] });
  }
  return { ok: false, errors, values: raw };
}

/** The filters as a query string (no cursor), in a fixed order, for links and RSS. */
export function filterQuery(filters: FeedFilters): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value !== undefined && value !== "") params.set(name, value);
  }
  return params.toString();
}

export const hasFilters = (filters: FeedFilters) => FILTER_NAMES.some((name) => filters[name] !== undefined);

/** A chosen filter as the feed page shows it, with the address of the same page without it. */
export interface ActiveFilter {
  name: FilterName;
  label: string;
  /** The feed with every other filter kept (first page: a cursor belongs to the old filters). */
  removeHref: string;
}

function filterLabel(name: FilterName, value: string, t: Translate): string {
  switch (name) {
    case "q":
      return t("jobs.filter.activeQ", { value });
    case "city":
      return t("jobs.filter.activeCity", { value });
    case "country":
      return t("jobs.filter.activeCountry", { value: countryLabel(t, value) ?? value });
    case "type":
      return t("jobs.filter.activeType", { value: jobTypeLabel(t, value) });
    case "remote":
      return t("jobs.filter.remoteOnly");
    case "days":
      return t("jobs.filter.activeDays", { count: Number(value) });
    case "by":
      return t("jobs.filter.activeBy", { value: isPoster(value) ? t(POSTER_LABELS[value]) : value });
  }
}

/** The chosen filters in the form's order, each with a link that removes it. */
export function activeFilters(filters: FeedFilters, base: string, t: Translate = englishJobs()): ActiveFilter[] {
  return FILTER_NAMES.filter((name) => filters[name] !== undefined && filters[name] !== "").map((name) => {
    const query = filterQuery({ ...filters, [name]: undefined });
    return { name, label: filterLabel(name, filters[name]!, t), removeHref: query ? `${base}?${query}` : base };
  });
}

/** "No jobs", "1 job", "240 jobs", or "More than 1,000 jobs" when the count stopped at its cap. */
export function countLabel(count: number, capped: boolean, t: Translate = englishJobs()): string {
  return capped ? t("jobs.feed.countCapped", { count }) : t("jobs.feed.count", { count });
}

/**
 * The words of the keywords: runs of letters and digits, lower-cased, at most KEYWORD_WORDS_MAX.
 * Each word matches the start of a word in the title, employer or description ("engin" finds
 * "engineer"). Punctuation and search syntax are dropped, so nothing typed reaches the query
 * language of either database.
 */
export function keywordWords(q: string | undefined): string[] {
  if (!q) return [];
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, KEYWORD_WORDS_MAX);
}

// ---- salary

const CURRENCIES: Record<string, string> = {
  AE: "AED", BH: "BHD", DZ: "DZD", EG: "EGP", IN: "INR", IQ: "IQD", JO: "JOD", KW: "KWD", LB: "LBP", LY: "LYD", MA: "MAD",
  OM: "OMR", PS: "ILS", QA: "QAR", SA: "SAR", TN: "TND", YE: "YER", US: "USD", GB: "GBP",
};

const PERIODS = new Set(["HOUR", "DAY", "WEEK", "MONTH", "YEAR"]);

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

/** "15000", "15,000", "15000.5" → a number; anything else (words, ranges, negatives) → null. */
export function salaryNumber(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const trimmed = text.trim();
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(/,/g, ""));
  return Number.isFinite(value) ? value : null;
}

/**
 * The salary line of a job, from the text columns job_min_salary, job_max_salary and
 * job_salary_period. The currency is the one of the job's country (the feeds do not store one).
 * Nothing given → "Salary not given"; values that are not plain amounts, a negative amount, a
 * minimum above the maximum or an unknown period → "Salary as posted: …" with the raw text.
 */
export function formatSalary(
  min: string | null | undefined,
  max: string | null | undefined,
  period: string | null | undefined,
  country?: string | null,
  t: Translate = englishJobs(),
  lang: Language = "en",
): string {
  const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === "";
  if (blank(min) && blank(max)) return t("jobs.salary.none");
  const raw = () =>
    t("jobs.salary.asPosted", { text: `${[min, max].filter((v) => !blank(v)).map((v) => v!.trim()).join(" – ")}${blank(period) ? "" : ` ${period!.trim()}`}` });
  const low = blank(min) ? null : salaryNumber(min);
  const high = blank(max) ? null : salaryNumber(max);
  if ((!blank(min) && low === null) || (!blank(max) && high === null)) return raw();
  if (low !== null && high !== null && low > high) return raw();
  const per = blank(period) ? "" : period!.trim().toUpperCase();
  if (per && !PERIODS.has(per)) return raw();
  const currency = country ? CURRENCIES[country.toUpperCase()] : undefined;
  // English keeps its "EGP 15,000" with the code; Arabic and Hindi write amounts their own way (formatMoney).
  const money = (n: number) => (lang === "en" ? `${currency ? `${currency} ` : ""}${numberFormat.format(n)}` : currency ? formatMoney(n, currency, lang) : formatNumber(n, lang));
  const bare = (n: number) => (lang === "en" ? numberFormat.format(n) : money(n));
  let amount: string;
  if (low !== null && high !== null) amount = low === high ? money(low) : `${money(low)}–${bare(high)}`;
  else if (low !== null) amount = t("jobs.salary.from", { amount: money(low) });
  else amount = t("jobs.salary.upTo", { amount: money(high!) });
  return per ? t("jobs.salary.withPeriod", { amount, period: t(`jobs.salary.per.${per}`) }) : amount;
}

// ---- dates

const DAY_MS = 24 * 60 * 60 * 1000;

/** "Posted today", "Posted yesterday", "Posted 3 days ago" within four weeks, then "Posted 3 Oct 2026". */
export function postedLabel(at: Date | string | number | null | undefined, now: Date = new Date(), t: Translate = englishJobs(), lang: Language = "en"): string {
  if (at === null || at === undefined) return t("jobs.posted.unknown");
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return t("jobs.posted.unknown");
  const days = Math.floor((now.getTime() - date.getTime()) / DAY_MS);
  if (days < 0 || days >= 28) return t("jobs.posted.on", { date: formatDate(date, lang) });
  if (days === 0) return t("jobs.posted.today");
  if (days === 1) return t("jobs.posted.yesterday");
  return t("jobs.posted.daysAgo", { count: days });
}

/** Employment types as JSearch sends them ("FULLTIME") → the labels the feeds use. */
export function employmentTypeLabel(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === "") return null;
  const key = value.trim().toUpperCase().replace(/[^A-Z]/g, "");
  const known: Record<string, EmploymentType> = { FULLTIME: "Full-time", PARTTIME: "Part-time", CONTRACTOR: "Contractor", CONTRACT: "Contractor", INTERN: "Internship", INTERNSHIP: "Internship" };
  return known[key] ?? value.trim();
}
