/**
 * Builds the migrated templates once per run: a serialized SQLite database (each test opens a
 * copy in memory, ~0.2 ms) and, when TEST_DATABASE_URL is set, a PostgreSQL template database
 * that each test clones with CREATE DATABASE .. TEMPLATE.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openSqlite, pgCtx, sqliteCtx } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { databaseUrlWithName } from "./db-url";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplatePath: string;
    pgTemplateName: string | null;
    /** The production build of the app for in-process requests (tests/support/app.ts). */
    appBuildPath: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-test-"));
  const sqliteTemplatePath = path.join(dir, "template.sqlite");
  const sqlite = openSqlite(":memory:");
  await migrateDatabase(sqliteCtx(sqlite));
  fs.writeFileSync(sqliteTemplatePath, sqlite.serialize());
  sqlite.close();
  project.provide("sqliteTemplatePath", sqliteTemplatePath);

  // The app as it ships, built into this run's own folder (remix.config.js reads LADDER_BUILD_DIR).
  const buildDir = path.resolve(".cache", "test-build", String(process.pid));
  fs.rmSync(buildDir, { recursive: true, force: true });
  execFileSync("npx", ["remix", "build"], { env: { ...process.env, LADDER_BUILD_DIR: buildDir }, stdio: "pipe" });
  project.provide("appBuildPath", path.join(buildDir, "index.js"));

  const url = process.env.TEST_DATABASE_URL;
  let pgTemplateName: string | null = null;
  if (url) {
    pgTemplateName = `ladder_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists "${pgTemplateName}" with (force)`);
    await admin.query(`create database "${pgTemplateName}"`);
    const pool = new pg.Pool({ connectionString: databaseUrlWithName(url, pgTemplateName), max: 1 });
    await migrateDatabase(pgCtx(pool));
    // CREATE DATABASE .. TEMPLATE fails while anyone is connected to the template.
    await pool.end();
    await admin.end();
  }
  project.provide("pgTemplateName", pgTemplateName);

  return async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(buildDir, { recursive: true, force: true });
    if (url && pgTemplateName) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists "${pgTemplateName}" with (force)`);
      await admin.end();
    }
  };
}
