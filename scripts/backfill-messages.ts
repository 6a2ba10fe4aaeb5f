/**
 * npm run db:backfill-messages
 *
 * Moves the deprecated Message and Vote rows of DATABASE_URL (default: the SQLite file) into
 * Message_v2 and Vote_v2, 500 messages per transaction, and prints what it did. Safe to run
 * again: moved rows are gone from the old tables, and inserts skip ids already present.
 * Rows whose content cannot be read are listed and left where they are. See
 * app/modules/coach/backfill.server.ts and docs/decisions/015.11-backfill-deprecated-messages.md.
 */
import { DEFAULT_SQLITE_URL } from "../db/client";
import { withScriptDatabase } from "./script-database";
import { backfillMessages } from "../app/modules/coach/backfill.server";

if (process.argv.includes("--help")) {
  console.log(`Usage: npm run db:backfill-messages\n\nMoves Message -> Message_v2 and Vote -> Vote_v2 in DATABASE_URL (default ${DEFAULT_SQLITE_URL}).`);
  process.exit(0);
}

await withScriptDatabase(async (ctx) => {
  const started = performance.now();
  const report = await backfillMessages(ctx);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `messages moved ${report.messagesMoved}, already in Message_v2 ${report.messagesAlreadyThere}; votes moved ${report.votesMoved}, already in Vote_v2 ${report.votesAlreadyThere}; skipped ${report.skipped.length}`,
  );
  for (const s of report.skipped) console.log(`skipped Message ${s.id}: ${s.reason} (left in Message)`);
  console.error(`${report.batches} batch(es) in ${seconds.toFixed(1)} s on ${ctx.dialect}.`);
}, (message) => `Backfill failed: ${message}. Batches already done stay done; run it again to continue.`);
