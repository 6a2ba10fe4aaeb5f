/**
 * A UTC day's figures (issue 20, decision 048): the daily_activity_summaries row and the day's
 * counts by dimension (analytics_daily_counts), computed from raw rows. The summary job, the CLI,
 * the demo seed and the dashboard's "today" all use these, so a day reads the same everywhere.
 * Lives in db/ because the seeds use it (db/ never imports app/).
 *
 * What each figure counts over the UTC day [day, day + 24 h) (decision 048):
 * - total_users_active: distinct members with a page view, a feature_usage row or an activity
 *   log that day, or a session open that day (started before the day's end, last active after
 *   its start).
 * - total_sessions: user_sessions started that day. total_page_views: page_views rows (signed in
 *   or not). total_actions: feature_usage rows.
 * - new_registrations: User.createdAt. new_connections: connections accepted that day (status
 *   accepted, updated_at is the acceptance: an accepted connection is never updated again).
 * - new_posts: anonymous_post plus community_posts. new_job_applications: job_applications
 *   (every feed's applications are there; job_applicants only links a member to some of them).
 * - new_skill_attempts: skill_attempts.createdAt. new_community_joins: approved memberships by
 *   joined_at (a private community's member counts on the day they asked, once approved).
 * Dimensions keep their top TOP_KEYS keys per day (count desc, then key) plus OTHER_KEY for the rest.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "../client";
import { rowsOf, tsParam } from "../raw-sql";
import { withTx } from "../tx";

/** What a dimension's keys are: a page path, a referrer (origin and path), a session's device, browser or system, a feature, a feature's action ("feature.action"). */
export type Dimension = "page" | "referrer" | "device" | "browser" | "os" | "feature" | "action";

export type DaySummary = {
  /** The UTC day, at 00:00 UTC. */
  date: Date;
  totalUsersActive: number;
  totalSessions: number;
  totalPageViews: number;
  totalActions: number;
  newRegistrations: number;
  newConnections: number;
  newPosts: number;
  newJobApplications: number;
  newSkillAttempts: number;
  newCommunityJoins: number;
};

export type DimensionCount = { dimension: Dimension; key: string; count: number };

export type DayFigures = { summary: DaySummary; counts: DimensionCount[] };

/** How many keys a dimension keeps per day; the rest are added up under OTHER_KEY. */
export const TOP_KEYS = 200;
/** The key that holds a dimension's keys beyond the top TOP_KEYS. */
export const OTHER_KEY = "(other)";
/** The key of a session whose device, browser or system was not recognised. */
export const UNKNOWN_KEY = "unknown";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 00:00 UTC of the day `at` falls in. */
export function utcDay(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
}

