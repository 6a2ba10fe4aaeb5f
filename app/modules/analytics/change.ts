/**
 * A tile's change against the previous period: a percentage, "new" when the previous period had
 * none (a percentage of zero means nothing), and nothing to say when both are zero.
 */
import { INTL_LOCALE, type Language } from "~/lib/i18n";

export type Change = { kind: "percent"; percent: number } | { kind: "new" } | { kind: "none" };

export function changeOf(current: number, previous: number): Change {
  if (previous === 0) return current === 0 ? { kind: "none" } : { kind: "new" };
  return { kind: "percent", percent: Math.round(((current - previous) / previous) * 100) };
}

const percentFormats = new Map<Language, Intl.NumberFormat>();

/** "+12%", "−3%", "0%" in the reader's digits and percent sign. */
export function formatPercentChange(percent: number, lang: Language): string {
  let format = percentFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[lang], { style: "percent", signDisplay: "exceptZero", maximumFractionDigits: 0 });
    percentFormats.set(lang, format);
  }
  return format.format(percent / 100);
}

/** Whether a change is good news, bad news or neither, for its colour (never the only signal: the sign is written). */
export function toneOf(change: Change): "up" | "down" | "flat" {
  if (change.kind === "new") return "up";
  if (change.kind === "percent") return change.percent > 0 ? "up" : change.percent < 0 ? "down" : "flat";
  return "flat";
}

const shareFormats = new Map<Language, Intl.NumberFormat>();

/** "42%" in the reader's digits: a share, with no sign. */
export function formatPercent(percent: number, lang: Language): string {
  let format = shareFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[lang], { style: "percent", maximumFractionDigits: 0 });
    shareFormats.set(lang, format);
  }
  return format.format(percent / 100);
}
