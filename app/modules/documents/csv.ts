/**
 * Sheets are CSV text (RFC 4180): fields separated by commas, records by line breaks (CRLF or
 * LF), a field in double quotes may hold commas, line breaks and doubled quotes (""). Pure.
 */
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

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
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
    afterQuote = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== "" || afterQuote) return { ok: false, id: "documents.csv.quoteOpen", values: { line } };
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
      afterQuote = false;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      continue;
    } else if (ch === "\n") {
      endRecord();
      line++;
      if (rows.length > SHEET_MAX_ROWS) return { ok: false, id: "documents.csv.maxRows", values: { max: SHEET_MAX_ROWS } };
    } else {
      if (afterQuote) return { ok: false, id: "documents.csv.afterQuote", values: { line } };
      field += ch;
    }
  }
  if (quoted) return { ok: false, id: "documents.csv.unclosed", values: { line } };
  if (field !== "" || row.length > 0 || afterQuote) endRecord();
  // A final line break does not start another (empty) row; blank lines are dropped.
  const kept = rows.filter((r) => !(r.length === 1 && r[0] === ""));
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
