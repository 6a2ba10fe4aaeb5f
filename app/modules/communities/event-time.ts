/**
 * An event's day and time as a member types them, in their own zone (issue 16): pure, for the
 * post forms (the zone arithmetic is the calendar's, DST-correct). Kept apart from post-rules.ts
 * so the pages that only need a post's limits do not download the zone code.
 */
import { timeIn, wallToInstant, zoneDate } from "~/modules/calendar";

const digits = (text: string) => text.length > 0 && [...text].every((ch) => ch >= "0" && ch <= "9");

/** "2027-03-14" -> that UTC midnight, or null (years 2000–2100, real days only). */
export function parseDay(value: string): Date | null {
  const parts = value.trim().split("-");
  if (parts.length !== 3 || parts[0].length !== 4 || parts[1].length !== 2 || parts[2].length !== 2 || !parts.every(digits)) return null;
  const [y, m, d] = parts.map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) return null;
  return day;
}

/** "18:30" (or "18:30:00", as some browsers send) -> minutes after midnight, or null. */
export function parseClock(value: string): number | null {
  const parts = value.trim().split(":");
  if ((parts.length !== 2 && parts.length !== 3) || !parts.every((p) => p.length === 2 && digits(p))) return null;
  const [h, m, s] = parts.map(Number);
  if (h > 23 || m > 59 || (s ?? 0) !== 0) return null;
  return h * 60 + m;
}

export type MomentProblem = "dayMissing" | "dayInvalid" | "timeMissing" | "timeInvalid";

/**
 * A day and a time typed in `zone` -> the instant. Both empty: null (no moment). Otherwise each
 * field that is missing or wrong is named, so its message sits beside it.
 */
export function readMoment(
  day: string,
  time: string,
  zone: string,
): { ok: true; at: Date | null } | { ok: false; problems: { day?: MomentProblem; time?: MomentProblem } } {
  if (day.trim() === "" && time.trim() === "") return { ok: true, at: null };
  const problems: { day?: MomentProblem; time?: MomentProblem } = {};
  const date = day.trim() === "" ? null : parseDay(day);
  if (day.trim() === "") problems.day = "dayMissing";
  else if (!date) problems.day = "dayInvalid";
  const minutes = time.trim() === "" ? null : parseClock(time);
  if (time.trim() === "") problems.time = "timeMissing";
  else if (minutes === null) problems.time = "timeInvalid";
  if (!date || minutes === null) return { ok: false, problems };
  return { ok: true, at: new Date(wallToInstant(zone, date, minutes)) };
}

/** An instant as the date and time inputs of `zone` show it: { day: "2027-03-14", time: "18:30" }. */
export function momentInputs(zone: string, at: Date): { day: string; time: string } {
  return { day: zoneDate(zone, at.getTime()).toISOString().slice(0, 10), time: timeIn(zone, at.getTime()) };
}
