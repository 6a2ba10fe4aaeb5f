/**
 * The job feeds: listed jobs of one feed, newest first, filtered, in keyset pages; and one job's
 * page with who may see it (docs/decisions/014.2-feeds-search-rss-importer.md).
 *
 * Newest first is (created_at DESC, job_id DESC): the index (created_at, job_id) and the
 * migration-0005 indexes (country | type | lower(city), created_at, job_id) read it in order, so a
 * page costs its own rows. The importer sets created_at to the job's posting time.
 * Keywords go through the feed's search table (migration 0005), whose key is in time order:
 * PostgreSQL <feed>_search(key, job_id, tsv) with a GIN index, SQLite a contentless FTS5 table
 * keyed the same way. Both read a match newest first and stop after one page.
 */
import { and, desc, eq, gte, inArray, notExists, sql, type SQL } from "drizzle-orm";
import { rowsOf } from "~/db.server";
import type { Ctx } from "~/db.server";
import { FEEDS, type FeedSlug } from "./feeds";
import { feedTable, getJob } from "./jobs.server";
import type { JobPosition } from "./cursor.server";
import { before, cutPage, jobCardColumns } from "./keyset.server";
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

/** Search keys are created_at (epoch ms) * 2^21 + n (migration 0005), so key order is time order. */
const KEY_SCALE = 2_097_152n;
/** PostgreSQL: how many of the newest search rows the fast path reads before using the GIN index. */
const RECENT_WINDOW = 20_000;
/** PostgreSQL: the first, small window; its matches also estimate how common the words are. */
const FIRST_WINDOW = 2_000;
/** PostgreSQL: up to about this many estimated matches, the GIN index reads them all and sorts (cheap). */
const GIN_MATCHES = 2_000;

/** How keywords match: the start of a word (the /jobs search box) or whole words only. */
export type WordMatch = "prefix" | "whole";

/**
 * The job ids of one keyword page, newest first, read through the feed's search table in key
 * order, the other filters applied on the joined job row. Each word matches the start of a word
 * (or, with `match: "whole"`, a whole word). With `count`, the same access path counts the
 * matches instead, stopping at `limit`.
 */
