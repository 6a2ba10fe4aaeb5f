/**
 * Once per vitest run, for the integration tests:
 * - a serialized, migrated SQLite database (each test opens a copy in memory, ~0.2 ms);
 * - PostgreSQL: TEST_DATABASE_URL when it is set, otherwise an embedded server started for this
 *   run (db/embedded-postgres.ts) and removed at the end; in it a migrated template database
 *   that each test clones with CREATE DATABASE .. TEMPLATE;
 * - the production build of the app, unless the caller (npm test) already built it and says
 *   where in LADDER_APP_BUILD.
 * When PostgreSQL cannot be had, the PostgreSQL suites are skipped with the reason, which
 * `npm test` counts and prints; in CI (CI=true) that is a failure instead.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { ProvidedContext } from "vitest";
import type { TestProject } from "vitest/node";
import { openSqlite, pgCtx, sqliteCtx } from "../../db/client";
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from "../../db/embedded-postgres";
import { ensureActivityCatalog } from "../../db/activity-catalog";
import { migrateDatabase } from "../../db/migrate";
import { databaseUrlWithName } from "./db-url";
import { readPgShape, type PgShape } from "./pg-shape";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplatePath: string;
    /** A superuser URL of the PostgreSQL server the tests use, or null when there is none. */
    pgServerUrl: string | null;
    pgTemplateName: string | null;
    /** " strategy file_copy" on PostgreSQL 15 and later (cheaper clones and drops), else "". */
    pgCloneClause: string;
    /** The template's shape: a test's database that still has it is emptied and reused (tests/support/pg-shape.ts). */
    pgTemplateShape: PgShape | null;
    /** Why the PostgreSQL suites are skipped (when pgServerUrl is null). */
    pgSkipReason: string | null;
    /** The production build of the app for in-process requests (tests/support/app.ts). */
    appBuildPath: string;
  }
}

const run = promisify(execFile);

async function buildApp(): Promise<{ buildPath: string; cleanup: () => void }> {
  const given = process.env.LADDER_APP_BUILD;
  if (given && fs.existsSync(given)) return { buildPath: path.resolve(given), cleanup: () => {} };
  // The app as it ships, built into this run's own folder (remix.config.js reads LADDER_BUILD_DIR).
  const buildDir = path.resolve(".cache", "test-build", String(process.pid));
  fs.rmSync(buildDir, { recursive: true, force: true });
  // NODE_ENV=production as npm test builds it: under vitest's NODE_ENV=test the JSX would call
  // jsxDEV, which a server.ts started in production (tests/support/server-process.ts) lacks.
  await run("npx", ["remix", "build"], { env: { ...process.env, NODE_ENV: "production", LADDER_BUILD_DIR: buildDir } });
  return { buildPath: path.join(buildDir, "index.js"), cleanup: () => fs.rmSync(buildDir, { recursive: true, force: true }) };
}

async function postgresServer(): Promise<{ url: string | null; reason: string | null; embedded?: EmbeddedPostgresServer }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, reason: null };
  if (process.env.LADDER_TEST_NO_PG === "1") return { url: null, reason: "LADDER_TEST_NO_PG=1 turned PostgreSQL off" };
  try {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, reason: null, embedded };
  } catch (error) {
    return { url: null, reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * vitest runs a global setup once per project, and two projects use this one (integration and
 * integration-own-process, decision 047): they share one setup, made by the first and torn down
 * after the last, so the app is built, PostgreSQL started and the templates migrated once.
 */
interface Prepared {
  provided: [keyof ProvidedContext, unknown][];
  teardown: () => Promise<void>;
}
const shared = globalThis as { __ladderIntegrationSetup?: { prepared: Promise<Prepared>; users: number } };

export default async function setup(project: TestProject) {
  shared.__ladderIntegrationSetup ??= { prepared: prepare(), users: 0 };
  const state = shared.__ladderIntegrationSetup;
  state.users++;
  const { provided, teardown } = await state.prepared;
  for (const [key, value] of provided) project.provide(key, value as never);
  return async () => {
    if (--state.users > 0) return;
    shared.__ladderIntegrationSetup = undefined;
    await teardown();
  };
}

async function prepare(): Promise<Prepared> {
  const provided: Prepared["provided"] = [];
  const project = { provide: <K extends keyof ProvidedContext>(key: K, value: ProvidedContext[K]) => void provided.push([key, value]) };
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-test-"));
  const sqliteTemplatePath = path.join(dir, "template.sqlite");
  const sqlite = openSqlite(":memory:");
  await migrateDatabase(sqliteCtx(sqlite));
  await ensureActivityCatalog(sqliteCtx(sqlite));
  fs.writeFileSync(sqliteTemplatePath, sqlite.serialize());
  sqlite.close();
  project.provide("sqliteTemplatePath", sqliteTemplatePath);

  // The build and the PostgreSQL server start side by side: each takes seconds.
  const [build, server] = await Promise.all([buildApp(), postgresServer()]);
  project.provide("appBuildPath", build.buildPath);

  if (!server.url && process.env.CI) {
    await server.embedded?.stop();
    throw new Error(`CI runs every PostgreSQL test, but there is no PostgreSQL: ${server.reason}`);
  }

  let pgTemplateName: string | null = null;
  let pgCloneClause = "";
  let pgTemplateShape: PgShape | null = null;
  if (server.url) {
    pgTemplateName = `ladder_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`drop database if exists "${pgTemplateName}" with (force)`);
    await admin.query(`create database "${pgTemplateName}"`);
    const { rows } = await admin.query<{ server_version_num: string }>("show server_version_num");
    if (Number(rows[0].server_version_num) >= 150000) pgCloneClause = " strategy file_copy";
    const pool = new pg.Pool({ connectionString: databaseUrlWithName(server.url, pgTemplateName), max: 1 });
    await migrateDatabase(pgCtx(pool));
    await ensureActivityCatalog(pgCtx(pool));
    pgTemplateShape = await readPgShape(pool);
    // CREATE DATABASE .. TEMPLATE fails while anyone is connected to the template.
    await pool.end();
    await admin.end();
  }
  project.provide("pgServerUrl", server.url);
  project.provide("pgTemplateName", pgTemplateName);
  project.provide("pgCloneClause", pgCloneClause);
  project.provide("pgTemplateShape", pgTemplateShape);
  project.provide("pgSkipReason", server.url ? null : server.reason);
  const where = server.embedded ? "an embedded PostgreSQL for this run" : server.url ? "TEST_DATABASE_URL" : `none (${server.reason})`;
  console.log(`Integration tests: SQLite, and PostgreSQL on ${where}; set up in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const teardown = async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    build.cleanup();
    if (server.url && pgTemplateName && !server.embedded) {
      // Databases a test left behind (a worker that crashed, a clone made ahead and never used) go too.
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`drop database if exists "${pgTemplateName}" with (force)`);
      const { rows } = await admin.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`ladder_t_${process.pid}_%`]);
      for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
      await admin.end();
    }
    // The embedded server goes with its whole folder.
    await server.embedded?.stop();
  };
  return { provided, teardown };
}
