/**
 * The command line of `npm run analytics:summarize -- --from YYYY-MM-DD --to YYYY-MM-DD`
 * (scripts/analytics-summarize.ts), parsed without touching a database so it can be tested alone.
 */

/** The longest range one run recomputes (a little over three years). */
export const MAX_RANGE_DAYS = 1200;

export const summarizeUsage = `Usage: npm run analytics:summarize -- --from YYYY-MM-DD --to YYYY-MM-DD

Recomputes the daily analytics summaries (daily_activity_summaries and analytics_daily_counts)
of every UTC day from --from to --to, both included, in the database in DATABASE_URL.
Running it again gives the same rows.`;

export type SummarizeArgs = { kind: "help" } | { kind: "range"; from: Date; to: Date; days: number };

export class SummarizeUsageError extends Error {}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A YYYY-MM-DD calendar date as 00:00 UTC, or an error naming the option. */
function parseDate(option: string, value: string | undefined): Date {
  if (value === undefined || value === "" || value.startsWith("--")) {
    throw new SummarizeUsageError(`${option} needs a date, for example ${option} 2026-11-03.`);
  }
  const m = DATE.exec(value);
  const at = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (!at || at.toISOString().slice(0, 10) !== value) {
    throw new SummarizeUsageError(`${option} must be a date written YYYY-MM-DD (for example 2026-11-03), but got "${value}".`);
  }
  return at;
}

/** Parses the arguments after `--`; throws SummarizeUsageError with a sentence for the person who typed them. */
export function parseSummarizeArgs(argv: string[], now: Date = new Date()): SummarizeArgs {
  let from: Date | undefined;
  let to: Date | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { kind: "help" };
    const [name, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if (name === "--from" || name === "--to") {
      const value = inline ?? argv[++i];
      if (name === "--from") from = parseDate(name, value);
      else to = parseDate(name, value);
    } else {
      throw new SummarizeUsageError(`Unknown option "${arg}". Run with --help to see the options.`);
    }
  }
  if (!from || !to) throw new SummarizeUsageError(`Both --from and --to are needed, for example --from 2026-11-01 --to 2026-11-30.`);
  if (to < from) throw new SummarizeUsageError(`--to (${iso(to)}) is before --from (${iso(from)}).`);
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (to.getTime() > today) throw new SummarizeUsageError(`--to (${iso(to)}) is in the future; the last day that can be summarised is today, ${iso(new Date(today))}.`);
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000) + 1;
  if (days > MAX_RANGE_DAYS) throw new SummarizeUsageError(`The range has ${days} days; one run recomputes at most ${MAX_RANGE_DAYS}. Split it into shorter ranges.`);
  return { kind: "range", from, to, days };
}

const iso = (at: Date) => at.toISOString().slice(0, 10);

/** The progress line after a day: "2026-11-03  12/30 days". */
export function progressLine(day: Date, done: number, total: number): string {
  return `${iso(day)}  ${done}/${total} days`;
}
