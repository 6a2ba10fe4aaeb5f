/**
 * Sheets are CSV text (RFC 4180): fields separated by commas, records by line breaks (CRLF or
 * LF), a field in double quotes may hold commas, line breaks and doubled quotes (""). Pure.
 */
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { readCsvRecords } from "~/lib/csv-read";

export const SHEET_MAX_ROWS = 200;
export const SHEET_MAX_COLUMNS = 20;

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; message: string };
/** What is wrong with a sheet, as a message id and its values (the document schema's issue). */
export type CsvProblem = { ok: true; rows: string[][] } | { ok: false; id: string; values: Record<string, number> };

/** parseCsv with its problem in words, in the reader's language (`t`; English by default). */
export function parseCsv(text: string, t: Translate = translator("en")): CsvResult {
  const parsed = readCsv(text);
  return parsed.ok ? parsed : { ok: false, message: t(parsed.id, parsed.values) };
}

export function readCsv(text: string): CsvProblem {
  // Reading stops early on a far too long sheet; the exact count is given below when it is close.
  const read = readCsvRecords(text, { maxRecords: SHEET_MAX_ROWS * 5 });
  if (!read.ok) {
    if (read.problem === "strayQuote") return { ok: false, id: "documents.csv.quoteOpen", values: { line: read.line } };
    if (read.problem === "afterQuote") return { ok: false, id: "documents.csv.afterQuote", values: { line: read.line } };
    if (read.problem === "unclosedQuote") return { ok: false, id: "documents.csv.unclosed", values: { line: read.openedAt } };
    return { ok: false, id: "documents.csv.maxRows", values: { max: SHEET_MAX_ROWS } };
  }
  // A line holding only "" is a blank row too in a sheet.
  const kept = read.records.map((r) => r.fields).filter((r) => !(r.length === 1 && r[0] === ""));
  if (kept.length === 0) return { ok: false, id: "documents.csv.empty", values: {} };
  if (kept.length > SHEET_MAX_ROWS) return { ok: false, id: "documents.csv.tooManyRows", values: { max: SHEET_MAX_ROWS, count: kept.length } };
  const widest = Math.max(...kept.map((r) => r.length));
  if (widest > SHEET_MAX_COLUMNS) return { ok: false, id: "documents.csv.tooManyColumns", values: { max: SHEET_MAX_COLUMNS, count: widest } };
  return { ok: true, rows: kept };
}

/** Rows padded to the widest row, for a table with every cell present. */
export function padRows(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : r));
}
