/**
 * Interviews with answers, written straight into the database (the review lane's tests do not go
 * through the answer page): one daily interview of a member, its plan, and a stored answer for each
 * of the first questions. Each call takes a day of its own, so one member can have many.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Ctx } from "../../db/client";
import { questionsOf, type InterviewCategory } from "../../db/interview-banks";

const DAY_MS = 86_400_000;
let nextDay = Date.UTC(2021, 0, 1) + Math.floor(Math.random() * 1000) * DAY_MS;

export interface AnsweredInterview {
  interviewId: string;
  /** interview_progress ids, in the plan's order (question 1 first). */
  progressIds: string[];
  questionIds: number[];
}

export async function answeredInterview(
  ctx: Ctx,
  userId: string,
  answers: readonly string[],
  options: { category?: InterviewCategory; language?: string } = {},
): Promise<AnsweredInterview> {
  const category = options.category ?? "behavioral";
  const questions = questionsOf(category, options.language ?? "en").slice(0, 5);
  if (answers.length > questions.length) throw new Error(`the ${category} bank has only ${questions.length} questions`);
  const interviewId = randomUUID();
  const day = new Date(nextDay);
  nextDay += DAY_MS;
  await ctx.db.insert(ctx.t.daily_interviews).values({ id: interviewId, userId, interviewDate: day, category });
  await ctx.db
    .insert(ctx.t.interview_plans)
    .values({ daily_interview_id: interviewId, question_ids: questions.map((q) => q.id), language: options.language ?? "en" });
  const progressIds: string[] = [];
  for (const [i, answer] of answers.entries()) {
    const id = randomUUID();
    const q = questions[i];
    await ctx.db.insert(ctx.t.interview_progress).values({ id, dailyInterviewId: interviewId, userId, category, questionId: q.id, question: q.text, answer });
    progressIds.push(id);
  }
  return { interviewId, progressIds, questionIds: questions.map((q) => q.id) };
}

/** An answer's stored feedback and its interview_feedback row (undefined: none yet). */
export async function storedFeedback(ctx: Ctx, progressId: string) {
  const p = ctx.t.interview_progress;
  const f = ctx.t.interview_feedback;
  const [row] = await ctx.db
    .select({ answer: p.answer, text: p.aiFeedback, source: f.source, aiFailed: f.ai_failed })
    .from(p)
    .leftJoin(f, eq(f.progress_id, p.id))
    .where(eq(p.id, progressId));
  return row;
}
