/**
 * The daily interview (issue 19, items 2, 4 and 5; decision 046):
 *
 * - A member's day is their own calendar day (memberDay in rules.ts), stored in interviewDate as
 *   that date at 00:00 UTC. One interview a day: starting inserts daily_interviews with
 *   ON CONFLICT DO NOTHING on (userId, interviewDate) and its interview_plans row in one
 *   transaction, then reads the day's interview back, so a second start (another tab, a double
 *   click) lands on the same interview and never fails.
 * - The plan holds up to QUESTIONS_PER_INTERVIEW question ids drawn with the operating system's
 *   generator from the category's bank, questions the member never answered first, and the
 *   language they were asked in.
 * - An answer is one interview_progress row (ON CONFLICT DO NOTHING on (dailyInterviewId,
 *   questionId): a double submit keeps the first); a skip is one interview_skips row. After each,
 *   when every planned question is answered or skipped, the interview completes in the same
 *   transaction: `UPDATE … SET isCompleted … WHERE isCompleted = false RETURNING`, and only when a
 *   row came back the member's lastInterviewDate and interviewCount move. On PostgreSQL an
 *   advisory lock per interview serialises its writes, so two last questions answered at once
 *   still complete it (once).
 * - Every read and write names the member in its WHERE: another member's interview is not found.
 */
import { randomInt } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { isInterviewCategory, questionById, questionsOf, type InterviewCategory } from "../../../db/interview-banks";
import { firstOpenQuestion, memberDay, QUESTIONS_PER_INTERVIEW } from "./rules";
import { streakFor } from "./streak.server";

export { INTERVIEW_CATEGORIES } from "../../../db/interview-banks";

/** One question of an interview as the pages show it. */
export interface PlannedQuestion {
  n: number;
  questionId: number;
  /** The words asked: as stored with the answer, else from the bank in the plan's language; null when the bank lost the id. */
  text: string | null;
  status: "answered" | "skipped" | "open";
  progressId: string | null;
  answer: string | null;
}

export interface InterviewView {
  id: string;
  interviewDate: Date;
  category: InterviewCategory | null;
  language: string;
  isCompleted: boolean;
  completedAt: Date | null;
  questions: PlannedQuestion[];
  /** The first question neither answered nor skipped; null when every one is done. */
  firstOpen: number | null;
}

/** Fisher-Yates with node:crypto's randomInt. */
function secureShuffle<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Up to QUESTIONS_PER_INTERVIEW ids of the bank, those not in `seen` first, each group shuffled. */
export function drawQuestions(bankIds: readonly number[], seen: ReadonlySet<number>): number[] {
  const fresh = secureShuffle(bankIds.filter((id) => !seen.has(id)));
  const again = secureShuffle(bankIds.filter((id) => seen.has(id)));
  return [...fresh, ...again].slice(0, QUESTIONS_PER_INTERVIEW);
}

