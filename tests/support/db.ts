/**
 * Integration tests run on SQLite always and on PostgreSQL when TEST_DATABASE_URL is set.
 * Each test gets a fresh, migrated, empty database.
 *
 *   describeEachDatabase("connections", (db) => {
 *     it("refuses a duplicate request", async () => { const ctx = db.ctx; ... });
 *   });
 */
import fs from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { afterEach, beforeEach, describe, inject } from "vitest";
import { pgCtx, sqliteCtx, type Ctx, type Dialect } from "../../db/client";
import { databaseUrlWithName } from "./db-url";

export const testDialects: Dialect[] = process.env.TEST_DATABASE_URL ? ["sqlite", "pg"] : ["sqlite"];

export interface TestDatabase {
  ctx: Ctx;
  dialect: Dialect;
  /** A second, independent connection pool on the same database (pg) for concurrency tests. */
  url: string | null;
  close(): Promise<void>;
}

let templateBuffer: Buffer | undefined;
let counter = 0;

export async function freshDatabase(dialect: Dialect, options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    templateBuffer ??= fs.readFileSync(inject("sqliteTemplatePath"));
    const sqlite = new Database(templateBuffer);
    sqlite.pragma("foreign_keys = ON");
    return { ctx: sqliteCtx(sqlite), dialect, url: null, close: async () => {
        sqlite.close();
      },
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplateName");
  if (!baseUrl || !template) throw new Error("PostgreSQL tests need TEST_DATABASE_URL");
  const name = `ladder_t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template}"`);
  await admin.end();
  const url = databaseUrlWithName(baseUrl, name);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // pool.end() resolves before its clients have closed their sockets; DROP DATABASE .. WITH (FORCE)
  // then kills them mid-goodbye and the client emits an unhandled 'error'. Wait for every 'end'.
  const clientsEnded: Promise<void>[] = [];
  pool.on("connect", (client) => {
    clientsEnded.push(new Promise((resolve) => client.once("end", () => resolve())));
  });
  return {
    ctx: pgCtx(pool),
    dialect,
    url,
    close: async () => {
      await pool.end();
      await Promise.all(clientsEnded);
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

/** Runs the same tests once per database, each test on a fresh database. */
export function describeEachDatabase(
  title: string,
  body: (db: { readonly ctx: Ctx; readonly dialect: Dialect; readonly url: string | null }) => void,
  options: { poolSize?: number } = {},
) {
  for (const dialect of testDialects) {
    describe(`${title} [${dialect}]`, () => {
      let current: TestDatabase | undefined;
      beforeEach(async () => {
        current = await freshDatabase(dialect, options);
      });
      afterEach(async () => {
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
}

/** Runs the body only on PostgreSQL (race tests); says so loudly when it is not configured. */
export function describePostgres(title: string, body: Parameters<typeof describeEachDatabase>[1], options: { poolSize?: number } = {}) {
  if (!process.env.TEST_DATABASE_URL) {
    if (process.env.CI) throw new Error(`${title}: CI must set TEST_DATABASE_URL`);
    console.warn(`NOT RUN (set TEST_DATABASE_URL to run on PostgreSQL): ${title}`);
    return;
  }
  describe(`${title} [pg]`, () => {
    let current: TestDatabase | undefined;
    beforeEach(async () => {
      current = await freshDatabase("pg", options);
    });
    afterEach(async () => {
      await current?.close();
    });
    body({
      get ctx() {
        return current!.ctx;
      },
      dialect: "pg",
      get url() {
        return current?.url ?? null;
      },
    });
  });
}
