/**
 * Reading CSV text (RFC 4180), the one reader of the app: fields separated by commas, records by
 * CRLF or LF; a field in double quotes may hold commas, line breaks and doubled quotes ("").
 * Blank lines are skipped. A quote inside an unquoted field, text after a closing quote, or a
 * quote never closed make the text unreadable; the caller puts that into its own words. Pure.
 */

export interface CsvRecord {
  /** the line the record starts on (1 = the first line) */
  line: number;
  fields: string[];
}

export type CsvRead =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; problem: "strayQuote"; line: number }
  | { ok: false; problem: "afterQuote"; line: number }
  | { ok: false; problem: "unclosedQuote"; line: number; openedAt: number }
  | { ok: false; problem: "tooManyRecords"; max: number };

/** `maxRecords`: stop reading (unreadable) once more records than this have come. */
export function readCsvRecords(text: string, options: { maxRecords?: number } = {}): CsvRead {
  const max = options.maxRecords ?? Infinity;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let start = 1;
  let quoteLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === "" && !afterQuote)) records.push({ line: start, fields });
    fields = [];
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
      if (field !== "" || afterQuote) return { ok: false, problem: "strayQuote", line };
      quoted = true;
      quoteLine = line;
    } else if (ch === ",") {
      fields.push(field);
      field = "";
      afterQuote = false;
    } else if (ch === "\r" && text[i + 1] === "\n") {
      continue;
    } else if (ch === "\n") {
      endRecord();
      if (records.length > max) return { ok: false, problem: "tooManyRecords", max };
      line++;
      start = line;
    } else {
      if (afterQuote) return { ok: false, problem: "afterQuote", line };
      field += ch;
    }
  }
  if (quoted) return { ok: false, problem: "unclosedQuote", line, openedAt: quoteLine };
  if (field !== "" || fields.length > 0 || afterQuote) endRecord();
  if (records.length > max) return { ok: false, problem: "tooManyRecords", max };
  return { ok: true, records };
}
