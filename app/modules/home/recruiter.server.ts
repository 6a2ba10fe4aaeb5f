/**
 * The recruiter's home: their newest jobs with applications by status, and the next interview
 * rounds of their applicants. Ownership is in each query: the jobs are read through
 * `posted_by_user_id = me` (each feed's poster index), and everything else hangs off them
 * (docs/decisions/026-home-per-role.md).
 */
import { sql, type SQL } from "drizzle-orm";
import { msOf, rowsOf, tsParam, type Ctx } from "~/db.server";
import type { FeedSlug } from "~/modules/jobs/index.server";
import { bucketCounts, bucketOf, type ApplicationBucket } from "./rules";
import { num } from "./sql.server";

export const RECRUITER_JOBS = 5;
export const NEXT_ROUNDS = 5;

/** The recruiter's jobs in the three feeds as one row set (feed, job_id, title, employer, created_at). */
function myJobs(me: string): SQL {
  const feed = (slug: FeedSlug, table: string) =>
    // The slug is a literal: pg cannot type a bare parameter in a select list of a union.
    sql`select ${sql.raw(`'${slug}'`)} as feed, job_id, job_title as title, employer_name as employer, created_at from ${sql.raw(table)} where posted_by_user_id = ${me}`;
  return sql`${feed("general", "jobs")} union all ${feed("remote", "remote_jobs")} union all ${feed("part-time", "part_time_jobs")}`;
}

export interface RecruiterJob {
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  counts: Record<ApplicationBucket, number>;
  total: number;
}

/** The newest few of the recruiter's jobs, each with its applications counted by status: one query. */
export const jobsQuery = (me: string): SQL =>
  sql`select m.feed, m.job_id, m.title, m.employer, a.status, a.withdrawn, count(a.id) as n
        from (select * from (${myJobs(me)}) mine order by created_at desc, job_id desc limit ${RECRUITER_JOBS}) m
        left join job_applicants ja on ja.feed = m.feed and ja.job_id = m.job_id
        left join job_applications a on a.id = ja.application_id
        group by m.feed, m.job_id, m.title, m.employer, m.created_at, a.status, a.withdrawn
        order by m.created_at desc, m.job_id desc`;

export async function jobsWithApplications(ctx: Ctx, me: string): Promise<RecruiterJob[]> {
  const rows = await rowsOf<{ feed: string; job_id: string; title: string | null; employer: string | null; status: string | null; withdrawn: boolean | number | null; n: unknown }>(ctx, jobsQuery(me));
  const jobs = new Map<string, { job: Omit<RecruiterJob, "counts" | "total">; buckets: { bucket: ApplicationBucket; n: number }[] }>();
  for (const r of rows) {
    const key = `${r.feed}/${r.job_id}`;
    const entry = jobs.get(key) ?? { job: { feed: r.feed as FeedSlug, jobId: r.job_id, title: r.title, employer: r.employer }, buckets: [] };
    // A job without applications comes back once, with a count of 0 and no status.
    if (num(r.n) > 0) entry.buckets.push({ bucket: bucketOf(r.status, r.withdrawn), n: num(r.n) });
    jobs.set(key, entry);
  }
  return [...jobs.values()].map(({ job, buckets }) => ({ ...job, counts: bucketCounts(buckets), total: buckets.reduce((sum, b) => sum + b.n, 0) }));
}

export interface UpcomingRound {
  id: string;
  applicationId: string;
  candidate: string;
  roundNumber: number;
  roundType: string;
  scheduledAt: Date;
  title: string | null;
}

/**
 * The next open rounds (scheduled or rescheduled, from now on) of live applications to the
 * recruiter's jobs, soonest first: the recruiter's jobs by poster index, their applicants by
 * job_applicants_job_idx, the rounds by interview_rounds_applicationId_idx. CROSS JOIN keeps
 * SQLite to that order (it would otherwise be free to start from every open round on Ladder);
 * PostgreSQL plans it as the inner join it is.
 */
export const roundsQuery = (ctx: Ctx, me: string, now: Date): SQL =>
  sql`select r.id, a.id as application_id, a.name as candidate, r."roundNumber" as round_number, r."roundType" as round_type,
          ${msOf(ctx, sql`r."scheduledDate"`)} as at_ms, m.title
        from (${myJobs(me)}) m
        cross join job_applicants ja
        cross join job_applications a
        cross join interview_rounds r
        where ja.feed = m.feed and ja.job_id = m.job_id and ja.live = true
          and a.id = ja.application_id and r."applicationId" = a.id
          and r.status in ('scheduled', 'rescheduled') and r."scheduledDate" >= ${tsParam(ctx, now)}
        order by r."scheduledDate", r.id
        limit ${NEXT_ROUNDS}`;

export async function nextRounds(ctx: Ctx, me: string, now: Date): Promise<UpcomingRound[]> {
  const rows = await rowsOf<{ id: string; application_id: string; candidate: string; round_number: unknown; round_type: string; at_ms: unknown; title: string | null }>(ctx, roundsQuery(ctx, me, now));
  return rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    candidate: r.candidate,
    roundNumber: num(r.round_number),
    roundType: r.round_type,
    scheduledAt: new Date(num(r.at_ms)),
    title: r.title,
  }));
}

export async function recruiterHome(ctx: Ctx, me: string, now = new Date()) {
  const [jobs, rounds] = await Promise.all([jobsWithApplications(ctx, me), nextRounds(ctx, me, now)]);
  return { jobs, rounds };
}
