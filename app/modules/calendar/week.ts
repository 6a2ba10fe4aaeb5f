/**
 * Weeks as the calendar stores and shows them: dates are UTC midnights, storage keeps Monday
 * weeks (dayOfWeek 0 = Monday), and a page's week starts on the member's chosen day (decision
 * 029). Pure, with no server-only imports: route components use it too.
 */
import { INTL_LOCALE, type Language } from "~/lib/i18n";
import { DAY_MS } from "./time";

/** The Monday 00:00 UTC of the calendar week that contains this date (its UTC date). */
export function mondayOf(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const offset = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - offset * DAY_MS);
}

/** "YYYY-MM-DD" of a UTC-midnight date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day a member's week starts on, as Date#getUTCDay counts: 0 Sunday, 1 Monday, 6 Saturday
 * (member_settings.week_start). Storage keeps Monday weeks (weekStartDate is the Monday, dayOfWeek
 * 0 = Monday); only what a page shows as "a week" starts on this day (decision 029).
 */
export type WeekStart = 0 | 1 | 6;
/** In the order the settings page offers them. */
export const WEEK_STARTS: readonly WeekStart[] = [6, 0, 1];
/** The English names of the week-start days (what /settings/time-zone says; weekdayName for the reader's language). */
export const WEEK_START_NAMES: Record<WeekStart, string> = { 0: "Sunday", 1: "Monday", 6: "Saturday" };

export function parseWeekStart(value: unknown): WeekStart | null {
  const n = typeof value === "string" && value.length === 1 ? Number(value) : typeof value === "number" ? value : NaN;
  return n === 0 || n === 1 || n === 6 ? n : null;
}

/** The first day (00:00 UTC) of the week that contains this date, for weeks starting on `weekStart`. */
export function weekStartOf(date: Date, weekStart: WeekStart): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const offset = (new Date(midnight).getUTCDay() - weekStart + 7) % 7;
  return new Date(midnight - offset * DAY_MS);
}

/** A "YYYY-MM-DD" between 2000 and 2100 -> that date (00:00 UTC); null for anything else. */
export function parseDay(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** A "YYYY-MM-DD" -> the first day of the week that holds it (Monday unless told); null for anything else. */
export function parseWeek(value: string | null | undefined, weekStart: WeekStart = 1): Date | null {
  const date = parseDay(value);
  return date ? weekStartOf(date, weekStart) : null;
}

/**
 * The seven days of the week shown from `start`, each with where storage keeps it: the Monday of
 * its own week and its dayOfWeek (0 = Monday). A week starting on Saturday or Sunday spans two
 * stored weeks.
 */
export function windowDays(start: Date): { index: number; date: Date; week: Date; dayOfWeek: number }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(start, index);
    const week = mondayOf(date);
    return { index, date, week, dayOfWeek: Math.round((date.getTime() - week.getTime()) / DAY_MS) };
  });
}

/** The stored weeks (Mondays) the week shown from `start` touches, oldest first. */
export function storedWeeksOf(start: Date): Date[] {
  const first = mondayOf(start);
  const last = mondayOf(addDays(start, 6));
  return first.getTime() === last.getTime() ? [first] : [first, last];
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

// Day and month names come from Intl in the reader's language, one formatter per language and shape.
const formats = new Map<string, Intl.DateTimeFormat>();
function dayFormat(lang: Language, year: boolean): Intl.DateTimeFormat {
  const key = `${lang} ${year}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" };
    format = new Intl.DateTimeFormat(INTL_LOCALE[lang], year ? { ...options, year: "numeric" } : options);
    formats.set(key, format);
  }
  return format;
}

/** English reads "Monday 1 December 2026" (no comma); Arabic and Hindi in their own order and punctuation. */
function formatDay(date: Date, lang: Language, year: boolean): string {
  const format = dayFormat(lang, year);
  if (lang !== "en") return format.format(date);
  return format
    .formatToParts(date)
    .filter((part) => part.type !== "literal")
    .map((part) => part.value)
    .join(" ");
}

/** The name of a day as Date#getUTCDay counts it (0 Sunday … 6 Saturday), in the reader's language. */
export function weekdayName(day: number, lang: Language = "en"): string {
  // 2 January 2000 was a Sunday.
  const date = new Date(Date.UTC(2000, 0, 2 + (((day % 7) + 7) % 7)));
  return new Intl.DateTimeFormat(INTL_LOCALE[lang], { weekday: "long", timeZone: "UTC" }).format(date);
}

/** "Monday 1 December" of a UTC-midnight date ("الاثنين، 1 ديسمبر" in Arabic). */
export function dateLabel(date: Date, lang: Language = "en"): string {
  return formatDay(date, lang, false);
}

/** "Monday 1 December" for day `dayOfWeek` of the week starting `monday`. */
export function dayLabel(monday: Date, dayOfWeek: number, lang: Language = "en"): string {
  return dateLabel(addDays(monday, dayOfWeek), lang);
}

/** "Saturday 28 November 2026": the first day of a week shown. */
export function weekLabel(start: Date, lang: Language = "en"): string {
  return formatDay(start, lang, true);
}
