/**
 * The career team's home and the admin's numbers (docs/decisions/026-home-per-role.md).
 * Staff: posts waiting for review, oldest first, and the latest decisions. Admin: today's counts.
 */
import { sql, type SQL } from "drizzle-orm";
import { msOf, rowsOf, tsParam, type Ctx } from "~/db.server";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "~/modules/accounts/index.server";
import { dayStartUtc } from "~/modules/coach/index.server";
import type { FeedSlug } from "~/modules/jobs/index.server";
import { jobJoins, num } from "./sql.server";

export const QUEUE_SHOWN = 5;
export const DECISIONS_SHOWN = 5;

export interface QueuedPost {
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  poster: string | null;
  postedAt: Date;
}

/**
 * Posts waiting for review: how many, and the oldest few with title and poster. The pending rows
 * come off job_postings_status_idx (status, created_at, job_id) in order; only the few shown
 * look up their job and poster.
 */
export function queueQuery(ctx: Ctx): SQL {
  const job = jobJoins("q.feed", "q.job_id");
  return sql`select q.feed, q.job_id, ${msOf(ctx, sql`q.created_at`)} as at_ms, q.total, ${job.title} as title, ${job.employer} as employer, u.name as poster
        from (
          select feed, job_id, created_at, count(*) over () as total from job_postings
          where status = 'pending' order by created_at, job_id, feed limit ${QUEUE_SHOWN}
        ) q
        ${job.joins}
        left join "User" u on u.id = ${job.poster}
        order by q.created_at, q.job_id, q.feed`;
}

export async function reviewQueue(ctx: Ctx): Promise<{ total: number; oldest: QueuedPost[] }> {
  const rows = await rowsOf<{ feed: string; job_id: string; at_ms: unknown; total: unknown; title: string | null; employer: string | null; poster: string | null }>(ctx, queueQuery(ctx));
  return {
    total: num(rows[0]?.total),
    oldest: rows.map((r) => ({ feed: r.feed as FeedSlug, jobId: r.job_id, title: r.title, employer: r.employer, poster: r.poster, postedAt: new Date(num(r.at_ms)) })),
  };
}

export interface Decision {
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  approved: boolean;
  reason: string | null;
  decider: string | null;
  decidedAt: Date;
}

/**
 * The latest approvals and declines by the career team. A staff member's own post is approved
 * the moment it is made (decided_at = created_at): that is no decision, so it is left out.
 * job_postings has no index on decided_at, so this reads the
 * decided rows (the status index's two ranges) and sorts them: as many rows as posts made in
 * Ladder, never the imported jobs (decision 026 names the index that would make it a keyset read).
 */
export function decisionsQuery(ctx: Ctx): SQL {
  const job = jobJoins("d.feed", "d.job_id");
  return sql`select d.feed, d.job_id, d.status, d.decline_reason, ${msOf(ctx, sql`d.decided_at`)} as at_ms, ${job.title} as title, u.name as decider
        from (
          select feed, job_id, status, decline_reason, decided_at, decided_by_user_id from job_postings
          where status in ('approved', 'declined') and decided_at > created_at
          order by decided_at desc, job_id desc limit ${DECISIONS_SHOWN}
        ) d
        ${job.joins}
        left join "User" u on u.id = d.decided_by_user_id
        order by d.decided_at desc, d.job_id desc`;
}

export async function recentDecisions(ctx: Ctx): Promise<Decision[]> {
  const rows = await rowsOf<{ feed: string; job_id: string; status: string; decline_reason: string | null; at_ms: unknown; title: string | null; decider: string | null }>(ctx, decisionsQuery(ctx));
  return rows.map((r) => ({
    feed: r.feed as FeedSlug,
    jobId: r.job_id,
    title: r.title,
    approved: r.status === "approved",
    reason: r.decline_reason,
    decider: r.decider,
    decidedAt: new Date(num(r.at_ms)),
  }));
}

export async function staffHome(ctx: Ctx) {
  const [queue, decisions] = await Promise.all([reviewQueue(ctx), recentDecisions(ctx)]);
  return { queue, decisions };
}

export interface TodaysNumbers {
  signUps: number;
  activeSessions: number;
  applications: number;
  messages: number;
  pendingPosts: number;
}

/**
 * Today's numbers (the UTC day, like the coach's quota) in ONE query of five counts. Sign-ups and
 * messages count an index range from midnight (User_createdAt_idx, user_messages_created_at_idx),
 * pending posts a range of job_postings_status_idx. Sessions and applications have no index
 * that starts with time: those two count their table (decision 026 says which index would help).
 */
export function todayQuery(ctx: Ctx, now: Date): SQL {
  const midnight = tsParam(ctx, dayStartUtc(now));
  return sql`select
          (select count(*) from "User" where "createdAt" >= ${midnight}) as "signUps",
          (select count(*) from user_sessions where is_active = true
             and last_activity_at > ${tsParam(ctx, new Date(now.getTime() - SESSION_IDLE_MS))}
             and started_at > ${tsParam(ctx, new Date(now.getTime() - SESSION_MAX_MS))}) as "activeSessions",
          (select count(*) from job_applicants where created_at >= ${midnight}) as applications,
          (select count(*) from user_messages where created_at >= ${midnight}) as messages,
          (select count(*) from job_postings where status = 'pending') as "pendingPosts"`;
}

export async function todaysNumbers(ctx: Ctx, now = new Date()): Promise<TodaysNumbers> {
  const [row] = await rowsOf<Record<keyof TodaysNumbers, unknown>>(ctx, todayQuery(ctx, now));
  return {
    signUps: num(row?.signUps),
    activeSessions: num(row?.activeSessions),
    applications: num(row?.applications),
    messages: num(row?.messages),
    pendingPosts: num(row?.pendingPosts),
  };
}
