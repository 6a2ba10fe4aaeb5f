/**
 * The member's past interviews (issue 19, items 5 and 6): /interviews/history in keyset pages,
 * one interview in full for /interviews/<id> and its Markdown export, and the streak on the
 * profile (member_settings.show_interview_streak, off by default).
 *
 * Owner only: every query has the member in its WHERE, so another member's interview is simply
 * not found (404). Pages follow the (userId, interviewDate) unique index: one interview per member
 * per day, so interviewDate alone orders a member's interviews and is the cursor's position.
 */
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { createCursor } from "~/lib/cursor.server";
import { isUuid } from "~/lib/ids";
import { normalizeZone } from "~/modules/calendar";
import { isInterviewCategory, questionById } from "../../../db/interview-banks";
import type { AnswerFeedbackState } from "./feedback";
import { feedbackStates } from "./review.server";
import { memberDay } from "./rules";
import { streakFor } from "./streak.server";

/** Interviews on one page of the history. */
export const HISTORY_PAGE_SIZE = 10;

/**
 * The history's cursor: the last interviewDate shown (epoch ms, base 36). The member is not in it:
 * the query adds them, so a cursor copied to another member's session only pages their own rows.
 */
export const historyCursor = createCursor<number, "history">({
  name: "interviews-history",
  encode: (at) => at.toString(36),
  decode(payload) {
    const at = Number.parseInt(payload, 36);
    // One spelling per position: parseInt would accept "1x" or leading zeros.
    return payload.length <= 12 && Number.isSafeInteger(at) && at >= 0 && at.toString(36) === payload ? at : null;
  },
});

export interface HistoryItem {
  id: string;
  interviewDate: Date;
  category: string | null;
  isCompleted: boolean;
  /** Planned questions (the plan's length; the answers and skips when there is no plan). */
  planned: number;
  answered: number;
  skipped: number;
  /** The questions in the plan's order, as asked. */
  questions: string[];
}

export interface HistoryPage {
  items: HistoryItem[];
  /** The position after the last item, when there may be more. */
  next: number | null;
}

/** One page of the member's interviews, newest day first, after the day `after` (epoch ms). */
export async function historyPage(ctx: Ctx, userId: string, after: number | undefined): Promise<HistoryPage> {
  const d = ctx.t.daily_interviews;
  const plan = ctx.t.interview_plans;
  const rows = await ctx.db
    .select({ id: d.id, interviewDate: d.interviewDate, category: d.category, isCompleted: d.isCompleted, questionIds: plan.question_ids, language: plan.language })
    .from(d)
    .leftJoin(plan, eq(plan.daily_interview_id, d.id))
    .where(after === undefined ? eq(d.userId, userId) : and(eq(d.userId, userId), lt(d.interviewDate, new Date(after))))
    .orderBy(desc(d.interviewDate))
    .limit(HISTORY_PAGE_SIZE + 1);
  const shown = rows.slice(0, HISTORY_PAGE_SIZE);
  const ids = shown.map((r) => r.id);
  const [answers, skips] = await Promise.all([answersOf(ctx, userId, ids), skipsOf(ctx, ids)]);
  const items = shown.map((r): HistoryItem => {
    const own = answers.filter((a) => a.dailyInterviewId === r.id);
    const skipped = skips.filter((s) => s.dailyInterviewId === r.id);
    const order = r.questionIds ?? [...own.map((a) => a.questionId), ...skipped.map((s) => s.questionId)];
    const asked = new Map(own.map((a) => [a.questionId, a.question]));
    return {
      id: r.id,
      interviewDate: r.interviewDate,
      category: r.category,
      isCompleted: r.isCompleted,
      planned: order.length,
      answered: own.length,
      skipped: skipped.length,
      questions: order.map((qid) => asked.get(qid) ?? bankText(r.category, qid, r.language ?? "en") ?? ""),
    };
  });
  const last = shown.at(-1);
  return { items, next: rows.length > HISTORY_PAGE_SIZE && last ? last.interviewDate.getTime() : null };
}

async function answersOf(ctx: Ctx, userId: string, interviewIds: string[]) {
  if (interviewIds.length === 0) return [];
  const p = ctx.t.interview_progress;
  return ctx.db
    .select({ id: p.id, dailyInterviewId: p.dailyInterviewId, questionId: p.questionId, question: p.question, answer: p.answer, answeredAt: p.answeredAt })
    .from(p)
    .where(and(inArray(p.dailyInterviewId, interviewIds), eq(p.userId, userId)))
    .orderBy(asc(p.answeredAt));
}

async function skipsOf(ctx: Ctx, interviewIds: string[]) {
  if (interviewIds.length === 0) return [];
  const s = ctx.t.interview_skips;
  return ctx.db
    .select({ dailyInterviewId: s.daily_interview_id, questionId: s.question_id })
    .from(s)
    .where(inArray(s.daily_interview_id, interviewIds));
}

