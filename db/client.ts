/**
 * Database client: DATABASE_URL unset or `file:...` -> SQLite (better-sqlite3),
 * `postgres://...` -> a pg Pool. Queries take a Ctx and are written once against the pg types.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { drizzle as drizzleSqlite } from "drizzle-orm/better-sqlite3";
import { cacheStatements } from "./statement-cache";
import { schema as pgSchema } from "./tables.pg";
import { schema as sqliteSchema } from "./tables.sqlite";

export type Schema = typeof pgSchema;
export type DB = NodePgDatabase<Schema>;
export type Dialect = "pg" | "sqlite";

export interface Ctx {
  db: DB;
  t: Schema;
  dialect: Dialect;
  /** Present while the ctx belongs to a transaction (see tx.ts). */
  tx?: TxState;
  /** The raw handle, for migrations, tests and close(). */
  raw: RawHandle;
}

export type RawHandle = { kind: "sqlite"; sqlite: Database.Database } | { kind: "pg"; pool: pg.Pool };

export interface TxState {
  /** db statements of this transaction now running (pg); always 0 on SQLite, which is synchronous */
  inflight: number;
  /** set when the transaction yielded to the event loop while no db statement was running */
  misuse?: string;
}

export const DEFAULT_SQLITE_URL = "file:data/ladder.db";

export function dialectOf(url: string): Dialect {
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "pg";
  if (url.startsWith("file:") || url === ":memory:") return "sqlite";
  throw new Error(
    `DATABASE_URL must start with postgres://, postgresql:// or file: (got "${url.slice(0, 20)}...")`,
  );
}

/** SQLite file path for a file: URL ("file:data/ladder.db", "file:/abs/x.db", "file::memory:"). */
export function sqlitePathOf(url: string): string {
  if (url === ":memory:" || url === "file::memory:") return ":memory:";
  return url.replace(/^file:(\/\/)?/, "");
}

export function openSqlite(file: string | Buffer): Database.Database {
  if (typeof file === "string" && file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file as string);
  if (typeof file === "string" && file !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return sqlite;
}

export function sqliteCtx(sqlite: Database.Database): Ctx {
  const db = drizzleSqlite(cacheStatements(sqlite), { schema: sqliteSchema }) as unknown as DB;
  return { db, t: sqliteSchema as unknown as Schema, dialect: "sqlite", raw: { kind: "sqlite", sqlite } };
}

export function pgCtx(pool: pg.Pool): Ctx {
  const db = drizzlePg(pool, { schema: pgSchema });
  return { db, t: pgSchema, dialect: "pg", raw: { kind: "pg", pool } };
}

export function createCtx(url: string, options: { poolSize?: number } = {}): Ctx {
  if (dialectOf(url) === "pg") {
    // Timestamps are stored without time zone, as UTC: make now() and casts agree on every server.
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, options: "-c TimeZone=UTC" });
    // An idle client that errors (server restart) must not crash the process.
    pool.on("error", (err) => console.error("pg pool error:", err.message));
    return pgCtx(pool);
  }
  return sqliteCtx(openSqlite(sqlitePathOf(url)));
}

export async function closeCtx(ctx: Ctx): Promise<void> {
  if (ctx.raw.kind === "pg") await ctx.raw.pool.end();
  else ctx.raw.sqlite.close();
}

/** A trivial query that proves the database answers (for /healthz). */
export async function ping(ctx: Ctx): Promise<void> {
  if (ctx.raw.kind === "pg") await ctx.raw.pool.query("select 1");
  else ctx.raw.sqlite.prepare("select 1").get();
}
