/**
 * npm run uploads:sweep [-- --delete] [--older-than-hours N]
 *
 * Lists the files in UPLOADS_DIR that no row of DATABASE_URL (default: the SQLite file) names, and
 * the temporary files of writes that never finished, last changed more than N hours ago (default
 * 48, at least 1); `--delete` removes them. See app/services/upload-sweep.server.ts and decision 063.
 * With STORAGE_DRIVER=s3 it does nothing: give the bucket a lifecycle rule instead.
 */
import path from "node:path";
import { DEFAULT_SQLITE_URL } from "../db/client";
import { env } from "../app/env.server";
import { findOrphans, removeOrphans } from "../app/services/upload-sweep.server";
import { withScriptDatabase } from "./script-database";

const USAGE = `Usage: npm run uploads:sweep [-- --delete] [--older-than-hours N]

Lists the uploaded files in UPLOADS_DIR that no row of DATABASE_URL (default ${DEFAULT_SQLITE_URL}) names,
and temporary files of writes that never finished, last changed more than N hours ago (default 48,
at least 1). --delete removes them.`;

const args = process.argv.slice(2);
if (args.includes("--help")) {
  console.log(USAGE);
  process.exit(0);
}
const hoursAt = args.indexOf("--older-than-hours");
const hours = hoursAt >= 0 ? Number(args[hoursAt + 1]) : 48;
const known = new Set(["--delete", "--older-than-hours"]);
const unknown = args.filter((a, i) => !known.has(a) && !(hoursAt >= 0 && i === hoursAt + 1));
if (unknown.length > 0 || !Number.isFinite(hours) || hours < 1) {
  console.error(unknown.length > 0 ? `Unknown option: ${unknown.join(" ")}` : "--older-than-hours takes a number of hours, 1 or more.");
  console.error(USAGE);
  process.exit(2);
}
if (env().STORAGE_DRIVER === "s3") {
  console.log("Uploads are in an S3 bucket (STORAGE_DRIVER=s3): this sweep reads UPLOADS_DIR only. Nothing done.");
  process.exit(0);
}

await withScriptDatabase(async (ctx) => {
  const root = path.resolve(env().UPLOADS_DIR);
  const olderThan = new Date(Date.now() - hours * 3_600_000);
  const orphans = await findOrphans(ctx, root, olderThan);
  for (const o of orphans) console.log(`${o.kind === "partial" ? "unfinished write" : "named by no row"}: ${o.name} (${o.bytes} bytes, ${o.modifiedAt.toISOString()})`);
  const bytes = orphans.reduce((sum, o) => sum + o.bytes, 0);
  if (!args.includes("--delete")) {
    console.log(`${orphans.length} file(s), ${bytes} bytes, older than ${hours} h in ${root}. Run with --delete to remove them.`);
    return;
  }
  const removed = await removeOrphans(ctx, root, orphans);
  console.log(`Removed ${removed} file(s) older than ${hours} h from ${root}.`);
}, (message) => `The sweep failed: ${message}. Nothing was removed after the failure; run it again.`);
