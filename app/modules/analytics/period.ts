/**
 * The dashboard's period (issue 20, item 4): the last 7, 30 or 90 UTC days up to today, or custom
 * from/to dates, and the period of the same length just before it, which the tiles compare with.
 * Pure: the route hands in the URL's parameters and today's UTC day.
 */

export const PRESETS = [7, 30, 90] as const;
export type Preset = (typeof PRESETS)[number];
export const DEFAULT_PRESET: Preset = 30;
/** A custom period spans at most a year (a leap year's 366 days): the daily charts stay readable and the reads bounded. */
export const MAX_DAYS = 366;

const DAY_MS = 86_400_000;

/** Inclusive UTC days: `from` and `to` at 00:00 UTC. */
export type DayRange = { from: Date; to: Date };
export type Period = DayRange & { days: number; preset: Preset | null; previous: DayRange };

/** Message ids (adminAnalytics.period.*) for what is wrong, by field. */
export type PeriodErrors = Partial<Record<"from" | "to" | "days", string>>;

export type PeriodResult =
  | { ok: true; period: Period; values: { from: string; to: string } }
  | { ok: false; errors: PeriodErrors; values: { from: string; to: string } };

export const addDays = (day: Date, n: number): Date => new Date(day.getTime() + n * DAY_MS);
export const daysBetween = (from: Date, to: Date): number => Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
/** YYYY-MM-DD of a UTC day. */
export const isoDay = (day: Date): string => day.toISOString().slice(0, 10);

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD (what a date input sends), else null: 2026-02-30 is not a day. */
export function parseDay(text: string): Date | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && year >= 2000 ? date : null;
}

function periodOf(from: Date, to: Date, preset: Preset | null): Period {
  const days = daysBetween(from, to);
  return { from, to, days, preset, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

/**
 * The period a dashboard address asks for. `from` or `to` given: a custom period (both needed, real
 * days, from ≤ to, not after today, at most MAX_DAYS); else `days` (7, 30 or 90; 30 when absent).
 */
export function parsePeriod(params: URLSearchParams, today: Date): PeriodResult {
  const fromText = (params.get("from") ?? "").trim().slice(0, 20);
  const toText = (params.get("to") ?? "").trim().slice(0, 20);
  const values = { from: fromText, to: toText };
  if (!fromText && !toText) {
    const daysText = params.get("days");
    const preset = daysText === null || daysText === "" ? DEFAULT_PRESET : PRESETS.find((p) => String(p) === daysText);
    if (!preset) return { ok: false, errors: { days: "period.badPreset" }, values };
    return { ok: true, period: periodOf(addDays(today, -(preset - 1)), today, preset), values };
  }
  const errors: PeriodErrors = {};
  const from = fromText ? parseDay(fromText) : null;
  const to = toText ? parseDay(toText) : null;
  if (!fromText) errors.from = "period.fromMissing";
  else if (!from) errors.from = "period.notADay";
  else if (from > today) errors.from = "period.future";
  if (!toText) errors.to = "period.toMissing";
  else if (!to) errors.to = "period.notADay";
  else if (to > today) errors.to = "period.future";
  if (from && to && !errors.from && !errors.to) {
    if (from > to) errors.to = "period.toBeforeFrom";
    else if (daysBetween(from, to) > MAX_DAYS) errors.to = "period.tooLong";
  }
  if (!from || !to || Object.keys(errors).length > 0) return { ok: false, errors, values };
  return { ok: true, period: periodOf(from, to, null), values };
}

/** The query string that asks for a period again (links to exports keep the page's period). */
export function periodQuery(period: Period): string {
  return period.preset ? `days=${period.preset}` : `from=${isoDay(period.from)}&to=${isoDay(period.to)}`;
}

/** Every UTC day of a range, oldest first. */
export function daysOf(range: DayRange): Date[] {
  return Array.from({ length: daysBetween(range.from, range.to) }, (_, i) => addDays(range.from, i));
}
