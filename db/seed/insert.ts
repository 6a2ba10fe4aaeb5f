/** Batched, conflict-tolerant inserts through drizzle, for the demo seeder. */
import { count, getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Ctx, Schema } from "../client";
import { INFRASTRUCTURE_TABLES } from "../schema";

export type TableName = keyof Schema;
export type Row<K extends TableName> = Schema[K]["$inferInsert"];

/** Rows the seeder meant to write and rows the database actually took (conflicts are skipped). */
export type SeedSummary = Record<string, { planned: number; inserted: number }>;

/**
 * Stay well below the bind-parameter limits: 65535 on PostgreSQL, 32766 on SQLite.
 */
const MAX_PARAMS = 30_000;

/** Inserts rows in multi-row batches with ON CONFLICT DO NOTHING; returns how many were new. */
export async function insertRows<K extends TableName>(ctx: Ctx, name: K, rows: Row<K>[]): Promise<number> {
  if (rows.length === 0) return 0;
  const table = ctx.t[name] as unknown as PgTable;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMS / columns)));
  let inserted = 0;
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    const result = (await ctx.db
      .insert(table)
      .values(batch as never)
      .onConflictDoNothing()) as unknown as { rowCount?: number | null; changes?: number };
    inserted += ctx.dialect === "pg" ? (result.rowCount ?? 0) : (result.changes ?? 0);
  }
  return inserted;
}

/** count(*) of every table, in schema order. */
export async function countAll(ctx: Ctx): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [key, table] of Object.entries(ctx.t)) {
    if (INFRASTRUCTURE_TABLES.includes(key)) continue;
    const [row] = await ctx.db.select({ n: count() }).from(table as unknown as PgTable);
    out[key] = Number(row.n);
  }
  return out;
}

/** The SQL name of a schema key ("User", "user_messages"). */
export function sqlNameOf(ctx: Ctx, key: TableName): string {
  return getTableName(ctx.t[key] as unknown as PgTable);
}

/** Tables with serial ids that the seeders fill with explicit ids. */
export const serialTables = [
  "skills",
  "skill_questions",
  "skill_attempts",
  "activity_categories",
  "activity_types",
  "daily_activity_summaries",
  "uploads",
  "archive_card",
] as const satisfies readonly TableName[];

/** After explicit ids, move PostgreSQL's sequences past them so later inserts do not collide. */
export async function resetSequences(ctx: Ctx): Promise<void> {
  if (ctx.dialect !== "pg" || ctx.raw.kind !== "pg") return;
  for (const key of serialTables) {
    const name = sqlNameOf(ctx, key).replace(/"/g, '""');
    await ctx.raw.pool.query(
      `select setval(pg_get_serial_sequence('"${name}"', 'id'), coalesce(max(id), 0) + 1, false) from "${name}"`,
    );
  }
}

