/**
 * Analytics at scale (issue 20): `pageViews` page views over `days` UTC days before today (half
 * signed in, a fifth with a referrer, 500 paths), a session per ten views and a feature_usage row
 * per five, for the members already in the database; then the days' summaries through the summary
 * job's code. Bulk inserts: generate_series on PostgreSQL, one prepared statement in transactions
 * of 100,000 rows on SQLite. Ids and session tokens count up (row g's id ends in g in hex), so every
 * index on them is appended to rather than written at random places: with random UUIDs the 10M
 * seed spent its time on index pages, not rows. Not idempotent: run it once on a scratch database.
 */
import { sql } from "drizzle-orm";
import type { Ctx } from "../client";
import { rowsOf } from "../raw-sql";
import { utcDay } from "../analytics/day-figures";

const DAY = 86_400_000;

export interface AnalyticsScaleOptions {
  pageViews: number;
  days: number;
  now?: Date;
  log?: (line: string) => void;
}

export async function seedAnalyticsScale(ctx: Ctx, { pageViews, days, now = new Date(), log = console.log }: AnalyticsScaleOptions): Promise<void> {
  const users = (await rowsOf<{ id: string }>(ctx, sql`select id from "User" order by id limit 1000`)).map((r) => r.id);
  if (users.length === 0) throw new Error("seed the demo data first: analytics rows need members");
  // The newest day is today (so the dashboard's "today" has rows), the oldest `days - 1` back.
  const today = utcDay(now).getTime();
  const plan: [string, number][] = [["page_views", pageViews], ["user_sessions", Math.ceil(pageViews / 10)], ["feature_usage", Math.ceil(pageViews / 5)]];
  for (const [table, n] of plan) {
    const started = performance.now();
    if (ctx.dialect === "pg") await pgInsert(ctx, table, n, days, today, users);
    else sqliteInsert(ctx, table, n, days, today, users);
    log(`${table}: ${n.toLocaleString("en-US")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Row g's id: a well-formed UUID whose last 12 hex digits are g, so ids ascend as rows are added. */
const scaleId = (g: number) => `00000000-0000-4000-8000-${g.toString(16).padStart(12, "0")}`;

/**
 * Row g's moment (g from 1 to n): rows come in time order, oldest day first, as a live site adds
 * them, so a day's rows sit together in the table (the dashboard's "today" and the summary's day
 * scans read a few pages, not one page per row); within a day the times are spread.
 */
const momentOf = (g: number, n: number, days: number, today: number) => today - (days - 1 - Math.floor(((g - 1) * days) / n)) * DAY + ((g * 7919) % DAY);

async function pgInsert(ctx: Ctx, table: string, n: number, days: number, today: number, users: string[]) {
  if (ctx.raw.kind !== "pg") return;
  // momentOf in SQL.
  const at = `to_timestamp((${today}::float8 - (${days - 1} - ((g::bigint - 1) * ${days}) / ${n}) * ${DAY}::float8 + ((g::bigint * 7919) % ${DAY})) / 1000) at time zone 'utc'`;
  const user = `($1::uuid[])[1 + g % ${users.length}]`;
  const id = `('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid`;
  const step = 1_000_000;
  for (let from = 1; from <= n; from += step) {
    const to = Math.min(n, from + step - 1);
    const series = `generate_series(${from}, ${to}) g`;
    const text =
      table === "page_views"
        ? `insert into page_views (id, user_id, page_path, page_title, referrer, created_at)
           select ${id}, case when g % 2 = 0 then ${user} end, '/p/' || (g % 500), 'Page', case when g % 5 = 0 then 'https://ref' || (g % 300) || '.example/' end, ${at} from ${series}`
        : table === "user_sessions"
          ? `insert into user_sessions (id, user_id, session_token, device_type, browser, os, started_at, last_activity_at, is_active)
             select ${id}, ${user}, 'scale-' || g, (array['mobile','desktop','tablet', null])[1 + g % 4], (array['Chrome','Firefox','Safari', null])[1 + g % 4], (array['Android','Windows','iOS','Linux'])[1 + g % 4], ${at}, ${at} + interval '20 minutes', false from ${series}`
          : `insert into feature_usage (id, user_id, feature_name, action, created_at)
             select ${id}, ${user}, (array['coach','jobs','skills','messages','feed'])[1 + g % 5], (array['open','send','apply','submit'])[1 + g % 4], ${at} from ${series}`;
    await ctx.raw.pool.query(text, [users]);
  }
}

function sqliteInsert(ctx: Ctx, table: string, n: number, days: number, today: number, users: string[]) {
  if (ctx.raw.kind !== "sqlite") return;
  const db = ctx.raw.sqlite;
  // 1 GB of page cache for the seed (the app's connection is not this one): the indexes on
  // created_at and (user_id, created_at) are written in 400 and 1,000 places at once.
  db.pragma("cache_size = -1000000");
  const insert =
    table === "page_views"
      ? db.prepare("insert into page_views (id, user_id, page_path, page_title, referrer, created_at) values (?, ?, ?, 'Page', ?, ?)")
      : table === "user_sessions"
        ? db.prepare("insert into user_sessions (id, user_id, session_token, device_type, browser, os, started_at, last_activity_at, is_active) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")
        : db.prepare("insert into feature_usage (id, user_id, feature_name, action, created_at) values (?, ?, ?, ?, ?)");
  const devices = ["mobile", "desktop", "tablet", null];
  const browsers = ["Chrome", "Firefox", "Safari", null];
  const systems = ["Android", "Windows", "iOS", "Linux"];
  const features = ["coach", "jobs", "skills", "messages", "feed"];
  const actions = ["open", "send", "apply", "submit"];
  const batch = db.transaction((from: number, to: number) => {
    for (let g = from; g <= to; g++) {
      const at = momentOf(g, n, days, today);
      const user = users[g % users.length];
      if (table === "page_views") insert.run(scaleId(g), g % 2 === 0 ? user : null, `/p/${g % 500}`, g % 5 === 0 ? `https://ref${g % 300}.example/` : null, at);
      else if (table === "user_sessions") insert.run(scaleId(g), user, `scale-${g}`, devices[g % 4], browsers[g % 4], systems[g % 4], at, at + 20 * 60_000);
      else insert.run(scaleId(g), user, features[g % 5], actions[g % 4], at);
    }
  });
  for (let from = 1; from <= n; from += 100_000) batch(from, Math.min(n, from + 99_999));
}
