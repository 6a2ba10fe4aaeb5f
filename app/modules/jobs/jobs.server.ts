/**
 * Reading one job, whichever feed it is in, with its posting state (docs/decisions/014.1-posting-state-and-applicant-tables.md).
 * A job is listed when it has no job_postings row (imported or seeded) or its row is approved.
 */
import { and, eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { FEEDS, isJobId, type FeedSlug } from "./feeds";

export function feedTable(ctx: Ctx, feed: FeedSlug) {
  // The three tables share one shape (schema.ts jobColumns), so one type serves them all.
  return ctx.t[FEEDS[feed].table] as typeof ctx.t.jobs;
}

export type PostingStatus = "pending" | "approved" | "declined" | "closed";

export async function getJob(ctx: Ctx, feed: FeedSlug, jobId: string) {
  if (!isJobId(jobId)) return null;
  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  const [row] = await ctx.db
    .select({ job: j, postingStatus: p.status, declineReason: p.decline_reason })
    .from(j)
    .leftJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
    .where(eq(j.job_id, jobId))
    .limit(1);
  if (!row) return null;
  const status = (row.postingStatus ?? null) as PostingStatus | null;
  return { ...row.job, feed, postingStatus: status, declineReason: row.declineReason ?? null, listed: status === null || status === "approved" };
}
