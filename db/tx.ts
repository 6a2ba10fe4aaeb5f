/**
 * withTx(ctx, fn): run several statements atomically on either database.
 *
 * - SQLite: better-sqlite3's `db.transaction(async ...)` commits statements outside the
 *   transaction and does not roll back on a throw (measured), so we run BEGIN IMMEDIATE /
 *   COMMIT / ROLLBACK ourselves behind a per-connection async lock.
 * - PostgreSQL: one pooled client, BEGIN / COMMIT / ROLLBACK on it.
 * - A nested withTx joins the outer transaction.
 *
 * Inside fn await only database statements. Outside production a watcher enforces it: if the
 * event loop turns while no statement of the transaction is running, fn is awaiting something
 * else (AI, mail, files, timers, network); the transaction is rolled back and TxMisuseError
 * thrown. On SQLite that also keeps other requests' statements out of our transaction, since
 * the one connection is shared and only a turn of the event loop could let them in.
 */
import type Database from "better-sqlite3";
import type pg from "pg";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { Ctx, TxState } from "./client";

export class TxMisuseError extends Error {
  constructor() {
    super(
      "withTx: the transaction awaited non-database work (AI, mail, files, timers or network). " +
        "Do that work before or after the transaction.",
    );
    this.name = "TxMisuseError";
  }
}

const guardEnabled = () => process.env.NODE_ENV !== "production";

export async function withTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.tx) return fn(ctx);
  return ctx.raw.kind === "sqlite" ? sqliteTx(ctx, ctx.raw.sqlite, fn) : pgTx(ctx, ctx.raw.pool, fn);
}

/** Flags the transaction when the event loop turns while none of its statements is running. */
function watchForForeignAwaits(state: TxState): () => void {
  if (!guardEnabled()) return () => {};
  let handle: NodeJS.Immediate | undefined;
  const tick = () => {
    if (state.inflight === 0) {
      state.misuse = "foreign await";
      return;
    }
    handle = setImmediate(tick);
  };
  handle = setImmediate(tick);
  return () => {
    if (handle) clearImmediate(handle);
  };
}

const sqliteLocks = new WeakMap<Database.Database, Promise<unknown>>();
const sqliteWaiting = new WeakMap<Database.Database, number>();

/** Transactions waiting for their turn on this SQLite connection (the metrics' pool gauge). */
export function sqliteTransactionsWaiting(sqlite: Database.Database): number {
  return sqliteWaiting.get(sqlite) ?? 0;
}

async function sqliteTx<T>(ctx: Ctx, sqlite: Database.Database, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  const previous = sqliteLocks.get(sqlite) ?? Promise.resolve();
  let release!: () => void;
  const mine = new Promise<void>((resolve) => (release = resolve));
  sqliteLocks.set(sqlite, previous.then(() => mine));
  sqliteWaiting.set(sqlite, (sqliteWaiting.get(sqlite) ?? 0) + 1);
  try {
    await previous;
  } finally {
    sqliteWaiting.set(sqlite, (sqliteWaiting.get(sqlite) ?? 1) - 1);
  }

  const state: TxState = { inflight: 0 };
  sqlite.exec("BEGIN IMMEDIATE");
  const stopWatching = watchForForeignAwaits(state);
  try {
    const result = await fn({ ...ctx, tx: state });
    stopWatching();
    if (state.misuse) throw new TxMisuseError();
    sqlite.exec("COMMIT");
    return result;
  } catch (error) {
    stopWatching();
    if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
    throw error;
  } finally {
    release();
  }
}

async function pgTx<T>(ctx: Ctx, pool: pg.Pool, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  const state: TxState = { inflight: 0 };
  const originalQuery = client.query;
  if (guardEnabled()) {
    // Count this transaction's running statements for the watcher.
    client.query = function countedQuery(this: pg.PoolClient, ...args: unknown[]) {
      state.inflight++;
      const result = (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
      if (result && typeof (result as Promise<unknown>).finally === "function") {
        return (result as Promise<unknown>).finally(() => state.inflight--);
      }
      state.inflight--;
      return result;
    } as typeof client.query;
  }
  try {
    await client.query("BEGIN");
    const stopWatching = watchForForeignAwaits(state);
    try {
      const db = drizzlePg(client, { schema: ctx.t }) as unknown as Ctx["db"];
      const result = await fn({ ...ctx, db, tx: state });
      stopWatching();
      if (state.misuse) throw new TxMisuseError();
      await client.query("COMMIT");
      return result;
    } catch (error) {
      stopWatching();
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    }
  } finally {
    client.query = originalQuery;
    client.release();
  }
}
