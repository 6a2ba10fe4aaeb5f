/**
 * Saved jobs (`saved_jobs`, decision 023; the list and its rules in decision 028): a member keeps
 * listed jobs of any feed on one list, newest saved first. Every query names the member
 * (`user_id = me`), so nobody reads or removes another member's saves; saving twice is one row
 * (the primary key, `ON CONFLICT DO NOTHING`), also when two saves race.
 */
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { FEED_SLUGS, isJobId, type FeedSlug } from "./feeds";
import { feedTable, getJob, type PostingStatus } from "./jobs.server";
import { before, cutPage, jobCardColumns } from "./keyset.server";
import type { JobPosition } from "./posting.server";

export const SAVED_PAGE_SIZE = 20;

export type SaveOutcome = "saved" | "already" | "not_found";

/** Saves a listed job for the member; an unknown or unlisted job is not_found. */
export async function saveJob(ctx: Ctx, userId: string, feed: FeedSlug, jobId: string, now = new Date()): Promise<SaveOutcome> {
  const job = await getJob(ctx, feed, jobId);
  if (!job || !job.listed) return "not_found";
  const s = ctx.t.saved_jobs;
  const rows = await ctx.db
    .insert(s)
    .values({ user_id: userId, feed, job_id: job.job_id, created_at: now })
    .onConflictDoNothing({ target: [s.user_id, s.feed, s.job_id] })
    .returning({ jobId: s.job_id });
  return rows.length > 0 ? "saved" : "already";
}

/** Removes the member's own save of a job; true when there was one. */
export async function unsaveJob(ctx: Ctx, userId: string, feed: FeedSlug, jobId: string): Promise<boolean> {
  if (!isJobId(jobId)) return false;
  const s = ctx.t.saved_jobs;
  const rows = await ctx.db
    .delete(s)
    .where(and(eq(s.user_id, userId), eq(s.feed, feed), eq(s.job_id, jobId)))
    .returning({ jobId: s.job_id });
  return rows.length > 0;
}

/** Which of these jobs of one feed the member has saved (one primary-key lookup per id). */
export async function savedAmong(ctx: Ctx, userId: string, feed: FeedSlug, jobIds: readonly string[]): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const s = ctx.t.saved_jobs;
  const rows = await ctx.db
    .select({ jobId: s.job_id })
    .from(s)
    .where(and(eq(s.user_id, userId), eq(s.feed, feed), inArray(s.job_id, [...jobIds])));
  return new Set(rows.map((r) => r.jobId));
}

export interface SavedJob {
  feed: FeedSlug;
  jobId: string;
  savedAt: Date;
  /** null: the job is gone from its feed (deleted); its save stays until removed. */
  job: {
    title: string | null;
    employer: string | null;
    city: string | null;
    country: string | null;
    remote: boolean | null;
    createdAt: Date;
    listed: boolean;
  } | null;
}

/**
 * The member's saved jobs, newest saved first, in keyset pages on (created_at, feed, job_id)
 * through saved_jobs_user_created_idx; then the jobs of the page, one query per feed present.
 */
export async function listSaved(
  ctx: Ctx,
  userId: string,
  options: { after?: JobPosition; pageSize?: number } = {},
): Promise<{ rows: SavedJob[]; next: JobPosition | null }> {
  const size = options.pageSize ?? SAVED_PAGE_SIZE;
  const s = ctx.t.saved_jobs;
  const after = options.after;
  const position = after
    ? before([
        [s.created_at, new Date(after.at)],
        [s.feed, after.feed],
        [s.job_id, after.jobId],
      ])
    : undefined;
  const saved = await ctx.db
    .select({ feed: s.feed, jobId: s.job_id, savedAt: s.created_at })
    .from(s)
    .where(and(eq(s.user_id, userId), position))
    .orderBy(desc(s.created_at), desc(s.feed), desc(s.job_id))
    .limit(size + 1);
  const { page, lastBeforeMore: last } = cutPage(saved, size);
  const jobs = new Map<string, NonNullable<SavedJob["job"]>>();
  await Promise.all(
    FEED_SLUGS.map(async (feed) => {
      const ids = page.filter((r) => r.feed === feed).map((r) => r.jobId);
      if (ids.length === 0) return;
      const j = feedTable(ctx, feed);
      const p = ctx.t.job_postings;
      const rows = await ctx.db
        .select({
          ...jobCardColumns(j),
          createdAt: j.created_at,
          status: p.status,
        })
        .from(j)
        .leftJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
        .where(inArray(j.job_id, ids));
      for (const { status, jobId, ...job } of rows) {
        const posting = (status ?? null) as PostingStatus | null;
        jobs.set(`${feed}/${jobId}`, { ...job, listed: posting === null || posting === "approved" });
      }
    }),
  );
  const rows: SavedJob[] = page.map((r) => ({ feed: r.feed as FeedSlug, jobId: r.jobId, savedAt: r.savedAt, job: jobs.get(`${r.feed}/${r.jobId}`) ?? null }));
  return { rows, next: last ? { at: last.savedAt.getTime(), jobId: last.jobId, feed: last.feed as FeedSlug } : null };
}
