/**
 * Integration tests run on SQLite and on PostgreSQL (TEST_DATABASE_URL, or the embedded server
 * that tests/support/global-setup.ts starts). Each test gets a fresh, migrated, empty database.
 *
 *   describeEachDatabase("connections", (db) => {
 *     it("refuses a duplicate request", async () => { const ctx = db.ctx; ... });
 *   });
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, beforeAll, beforeEach, describe, inject } from "vitest";
import { ensureActivityCatalog } from "../../db/activity-catalog";
import { pgCtx, sqliteCtx, type Ctx, type Dialect } from "../../db/client";
import { databaseUrlWithName } from "./db-url";
import { readPgShape } from "./pg-shape";

const pgServerUrl = inject("pgServerUrl");
const pgTemplateName = inject("pgTemplateName");
/** Why PostgreSQL tests do not run in this run, or null when they do. */
export const pgSkipReason: string | null = pgServerUrl && pgTemplateName ? null : (inject("pgSkipReason") ?? "PostgreSQL is not configured");

export const testDialects: Dialect[] = pgSkipReason ? ["sqlite"] : ["sqlite", "pg"];

/** The title of a PostgreSQL suite that cannot run; `npm test` counts and prints these reasons. */
export const skippedPostgresTitle = (title: string) => `${title} [pg] — skipped: PostgreSQL unavailable (${pgSkipReason})`;

export interface TestDatabase {
  ctx: Ctx;
  dialect: Dialect;
  /** The database's own URL (pg), for a second, independent pool in concurrency tests. */
  url: string | null;
  close(): Promise<void>;
}

let templateBuffer: Buffer | undefined;
let counter = 0;
// Names carry the run (the template's suffix) so the run's teardown can sweep what a crash left.
const runId = pgTemplateName?.replace(/^ladder_tpl_/, "") ?? "none";

/**
 * A new database for one test. On PostgreSQL, `fresh` asks for a newly made copy of the
 * template even where an emptied one could be reused (tests of query plans, whose answer
 * depends on the planner's view of the tables, not only on their rows).
 */
export async function freshDatabase(dialect: Dialect, options: { poolSize?: number; fresh?: boolean } = {}): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    templateBuffer ??= fs.readFileSync(inject("sqliteTemplatePath"));
    const sqlite = new Database(templateBuffer);
    sqlite.pragma("foreign_keys = ON");
    return { ctx: sqliteCtx(sqlite), dialect, url: null, close: async () => {
        sqlite.close();
      },
    };
  }
  if (pgSkipReason || !pgServerUrl || !pgTemplateName) throw new Error(`PostgreSQL tests cannot run: ${pgSkipReason}`);
  const emptied = options.fresh ? undefined : emptiedDatabases.pop();
  const name = emptied ?? (await makeClone(pgServerUrl, pgTemplateName));
  const url = databaseUrlWithName(pgServerUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // pool.end() resolves before its clients have closed their sockets; DROP DATABASE .. WITH (FORCE)
  // then kills them mid-goodbye and the client emits an unhandled 'error'. Wait for every 'end'.
  const clientsEnded: Promise<void>[] = [];
  pool.on("connect", (client) => {
    clientsEnded.push(new Promise((resolve) => client.once("end", () => resolve())));
  });
  // Emptying deleted the template's activity catalog with every other row: put it back.
  if (emptied) await ensureActivityCatalog(pgCtx(pool));
  return {
    ctx: pgCtx(pool),
    dialect,
    url,
    close: async () => {
      await pool.end();
      await Promise.all(clientsEnded);
      if (options.fresh || !(await emptyForReuse(url))) dropLater(pgServerUrl, name);
      else emptiedDatabases.push(name);
    },
  };
}

/*
 * A fresh PostgreSQL database per test used to cost a CREATE DATABASE .. TEMPLATE and a DROP:
 * 110 ms on a quiet server, 2.5 s on a loaded one, for each of about 1,200 tests. Instead, a
 * test's database is emptied when it closes (every row deleted, every sequence restarted: 5 ms)
 * and the file's next test takes it. A database is reused only when nothing but rows can differ
 * from the template: no table, index, constraint, trigger or function added or dropped, and no
 * ANALYZE or VACUUM (which leave planner statistics behind): tests/support/pg-shape.ts. Otherwise
 * it is dropped as before. Emptying turns foreign keys off for the session
 * (session_replication_role), which needs a superuser; where the tests are not one, every test
 * gets a new copy.
 */