async function lockInterview(tx: Ctx, key: string): Promise<void> {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`daily-interview:${key}`}))`);
}

/** The member's interview on `day` (interviewDate), its id; null when none. */
async function interviewIdOn(ctx: Ctx, userId: string, day: Date): Promise<string | null> {
  const d = ctx.t.daily_interviews;
  const [row] = await ctx.db
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.userId, userId), eq(d.interviewDate, day)))
    .limit(1);
  return row?.id ?? null;
}

export type StartOutcome = { kind: "started"; interviewId: string; created: boolean } | { kind: "bad_category" };

/**
 * Starts the member's interview for their day at `now` in `zone`, or finds the one already there
 * (created false). Race-safe: the unique (userId, interviewDate) index decides.
 */
export async function startInterview(ctx: Ctx, userId: string, input: { category: string; lang: string; zone: string }, now = new Date()): Promise<StartOutcome> {
  if (!isInterviewCategory(input.category)) return { kind: "bad_category" };
  const category = input.category;
  const day = memberDay(input.zone, now);
  const bank = questionsOf(category, input.lang);
  const language = input.lang === "ar" || input.lang === "hi" ? input.lang : "en";
  return withTx(ctx, async (tx): Promise<StartOutcome> => {
    const d = tx.t.daily_interviews;
    const inserted = await tx.db
      .insert(d)
      .values({ userId, interviewDate: day, category, isCompleted: false, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: [d.userId, d.interviewDate] })
      .returning({ id: d.id });
    if (inserted.length === 1) {
      const p = tx.t.interview_progress;
      const seenRows = await tx.db
        .selectDistinct({ id: p.questionId })
        .from(p)
        .where(and(eq(p.userId, userId), eq(p.category, category)));
      const questionIds = drawQuestions(
        bank.map((q) => q.id),
        new Set(seenRows.map((r) => r.id)),
      );
      await tx.db.insert(tx.t.interview_plans).values({ daily_interview_id: inserted[0].id, question_ids: questionIds, language });
      await track(tx, { userId, type: "interview_started", metadata: { category }, at: now });
      return { kind: "started", interviewId: inserted[0].id, created: true };
    }
    const id = await interviewIdOn(tx, userId, day);
    if (!id) throw new Error("daily interview vanished after a conflicting insert");
    return { kind: "started", interviewId: id, created: false };
  });
}

/** `userId`'s interview `id` with its plan, answers and skips; null for anyone else's or none. */
export async function interviewView(ctx: Ctx, userId: string, id: string): Promise<InterviewView | null> {
  const { daily_interviews: d, interview_plans: pl, interview_progress: p, interview_skips: s } = ctx.t;
  const [row] = await ctx.db
    .select({
      id: d.id,
      interviewDate: d.interviewDate,
      category: d.category,
      isCompleted: d.isCompleted,
      completedAt: d.completedAt,
      questionIds: pl.question_ids,
      language: pl.language,
    })
    .from(d)
    .leftJoin(pl, eq(pl.daily_interview_id, d.id))
    .where(and(eq(d.id, id), eq(d.userId, userId)))
    .limit(1);
  if (!row) return null;
  const [answers, skips] = await Promise.all([
    ctx.db
      .select({ id: p.id, questionId: p.questionId, question: p.question, answer: p.answer })
      .from(p)
      .where(and(eq(p.dailyInterviewId, id), eq(p.userId, userId)))
      .orderBy(asc(p.answeredAt)),
    ctx.db.select({ questionId: s.question_id }).from(s).where(eq(s.daily_interview_id, id)),
  ]);
  const category = isInterviewCategory(row.category) ? row.category : null;
  const language = row.language ?? "en";
  const ids = row.questionIds ?? [];
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  const skipped = new Set(skips.map((r) => r.questionId));
  const questions = ids.map((questionId, i): PlannedQuestion => {
    const answer = byId.get(questionId);
    return {
      n: i + 1,
      questionId,
      text: answer?.question ?? (category ? (questionById(category, questionId, language)?.text ?? null) : null),
      status: answer ? "answered" : skipped.has(questionId) ? "skipped" : "open",
      progressId: answer?.id ?? null,
      answer: answer?.answer ?? null,
    };
  });
  const done = new Set([...byId.keys(), ...skipped]);
  return {
    id: row.id,
    interviewDate: row.interviewDate,
    category,
    language,
    isCompleted: row.isCompleted,
    completedAt: row.completedAt,
    questions,
    firstOpen: firstOpenQuestion(ids, done),
  };
}

export interface TodayView {
  today: Date;
  interview: InterviewView | null;
  streak: number;
}

/** What /interviews shows a member: today's interview (on their clock) if any, and their streak. */
export async function todayView(ctx: Ctx, userId: string, zone: string, now = new Date()): Promise<TodayView> {
  const today = memberDay(zone, now);
  const [id, streak] = await Promise.all([interviewIdOn(ctx, userId, today), streakFor(ctx, userId, today)]);
  return { today, interview: id ? await interviewView(ctx, userId, id) : null, streak };
}

/**
 * Completes the interview when every planned question is answered or skipped (inside the caller's
 * transaction, after its lock). true when this call completed it.
 */
async function completeIfDone(tx: Ctx, userId: string, id: string, now: Date): Promise<boolean> {
  const view = await interviewView(tx, userId, id);
  if (!view || view.isCompleted || view.questions.length === 0 || view.firstOpen !== null) return false;
  const d = tx.t.daily_interviews;
  const done = await tx.db
    .update(d)
    .set({ isCompleted: true, completedAt: now, updatedAt: now })
    .where(and(eq(d.id, id), eq(d.userId, userId), eq(d.isCompleted, false)))
    .returning({ interviewDate: d.interviewDate });
  if (done.length === 0) return false;
  const u = tx.t.User;
  await tx.db
    .update(u)
    .set({ lastInterviewDate: done[0].interviewDate, interviewCount: sql`coalesce(${u.interviewCount}, 0) + 1` })
    .where(eq(u.id, userId));
  await track(tx, { userId, type: "interview_completed", metadata: { interviewId: id }, at: now });
  return true;
}

export type AnswerOutcome =
  | { kind: "answered"; progressId: string; created: boolean; completed: boolean }
  | { kind: "not_found" }
  /** The bank no longer has the question and it was never answered: only Skip is offered. */
  | { kind: "lost" };

/** Stores `userId`'s answer to question n (1-based) of their interview; a second answer keeps the first. */
export async function answerQuestion(ctx: Ctx, userId: string, id: string, n: number, answer: string, now = new Date()): Promise<AnswerOutcome> {
  return withTx(ctx, async (tx): Promise<AnswerOutcome> => {
    await lockInterview(tx, id);
    const view = await interviewView(tx, userId, id);
    const q = view?.questions[n - 1];
    if (!view || !q) return { kind: "not_found" };
    if (q.progressId) return { kind: "answered", progressId: q.progressId, created: false, completed: false };
    if (q.text === null || view.category === null) return { kind: "lost" };
    const p = tx.t.interview_progress;
    const inserted = await tx.db
      .insert(p)
      .values({ dailyInterviewId: id, userId, category: view.category, questionId: q.questionId, question: q.text, answer, answeredAt: now, createdAt: now })
      .onConflictDoNothing({ target: [p.dailyInterviewId, p.questionId] })
      .returning({ id: p.id });
    if (inserted.length === 0) {
      const [first] = await tx.db
        .select({ id: p.id })
        .from(p)
        .where(and(eq(p.dailyInterviewId, id), eq(p.questionId, q.questionId), eq(p.userId, userId)))
        .limit(1);
      if (!first) return { kind: "not_found" };
      return { kind: "answered", progressId: first.id, created: false, completed: false };
    }
    await track(tx, { userId, type: "interview_answered", metadata: { interviewId: id, questionId: q.questionId }, at: now });
    const completed = await completeIfDone(tx, userId, id, now);
    return { kind: "answered", progressId: inserted[0].id, created: true, completed };
  });
}

export type SkipOutcome = { kind: "skipped"; next: number | null; completed: boolean } | { kind: "not_found" };

/** Skips question n of `userId`'s interview (nothing for an answered one); `next` is then the first open question. */
export async function skipQuestion(ctx: Ctx, userId: string, id: string, n: number, now = new Date()): Promise<SkipOutcome> {
  return withTx(ctx, async (tx): Promise<SkipOutcome> => {
    await lockInterview(tx, id);
    const view = await interviewView(tx, userId, id);
    const q = view?.questions[n - 1];
    if (!view || !q) return { kind: "not_found" };
    if (q.status === "open") {
      const s = tx.t.interview_skips;
      await tx.db
        .insert(s)
        .values({ daily_interview_id: id, question_id: q.questionId, skipped_at: now })
        .onConflictDoNothing({ target: [s.daily_interview_id, s.question_id] });
    }
    const completed = await completeIfDone(tx, userId, id, now);
    const after = await interviewView(tx, userId, id);
    return { kind: "skipped", next: after?.firstOpen ?? null, completed };
  });
}

/** The progress ids of an interview's answers, for feedbackStates. */
export function answeredIds(view: InterviewView): string[] {
  return view.questions.flatMap((q) => (q.progressId ? [q.progressId] : []));
}

