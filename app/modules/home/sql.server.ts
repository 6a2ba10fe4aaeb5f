/**
 * Plain SQL for the dashboards, the same text on both databases but for how a timestamp goes in
 * and out. (The same three helpers are private to messages/conversations.server.ts; these are
 * the home module's copy until they move to db/.)
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Ctx } from "~/db.server";

/** Runs a raw query and returns its rows as plain objects, on either database. */
export async function rowsOf<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  if (ctx.dialect === "pg") return (await ctx.db.execute(query)).rows as T[];
  return (ctx.db as unknown as BetterSQLite3Database).all<T>(query);
}

/** A moment as a query parameter: UTC text cast to timestamp (pg), epoch milliseconds (SQLite). */
export function tsParam(ctx: Ctx, at: Date): SQL {
  return ctx.dialect === "pg" ? sql`cast(${at.toISOString()} as timestamp)` : sql`${at.getTime()}`;
}

/** A timestamp column as epoch milliseconds (a number on both databases). */
export function msOf(ctx: Ctx, column: SQL): SQL {
  return ctx.dialect === "pg" ? sql`cast(extract(epoch from ${column}) * 1000 as float8)` : column;
}

/**
 * Title, employer and poster of a job whose feed and id are the columns `feed` and `jobId` of
 * an outer row: one primary-key probe into the feed table that `feed` names.
 */
export function jobJoins(feed: string, jobId: string): { joins: SQL; title: SQL; employer: SQL; poster: SQL } {
  const f = sql.raw(feed);
  const id = sql.raw(jobId);
  return {
    joins: sql`left join jobs jg on ${f} = 'general' and jg.job_id = ${id}
      left join remote_jobs jr on ${f} = 'remote' and jr.job_id = ${id}
      left join part_time_jobs jp on ${f} = 'part-time' and jp.job_id = ${id}`,
    title: sql`coalesce(jg.job_title, jr.job_title, jp.job_title)`,
    employer: sql`coalesce(jg.employer_name, jr.employer_name, jp.employer_name)`,
    poster: sql`coalesce(jg.posted_by_user_id, jr.posted_by_user_id, jp.posted_by_user_id)`,
  };
}

/** COUNT(*) comes back as a string from pg (bigint) and a number from SQLite. */
export const num = (value: unknown) => Number(value ?? 0);
