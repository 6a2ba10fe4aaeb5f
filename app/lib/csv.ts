/**
 * CSV as spreadsheets read it (RFC 4180): comma-separated, CRLF line ends, a field in double
 * quotes when it holds a comma, a quote or a line break, quotes doubled inside. Cells that a
 * spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return, which
 * some spreadsheets skip before looking for one) get a leading single quote (OWASP "CSV
 * injection"). That also keeps a phone number like "+20 100 987 6543" from being read as a sum.
 */

export type CsvValue = string | number | Date | null | undefined;

/** A CSV download: its header and its rows, read lazily (the admin and analytics exports). */
export interface CsvExport {
  header: string[];
  /** Every row, newest first, read in keyset batches (never OFFSET). */
  rows: () => AsyncGenerator<CsvValue[]>;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-neutralised, then quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, with its CRLF. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

/** A download's file name: letters, digits and dashes, then the date. */
export function csvFileName(base: string, now: Date): string {
  return `${base.replace(/[^A-Za-z0-9-]/g, "-")}-${now.toISOString().slice(0, 10)}.csv`;
}
