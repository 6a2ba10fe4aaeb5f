/**
 * npm run analytics:summarize -- --from YYYY-MM-DD --to YYYY-MM-DD
 *
 * Recomputes the daily analytics summaries of a range of UTC days in DATABASE_URL (default: the
 * SQLite file), with a progress line per day. The same code as the daily job (issue 20).
 */
import { parseSummarizeArgs, progressLine, summarizeUsage, SummarizeUsageError, type SummarizeArgs } from "../app/modules/analytics/summarize-args";
import { summarizeRange } from "../app/modules/analytics/summaries.server";
import { withScriptDatabase } from "./script-database";

let args: SummarizeArgs;
try {
  args = parseSummarizeArgs(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof SummarizeUsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}

if (args.kind === "help") {
  console.log(summarizeUsage);
} else {
  const { from, to } = args;
  await withScriptDatabase(async (ctx) => {
    const started = performance.now();
    // One line, rewritten in place on a terminal; one line per day in a log.
    const tty = process.stdout.isTTY;
    const days = await summarizeRange(ctx, from, to, (day, done, total) => {
      if (tty) process.stdout.write(`\r${progressLine(day, done, total)}`);
      else console.log(progressLine(day, done, total));
    });
    if (tty) process.stdout.write("\n");
    console.log(`Summarised ${days} day(s) in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  }, (message) => `Summarising failed: ${message}`);
}