/** The figures of the UTC day starting at `day` (00:00 UTC), read from raw rows; writes nothing. */
export async function figuresForDay(ctx: Ctx, day: Date): Promise<DayFigures> {
  const start = utcDay(day);
  const from = tsParam(ctx, start);
  const to = tsParam(ctx, start.getTime() + DAY_MS);
  const within = (column: string) => sql`${sql.raw(column)} >= ${from} and ${sql.raw(column)} < ${to}`;
  const countOf = (table: string, where: SQL) => sql`(select count(*) from ${sql.raw(table)} where ${where})`;

  // Distinct members over UNION ALL, not UNION: SQLite plans a UNION as a merge of sorted
  // branches and, to sort user_sessions by member, scanned all of it (10 s at 1M sessions).
  const [row] = await rowsOf<Record<string, number | string>>(
    ctx,
    sql`select
      ${sql`(select count(distinct user_id) from (
          select user_id from page_views where ${within("created_at")} and user_id is not null
          union all select user_id from feature_usage where ${within("created_at")}
          union all select user_id from user_activity_logs where ${within("created_at")}
          union all select user_id from user_sessions where last_activity_at >= ${from} and started_at < ${to}
        ) active)`} as users_active,
      ${countOf("user_sessions", within("started_at"))} as sessions,
      ${countOf("page_views", within("created_at"))} as page_views,
      ${countOf("feature_usage", within("created_at"))} as actions,
      ${countOf(`"User"`, within(`"createdAt"`))} as registrations,
      ${countOf("connection", sql`status = 'accepted' and ${within("updated_at")}`)} as connections,
      ${countOf("anonymous_post", within("created_at"))} as anonymous_posts,
      ${countOf("community_posts", within("created_at"))} as community_posts,
      ${countOf("job_applications", within(`"createdAt"`))} as applications,
      ${countOf("skill_attempts", within(`"createdAt"`))} as skill_attempts,
      ${countOf("community_memberships", sql`status = 'approved' and ${within("joined_at")}`)} as community_joins`,
  );
  const n = (key: string) => Number(row?.[key] ?? 0);
  const summary: DaySummary = {
    date: start,
    totalUsersActive: n("users_active"),
    totalSessions: n("sessions"),
    totalPageViews: n("page_views"),
    totalActions: n("actions"),
    newRegistrations: n("registrations"),
    newConnections: n("connections"),
    newPosts: n("anonymous_posts") + n("community_posts"),
    newJobApplications: n("applications"),
    newSkillAttempts: n("skill_attempts"),
    newCommunityJoins: n("community_joins"),
  };

  // A literal, not a parameter: PostgreSQL matches the select list to GROUP BY by text.
  const sessionKey = (column: string) => sql.raw(`coalesce(${column}, '${UNKNOWN_KEY}')`);
  const actionKey = sql`feature_name || '.' || action`;
  const dimensions: [Dimension, SQL, string, SQL, number][] = [
    ["page", sql`page_path`, "page_views", within("created_at"), summary.totalPageViews],
    ["referrer", sql`referrer`, "page_views", sql`${within("created_at")} and referrer is not null`, -1],
    ["device", sessionKey("device_type"), "user_sessions", within("started_at"), summary.totalSessions],
    ["browser", sessionKey("browser"), "user_sessions", within("started_at"), summary.totalSessions],
    ["os", sessionKey("os"), "user_sessions", within("started_at"), summary.totalSessions],
    ["feature", sql`feature_name`, "feature_usage", within("created_at"), summary.totalActions],
    ["action", actionKey, "feature_usage", within("created_at"), summary.totalActions],
  ];
  const counts: DimensionCount[] = [];
  for (const [dimension, key, table, where, knownTotal] of dimensions) {
    counts.push(...(await topKeys(ctx, dimension, key, table, where, knownTotal)));
  }
  return { summary, counts };
}

/** A dimension's top keys by count (ties by key), and OTHER_KEY for what the top leaves out. */
async function topKeys(ctx: Ctx, dimension: Dimension, key: SQL, table: string, where: SQL, knownTotal: number): Promise<DimensionCount[]> {
  const rows = await rowsOf<{ key: string; count: number | string }>(
    ctx,
    sql`select ${key} as key, count(*) as count from ${sql.raw(table)} where ${where}
        group by 1 order by 2 desc, 1 limit ${TOP_KEYS}`,
  );
  const top = rows.map((r) => ({ dimension, key: String(r.key), count: Number(r.count) }));
  if (top.length < TOP_KEYS) return top;
  const total =
    knownTotal >= 0
      ? knownTotal
      : Number((await rowsOf<{ n: number | string }>(ctx, sql`select count(*) as n from ${sql.raw(table)} where ${where}`))[0]?.n ?? 0);
  const rest = total - top.reduce((sum, c) => sum + c.count, 0);
  return rest > 0 ? [...top, { dimension, key: OTHER_KEY, count: rest }] : top;
}

/** Stores a day's figures: an upsert by date, and the day's dimension counts replaced. Idempotent. */
export async function saveDayFigures(ctx: Ctx, figures: DayFigures): Promise<void> {
  const { summary: s, counts } = figures;
  const day = utcDay(s.date);
  const now = new Date();
  const values = {
    total_users_active: s.totalUsersActive,
    total_sessions: s.totalSessions,
    total_page_views: s.totalPageViews,
    total_actions: s.totalActions,
    new_registrations: s.newRegistrations,
    new_connections: s.newConnections,
    new_posts: s.newPosts,
    new_job_applications: s.newJobApplications,
    new_skill_attempts: s.newSkillAttempts,
    new_community_joins: s.newCommunityJoins,
    updated_at: now,
  };
  await withTx(ctx, async (tx) => {
    const { daily_activity_summaries: d, analytics_daily_counts: c } = tx.t;
    await tx.db
      .insert(d)
      .values({ date: day, ...values, created_at: now })
      .onConflictDoUpdate({ target: d.date, set: values });
    await tx.db.delete(c).where(eq(c.day, day));
    // Chunks keep each statement under SQLite's bound-parameter limit.
    for (let i = 0; i < counts.length; i += 200) {
      const chunk = counts.slice(i, i + 200).map((k) => ({ day, dimension: k.dimension, key: k.key, count: k.count }));
      await tx.db.insert(c).values(chunk);
    }
  });
}
