/**
 * The question bank's rules (issue 18, item 5), pure: the limits of a skill and a question, the
 * check of one question (exactly 4 distinct, non-empty options; correctIndex 0 to 3; an
 * explanation), and the import file: CSV (RFC 4180, read here with the row each record starts
 * on) or JSON, turned into rows that are each either a question or the reasons it is refused.
 * Messages are ids of app/locales/<lang>/skillsBank.json with their values.
 */
import { readCsvRecords, type CsvRecord } from "~/lib/csv-read";
import { isMultiLine, isSingleLine } from "~/lib/text";

export const SKILL_NAME_MAX = 100;
export const SKILL_DESCRIPTION_MAX = 300;
export const QUESTION_MAX = 1000;
export const OPTION_MAX = 300;
export const EXPLANATION_MAX = 1000;
/** The largest import file read (1 MB) and the most questions one file may hold. */
export const IMPORT_MAX_BYTES = 1_000_000;
export const IMPORT_MAX_ROWS = 500;
/** A skill's page in the bank. */
export const skillHref = (skillId: number) => `/skills/manage/${skillId}`;

/** Questions per page of a skill's bank (keyset by id). */
export const BANK_PAGE_SIZE = 30;

export const OPTION_LETTERS = ["A", "B", "C", "D"] as const;
/** The CSV header, in this order in the example file; any order is read. */
export const CSV_COLUMNS = ["question", "option_a", "option_b", "option_c", "option_d", "correct", "explanation"] as const;

export interface Problem {
  id: string;
  values?: Record<string, string | number>;
}

export interface BankQuestion {
  question: string;
  options: [string, string, string, string];
  correctIndex: number;
  explanation: string;
}

/** One row of an import: its number (CSV: the spreadsheet row, the header being row 1; JSON: the item's position from 1) and what it holds or why not. */
export type ImportRow = { row: number; ok: true; question: BankQuestion } | { row: number; ok: false; problems: Problem[] };

export type ImportRead = { ok: true; rows: ImportRow[] } | { ok: false; problem: Problem };


/** Same question text in the bank: compared trimmed, spaces collapsed, case ignored. */
export const questionKey = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
/** Skill names are unique case-insensitively (and with spaces collapsed). */
export const skillNameKey = questionKey;

const tooLong = (field: string, text: string, max: number): Problem | null => ([...text].length > max ? { id: `skillsBank.import.reason.tooLong`, values: { field, max } } : null);

/** The problems of one question as typed (already trimmed); none means it can be stored. */
export function questionProblems(q: { question: string; options: string[]; correctIndex: number | null; explanation: string }): Problem[] {
  const problems: Problem[] = [];
  if (q.question === "") problems.push({ id: `skillsBank.import.reason.questionMissing` });
  const long = tooLong("question", q.question, QUESTION_MAX);
  if (long) problems.push(long);
  q.options.forEach((option, i) => {
    if (option === "") problems.push({ id: `skillsBank.import.reason.optionMissing`, values: { letter: OPTION_LETTERS[i] } });
    const longOption = tooLong(`option_${OPTION_LETTERS[i].toLowerCase()}`, option, OPTION_MAX);
    if (longOption) problems.push(longOption);
  });
  const filled = q.options.filter((o) => o !== "").map(questionKey);
  if (new Set(filled).size < filled.length) problems.push({ id: `skillsBank.import.reason.optionsDuplicate` });
  if (q.correctIndex === null) problems.push({ id: `skillsBank.import.reason.correctInvalid` });
  if (q.explanation === "") problems.push({ id: `skillsBank.import.reason.explanationMissing` });
  if (!isMultiLine(q.question) || !isMultiLine(q.explanation) || q.options.some((o) => !isSingleLine(o))) problems.push({ id: `skillsBank.import.reason.characters` });
  const longExplanation = tooLong("explanation", q.explanation, EXPLANATION_MAX);
  if (longExplanation) problems.push(longExplanation);
  return problems;
}

/** A CSV "correct" cell: A to D or 1 to 4 (either case); anything else is null. */
export function correctFromCell(cell: string): number | null {
  const v = cell.trim().toUpperCase();
  const letter = OPTION_LETTERS.indexOf(v as (typeof OPTION_LETTERS)[number]);
  if (letter >= 0) return letter;
  return ["1", "2", "3", "4"].includes(v) ? Number(v) - 1 : null;
}

/** Which kind of file: by its name's ending (.csv or .json); null for anything else. */
export function importKind(filename: string): "csv" | "json" | null {
  const lower = filename.trim().toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json")) return "json";
  return null;
}

/** The file's bytes as text: UTF-8 (a byte-order mark dropped); null when they are not UTF-8. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

/** One CSV record and the line of the file it starts on. */
/**
 * The import file's records (app/lib/csv-read.ts, the app's one CSV reader), or why the file is
 * unreadable in the bank's words.
 */
export function parseCsv(text: string): { ok: true; records: CsvRecord[] } | { ok: false; problem: Problem } {
  const read = readCsvRecords(text);
  if (read.ok) return read;
  if (read.problem === "strayQuote") return { ok: false, problem: { id: "skillsBank.import.file.strayQuote", values: { line: read.line } } };
  if (read.problem === "afterQuote") return { ok: false, problem: { id: "skillsBank.import.file.afterQuote", values: { line: read.line } } };
  if (read.problem === "unclosedQuote") return { ok: false, problem: { id: "skillsBank.import.file.unclosedQuote", values: { line: read.openedAt } } };
  return { ok: false, problem: { id: "skillsBank.import.file.tooManyRows", values: { max: read.max, count: read.max + 1 } } };
}

