/**
 * Sheets are CSV text (RFC 4180): fields separated by commas, records by line breaks (CRLF or
 * LF), a field in double quotes may hold commas, line breaks and doubled quotes (""). Pure.
 */
export const SHEET_MAX_ROWS = 200;
export const SHEET_MAX_COLUMNS = 20;

export type CsvResult = { ok: true; rows: string[][] } | { ok: false; message: string };

export function parseCsv(text: string): CsvResult {
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
      if (field !== "" || afterQuote) return { ok: false, message: `Line ${line}: a quote (") may only open a cell; write "" for a quote inside a quoted cell.` };
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
      if (rows.length > SHEET_MAX_ROWS) return { ok: false, message: `A sheet holds at most ${SHEET_MAX_ROWS} rows.` };
    } else {
      if (afterQuote) return { ok: false, message: `Line ${line}: nothing may follow a closing quote except a comma or the end of the line.` };
      field += ch;
    }
  }
  if (quoted) return { ok: false, message: `Line ${line}: a quoted cell is never closed (a " is missing).` };
  if (field !== "" || row.length > 0 || afterQuote) endRecord();
  // A final line break does not start another (empty) row; blank lines are dropped.
  const kept = rows.filter((r) => !(r.length === 1 && r[0] === ""));
  if (kept.length === 0) return { ok: false, message: "The sheet is empty: write at least one row." };
  if (kept.length > SHEET_MAX_ROWS) return { ok: false, message: `A sheet holds at most ${SHEET_MAX_ROWS} rows (this one has ${kept.length}).` };
  const widest = Math.max(...kept.map((r) => r.length));
  if (widest > SHEET_MAX_COLUMNS) return { ok: false, message: `A sheet holds at most ${SHEET_MAX_COLUMNS} columns (a row here has ${widest}).` };
  return { ok: true, rows: kept };
}

/** Rows padded to the widest row, for a table with every cell present. */
export function padRows(rows: string[][]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill("")] : r));
}