async function keywordPage(ctx: Ctx, feed: FeedSlug, words: string[], filters: FeedFilters, now: Date, after: JobPosition | undefined, limit: number, count?: false, match?: WordMatch): Promise<string[]>;
async function keywordPage(ctx: Ctx, feed: FeedSlug, words: string[], filters: FeedFilters, now: Date, after: undefined, limit: number, count: true): Promise<number>;
async function keywordPage(ctx: Ctx, feed: FeedSlug, words: string[], filters: FeedFilters, now: Date, after: JobPosition | undefined, limit: number, count = false, match: WordMatch = "prefix"): Promise<string[] | number> {
  const j = feedTable(ctx, feed);
  const table = FEEDS[feed].table;
  const days = filters.days ? BigInt(now.getTime() - Number(filters.days) * DAY_MS) * KEY_SCALE : null;
  const conditions = and(...filterConditions(ctx, feed, filters, now));
  // A count wraps the page query: the same rows, at most `limit` of them, counted.
  const run = async (query: SQL) => {
    if (!count) return (await rowsOf<{ job_id: string }>(ctx, query)).map((r) => r.job_id);
    const [row] = await rowsOf<{ n: number | string }>(ctx, sql`select count(*) as n from (${query}) c`);
    return Number(row?.n ?? 0);
  };
  if (ctx.dialect === "pg") {
    const s = sql.identifier(`${table}_search`);
    // Words are letters and digits only (keywordWords), so they are safe tsquery lexemes.
    const query = sql`to_tsquery('simple'::regconfig, ${words.map((w) => (match === "whole" ? w : `${w}:*`)).join(" & ")})`;
    const below = after
      ? sql`key < coalesce((select key from ${s} where job_id = ${after.id}), cast(${String(BigInt(after.at) * KEY_SCALE)} as bigint))`
      : sql`true`;
    const since = days === null ? sql`true` : sql`key >= cast(${String(days)} as bigint)`;
    // Every path below gives the same rows (the first `limit` matches in key order); only the cost
    // differs. A window of the newest search rows in key order finds a common word's page after a
    // few rows; the GIN index costs what ALL the matches cost (a common prefix: 100s of ms), so it
    // is only cheap for rare words. PostgreSQL cannot say which (no statistics for a search table
    // not analyzed yet, none for AND of correlated words), so the newest rows are the sample:
    const windowPage = (size: number) =>
      run(
        sql`select x.job_id from (select key, job_id, tsv from ${s} where ${below} and ${since} order by key desc limit ${size}) x
            join ${j} on ${j.job_id} = x.job_id where x.tsv @@ ${query} and ${conditions} order by x.key desc limit ${limit}`,
      );
    const filled = (page: string[] | number) => (typeof page === "number" ? page : page.length) >= limit;
    const reltuples = sql`(select reltuples from pg_class where oid = to_regclass(${`"${table}_search"`}))`;
    // 1. the newest FIRST_WINDOW rows: a common word fills the page there after a few rows. The
    //    same round trip reads the table's size (pg_class.reltuples, unknown before the first ANALYZE).
    const firstRows = await rowsOf<{ job_id: string | null; total: number | string | null }>(
      ctx,
      sql`select p.job_id, t.total from (select ${reltuples} as total) t left join (
            select x.key, x.job_id from (select key, job_id, tsv from ${s} where ${below} and ${since} order by key desc limit ${FIRST_WINDOW}) x
            join ${j} on ${j.job_id} = x.job_id where x.tsv @@ ${query} and ${conditions} order by x.key desc limit ${limit}) p on true
          order by p.key desc`,
    );
    const firstIds = firstRows.flatMap((r) => (r.job_id === null ? [] : [r.job_id]));
    const first = count ? firstIds.length : firstIds;
    if (filled(first)) return first;
    // 2. else how many of those rows match, scaled to the table's size: few → the GIN index at
    //    once ... Without filters on the job row, the page is those matches (but for posts not
    //    listed); with filters, one more read of the window counts them.
    const filtered = Boolean(filters.city || filters.country || filters.type || filters.remote === "yes" || filters.by);
    let hits = firstIds.length;
    if (filtered) {
      const [probe] = await rowsOf<{ hits: number | string }>(
        ctx,
        sql`select count(*) filter (where w.tsv @@ ${query}) as hits
            from (select tsv from ${s} where ${below} and ${since} order by key desc limit ${FIRST_WINDOW}) w`,
      );
      hits = Number(probe?.hits ?? 0);
    }
    const total = Number(firstRows[0]?.total ?? -1);
    const rare = total > 0 && ((hits + 1) * total) / FIRST_WINDOW <= GIN_MATCHES;
    // ... 3. else (a common word that the filters thin out) a wider window, as before ...
    if (!rare) {
      const recent = await windowPage(RECENT_WINDOW);
      if (filled(recent)) return recent;
    }
    // ... 4. and last every match through the GIN index, then newest first.
    return run(
      sql`with m as materialized (select key, job_id from ${s} where tsv @@ ${query} and ${below} and ${since})
          select m.job_id from m join ${j} on ${j.job_id} = m.job_id where ${conditions} order by m.key desc limit ${limit}`,
    );
  }
  const fts = sql.identifier(`${table}_fts`);
  const keys = sql.identifier(`${table}_search_keys`);
  // FTS5: each word quoted (no operator reaches its parser), "*" for a prefix, AND between them.
  // A prefix makes FTS5 merge the rows of every word it starts ("data*": data, database, ...) before
  // the first row comes out; a whole word is read newest first and stops after the page.
  const expression = words.map((w) => `"${w.replace(/"/g, '""')}"${match === "whole" ? "" : "*"}`).join(" ");
  // CROSS JOIN fixes the join order: the FTS table outside, read in key (time) order, so the
  // planner cannot start from a filter's index and probe the full-text index once per row.
  const bound = after ? sql`and ${fts}.rowid < coalesce((select key from ${keys} where job_id = ${after.id}), ${BigInt(after.at) * KEY_SCALE})` : sql``;
  return run(
    sql`select k.job_id as job_id from ${fts} cross join ${keys} k cross join ${j}
        where ${fts} match ${expression} and k.key = ${fts}.rowid and ${j.job_id} = k.job_id ${bound} ${days === null ? sql`` : sql`and ${fts}.rowid >= ${days}`} and ${conditions}
        order by ${fts}.rowid desc limit ${limit}`,
  );
}

