/**
 * How Ladder writes dates, moments and places, on every page (decision 025): one style, so a
 * member learns to read it once.
 */

import { INTL_LOCALE, type Language, type Translate } from "./i18n";

// Built once per language: toLocaleDateString builds a new formatter per call (~50 µs, measured by the bench).
const dateFormats = new Map<Language, Intl.DateTimeFormat>();
function dateFormat(lang: Language): Intl.DateTimeFormat {
  let format = dateFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[lang], { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dateFormats.set(lang, format);
  }
  return format;
}

/** What the formatters show for a missing or broken value: a dash, which reads the same in every language. */
const UNKNOWN = "—";

const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

/** "3 days ago"-style dates are avoided: an absolute date reads the same on every device. */
export function formatDate(value: Date | string | number | null | undefined, lang: Language = "en"): string {
  if (value === null || value === undefined) return UNKNOWN;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return UNKNOWN;
  return dateFormat(lang).format(date);
}

// Number and money formatters, one per language (and currency).
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Language, currency?: string): Intl.NumberFormat {
  const key = `${lang} ${currency ?? ""}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[lang], currency ? { style: "currency", currency, maximumFractionDigits: 0 } : {});
    numberFormats.set(key, format);
  }
  return format;
}

/** 125,000 in English and Arabic; Hindi groups lakhs: 1,25,000. */
export function formatNumber(value: number, lang: Language = "en"): string {
  return numberFormat(lang).format(value);
}

/** An amount in EGP, INR, SAR, AED or any ISO currency, written the reader's way. */
export function formatMoney(value: number, currency: string, lang: Language = "en"): string {
  try {
    return numberFormat(lang, currency.toUpperCase()).format(value);
  } catch {
    return `${formatNumber(value, lang)} ${currency}`;
  }
}

/** "Cairo, EG", "Remote · AE", "Place not given": one wording for where a job is (placeIn in English). */
export function placeOf(city: string | null, country: string | null, remote: boolean | null): string {
  return placeIn(ENGLISH_PLACE, city, country, remote);
}

/** The English of common.place.*, for placeOf's callers that have no reader. */
const ENGLISH_PLACE: Translate = (id, values) =>
  id === "common.place.remoteAt" ? `Remote · ${String(values?.place)}` : id === "common.place.remote" ? "Remote" : "Place not given";

/** "Cairo, EG", "Remote · AE", "Place not given" in the reader's language (common.place.*). */
export function placeIn(t: Translate, city: string | null, country: string | null, remote: boolean | null): string {
  const place = [city, country].filter(Boolean).join(", ");
  if (remote) return place ? t("common.place.remoteAt", { place }) : t("common.place.remote");
  return place || t("common.place.unknown");
}

// One formatter per zone (and with or without seconds), built on first use (a page uses one or two).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(zone: string, seconds: boolean, lang: Language = "en"): Intl.DateTimeFormat {
  const key = `${zone} ${seconds} ${lang}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[lang], {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      hourCycle: "h23",
      timeZone: zone,
      timeZoneName: "shortOffset",
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A moment in the member's zone, always with the zone: "26 Nov 2026, 21:06 Asia/Kolkata (GMT+5:30)",
 * or "26 Nov 2026, 15:36 UTC". The offset is the one in force at that moment (summer time
 * included), so a reader never has to know the zone's rules. An unknown zone falls back to UTC,
 * which is then what the label says. `seconds` for versions saved within one minute.
 */
export function formatDateTime(value: Date | string | number | null | undefined, zone = "UTC", options: { seconds?: boolean; lang?: Language } = {}): string {
  const lang = options.lang ?? "en";
  if (value === null || value === undefined) return UNKNOWN;
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return UNKNOWN;
  const seconds = options.seconds ?? false;
  let format: Intl.DateTimeFormat;
  try {
    format = dateTimeFormat(zone, seconds, lang);
  } catch {
    return formatDateTime(date, "UTC", options);
  }
  // Arabic and Hindi: the language's own order and words, then the zone's name (the offset is in the text).
  if (lang !== "en") return zone === "UTC" ? format.format(date) : `${format.format(date)} (${zone})`;
  let day = "";
  let time = "";
  let offset = "";
  for (const part of format.formatToParts(date)) {
    if (part.type === "day" || part.type === "month" || part.type === "year") day += day ? ` ${part.value}` : part.value;
    else if (part.type === "hour") time = part.value;
    else if (part.type === "minute" || part.type === "second") time += `:${part.value}`;
    else if (part.type === "timeZoneName") offset = part.value === "GMT+0" ? "GMT" : part.value;
  }
  if (zone === "UTC") return `${day}, ${time} UTC`;
  return `${day}, ${time} ${zone} (${offset})`;
}
