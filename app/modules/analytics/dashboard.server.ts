/**
 * The admin dashboard's reads (issue 20, item 4; decision 051). Past days come from the daily
 * summaries (daily_activity_summaries, analytics_daily_counts): one row per day, or per day and
 * key, so 90 days cost the same with ten thousand page views or ten million. Only today is read
 * from raw rows, through figuresForDay (the same code the summary job runs). The funnel reads the
 * period's sign-ups from User (User_createdAt_idx) and looks each one up by an index that starts
 * with the member's id.
 */
import { and, asc, gte, lte, sql, type SQL } from "drizzle-orm";
import { rowsOf, tsParam, type Ctx } from "~/db.server";
import { figuresForDay, OTHER_KEY, UNKNOWN_KEY, utcDay, type DayFigures, type DaySummary, type Dimension } from "../../../db/analytics/day-figures";

export { OTHER_KEY, UNKNOWN_KEY, utcDay };
import { addDays, daysOf, type DayRange, type Period } from "./period";
import { DIMENSION_OF, RANKED, TILES, type Ranked, type Tile } from "./tables";

export { RANKED, TILES, type Ranked, type Tile };

/** How many rows a ranked table shows on the page; its CSV carries more. */
export const TOP_ON_PAGE = 10;
export const TOP_IN_CSV = 500;

export type DayRow = { day: Date; activeMembers: number; sessions: number; pageViews: number; signups: number; connections: number; posts: number; applications: number; skillAttempts: number; communityJoins: number; actions: number };
export type RankedRow = { key: string; count: number };
export type Funnel = { signups: number; profile: number; connection: number; application: number };

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

function dayRowOf(day: Date, s: Partial<DaySummary> | undefined): DayRow {
  return {
    day,
    activeMembers: s?.totalUsersActive ?? 0,
    sessions: s?.totalSessions ?? 0,
    pageViews: s?.totalPageViews ?? 0,
    signups: s?.newRegistrations ?? 0,
    connections: s?.newConnections ?? 0,
    posts: s?.newPosts ?? 0,
    applications: s?.newJobApplications ?? 0,
    skillAttempts: s?.newSkillAttempts ?? 0,
    communityJoins: s?.newCommunityJoins ?? 0,
    actions: s?.totalActions ?? 0,
  };
}

/** Summary rows for the days of `range` before `today`, by day (ms). A day with no row reads as zeros. */
async function summariesByDay(ctx: Ctx, range: DayRange, today: Date): Promise<Map<number, DaySummary>> {
  const lastPast = range.to < today ? range.to : addDays(today, -1);
  const byDay = new Map<number, DaySummary>();
  if (lastPast < range.from) return byDay;
  const s = ctx.t.daily_activity_summaries;
  const rows = await ctx.db
    .select()
    .from(s)
    .where(and(gte(s.date, range.from), lte(s.date, lastPast)))
    .orderBy(asc(s.date));
  for (const r of rows) {
    // Keyed by the UTC day, so a row written at another hour of its day still counts for it.
    byDay.set(utcDay(r.date).getTime(), {
      date: r.date,
      totalUsersActive: num(r.total_users_active),
      totalSessions: num(r.total_sessions),
      totalPageViews: num(r.total_page_views),
      totalActions: num(r.total_actions),
      newRegistrations: num(r.new_registrations),
      newConnections: num(r.new_connections),
      newPosts: num(r.new_posts),
      newJobApplications: num(r.new_job_applications),
      newSkillAttempts: num(r.new_skill_attempts),
      newCommunityJoins: num(r.new_community_joins),
    });
  }
  return byDay;
}

/** Every day of `range`, oldest first: summaries for past days, `todayFigures` for today. */
export function dayRowsOf(range: DayRange, summaries: Map<number, DaySummary>, today: Date, todayFigures: DayFigures | null): DayRow[] {
  return daysOf(range).map((day) =>
    dayRowOf(day, day.getTime() === today.getTime() ? todayFigures?.summary : summaries.get(day.getTime())),
  );
}

export type Totals = Record<Tile, number>;