/** Everything of the filters except the keyset position. */
function filterConditions(ctx: Ctx, feed: FeedSlug, filters: Omit<FeedFilters, "q">, now: Date): (SQL | undefined)[] {
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
  options: { after?: JobPosition; pageSize?: number; withSummary?: boolean; now?: Date; match?: WordMatch } = {},
): Promise<{ jobs: FeedJob[]; next: JobPosition | null }> {
  const j = feedTable(ctx, feed);
  const size = options.pageSize ?? FEED_PAGE_SIZE;
  const after = options.after;
  const keyset = after ? before([[j.created_at, new Date(after.at)], [j.job_id, after.id]]) : undefined;
  const words = keywordWords(filters.q);
  const now = options.now ?? new Date();
  let ids: string[] | null = null;
  if (words.length > 0) {
    ids = await keywordPage(ctx, feed, words, filters, now, after, size + 1, false, options.match);
    if (ids.length === 0) return { jobs: [], next: null };
  }
  const rows = await ctx.db
    .select({
      ...jobCardColumns(j),
      type: j.job_employment_type,
      minSalary: j.job_min_salary,
      maxSalary: j.job_max_salary,
      salaryPeriod: j.job_salary_period,
      postedBy: j.posted_by,
      createdAt: j.created_at,
      ...(options.withSummary ? { summary: sql<string | null>`substr(${j.job_description}, 1, 400)` } : {}),
    })
    .from(j)
    .where(ids ? inArray(j.job_id, ids) : and(...filterConditions(ctx, feed, filters, now), keyset))
    .orderBy(desc(j.created_at), desc(j.job_id))
    .limit(size + 1);
  if (ids) {
    // Keep the search's order (key order; equal to newest first but for jobs of the same millisecond).
    const at = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => at.get(a.jobId)! - at.get(b.jobId)!);
  }
  const { page, lastBeforeMore: last } = cutPage(rows as FeedJob[], size);
  return { jobs: page, next: last ? { at: last.createdAt.getTime(), id: last.jobId } : null };
}

/** How far the result count of a feed page counts before it says "more than" (decision 028). */
export const COUNT_CAP = 1_000;

/**
 * How many listed jobs match the filters, counted up to `cap` + 1 rows through the same access
 * path as the page (LIMIT in a subquery), never a full count: `capped` means "more than `cap`".
 */
export async function countFeed(ctx: Ctx, feed: FeedSlug, filters: FeedFilters, options: { now?: Date; cap?: number } = {}): Promise<{ count: number; capped: boolean }> {
  const cap = options.cap ?? COUNT_CAP;
  const now = options.now ?? new Date();
  const words = keywordWords(filters.q);
  let n: number;
  if (words.length > 0) n = await keywordPage(ctx, feed, words, filters, now, undefined, cap + 1, true);
  else {
    const j = feedTable(ctx, feed);
    const rows = ctx.db
      .select({ one: sql`1` })
      .from(j)
      .where(and(...filterConditions(ctx, feed, filters, now)))
      .limit(cap + 1);
    const [row] = await rowsOf<{ n: number | string }>(ctx, sql`select count(*) as n from (${rows}) c`);
    n = Number(row?.n ?? 0);
  }
  return n > cap ? { count: cap, capped: true } : { count: n, capped: false };
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
