/**
 * The job feeds: listed jobs of one feed, newest first, filtered, in keyset pages; and one job's
 * page with who may see it (docs/decisions/014-jobs.md, "Feeds").
 *
 * Newest first is (created_at DESC, job_id DESC): the index (created_at, job_id) and the
 * migration-0005 indexes (country | type | lower(city), created_at, job_id) read it in order, so a
 * page costs its own rows. The importer sets created_at to the job's posting time.
 * Keywords: PostgreSQL matches a GIN-indexed to_tsvector('simple', title, employer, description)
 * with prefix terms; SQLite matches the feed's FTS5 table (external content, kept by triggers).
 */
import { and, desc, eq, gte, lt, notExists, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { FEEDS, type FeedSlug } from "./feeds";
import { feedTable, getJob } from "./jobs.server";
import type { JobPosition } from "./cursor.server";
import { FEED_PAGE_SIZE, keywordWords, type FeedFilters } from "./rules";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface FeedJob {
  jobId: string;
  title: string | null;
  employer: string | null;
  city: string | null;
  country: string | null;
  remote: boolean | null;
  type: string | null;
  minSalary: string | null;
  maxSalary: string | null;
  salaryPeriod: string | null;
  postedBy: string | null;
  createdAt: Date;
  /** Only when asked for (RSS): the first 400 characters of the description. */
  summary?: string | null;
}

/** The keyword condition for one feed table, in the dialect's own full-text search. */
function keywordCondition(ctx: Ctx, feed: FeedSlug, words: string[]): SQL | undefined {
  if (words.length === 0) return undefined;
  const j = feedTable(ctx, feed);
  if (ctx.dialect === "pg") {
    // Words are letters and digits only (keywordWords), so they are safe tsquery lexemes.
    const query = words.map((w) => `${w}:*`).join(" & ");
    return sql`to_tsvector('simple'::regconfig, coalesce(${j.job_title}, '') || ' ' || coalesce(${j.employer_name}, '') || ' ' || coalesce(${j.job_description}, '')) @@ to_tsquery('simple'::regconfig, ${query})`;
  }
  const fts = sql.identifier(`${FEEDS[feed].table}_fts`);
  // FTS5: each word quoted (no operators reach the parser), "*" for a prefix, AND between them.
  const match = words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(" ");
  return sql`${j}.rowid in (select rowid from ${fts} where ${fts} match ${match})`;
}

/** Everything of the filters except the keyset position. */
function filterConditions(ctx: Ctx, feed: FeedSlug, filters: FeedFilters, now: Date): (SQL | undefined)[] {
  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  return [
    // Listed: no job_postings row (imported) or an approved one.
    notExists(
      ctx.db
        .select({ one: sql`1` })
        .from(p)
        .where(and(eq(p.feed, feed), eq(p.job_id, j.job_id), sql`${p.status} <> 'approved'`)),
    ),
    keywordCondition(ctx, feed, keywordWords(filters.q)),
    filters.city ? sql`lower(${j.job_city}) = ${filters.city.toLowerCase()}` : undefined,
    filters.country ? eq(j.job_country, filters.country) : undefined,
    filters.type ? eq(j.job_employment_type, filters.type) : undefined,
    filters.remote === "yes" ? eq(j.job_is_remote, true) : undefined,
    filters.days ? gte(j.created_at, new Date(now.getTime() - Number(filters.days) * DAY_MS)) : undefined,
    filters.by ? eq(j.posted_by, filters.by) : undefined,
  ];
}

export async function listFeed(
  ctx: Ctx,
  feed: FeedSlug,
  filters: FeedFilters,
  options: { after?: JobPosition; pageSize?: number; withSummary?: boolean; now?: Date } = {},
): Promise<{ jobs: FeedJob[]; next: JobPosition | null }> {
  const j = feedTable(ctx, feed);
  const size = options.pageSize ?? FEED_PAGE_SIZE;
  const after = options.after;
  const keyset = after
    ? or(lt(j.created_at, new Date(after.at)), and(eq(j.created_at, new Date(after.at)), lt(j.job_id, after.id)))
    : undefined;
  const rows = await ctx.db
    .select({
      jobId: j.job_id,
      title: j.job_title,
      employer: j.employer_name,
      city: j.job_city,
      country: j.job_country,
      remote: j.job_is_remote,
      type: j.job_employment_type,
      minSalary: j.job_min_salary,
      maxSalary: j.job_max_salary,
      salaryPeriod: j.job_salary_period,
      postedBy: j.posted_by,
      createdAt: j.created_at,
      ...(options.withSummary ? { summary: sql<string | null>`substr(${j.job_description}, 1, 400)` } : {}),
    })
    .from(j)
    .where(and(...filterConditions(ctx, feed, filters, options.now ?? new Date()), keyset))
    .orderBy(desc(j.created_at), desc(j.job_id))
    .limit(size + 1);
  const page = rows.slice(0, size) as FeedJob[];
  const last = page[page.length - 1];
  return { jobs: page, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.jobId } : null };
}

export interface Viewer {
  id: string;
  role: string | null;
}

export const isJobsStaff = (viewer: Viewer | null | undefined) => viewer?.role === "career_team" || viewer?.role === "admin";

/**
 * One job for its page, or null (404) when it does not exist or is not listed and the viewer is
 * neither its poster nor career team / admin. Also the viewer's live application, if any.
 */
export async function jobForPage(ctx: Ctx, feed: FeedSlug, jobId: string, viewer: Viewer | null) {
  const job = await getJob(ctx, feed, jobId);
  if (!job) return null;
  const isPoster = Boolean(viewer && job.posted_by_user_id === viewer.id);
  const canManage = Boolean(job.postingStatus !== null && (isPoster || isJobsStaff(viewer)));
  if (!job.listed && !canManage) return null;
  let applicationId: string | null = null;
  if (viewer) {
    const a = ctx.t.job_applicants;
    const [row] = await ctx.db
      .select({ id: a.application_id })
      .from(a)
      .where(and(eq(a.user_id, viewer.id), eq(a.feed, feed), eq(a.job_id, job.job_id), eq(a.live, true)))
      .limit(1);
    applicationId = row?.id ?? null;
  }
  return { job, isPoster, canManage, applicationId };
}