/** A period's tile figures: sums over its days, and the daily average of active members (to one decimal). */
export function totalsOf(days: readonly DayRow[]): Totals {
  const sum = (pick: (d: DayRow) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    activeMembers: days.length === 0 ? 0 : Math.round((sum((d) => d.activeMembers) / days.length) * 10) / 10,
    sessions: sum((d) => d.sessions),
    pageViews: sum((d) => d.pageViews),
    signups: sum((d) => d.signups),
    connections: sum((d) => d.connections),
    posts: sum((d) => d.posts),
    applications: sum((d) => d.applications),
    skillAttempts: sum((d) => d.skillAttempts),
    communityJoins: sum((d) => d.communityJoins),
  };
}

/**
 * The top `limit` keys of each dimension over the past days of `range`, in ONE read of
 * analytics_daily_counts (its primary key starts with the day), then today's raw counts added.
 * A key can enter the top with today's count alone, so today's keys are looked up too.
 */
async function rankedCounts(ctx: Ctx, range: DayRange, today: Date, todayFigures: DayFigures | null, dimensions: readonly Dimension[], limit: number): Promise<Map<Dimension, RankedRow[]>> {
  const lastPast = range.to < today ? range.to : addDays(today, -1);
  const past = new Map<Dimension, Map<string, number>>(dimensions.map((d) => [d, new Map()]));
  const dimensionList = dimensions.map((d) => `'${d}'`).join(", ");
  if (lastPast >= range.from) {
    const rows = await rowsOf<{ dimension: Dimension; key: string; n: unknown }>(
      ctx,
      sqlRanked(ctx, range.from, lastPast, dimensionList, limit),
    );
    for (const r of rows) past.get(r.dimension)?.set(r.key, num(r.n));
  }
  const todayCounts = (todayFigures?.counts ?? []).filter((c) => past.has(c.dimension));
  // Today's keys not in the past top: their past sums, so a key's total is whole.
  const missing = todayCounts.filter((c) => !past.get(c.dimension)?.has(c.key));
  if (missing.length > 0 && lastPast >= range.from) {
    for (let i = 0; i < missing.length; i += 400) {
      const chunk = missing.slice(i, i + 400);
      const rows = await rowsOf<{ dimension: Dimension; key: string; n: unknown }>(
        ctx,
        sqlKeys(ctx, range.from, lastPast, chunk),
      );
      for (const r of rows) past.get(r.dimension)?.set(r.key, num(r.n));
    }
  }
  for (const c of todayCounts) {
    const keys = past.get(c.dimension)!;
    keys.set(c.key, (keys.get(c.key) ?? 0) + c.count);
  }
  const result = new Map<Dimension, RankedRow[]>();
  for (const [dimension, keys] of past) {
    result.set(
      dimension,
      [...keys.entries()]
        .map(([key, count]) => ({ key, count }))
        .filter((r) => r.count > 0)
        .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, limit),
    );
  }
  return result;
}

function sqlRanked(ctx: Ctx, from: Date, to: Date, dimensionList: string, limit: number): SQL {
  return sql`select dimension, "key", n from (
      select dimension, "key", sum("count") as n,
        row_number() over (partition by dimension order by sum("count") desc, "key") as rk
      from analytics_daily_counts
      where "day" >= ${tsParam(ctx, from)} and "day" <= ${tsParam(ctx, to)} and dimension in (${sql.raw(dimensionList)})
      group by dimension, "key"
    ) ranked where rk <= ${limit}`;
}

function sqlKeys(ctx: Ctx, from: Date, to: Date, keys: readonly { dimension: Dimension; key: string }[]): SQL {
  const pairs = sql.join(
    keys.map((k) => sql`(dimension = ${k.dimension} and "key" = ${k.key})`),
    sql` or `,
  );
  return sql`select dimension, "key", sum("count") as n from analytics_daily_counts
    where "day" >= ${tsParam(ctx, from)} and "day" <= ${tsParam(ctx, to)} and (${pairs})
    group by dimension, "key"`;
}

/**
 * Of the members who signed up in `range`, how many completed their profile (a headline and at
 * least one skill or experience entry: what a recruiter needs to find and read them), have an
 * accepted connection, and sent an application (at any time since). Each step counts on its own.
 */
