/** The question bank's import rules (issue 18, item 5): the CSV reader, the JSON reader and every reason a row or a file is refused. */
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import {
  correctFromCell,
  CSV_COLUMNS,
  IMPORT_MAX_ROWS,
  markDuplicates,
  parseCsv,
  questionProblems,
  readImportFile,
  type ImportRead,
  type ImportRow,
} from "~/modules/skills/bank-rules";

const bytes = (text: string) => new TextEncoder().encode(text);
const HEADER = CSV_COLUMNS.join(",");
const csv = (...lines: string[]) => readImportFile("bank.csv", bytes([HEADER, ...lines].join("\n")));
const json = (value: unknown) => readImportFile("bank.json", bytes(JSON.stringify(value)));
const rowsOf = (read: ImportRead): ImportRow[] => {
  if (!read.ok) throw new Error(`unreadable: ${read.problem.id}`);
  return read.rows;
};
const reasonsOf = (row: ImportRow) => (row.ok ? [] : row.problems.map((p) => p.id.replace("skillsBank.import.reason.", "")));
const fileProblem = (read: ImportRead) => (read.ok ? null : read.problem.id.replace("skillsBank.import.file.", ""));
const good = { question: "Which keyword sorts rows?", options: ["ORDER BY", "GROUP BY", "SORT", "RANK"], correctIndex: 0, explanation: "ORDER BY sorts." };

describe("the CSV reader", () => {
  it("reads quoted fields holding commas, line breaks and doubled quotes, and gives each record the line it starts on", () => {
    const parsed = parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,row\n');
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ["a", "b"] },
        { line: 2, fields: ["x, y", 'say "hi"\nthere'] },
        { line: 5, fields: ["last", "row"] },
      ],
    });
  });

  it("keeps an empty quoted field as an empty value", () => {
    expect(parseCsv('"",b')).toEqual({ ok: true, records: [{ line: 1, fields: ["", "b"] }] });
  });

  it("refuses a quote inside an unquoted field, text after a closing quote and a quote never closed, naming the line", () => {
    expect(parseCsv('a,b\nx"y,z')).toEqual({ ok: false, problem: { id: "skillsBank.import.file.strayQuote", values: { line: 2 } } });
    expect(parseCsv('a,"b"c')).toEqual({ ok: false, problem: { id: "skillsBank.import.file.afterQuote", values: { line: 1 } } });
    expect(parseCsv('a\n"b,\nc')).toEqual({ ok: false, problem: { id: "skillsBank.import.file.unclosedQuote", values: { line: 2 } } });
  });

  it("reads the correct answer as A to D or 1 to 4, in either case, and nothing else", () => {
    expect(["A", "b", " C ", "d", "1", "4"].map(correctFromCell)).toEqual([0, 1, 2, 3, 0, 3]);
    expect(["0", "5", "E", "AB", "", "1.0"].map(correctFromCell)).toEqual([null, null, null, null, null, null]);
  });
});

