/**
 * `npm run analytics:summarize` reads --from and --to as UTC days and refuses anything else with a
 * sentence the person can act on (issue 20).
 */
import { describe, expect, it } from "vitest";
import { MAX_RANGE_DAYS, parseSummarizeArgs, progressLine, SummarizeUsageError } from "../../app/modules/analytics/summarize-args";

const NOW = new Date("2026-12-06T11:00:00Z");
const parse = (...argv: string[]) => parseSummarizeArgs(argv, NOW);
const refusal = (...argv: string[]) => {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(SummarizeUsageError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${argv.join(" ")}`);
};

describe("analytics:summarize arguments", () => {
  it("reads --from and --to as 00:00 UTC and counts the days of the range, both ends included", () => {
    expect(parse("--from", "2026-11-01", "--to", "2026-11-30")).toEqual({
      kind: "range",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-30T00:00:00Z"),
      days: 30,
    });
  });

  it("accepts --from=... --to=... and a single day", () => {
    expect(parse("--to=2026-12-06", "--from=2026-12-06")).toMatchObject({ kind: "range", days: 1 });
  });

  it("asks for help with --help whatever else is there", () => {
    expect(parse("--from", "2026-11-01", "--help")).toEqual({ kind: "help" });
  });

  it("refuses a missing end, a missing value and an unknown option with a sentence", () => {
    expect(refusal("--from", "2026-11-01")).toBe("Both --from and --to are needed, for example --from 2026-11-01 --to 2026-11-30.");
    expect(refusal("--from", "--to", "2026-11-01")).toBe("--from needs a date, for example --from 2026-11-03.");
    expect(refusal("--from", "2026-11-01", "--to")).toBe("--to needs a date, for example --to 2026-11-03.");
    expect(refusal("--days", "3")).toBe('Unknown option "--days". Run with --help to see the options.');
  });

  it("refuses dates that are not YYYY-MM-DD or do not exist", () => {
    expect(refusal("--from", "2026-02-30", "--to", "2026-03-01")).toBe('--from must be a date written YYYY-MM-DD (for example 2026-11-03), but got "2026-02-30".');
    expect(refusal("--from", "3/11/2026", "--to", "2026-03-01")).toContain('but got "3/11/2026"');
    expect(refusal("--from", "2026-1-05", "--to", "2026-03-01")).toContain('but got "2026-1-05"');
  });

  it("refuses a reversed range, a future end and a range longer than the limit", () => {
    expect(refusal("--from", "2026-11-30", "--to", "2026-11-01")).toBe("--to (2026-11-01) is before --from (2026-11-30).");
    expect(refusal("--from", "2026-12-01", "--to", "2026-12-07")).toBe("--to (2026-12-07) is in the future; the last day that can be summarised is today, 2026-12-06.");
    expect(parse("--from", "2026-12-01", "--to", "2026-12-06")).toMatchObject({ days: 6 });
    const from = new Date(NOW.getTime() - MAX_RANGE_DAYS * 86_400_000).toISOString().slice(0, 10);
    expect(refusal("--from", from, "--to", "2026-12-06")).toBe(`The range has ${MAX_RANGE_DAYS + 1} days; one run recomputes at most ${MAX_RANGE_DAYS}. Split it into shorter ranges.`);
  });

  it("writes the progress line as the day, then days done of the range", () => {
    expect(progressLine(new Date("2026-11-03T00:00:00Z"), 12, 30)).toBe("2026-11-03  12/30 days");
  });
});
