import { describe, expect, it } from "vitest";
import { csvCell, csvFileName, csvLine } from "~/lib/csv";
import { csvResponse } from "~/modules/admin/export.server";

describe("CSV cells as spreadsheets read them", () => {
  it("leaves plain text as it is and writes nothing for a missing value", () => {
    expect(csvCell("Aisha Siddiqui")).toBe("Aisha Siddiqui");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("quotes a cell holding a comma, a quote or a line break, doubling the quotes inside", () => {
    expect(csvCell("Cairo, Egypt")).toBe('"Cairo, Egypt"');
    expect(csvCell('She said "hi"')).toBe('"She said ""hi"""');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
    expect(csvCell("a\r\nb")).toBe('"a\r\nb"');
  });

  it("puts a single quote before a cell that a spreadsheet would run as a formula", () => {
    expect(csvCell("=HYPERLINK(\"http://evil.test\")")).toBe('"\'=HYPERLINK(""http://evil.test"")"');
    expect(csvCell("+20 100 987 6543")).toBe("'+20 100 987 6543");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe("\"'\r=1\"");
  });

  it("does not touch a formula character that is not at the start", () => {
    expect(csvCell("a=b+c-d@e")).toBe("a=b+c-d@e");
  });

  it("writes dates as ISO 8601 in UTC and numbers as they are", () => {
    expect(csvCell(new Date(Date.UTC(2026, 10, 26, 9, 5, 0, 7)))).toBe("2026-11-26T09:05:00.007Z");
    expect(csvCell(-5)).toBe("-5");
  });

  it("joins a line with commas and ends it with CRLF", () => {
    expect(csvLine(["a", "b,c", null, "=1"])).toBe("a,\"b,c\",,'=1\r\n");
  });

  it("names the download with safe characters and the day", () => {
    expect(csvFileName("ladder premium/../x", new Date(Date.UTC(2026, 0, 2, 23, 0)))).toBe("ladder-premium----x-2026-01-02.csv");
  });
});

describe("a CSV download", () => {
  it("streams a byte-order mark, the header and every row, as an attachment", async () => {
    const data = {
      header: ["Name", "Note"],
      rows: async function* () {
        for (let i = 0; i < 450; i++) yield [`N${i}`, i % 2 ? "=odd" : "even, really"];
      },
    };
    const res = csvResponse(data, "test export", new Date(Date.UTC(2026, 10, 26)));
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="test-export-2026-11-26.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe("Name,Note");
    expect(lines[1]).toBe('N0,"even, really"');
    expect(lines[2]).toBe("N1,'=odd");
    expect(lines[450]).toBe("N449,'=odd");
    expect(lines[451]).toBe("");
    expect(lines).toHaveLength(452);
  });
});
