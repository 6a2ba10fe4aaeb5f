/**
 * The member's home (job seekers, students, alumni): one small query per block, each naming the
 * member in its WHERE clause and read through an index that starts with the member's id
 * (docs/decisions/026-home-per-role.md).
 */
import { eq, sql, type SQL } from "drizzle-orm";
import { msOf, rowsOf, type Ctx } from "~/db.server";
import { messagesLeft } from "~/modules/coach/index.server";
import { type FeedJob, type FeedSlug, listFeed } from "~/modules/jobs/index.server";
import { bucketCounts, bucketOf, fitWords, type ApplicationBucket } from "./rules";
import { jobJoins, num } from "./sql.server";

/** How many of the newest applications, requests, fitting jobs and people each block lists. */
export const LATEST_APPLICATIONS = 3;
export const LATEST_REQUESTS = 3;
export const FIT_JOBS = 3;
export const PEOPLE_YOU_MAY_KNOW = 4;

export interface ApplicationLine {
  id: string;
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  bucket: ApplicationBucket;
  updatedAt: Date;
}

/**
 * The member's applications counted by status, and the newest few, in ONE read of their
 * job_applicants rows (job_applicants_user_idx): window functions count each status and rank
 * the rows, and only the newest few plus one row per status leave the database.
 */
export function applicationsQuery(ctx: Ctx, me: string): SQL {
  const bucket = sql.raw(`case when a.withdrawn then 'withdrawn' else coalesce(a.status, 'pending') end`);
  const job = jobJoins("x.feed", "x.job_id");
  return sql`select x.id, x.feed, x.job_id, x.status, x.withdrawn, x.in_bucket, x.bucket_rank, x.overall,
          ${msOf(ctx, sql`x.updated_at`)} as updated_ms, ${job.title} as title, ${job.employer} as employer
        from (
          select a.id, ja.feed, ja.job_id, a.status, a.withdrawn, a."updatedAt" as updated_at,
            count(*) over (partition by ${bucket}) as in_bucket,
            row_number() over (partition by ${bucket} order by ja.created_at desc, ja.application_id desc) as bucket_rank,
            row_number() over (order by ja.created_at desc, ja.application_id desc) as overall
          from job_applicants ja join job_applications a on a.id = ja.application_id
          where ja.user_id = ${me}
        ) x
        ${job.joins}
        where x.overall <= ${LATEST_APPLICATIONS} or x.bucket_rank = 1
        order by x.overall`;
}

export async function myApplications(ctx: Ctx, me: string) {
  const rows = await rowsOf<{ id: string; feed: string; job_id: string; status: string | null; withdrawn: boolean | number | null; in_bucket: unknown; bucket_rank: unknown; overall: unknown; updated_ms: unknown; title: string | null; employer: string | null }>(
    ctx,
    applicationsQuery(ctx, me),
  );
  const counts = bucketCounts(rows.filter((r) => num(r.bucket_rank) === 1).map((r) => ({ bucket: bucketOf(r.status, r.withdrawn), n: num(r.in_bucket) })));
  const latest: ApplicationLine[] = rows
    .filter((r) => num(r.overall) <= LATEST_APPLICATIONS)
    .map((r) => ({ id: r.id, feed: r.feed as FeedSlug, jobId: r.job_id, title: r.title, employer: r.employer, bucket: bucketOf(r.status, r.withdrawn), updatedAt: new Date(num(r.updated_ms)) }));
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return { counts, total, latest };
}

/** Messages to the member not read yet, and from how many people (user_messages_receiver_sender_idx). */
export const unreadQuery = (me: string): SQL =>
  sql`select count(*) as n, count(distinct sender_id) as people from user_messages
      where receiver_id = ${me} and (is_read is null or is_read = false)`;

export async function unreadMessages(ctx: Ctx, me: string): Promise<{ messages: number; people: number }> {
  const [row] = await rowsOf<{ n: unknown; people: unknown }>(ctx, unreadQuery(me));
  return { messages: num(row?.n), people: num(row?.people) };
}