describe("an import file's rows", () => {
  it("reads the example files in docs/ whole, every row good", () => {
    for (const file of ["docs/skills-import-example.csv", "docs/skills-import-example.json"]) {
      const rows = rowsOf(readImportFile(file, fs.readFileSync(file)));
      expect(rows.length, file).toBe(3);
      expect(rows.every((r) => r.ok), file).toBe(true);
    }
  });

  it("takes a CSV row with its options in order and the correct one by letter or number, numbering rows as a spreadsheet does", () => {
    const rows = rowsOf(csv('"Which keyword, in SQL, sorts rows?",ORDER BY,GROUP BY,SORT,RANK,a,ORDER BY sorts.', "Second?,w,x,y,z,3,Because."));
    expect(rows).toEqual([
      { row: 2, ok: true, question: { question: "Which keyword, in SQL, sorts rows?", options: ["ORDER BY", "GROUP BY", "SORT", "RANK"], correctIndex: 0, explanation: "ORDER BY sorts." } },
      { row: 3, ok: true, question: { question: "Second?", options: ["w", "x", "y", "z"], correctIndex: 2, explanation: "Because." } },
    ]);
  });

  it("reads the columns in any order", () => {
    const read = readImportFile("bank.csv", bytes("explanation,correct,option_d,option_c,option_b,option_a,question\nWhy.,D,d,c,b,a,What?"));
    expect(rowsOf(read)[0]).toEqual({ row: 2, ok: true, question: { question: "What?", options: ["a", "b", "c", "d"], correctIndex: 3, explanation: "Why." } });
  });

  it("names each bad CSV row with every reason: a missing question, option, answer or explanation, repeated options, an answer out of range, the wrong number of fields", () => {
    const rows = rowsOf(
      csv(
        ",a,b,c,d,A,Why.",
        "Q1?,a,,c,d,A,Why.",
        "Q2?,a,b,c,d,,Why.",
        "Q3?,a,b,c,d,A,",
        "Q4?,a,B,b,d,A,Why.",
        "Q5?,a,b,c,d,5,Why.",
        "Q6?,a,b,c,d,E,Why.",
        "Q7?,a,b,c,d,A",
        '"Q8\nspans lines?",a,b,c,d,0,Why.',
      ),
    );
    expect(rows.map((r) => [r.row, reasonsOf(r)])).toEqual([
      [2, ["questionMissing"]],
      [3, ["optionMissing"]],
      [4, ["correctMissing"]],
      [5, ["explanationMissing"]],
      [6, ["optionsDuplicate"]],
      [7, ["correctInvalid"]],
      [8, ["correctInvalid"]],
      [9, ["columns"]],
      [10, ["correctInvalid"]],
    ]);
    const missing = rows[1];
    expect(!missing.ok && missing.problems[0].values).toEqual({ letter: "B" });
  });

  it("refuses text that is too long and control characters, and an option spanning lines", () => {
    const long = "x".repeat(1001);
    expect(reasonsOf(rowsOf(csv(`${long},a,b,c,d,A,Why.`))[0])).toEqual(["tooLong"]);
    expect(reasonsOf(rowsOf(csv('Q?,"a\nb",c,d,e,A,Why.'))[0])).toEqual(["characters"]);
    expect(reasonsOf(rowsOf(csv("Q?\u0007,a,b,c,d,A,Why."))[0])).toEqual(["characters"]);
  });

  it("takes a JSON item as written and names each bad item by its position: not an object, not four options, an answer out of range or missing", () => {
    const rows = rowsOf(
      json([good, "text", { ...good, options: ["a", "b", "c"] }, { ...good, options: ["a", "b", "c", 4] }, { ...good, correctIndex: 4 }, { ...good, correctIndex: 1.5 }, { ...good, correctIndex: undefined }, { ...good, explanation: " " }]),
    );
    expect(rows[0]).toEqual({ row: 1, ok: true, question: good });
    expect(rows.slice(1).map((r) => [r.row, reasonsOf(r)])).toEqual([
      [2, ["notObject"]],
      [3, ["optionsNotFour"]],
      [4, ["optionsNotFour"]],
      [5, ["correctInvalid"]],
      [6, ["correctInvalid"]],
      [7, ["correctMissing"]],
      [8, ["explanationMissing"]],
    ]);
  });

  it("marks a question already in the bank and one repeated earlier in the file, ignoring case and spacing", () => {
    const rows = rowsOf(json([good, { ...good, question: "  which KEYWORD  sorts rows? " }, { ...good, question: "In the bank already?" }]));
    const marked = markDuplicates(rows, new Set(["in the bank already?"]));
    expect(marked.map((r) => [r.row, reasonsOf(r)])).toEqual([
      [1, []],
      [2, ["inFile"]],
      [3, ["inBank"]],
    ]);
    expect(!marked[1].ok && marked[1].problems[0].values).toEqual({ row: 1 });
  });

  it("checks one question the way the form does: four distinct non-empty options, an answer, an explanation", () => {
    expect(questionProblems({ question: "Q?", options: ["a", "b", "c", "d"], correctIndex: 1, explanation: "E." })).toEqual([]);
    expect(questionProblems({ question: "Q?", options: ["a", "A", "", "d"], correctIndex: null, explanation: "E." }).map((p) => p.id)).toEqual([
      "skillsBank.import.reason.optionMissing",
      "skillsBank.import.reason.optionsDuplicate",
      "skillsBank.import.reason.correctInvalid",
    ]);
  });
});

describe("an unreadable import file", () => {
  it("is refused whole: another kind of file, bytes that are not UTF-8, an empty file, a wrong header, no rows, broken JSON, JSON that is not a list, too many rows, too many bytes", () => {
    expect(fileProblem(readImportFile("bank.xlsx", bytes(HEADER)))).toBe("kind");
    expect(fileProblem(readImportFile("bank.csv", new Uint8Array([0xff, 0xfe, 0x00, 0x41])))).toBe("notText");
    expect(fileProblem(readImportFile("bank.csv", bytes("\uFEFF  \n")))).toBe("empty");
    expect(fileProblem(readImportFile("bank.csv", bytes("question,a,b,c,d,correct,explanation\nQ?,a,b,c,d,A,E.")))).toBe("header");
    expect(fileProblem(readImportFile("bank.csv", bytes(`${HEADER},extra\nQ?,a,b,c,d,A,E.,x`)))).toBe("header");
    expect(fileProblem(readImportFile("bank.csv", bytes(`${HEADER}\n`)))).toBe("noRows");
    expect(fileProblem(readImportFile("bank.csv", bytes(`${HEADER}\n"Q?,a,b,c,d,A,E.`)))).toBe("unclosedQuote");
    expect(fileProblem(readImportFile("bank.json", bytes('[{"question": "Q?",')))).toBe("brokenJson");
    expect(fileProblem(json({ question: "Q?" }))).toBe("notArray");
    expect(fileProblem(json([]))).toBe("noRows");
    expect(fileProblem(json(Array.from({ length: IMPORT_MAX_ROWS + 1 }, () => good)))).toBe("tooManyRows");
    expect(fileProblem(readImportFile("bank.csv", new Uint8Array(1_000_001)))).toBe("tooLarge");
  });

  it("reads a header with a byte-order mark and capitals", () => {
    const read = readImportFile("BANK.CSV", bytes(`\uFEFF${HEADER.toUpperCase()}\nQ?,a,b,c,d,A,E.`));
    expect(rowsOf(read)).toHaveLength(1);
  });
});
