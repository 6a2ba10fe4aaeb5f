/**
 * npm run jobs:import -- --feed jobs|remote|part-time FILE.json
 *
 * Upserts the jobs of a JSearch-shaped JSON file (an array, or {"data": [...]}) into one feed of
 * DATABASE_URL (default: the SQLite file), by job_id, in batches of 500 per transaction; prints
 * "inserted N, updated N, rejected N" and one line per rejected row. A file that cannot be read or
 * is not such JSON changes nothing and exits with 1. Rows: app/modules/jobs/importer.ts.
 */
import fs from "node:fs";
import { closeCtx, createCtx, DEFAULT_SQLITE_URL, dialectOf } from "../db/client";
import { importJobs } from "../app/modules/jobs/importer.server";
import { parseImportFile } from "../app/modules/jobs/importer";
import type { FeedSlug } from "../app/modules/jobs/feeds";

const FEED_ARGS: Record<string, FeedSlug> = { jobs: "general", remote: "remote", "part-time": "part-time" };

const usage = `Usage: npm run jobs:import -- --feed jobs|remote|part-time FILE.json

Imports jobs in the JSearch shape (job_id, job_title, employer_name, job_apply_link,
job_posted_at_datetime_utc, ...) into the feed's table of DATABASE_URL (default ${DEFAULT_SQLITE_URL}).
The file is a JSON array of jobs, or an object whose "data" is that array.`;

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(usage);
  process.exit(0);
}
let feedArg: string | undefined;
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--feed") feedArg = args[++i];
  else if (args[i].startsWith("--feed=")) feedArg = args[i].slice("--feed=".length);
  else if (args[i].startsWith("--")) fail(`Unknown option ${args[i]}.\n\n${usage}`, 2);
  else files.push(args[i]);
}
const feed = feedArg ? FEED_ARGS[feedArg] : undefined;
if (!feed) fail(`Say which feed with --feed jobs, --feed remote or --feed part-time.\n\n${usage}`, 2);
if (files.length !== 1) fail(`Give exactly one JSON file.\n\n${usage}`, 2);

const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
try {
  dialectOf(url);
} catch (error) {
  fail((error as Error).message, 2);
}

let text: string;
try {
  text = fs.readFileSync(files[0], "utf8");
} catch (error) {
  fail(`Cannot read ${files[0]}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}. Nothing was imported.`);
}
const parsed = parseImportFile(text);
if (!parsed.ok) fail(`${files[0]}: ${parsed.message} Nothing was imported.`);

const ctx = createCtx(url);
try {
  const started = performance.now();
  const result = await importJobs(ctx, feed, parsed.items);
  const seconds = (performance.now() - started) / 1000;
  console.log(`inserted ${result.inserted}, updated ${result.updated}, rejected ${result.rejected.length}`);
  for (const r of result.rejected) console.log(`rejected row ${r.index} (job_id ${r.jobId === null ? "missing" : JSON.stringify(r.jobId)}): ${r.reason}`);
  const rows = parsed.items.length;
  console.error(`${rows} rows in ${seconds.toFixed(1)} s (${Math.round(rows / Math.max(seconds, 0.001))} rows/s) into ${feed} on ${ctx.dialect}.`);
} catch (error) {
  console.error(`Import failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeCtx(ctx);
}
