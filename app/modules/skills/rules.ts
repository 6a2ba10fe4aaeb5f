/**
 * The skills area's rules, pure (issue 18): how long a test is, what passes, how often a member
 * may try, and how two scores compare. No server-only imports: route components and the unit
 * tests read them directly.
 */

import { skillTestQuestions } from "../../../db/enums";

/** Questions in one drawn test. */
export const QUESTIONS_PER_TEST = skillTestQuestions;
/** A score passes (and verifies the skill) at 70% or more. */
export const PASS_PERCENT = 70;
/** Graded attempts one member may make at one skill within ATTEMPT_WINDOW_MS. */
export const DAILY_ATTEMPTS = 3;
/** "A day" for the attempt limit: the last 24 hours, the same for every time zone. */
export const ATTEMPT_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Options of every question: exactly four, distinct and non-empty; correctIndex 0 to 3. */
export const OPTIONS_PER_QUESTION = 4;
/** selectedAnswers holds this for a question left unanswered (it counts as wrong). */
export const UNANSWERED = -1;

export interface Score {
  score: number;
  total: number;
}

/** True when `score/total` is 70% or more (integer arithmetic: no rounding at the border). */
export function passes({ score, total }: Score): boolean {
  return total > 0 && score * 100 >= total * PASS_PERCENT;
}

/** The whole percentage shown next to a score (rounded down, so 69.9% never reads as 70%). */
export function percentOf({ score, total }: Score): number {
  return total > 0 ? Math.floor((score * 100) / total) : 0;
}

/** True when `a` is a better score than `b` (a higher share; equal shares keep the earlier). */
export function isBetter(a: Score, b: Score | null | undefined): boolean {
  if (!b) return true;
  if (b.total <= 0) return a.total > 0;
  if (a.total <= 0) return false;
  return a.score * b.total > b.score * a.total;
}

/**
 * When the member may try again, given the times of their graded attempts at this skill (any
 * order): null when fewer than DAILY_ATTEMPTS fall in the last 24 hours; otherwise the moment the
 * oldest of those leaves the window.
 */
export function nextAttemptAt(attemptTimes: readonly Date[], now: Date): Date | null {
  const since = now.getTime() - ATTEMPT_WINDOW_MS;
  const recent = attemptTimes.map((d) => d.getTime()).filter((t) => t > since).sort((a, b) => a - b);
  if (recent.length < DAILY_ATTEMPTS) return null;
  return new Date(recent[recent.length - DAILY_ATTEMPTS] + ATTEMPT_WINDOW_MS);
}