export async function funnelOf(ctx: Ctx, range: DayRange): Promise<Funnel> {
  const filled = (column: string) => sql.raw(`(u.${column} is not null and cast(u.${column} as text) not in ('[]', 'null', ''))`);
  const [row] = await rowsOf<{ signups: unknown; profile: unknown; connection: unknown; application: unknown }>(
    ctx,
    sql`select count(*) as signups,
        sum(case when coalesce(u.headline, '') <> '' and (${filled("professional_skills")} or ${filled("experience")}) then 1 else 0 end) as profile,
        sum(case when exists (select 1 from connection c where c.sender_id = u.id and c.status = 'accepted')
                   or exists (select 1 from connection c where c.receiver_id = u.id and c.status = 'accepted') then 1 else 0 end) as connection,
        sum(case when exists (select 1 from job_applicants ja where ja.user_id = u.id) then 1 else 0 end) as application
      from "User" u
      where u."createdAt" >= ${tsParam(ctx, range.from)} and u."createdAt" < ${tsParam(ctx, addDays(range.to, 1))}`,
  );
  return { signups: num(row?.signups), profile: num(row?.profile), connection: num(row?.connection), application: num(row?.application) };
}

export type Dashboard = {
  /** Whether today (read from raw rows) is in the period. */
  includesToday: boolean;
  days: DayRow[];
  totals: Totals;
  previousTotals: Totals;
  ranked: Record<Ranked, RankedRow[]>;
  funnel: Funnel;
};

/** Today's figures when the range reaches today; raw rows, today only. */
export async function todayFiguresFor(ctx: Ctx, range: DayRange, today: Date): Promise<DayFigures | null> {
  return range.to.getTime() >= today.getTime() ? figuresForDay(ctx, today) : null;
}

export async function dashboardFor(ctx: Ctx, period: Period, today: Date): Promise<Dashboard> {
  const both: DayRange = { from: period.previous.from, to: period.to };
  const todayFigures = await todayFiguresFor(ctx, period, today);
  const [summaries, ranked, funnel] = await Promise.all([
    summariesByDay(ctx, both, today),
    rankedCounts(ctx, period, today, todayFigures, RANKED.map((r) => DIMENSION_OF[r]), TOP_ON_PAGE),
    funnelOf(ctx, period),
  ]);
  const days = dayRowsOf(period, summaries, today, todayFigures);
  return {
    includesToday: todayFigures !== null,
    days,
    totals: totalsOf(days),
    previousTotals: totalsOf(dayRowsOf(period.previous, summaries, today, null)),
    ranked: Object.fromEntries(RANKED.map((r) => [r, ranked.get(DIMENSION_OF[r]) ?? []])) as Record<Ranked, RankedRow[]>,
    funnel,
  };
}

/** The days of a period (for the daily CSV). */
export async function daysFor(ctx: Ctx, period: Period, today: Date): Promise<DayRow[]> {
  const [summaries, todayFigures] = await Promise.all([summariesByDay(ctx, period, today), todayFiguresFor(ctx, period, today)]);
  return dayRowsOf(period, summaries, today, todayFigures);
}

/** One ranked table with the CSV's longer limit. */
export async function rankedFor(ctx: Ctx, period: Period, today: Date, table: Ranked, limit = TOP_IN_CSV): Promise<RankedRow[]> {
  const todayFigures = await todayFiguresFor(ctx, period, today);
  const dimension = DIMENSION_OF[table];
  return (await rankedCounts(ctx, period, today, todayFigures, [dimension], limit)).get(dimension) ?? [];
}

/** The admin overview's live numbers: today so far, from raw rows (figuresForDay). */
export async function todayLive(ctx: Ctx, now: Date): Promise<{ pageViews: number; active: number; signups: number; actions: number }> {
  const { summary } = await figuresForDay(ctx, utcDay(now));
  return { pageViews: summary.totalPageViews, active: summary.totalUsersActive, signups: summary.newRegistrations, actions: summary.totalActions };
}