/** The question's text in the bank, in the language it was asked in (undefined when retired). */
function bankText(category: string | null, questionId: number, lang: string): string | undefined {
  return isInterviewCategory(category) ? questionById(category, questionId, lang)?.text : undefined;
}

export type QuestionState =
  | { kind: "answered"; progressId: string; answer: string; answeredAt: Date; feedback: AnswerFeedbackState }
  | { kind: "skipped" }
  | { kind: "open" };

export interface InterviewQuestion {
  /** 1-based, in the plan's order. */
  n: number;
  questionId: number;
  text: string;
  state: QuestionState;
}

export interface InterviewInFull {
  id: string;
  interviewDate: Date;
  category: string | null;
  isCompleted: boolean;
  completedAt: Date | null;
  questions: InterviewQuestion[];
}

/** The member's interview with every planned question, its answer and feedback; null when it is not theirs (or not there). */
export async function interviewInFull(ctx: Ctx, userId: string, id: string): Promise<InterviewInFull | null> {
  if (!isUuid(id)) return null;
  const d = ctx.t.daily_interviews;
  const plan = ctx.t.interview_plans;
  const [row] = await ctx.db
    .select({ id: d.id, interviewDate: d.interviewDate, category: d.category, isCompleted: d.isCompleted, completedAt: d.completedAt, questionIds: plan.question_ids, language: plan.language })
    .from(d)
    .leftJoin(plan, eq(plan.daily_interview_id, d.id))
    .where(and(eq(d.id, id.toLowerCase()), eq(d.userId, userId)))
    .limit(1);
  if (!row) return null;
  const [answers, skips] = await Promise.all([answersOf(ctx, userId, [row.id]), skipsOf(ctx, [row.id])]);
  const feedback = await feedbackStates(
    ctx,
    answers.map((a) => a.id),
  );
  const byQuestion = new Map(answers.map((a) => [a.questionId, a]));
  const skipped = new Set(skips.map((s) => s.questionId));
  const order = [...(row.questionIds ?? [])];
  // Answers or skips outside the plan (an interview from before plans): after the planned ones.
  for (const a of answers) if (!order.includes(a.questionId)) order.push(a.questionId);
  for (const s of skips) if (!order.includes(s.questionId)) order.push(s.questionId);
  const lang = row.language ?? "en";
  const questions = order.map((questionId, i): InterviewQuestion => {
    const answer = byQuestion.get(questionId);
    const text = answer?.question ?? bankText(row.category, questionId, lang) ?? "";
    const state: QuestionState = answer
      ? {
          kind: "answered",
          progressId: answer.id,
          answer: answer.answer,
          answeredAt: answer.answeredAt,
          feedback: feedback.get(answer.id) ?? { text: null, source: null, aiFailed: false },
        }
      : skipped.has(questionId)
        ? { kind: "skipped" }
        : { kind: "open" };
    return { n: i + 1, questionId, text, state };
  });
  return { id: row.id, interviewDate: row.interviewDate, category: row.category, isCompleted: row.isCompleted, completedAt: row.completedAt, questions };
}

/** Whether `interview` is the member's interview of today (in `zone`) and still open: its questions can be answered. */
export function isOpenToday(interview: { interviewDate: Date; isCompleted: boolean }, zone: string, now = new Date()): boolean {
  return !interview.isCompleted && interview.interviewDate.getTime() === memberDay(zone, now).getTime();
}

/** Whether the member shows their streak on their profile (off until they turn it on). */
export async function showsStreakOnProfile(ctx: Ctx, userId: string): Promise<boolean> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db.select({ show: s.show_interview_streak }).from(s).where(eq(s.user_id, userId)).limit(1);
  return row?.show ?? false;
}

/**
 * Turns the streak on the profile on or off. A member without a settings row gets one with the
 * zone they are shown (`zone`), as the calendar's settings do: a row means a chosen zone.
 */
export async function saveStreakOnProfile(ctx: Ctx, userId: string, show: boolean, zone: string): Promise<void> {
  const s = ctx.t.member_settings;
  const now = new Date();
  await ctx.db
    .insert(s)
    .values({ user_id: userId, time_zone: zone, show_interview_streak: show, updated_at: now })
    .onConflictDoUpdate({ target: s.user_id, set: { show_interview_streak: show, updated_at: now } });
}

/**
 * The streak shown on the member's profile: 0 when they have not allowed it (or have none). The
 * day is the profile owner's, in their saved zone (UTC without one), whoever is looking.
 */
export async function profileStreak(ctx: Ctx, userId: string, now = new Date()): Promise<number> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db
    .select({ show: s.show_interview_streak, zone: s.time_zone })
    .from(s)
    .where(and(eq(s.user_id, userId), eq(s.show_interview_streak, true)))
    .limit(1);
  if (!row?.show) return 0;
  return streakFor(ctx, userId, memberDay(normalizeZone(row.zone) ?? "UTC", now));
}
