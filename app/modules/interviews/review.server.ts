/**
 * Feedback on one answer (issue 19). PLACEHOLDER, being written by the review lane: the AI
 * interview coach through the coach's openai client, the offline reviewer, streaming, retry.
 * The contract below is what the answer page uses; keep it.
 */
import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Language } from "~/lib/i18n";

import type { AnswerFeedbackState, FeedbackSource } from "./feedback";

export type { AnswerFeedbackState, FeedbackSource } from "./feedback";

export interface ReviewInput {
  /** The answer's owner: the update is scoped to their row. */
  userId: string;
  progressId: string;
  lang: Language;
  signal?: AbortSignal;
}

/**
 * Reviews a stored answer and saves the feedback (interview_progress.aiFeedback and its
 * interview_feedback row). Never inside a transaction (the AI takes seconds); never throws for a
 * provider failure (the offline reviewer answers, aiFailed is true). null: no such answer of this member.
 */
export async function reviewAnswer(ctx: Ctx, input: ReviewInput): Promise<AnswerFeedbackState | null> {
  const p = ctx.t.interview_progress;
  const [row] = await ctx.db.select({ id: p.id, userId: p.userId }).from(p).where(eq(p.id, input.progressId)).limit(1);
  if (!row || row.userId !== input.userId) return null;
  const text = "Offline review: placeholder.";
  await ctx.db.update(p).set({ aiFeedback: text }).where(eq(p.id, row.id));
  const f = ctx.t.interview_feedback;
  await ctx.db
    .insert(f)
    .values({ progress_id: row.id, source: "offline", ai_failed: false, updated_at: new Date() })
    .onConflictDoUpdate({ target: f.progress_id, set: { source: "offline", ai_failed: false, updated_at: new Date() } });
  return { text, source: "offline", aiFailed: false };
}

/** The feedback state of each answer (by interview_progress id); answers without feedback are pending. */
export async function feedbackStates(ctx: Ctx, progressIds: readonly string[]): Promise<Map<string, AnswerFeedbackState>> {
  const result = new Map<string, AnswerFeedbackState>();
  if (progressIds.length === 0) return result;
  const p = ctx.t.interview_progress;
  const f = ctx.t.interview_feedback;
  const rows = await ctx.db
    .select({ id: p.id, text: p.aiFeedback, source: f.source, aiFailed: f.ai_failed })
    .from(p)
    .leftJoin(f, eq(f.progress_id, p.id))
    .where(inArray(p.id, [...progressIds]));
  for (const r of rows) {
    result.set(r.id, { text: r.text, source: r.text === null ? null : ((r.source ?? "ai") as FeedbackSource), aiFailed: r.aiFailed ?? false });
  }
  return result;
}
