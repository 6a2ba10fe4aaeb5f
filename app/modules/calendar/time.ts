/**
 * Times of day on the calendar's 15-minute grid (00:00 to 24:00), the ranges members type and
 * whether two overlap, and the millisecond units the other calendar files count in. Pure, with no
 * server-only imports: route components use it too. See docs/decisions/013-calendar-and-find-a-time.md.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Times are whole quarter hours; a day ends at 24:00 (stored "24:00:00"). */
export const GRID_MINUTES = 15;
export const DAY_MINUTES = 24 * 60;

/** "HH:MM" or "HH:MM:SS" -> minutes after midnight; null unless a grid time from 00:00 to 24:00. */
export function parseTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? "0")];
  if (m > 59 || s !== 0) return null;
  const minutes = h * 60 + m;
  if (minutes > DAY_MINUTES || minutes % GRID_MINUTES !== 0) return null;
  return minutes;
}

/** minutes -> "HH:MM:SS" as stored (1440 -> "24:00:00"). */
export function storedTime(minutes: number): string {
  return `${shortTime(minutes)}:00`;
}

/** minutes -> "HH:MM" as shown. */
export function shortTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The choices of the start and end lists: 00:00..23:45 and 00:15..24:00. */
export const START_CHOICES = Array.from({ length: DAY_MINUTES / GRID_MINUTES }, (_, i) => shortTime(i * GRID_MINUTES));
export const END_CHOICES = Array.from({ length: DAY_MINUTES / GRID_MINUTES }, (_, i) => shortTime((i + 1) * GRID_MINUTES));

export interface TimeRange {
  start: number;
  end: number;
}

/** Checks a typed start and end; the message names the problem in plain English (forms say it in the reader's language through rangeIssue). */
export function checkRange(start: string, end: string): { ok: true; range: TimeRange } | { ok: false; field: "start" | "end"; message: string } {
  const s = parseTime(start);
  if (s === null || s === DAY_MINUTES) return { ok: false, field: "start", message: "Choose a start time on the quarter hour, from 00:00 to 23:45." };
  const e = parseTime(end);
  if (e === null || e === 0) return { ok: false, field: "end", message: "Choose an end time on the quarter hour, from 00:15 to 24:00." };
  if (e <= s) return { ok: false, field: "end", message: `The end (${shortTime(e)}) must be after the start (${shortTime(s)}).` };
  return { ok: true, range: { start: s, end: e } };
}

/**
 * checkRange for forms: the problem as a message id of app/locales/<lang>/calendar.json and its
 * values, so readForm says it in the reader's language (checkRange's English is the same words).
 */
export function rangeIssue(start: string, end: string): { ok: true; range: TimeRange } | { ok: false; field: "start" | "end"; id: string; params?: Record<string, string> } {
  const checked = checkRange(start, end);
  if (checked.ok) return checked;
  if (checked.field === "start") return { ok: false, field: "start", id: "calendar.form.startTime" };
  const s = parseTime(start) ?? 0;
  const e = parseTime(end);
  if (e === null || e === 0) return { ok: false, field: "end", id: "calendar.form.endTime" };
  return { ok: false, field: "end", id: "calendar.form.endAfterStart", params: { end: shortTime(e), start: shortTime(s) } };
}

/** Half-open ranges overlap when each starts before the other ends; touching is fine. */
export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function findOverlap<T extends TimeRange>(range: TimeRange, existing: readonly T[]): T | null {
  return existing.find((other) => overlaps(range, other)) ?? null;
}

export function rangeLabel(range: TimeRange): string {
  return `${shortTime(range.start)}–${shortTime(range.end)}`;
}