const emptiedDatabases: string[] = [];
const templateShape = inject("pgTemplateShape");
const drops = new Set<Promise<void>>();

/** Empties the database at `url` for the next test, or says it cannot be reused. */
async function emptyForReuse(url: string): Promise<boolean> {
  if (!templateShape?.superuser) return false;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    // Connections a test left open (a child process, a second pool) would hold locks or see the emptying.
    await client.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
    if ((await readPgShape(client)).fingerprint !== templateShape.fingerprint) return false;
    await client.query(templateShape.emptyingScript);
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function makeClone(serverUrl: string, template: string): Promise<string> {
  const name = `ladder_t_${runId}_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${template}"${inject("pgCloneClause")}`);
  } finally {
    await admin.end();
  }
  return name;
}

// At the end of each test file: drop the emptied databases, and wait for the drops under way.
if (pgServerUrl) {
  afterAll(async () => {
    for (const name of emptiedDatabases.splice(0)) dropLater(pgServerUrl, name);
    await Promise.all(drops);
  });
}

function dropLater(serverUrl: string, name: string) {
  const drop = (async () => {
    const dropper = new pg.Client({ connectionString: serverUrl });
    await dropper.connect();
    try {
      await dropper.query(`drop database if exists "${name}" with (force)`);
    } finally {
      await dropper.end();
    }
  })()
    .catch(() => {}) // the run's teardown sweeps a database whose drop failed
    .finally(() => drops.delete(drop));
  drops.add(drop);
}

type DatabaseHandle = { readonly ctx: Ctx; readonly dialect: Dialect; readonly url: string | null };

/**
 * `shared: true` gives the block's tests one database instead of one each: for tests that only
 * read rows written once (a beforeAll that fills thousands of rows for query plans). A test that
 * writes must not use it: the next test would see its rows.
 */
type DescribeOptions = { poolSize?: number; fresh?: boolean; shared?: boolean };

function describeOn(dialect: Dialect, title: string, body: (db: DatabaseHandle) => void, options: DescribeOptions) {
  describe(`${title} [${dialect}]`, () => {
    let current: TestDatabase | undefined;
    // `shared`: one database for all the block's tests, made before the first and closed after the last.
    const [before, after] = options.shared ? [beforeAll, afterAll] : [beforeEach, afterEach];
    before(async () => {
      current = await freshDatabase(dialect, options);
    });
    after(async () => {
      await current?.close();
      current = undefined;
    });
    body({
      get ctx() {
        if (!current) throw new Error("no database: use db.ctx inside a test");
        return current.ctx;
      },
      dialect,
      get url() {
        return current?.url ?? null;
      },
    });
  });
}

/** Runs the body's tests skipped, under a title that says why (the body still declares them, so they are counted). */
function describeSkippedPostgres(title: string, body: (db: DatabaseHandle) => void) {
  describe.skip(skippedPostgresTitle(title), () => {
    body({
      get ctx(): Ctx {
        throw new Error("skipped");
      },
      dialect: "pg",
      url: null,
    });
  });
}

/**
 * Runs the same tests once per database (or on the ones named in `dialects`), each test on a
 * fresh database. When PostgreSQL is unavailable its half is reported as skipped, with the reason.
 */
export function describeEachDatabase(
  title: string,
  body: (db: DatabaseHandle) => void,
  options: DescribeOptions & { dialects?: Dialect[] } = {},
) {
  for (const dialect of options.dialects ?? (["sqlite", "pg"] as Dialect[])) {
    if (dialect === "pg" && pgSkipReason) describeSkippedPostgres(title, body);
    else describeOn(dialect, title, body, options);
  }
}

/** Runs the body only on PostgreSQL (races, locks, plans). */
export function describePostgres(title: string, body: (db: DatabaseHandle) => void, options: DescribeOptions = {}) {
  describeEachDatabase(title, body, { ...options, dialects: ["pg"] });
}
