/**
 * Fast bulk writes for the scale seeder, below drizzle:
 * - SQLite: one prepared INSERT .. ON CONFLICT DO NOTHING, run row by row inside one
 *   better-sqlite3 transaction per batch (synchronous, so nothing else can interleave).
 * - PostgreSQL: INSERT .. SELECT * FROM unnest($1::type[], ...) ON CONFLICT DO NOTHING, one
 *   array parameter per column (no 65535-parameter limit), two statements in flight on two
 *   connections so Node builds the next batch while PostgreSQL writes the last one.
 *
 * Rows are arrays in column order. Timestamps are epoch milliseconds (SQLite stores them as
 * is; PostgreSQL gets ISO strings for its `timestamp(3)` columns, which hold UTC), booleans
 * are booleans, JSON values are already-serialised strings.
 */
import type pg from "pg";
import type Database from "better-sqlite3";
import type { Ctx } from "../client";

export type ColumnType = "uuid" | "text" | "int" | "bool" | "ts" | "json" | "jsonb";
export type Value = string | number | boolean | null;
export type BulkRow = Value[];

export interface BulkTable {
  /** SQL table name, e.g. "User" */
  name: string;
  columns: [name: string, type: ColumnType][];
}

const pgArrayType: Record<ColumnType, string> = {
  uuid: "uuid[]",
  text: "text[]",
  int: "int[]",
  bool: "bool[]",
  ts: "timestamp(3)[]",
  json: "json[]",
  jsonb: "jsonb[]",
};

export interface WriteResult {
  written: number;
  inserted: number;
  ms: number;
}

export interface BulkWriter {
  write(table: BulkTable, rows: Iterable<BulkRow>, expected?: number): Promise<WriteResult>;
  close(): Promise<void>;
}

const fmt = (n: number) => n.toLocaleString("en-US");

export async function openBulkWriter(ctx: Ctx, log: (line: string) => void): Promise<BulkWriter> {
  if (ctx.raw.kind === "sqlite") return sqliteWriter(ctx.raw.sqlite, log);
  return pgWriter(ctx.raw.pool, log);
}

function progress(log: (line: string) => void, table: string, written: number, expected: number | undefined, started: number) {
  const seconds = (performance.now() - started) / 1000;
  const rate = seconds > 0 ? Math.round(written / seconds) : 0;
  log(`  ${table}: ${fmt(written)}${expected ? ` / ${fmt(expected)}` : ""} rows (${fmt(rate)} rows/s)`);
}

function sqliteWriter(sqlite: Database.Database, log: (line: string) => void): BulkWriter {
  const BATCH = 50_000;
  const previousCache = sqlite.pragma("cache_size", { simple: true }) as number;
  sqlite.pragma("cache_size = -262144"); // 256 MiB while seeding: index pages stay in memory
  return {
    async write(table, rows, expected) {
      const started = performance.now();
      const cols = table.columns.map(([c]) => `"${c}"`).join(", ");
      const marks = table.columns.map(() => "?").join(", ");
      const stmt = sqlite.prepare(`insert into "${table.name}" (${cols}) values (${marks}) on conflict do nothing`);
      const types = table.columns.map(([, t]) => t);
      const boolAt = types.map((t, i) => (t === "bool" ? i : -1)).filter((i) => i >= 0);
      let batch: BulkRow[] = [];
      let written = 0;
      let inserted = 0;
      const flush = sqlite.transaction((list: BulkRow[]) => {
        let changes = 0;
        for (const row of list) {
          for (const i of boolAt) if (row[i] !== null) row[i] = row[i] ? 1 : 0;
          changes += stmt.run(row).changes;
        }
        return changes;
      });
      for (const row of rows) {
        batch.push(row);
        if (batch.length >= BATCH) {
          inserted += flush(batch);
          written += batch.length;
          batch = [];
          progress(log, table.name, written, expected, started);
          // let the event loop breathe (timers, signals) between batches
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (batch.length) {
        inserted += flush(batch);
        written += batch.length;
      }
      const ms = performance.now() - started;
      if (written >= BATCH) progress(log, table.name, written, expected, started);
      return { written, inserted, ms };
    },
    async close() {
      sqlite.pragma(`cache_size = ${previousCache}`);
    },
  };
}

async function pgWriter(pool: pg.Pool, log: (line: string) => void): Promise<BulkWriter> {
  const BATCH = 10_000;
  const clients: pg.PoolClient[] = [];
  for (let i = 0; i < 2; i++) {
    const client = await pool.connect();
    // Seed data can be re-created; do not wait for the WAL flush on every batch.
    await client.query("set synchronous_commit = off");
    clients.push(client);
  }
  return {
    async write(table, rows, expected) {
      const started = performance.now();
      const cols = table.columns.map(([c]) => `"${c}"`).join(", ");
      const arrays = table.columns.map(([, t], i) => `$${i + 1}::${pgArrayType[t]}`).join(", ");
      const text = `insert into "${table.name}" (${cols}) select * from unnest(${arrays}) on conflict do nothing`;
      const types = table.columns.map(([, t]) => t);
      const width = types.length;
      let written = 0;
      let inserted = 0;
      let flushes = 0;
      let next = 0;
      const inflight: Promise<void>[] = [];
      let columns: Value[][] = types.map(() => []);
      let size = 0;
      const send = async () => {
        const params = columns;
        const count = size;
        columns = types.map(() => []);
        size = 0;
        if (inflight.length >= clients.length) await inflight.shift();
        const client = clients[next++ % clients.length];
        const job = client.query(text, params).then((res) => {
          inserted += res.rowCount ?? 0;
          written += count;
          if (++flushes % 10 === 0) progress(log, table.name, written, expected, started);
        });
        inflight.push(job);
        // surface errors early, but keep the promise in the list to be awaited in order
        job.catch(() => {});
      };
      for (const row of rows) {
        for (let i = 0; i < width; i++) {
          const v = row[i];
          columns[i].push(v !== null && types[i] === "ts" ? new Date(v as number).toISOString() : v);
        }
        if (++size >= BATCH) await send();
      }
      if (size) await send();
      await Promise.all(inflight);
      const ms = performance.now() - started;
      if (flushes >= 10) progress(log, table.name, written, expected, started);
      return { written, inserted, ms };
    },
    async close() {
      for (const client of clients) {
        await client.query("set synchronous_commit = on").catch(() => {});
        client.release();
      }
    },
  };
}