/** Connection requests waiting for the member's answer: how many, and the newest few (connection_receiver_idx). */
export const requestsQuery = (me: string): SQL =>
  sql`select u.id, u.name, u.headline, count(*) over () as total
      from connection c join "User" u on u.id = c.sender_id
      where c.receiver_id = ${me} and c.status = 'pending'
      order by c.created_at desc, c.id desc
      limit ${LATEST_REQUESTS}`;

export async function pendingRequests(ctx: Ctx, me: string) {
  const rows = await rowsOf<{ id: string; name: string | null; headline: string | null; total: unknown }>(ctx, requestsQuery(me));
  return { total: num(rows[0]?.total), latest: rows.map((r) => ({ id: r.id, name: r.name, headline: r.headline })) };
}

/**
 * Jobs that fit the member's profile: two words of their headline (else job title, else first
 * skill) through the general feed's keyword search, the one /jobs uses (decision 014.2): newest
 * matches first, and it stops after a few. Whole words first ("data analyst", not every word
 * starting "data": FTS5 merges all of those before the first row, 50 ms at --scale 100000), and
 * only when they find fewer than FIT_JOBS, the start of words as /jobs matches (decision 030).
 */
export async function jobsThatFit(ctx: Ctx, me: string, now: Date): Promise<{ words: string[]; jobs: FeedJob[] }> {
  const U = ctx.t.User;
  const [profile] = await ctx.db
    .select({ headline: U.headline, experience: U.experience, professional_skills: U.professional_skills })
    .from(U)
    .where(eq(U.id, me))
    .limit(1);
  const words = profile ? fitWords(profile) : [];
  if (words.length === 0) return { words, jobs: [] };
  const q = words.join(" ");
  const whole = await listFeed(ctx, "general", { q }, { pageSize: FIT_JOBS, now, match: "whole" });
  if (whole.jobs.length >= FIT_JOBS) return { words, jobs: whole.jobs };
  const { jobs } = await listFeed(ctx, "general", { q }, { pageSize: FIT_JOBS, now });
  return { words, jobs };
}

/**
 * People the member may know: connections of their connections, most shared connections first,
 * leaving out anyone they already have a connection row with (pending, accepted or declined).
 * Both directions of each hop are read by index: (sender_id, receiver_id) and (receiver_id, status).
 * CROSS JOIN keeps SQLite, which plans without statistics, from starting at every connection
 * or every member; PostgreSQL plans it as the inner join it is.
 */
export const peopleQuery = (me: string): SQL =>
  sql`with friends as (
          select receiver_id as friend from connection where sender_id = ${me} and status = 'accepted'
          union
          select sender_id as friend from connection where receiver_id = ${me} and status = 'accepted'
        ), near as (
          select c.receiver_id as person from friends f cross join connection c where c.sender_id = f.friend and c.status = 'accepted'
          union all
          select c.sender_id as person from friends f cross join connection c where c.receiver_id = f.friend and c.status = 'accepted'
        )
        select u.id, u.name, u.headline, count(*) as mutual
        from near cross join "User" u
        where u.id = near.person and near.person <> ${me}
          and not exists (select 1 from connection x where x.sender_id = ${me} and x.receiver_id = near.person)
          and not exists (select 1 from connection x where x.sender_id = near.person and x.receiver_id = ${me})
        group by u.id, u.name, u.headline
        order by count(*) desc, u.id
        limit ${PEOPLE_YOU_MAY_KNOW}`;

export async function peopleYouMayKnow(ctx: Ctx, me: string) {
  const rows = await rowsOf<{ id: string; name: string | null; headline: string | null; mutual: unknown }>(ctx, peopleQuery(me));
  return rows.map((r) => ({ id: r.id, name: r.name, headline: r.headline, mutual: num(r.mutual) }));
}

export async function memberHome(ctx: Ctx, me: string, now = new Date()) {
  const [applications, unread, requests, coachLeft, fit, people] = await Promise.all([
    myApplications(ctx, me),
    unreadMessages(ctx, me),
    pendingRequests(ctx, me),
    messagesLeft(ctx, me, now),
    jobsThatFit(ctx, me, now),
    peopleYouMayKnow(ctx, me),
  ]);
  return { applications, unread, requests, coachLeft, fit, people };
}