/** A CSV import file: the header (the seven columns, any order, nothing else), then one question a record. */
export function readCsvImport(text: string): ImportRead {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problem: { id: `skillsBank.import.file.empty` } };
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const known = new Set<string>(CSV_COLUMNS);
  const wrongHeader = names.some((n) => !known.has(n)) || new Set(names).size !== names.length || CSV_COLUMNS.some((c) => !names.includes(c));
  if (wrongHeader) return { ok: false, problem: { id: `skillsBank.import.file.header`, values: { columns: CSV_COLUMNS.join(",") } } };
  if (records.length === 0) return { ok: false, problem: { id: `skillsBank.import.file.noRows` } };
  if (records.length > IMPORT_MAX_ROWS) return { ok: false, problem: { id: `skillsBank.import.file.tooManyRows`, values: { max: IMPORT_MAX_ROWS, count: records.length } } };
  const at = (fields: string[], column: (typeof CSV_COLUMNS)[number]) => (fields[names.indexOf(column)] ?? "").trim();
  // Spreadsheet rows: the header is row 1, the first question row 2 (a record spanning lines counts once).
  const rows = records.map((record, i): ImportRow => {
    const row = i + 2;
    if (record.fields.length !== names.length) return { row, ok: false, problems: [{ id: `skillsBank.import.reason.columns`, values: { count: record.fields.length, expected: names.length } }] };
    const correctCell = at(record.fields, "correct");
    const q = {
      question: at(record.fields, "question"),
      options: [at(record.fields, "option_a"), at(record.fields, "option_b"), at(record.fields, "option_c"), at(record.fields, "option_d")],
      correctIndex: correctFromCell(correctCell),
      explanation: at(record.fields, "explanation"),
    };
    const problems = questionProblems(q).map((p) => (p.id === `skillsBank.import.reason.correctInvalid` && correctCell === "" ? { id: `skillsBank.import.reason.correctMissing` } : p));
    return problems.length > 0 ? { row, ok: false, problems } : { row, ok: true, question: q as BankQuestion };
  });
  return { ok: true, rows };
}

/** A JSON import file: an array of { question, options: [4 strings], correctIndex: 0-3, explanation }. */
export function readJsonImport(text: string): ImportRead {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problem: { id: `skillsBank.import.file.brokenJson` } };
  }
  if (!Array.isArray(data)) return { ok: false, problem: { id: `skillsBank.import.file.notArray` } };
  if (data.length === 0) return { ok: false, problem: { id: `skillsBank.import.file.noRows` } };
  if (data.length > IMPORT_MAX_ROWS) return { ok: false, problem: { id: `skillsBank.import.file.tooManyRows`, values: { max: IMPORT_MAX_ROWS, count: data.length } } };
  const rows = data.map((item: unknown, i): ImportRow => {
    const row = i + 1;
    if (typeof item !== "object" || item === null || Array.isArray(item)) return { row, ok: false, problems: [{ id: `skillsBank.import.reason.notObject` }] };
    const o = item as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
    if (!Array.isArray(o.options) || o.options.length !== 4 || o.options.some((x) => typeof x !== "string")) {
      return { row, ok: false, problems: [{ id: `skillsBank.import.reason.optionsNotFour` }] };
    }
    const c = o.correctIndex;
    const q = {
      question: text(o.question),
      options: (o.options as string[]).map((x) => x.trim()),
      correctIndex: typeof c === "number" && Number.isInteger(c) && c >= 0 && c <= 3 ? c : null,
      explanation: text(o.explanation),
    };
    const problems = questionProblems(q).map((p) => (p.id === `skillsBank.import.reason.correctInvalid` && (c === undefined || c === null) ? { id: `skillsBank.import.reason.correctMissing` } : p));
    return problems.length > 0 ? { row, ok: false, problems } : { row, ok: true, question: q as BankQuestion };
  });
  return { ok: true, rows };
}

/** An uploaded file, whole: its kind by name, its bytes as UTF-8, then CSV or JSON. */
export function readImportFile(filename: string, bytes: Uint8Array): ImportRead {
  const kind = importKind(filename);
  if (kind === null) return { ok: false, problem: { id: `skillsBank.import.file.kind` } };
  if (bytes.length > IMPORT_MAX_BYTES) return { ok: false, problem: { id: `skillsBank.import.file.tooLarge`, values: { mb: IMPORT_MAX_BYTES / 1_000_000 } } };
  const text = decodeText(bytes);
  if (text === null) return { ok: false, problem: { id: `skillsBank.import.file.notText` } };
  const body = text.replace(/^\uFEFF/, "");
  if (body.trim() === "") return { ok: false, problem: { id: `skillsBank.import.file.empty` } };
  return kind === "csv" ? readCsvImport(body) : readJsonImport(body);
}

/**
 * Marks the rows whose question is already in the bank (`existing`: questionKey of every question
 * of the skill, retired ones too) or repeats an earlier row of the same file.
 */
export function markDuplicates(rows: ImportRow[], existing: ReadonlySet<string>): ImportRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    if (!r.ok) return r;
    const key = questionKey(r.question.question);
    if (existing.has(key)) return { row: r.row, ok: false, problems: [{ id: `skillsBank.import.reason.inBank` }] };
    const earlier = seen.get(key);
    if (earlier !== undefined) return { row: r.row, ok: false, problems: [{ id: `skillsBank.import.reason.inFile`, values: { row: earlier } }] };
    seen.set(key, r.row);
    return r;
  });
}
