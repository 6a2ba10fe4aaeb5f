/**
 * Feedback on one answer (issue 19, item 3): the AI interview coach through the coach's openai
 * client (review-prompt.ts), or the offline reviewer (offline-review.ts) when there is no
 * OPENAI_API_KEY or the provider fails (timeout, 429, 5xx, an empty answer). Saved in
 * interview_progress.aiFeedback with its interview_feedback row (source "ai" or "offline", and
 * ai_failed when the offline review stands in for a failed AI call, so the page offers "Try the AI
 * review again"; a later success makes it source "ai", ai_failed false).
 *
 * The AI call is never inside a transaction: the answer is read, the AI answers (seconds), then
 * one short transaction saves both rows, each update scoped by the row's id AND its member.
 * The answer itself is never touched here: a failure can lose the feedback, never the answer.
 *
 * streamReview is the same for pages with JavaScript: NDJSON, one JSON object a line:
 *   {"delta":"some words "}                            a piece of the review
 *   {"done":true,"source":"ai|offline","html":"…"}     saved (html: the rendered Markdown)
 *   {"error":"…","offline":"…","html":"…"}             the AI failed: the offline review, saved with ai_failed
 */
import { and, eq, inArray } from "drizzle-orm";
import { questionById, isInterviewCategory } from "../../../db/interview-banks";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import type { Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { ndjsonResponse } from "~/lib/ndjson.server";
import { isUuid } from "~/lib/ids";
import { AiError, aiErrorMessage, aiMode, coachReply, coachStream, markdownHtml, toAiError } from "~/modules/coach/index.server";

import type { AnswerFeedbackState, FeedbackSource } from "./feedback";
import { offlineReview } from "./offline-review";
import { reviewPrompt, type ReviewSubject } from "./review-prompt";

export type { AnswerFeedbackState, FeedbackSource } from "./feedback";

export interface ReviewInput {
  /** The answer's owner: the update is scoped to their row. */
  userId: string;
  progressId: string;
  lang: Language;
  signal?: AbortSignal;
}

interface StoredAnswer {
  id: string;
  subject: ReviewSubject;
  text: string | null;
  source: FeedbackSource | null;
  aiFailed: boolean;
}

/** The member's answer with what the review needs, or null when it is not theirs (or does not exist). */
async function storedAnswer(ctx: Ctx, userId: string, progressId: string, lang: Language): Promise<StoredAnswer | null> {
  if (!isUuid(progressId) || !isUuid(userId)) return null;
  const p = ctx.t.interview_progress;
  const f = ctx.t.interview_feedback;
  const [row] = await ctx.db
    .select({ id: p.id, category: p.category, questionId: p.questionId, question: p.question, answer: p.answer, text: p.aiFeedback, source: f.source, aiFailed: f.ai_failed })
    .from(p)
    .leftJoin(f, eq(f.progress_id, p.id))
    .where(and(eq(p.id, progressId), eq(p.userId, userId)))
    .limit(1);
  if (!row) return null;
  const bankQuestion = isInterviewCategory(row.category)
    ? (questionById(row.category, row.questionId, lang) ?? questionById(row.category, row.questionId, "en"))
    : undefined;
  return {
    id: row.id,
    subject: { category: row.category, question: row.question, covers: bankQuestion?.covers ?? [], answer: row.answer },
    text: row.text,
    source: row.text === null ? null : ((row.source ?? "ai") as FeedbackSource),
    aiFailed: row.aiFailed ?? false,
  };
}

/**
 * The answer to question n (1-based, in the plan's order) of the member's interview, or null when
 * the interview is not theirs, n is out of range or the question has no answer.
 */
export async function answerIdFor(ctx: Ctx, userId: string, interviewId: string, n: number): Promise<string | null> {
  if (!isUuid(interviewId) || !isUuid(userId) || !Number.isInteger(n) || n < 1) return null;
  const d = ctx.t.daily_interviews;
  const plan = ctx.t.interview_plans;
  const [row] = await ctx.db
    .select({ ids: plan.question_ids })
    .from(d)
    .innerJoin(plan, eq(plan.daily_interview_id, d.id))
    .where(and(eq(d.id, interviewId), eq(d.userId, userId)))
    .limit(1);
  const questionId = row?.ids?.[n - 1];
  if (questionId === undefined) return null;
  const p = ctx.t.interview_progress;
  const [answer] = await ctx.db
    .select({ id: p.id })
    .from(p)
    .where(and(eq(p.dailyInterviewId, interviewId), eq(p.questionId, questionId), eq(p.userId, userId)))
    .limit(1);
  return answer?.id ?? null;
}

/** Saves the feedback on the member's answer (both rows in one short transaction); false when it is not theirs. */
async function saveFeedback(ctx: Ctx, userId: string, progressId: string, text: string, source: FeedbackSource, aiFailed: boolean): Promise<boolean> {
  return withTx(ctx, async (tx) => {
    const p = tx.t.interview_progress;
    const updated = await tx.db
      .update(p)
      .set({ aiFeedback: text })
      .where(and(eq(p.id, progressId), eq(p.userId, userId)))
      .returning({ id: p.id });
    if (updated.length === 0) return false;
    const f = tx.t.interview_feedback;
    const now = new Date();
    await tx.db
      .insert(f)
      .values({ progress_id: progressId, source, ai_failed: aiFailed, updated_at: now })
      .onConflictDoUpdate({ target: f.progress_id, set: { source, ai_failed: aiFailed, updated_at: now } });
    return true;
  });
}

/** AI configured: a failed AI review can be tried again. */
const aiReady = () => aiMode() === "online";

function stateOf(text: string, source: FeedbackSource, aiFailed: boolean): AnswerFeedbackState {
  return { text, source, aiFailed, html: markdownHtml(text), aiReady: aiReady() };
}

/**
 * Reviews a stored answer and saves the feedback (interview_progress.aiFeedback and its
 * interview_feedback row). An answer that already has feedback keeps it (no second AI call),
 * unless the AI failed on it: then the AI is asked again (the page's "Try the AI review again"). Never inside a transaction (the AI takes seconds); never throws for a
 * provider failure (the offline reviewer answers, aiFailed is true). null: no such answer of this member.
 */
export async function reviewAnswer(ctx: Ctx, input: ReviewInput): Promise<AnswerFeedbackState | null> {
  if (ctx.tx) throw new Error("reviewAnswer calls the AI: never inside a transaction");
  const stored = await storedAnswer(ctx, input.userId, input.progressId, input.lang);
  if (!stored) return null;
  // Already reviewed (a double submit, a second tab): the saved review stands; only a failed AI call is made up for.
  if (stored.text !== null && stored.source !== null && !stored.aiFailed) return stateOf(stored.text, stored.source, false);
  const offline = () => offlineReview(stored.subject, translator(input.lang));
  let text: string;
  let source: FeedbackSource = "offline";
  let aiFailed = false;
  if (aiMode() === "offline") text = offline();
  else {
    const result = await coachReply({ ...reviewPrompt(stored.subject, input.lang), signal: input.signal });
    if (result.ok && !result.offline) {
      text = result.text;
      source = "ai";
    } else {
      if (!result.ok) console.warn(`interview review: the AI failed (${result.error.kind}); the offline review answers`);
      text = offline();
      aiFailed = !result.ok;
    }
  }
  if (!(await saveFeedback(ctx, input.userId, stored.id, text, source, aiFailed))) return null;
  return stateOf(text, source, aiFailed);
}

/** The feedback state of each answer (by interview_progress id); answers without feedback are pending. */
export async function feedbackStates(ctx: Ctx, progressIds: readonly string[]): Promise<Map<string, AnswerFeedbackState>> {
  const result = new Map<string, AnswerFeedbackState>();
  const ids = progressIds.filter(isUuid);
  if (ids.length === 0) return result;
  const p = ctx.t.interview_progress;
  const f = ctx.t.interview_feedback;
  const rows = await ctx.db
    .select({ id: p.id, text: p.aiFeedback, source: f.source, aiFailed: f.ai_failed })
    .from(p)
    .leftJoin(f, eq(f.progress_id, p.id))
    .where(inArray(p.id, ids));
  for (const r of rows) {
    if (r.text === null) result.set(r.id, { text: null, source: null, aiFailed: false });
    else result.set(r.id, stateOf(r.text, (r.source ?? "ai") as FeedbackSource, r.aiFailed ?? false));
  }
  return result;
}


/** Words of a finished text, for streaming a review that is not written piece by piece. */
const piecesOf = (text: string): string[] => text.match(/\S+\s*|\s+/g) ?? [text];

/**
 * The review of the member's answer streamed as NDJSON (see the top of this file), saved at the
 * end; null when the answer is not theirs. An answer that already has feedback (and no failed AI
 * call to make up for) is sent as it is, without asking the AI again. When the request is aborted
 * (the member left), the provider call is aborted too and nothing is saved: the answer stays
 * pending and the next visit asks again.
 */
export async function streamReview(ctx: Ctx, input: ReviewInput & { signal: AbortSignal }): Promise<Response | null> {
  const stored = await storedAnswer(ctx, input.userId, input.progressId, input.lang);
  if (!stored) return null;
  const t = translator(input.lang);
  return ndjsonResponse(input.signal, async ({ send, signal }) => {
    const finish = async (text: string, source: FeedbackSource, aiFailed: boolean, streamed: boolean) => {
      if (!streamed) for (const delta of piecesOf(text)) send({ delta });
      await saveFeedback(ctx, input.userId, stored.id, text, source, aiFailed);
      const html = markdownHtml(text);
      if (aiFailed) send({ error: t("interviewsReview.aiFailed"), offline: text, html, source });
      else send({ done: true, source, html });
    };
    try {
      if (stored.text !== null && !stored.aiFailed) {
        send({ done: true, source: stored.source, html: markdownHtml(stored.text), text: stored.text });
        return;
      }
      if (aiMode() === "offline") {
        await finish(offlineReview(stored.subject, t), "offline", false, false);
        return;
      }
      let text = "";
      try {
        for await (const delta of coachStream({ ...reviewPrompt(stored.subject, input.lang), signal })) {
          text += delta;
          send({ delta });
        }
      } catch (error) {
        const failure = error instanceof AiError ? error : toAiError(error, false);
        console.warn(`interview review stream: the AI failed (${failure.kind}: ${aiErrorMessage(failure.kind)}); the offline review answers`);
        await finish(offlineReview(stored.subject, t), "offline", true, true);
        return;
      }
      if (signal.aborted) return; // the member left: save nothing half-written
      await finish(text, "ai", false, true);
    } catch (error) {
      console.error("interview review stream: could not save the review", error);
      send({ error: t("interviewsReview.streamLost") });
    }
  });
}
