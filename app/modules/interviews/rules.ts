/**
 * The daily interview's pure rules (issue 19, decision 046): the member's day, when the next
 * interview opens, the streak, and the limits. No database, no clock: callers pass `now`.
 *
 * A member's day is the calendar date on their own clock (member_settings' zone), stored in
 * daily_interviews.interviewDate as that date at 00:00 UTC: 23:30 in Los Angeles on 5 March is
 * 2026-03-05T00:00Z even though it is already 6 March in UTC.
 */
import { wallToInstant, zoneDate } from "~/modules/calendar";

/** Questions in one day's interview. */
export const QUESTIONS_PER_INTERVIEW = 5;
/** The longest answer, in characters (UTF-16 code units, as a textarea's maxlength counts them). */
export const ANSWER_MAX = 4000;

const DAY_MS = 86_400_000;

/** The member's day at `now` in `zone`, as stored in interviewDate (that date at 00:00 UTC). */
export function memberDay(zone: string, now: Date): Date {
  return zoneDate(zone, now.getTime());
}

/** The instant the member's next day starts (their next midnight, DST included). */
export function nextDayStartsAt(zone: string, now: Date): Date {
  const today = memberDay(zone, now);
  return new Date(wallToInstant(zone, new Date(today.getTime() + DAY_MS), 0));
}

/**
 * Consecutive days with a completed interview, ending today or yesterday (a streak is not broken
 * until the day without an interview is over). `completedDays` are interviewDate values of
 * completed interviews, any order, duplicates allowed; `today` is memberDay(zone, now).
 */
export function streakOf(completedDays: readonly Date[], today: Date): number {
  const days = new Set(completedDays.map((d) => Math.floor(d.getTime() / DAY_MS)));
  let day = Math.floor(today.getTime() / DAY_MS);
  if (!days.has(day)) day -= 1;
  let streak = 0;
  while (days.has(day)) {
    streak += 1;
    day -= 1;
  }
  return streak;
}

/** The 1-based question number in the address, or null when it is not 1..count. */
export function questionNumber(raw: string | undefined, count = QUESTIONS_PER_INTERVIEW): number | null {
  const n = Number(raw);
  // String(n) === raw refuses "03", "3.0", " 3" and "3e0": one address per question.
  return Number.isInteger(n) && String(n) === raw && n >= 1 && n <= count ? n : null;
}

/**
 * The first question (1-based) neither answered nor skipped, or null when every one is done.
 * `questionIds` is the plan's order; `done` holds the answered and skipped question ids.
 */
export function firstOpenQuestion(questionIds: readonly number[], done: ReadonlySet<number>): number | null {
  const index = questionIds.findIndex((id) => !done.has(id));
  return index === -1 ? null : index + 1;
}
