/**
 * Gets a database ready for the bench. The default ones (owned) are recreated on every run so
 * numbers compare between runs; a URL given with --sqlite/--pg is used as it is, never reseeded.
 */
import fs from "node:fs";
import pg from "pg";
import { sqlitePathOf } from "../db/client";
import type { DatabaseTarget } from "./args";
import { runCommand } from "./processes";

/** Resolves when the target is ready; rejects with the reason when it cannot be benchmarked. */
export async function prepareDatabase(target: DatabaseTarget): Promise<void> {
  if (target.kind === "sqlite") return prepareSqlite(target);
  return preparePg(target);
}

/** A fresh SQLite file is migrated and demo-seeded by the server's first start (server.ts). */
function prepareSqlite(target: DatabaseTarget): void {
  const file = sqlitePathOf(target.url);
  if (!target.owned) {
    if (!fs.existsSync(file)) console.log(`${file} does not exist: the server will create it and load demo data.`);
    return;
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  console.log(`SQLite: fresh ${file}, demo data loaded by the server's first start.`);
}

async function preparePg(target: DatabaseTarget): Promise<void> {
  if (!target.owned) {
    await withClient(target.url, (client) => client.query("select 1"));
    return;
  }
  const name = decodeURIComponent(new URL(target.url).pathname.slice(1));
  await withClient(adminUrlOf(target.url), async (client) => {
    await client.query(`drop database if exists ${quoteIdent(name)} with (force)`);
    await client.query(`create database ${quoteIdent(name)}`);
  });
  console.log(`PostgreSQL: fresh database ${name}, migrating and loading demo data (scripts/seed.ts --demo).`);
  await runCommand(process.execPath, ["--import", "tsx", "scripts/seed.ts", "--demo"], { DATABASE_URL: target.url });
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`cannot connect to ${redact(url)} (${describe(error)})`);
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The same server, database `postgres`: where CREATE DATABASE is run from. */
function adminUrlOf(url: string): string {
  const admin = new URL(url);
  admin.pathname = "/postgres";
  return admin.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

function describe(error: unknown): string {
  const e = error as Error & { code?: string; errors?: Error[] };
  // Node reports "connection refused" on localhost as an AggregateError (IPv4 and IPv6).
  return e.code ?? e.errors?.[0]?.message ?? e.message;
}
