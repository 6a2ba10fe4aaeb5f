/**
 * Plain SQL on both databases: the same query text but for how a timestamp goes in and out.
 * Used where a query is easier to read as SQL than as builder calls (messages, the job feeds'
 * keyword search, the home dashboards).
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { Ctx } from "./client";

/** Runs a raw query and returns its rows as plain objects, on either database. */
export async function rowsOf<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  if (ctx.dialect === "pg") return (await ctx.db.execute(query)).rows as T[];
  return (ctx.db as unknown as BetterSQLite3Database).all<T>(query);
}

/**
 * A moment (a Date or epoch milliseconds) as a query parameter: UTC text cast to timestamp (pg),
 * epoch milliseconds (SQLite).
 */
export function tsParam(ctx: Ctx, at: Date | number): SQL {
  const ms = typeof at === "number" ? at : at.getTime();
  return ctx.dialect === "pg" ? sql`cast(${new Date(ms).toISOString()} as timestamp)` : sql`${ms}`;
}

/** A timestamp column as epoch milliseconds (a number on both databases). */
export function msOf(ctx: Ctx, column: SQL): SQL {
  return ctx.dialect === "pg" ? sql`cast(extract(epoch from ${column}) * 1000 as float8)` : column;
}
