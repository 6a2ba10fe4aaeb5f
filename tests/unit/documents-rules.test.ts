import { describe, expect, it } from "vitest";
import { contentToParts } from "../../app/modules/coach/backfill";
import { parseCsv, padRows } from "../../app/modules/documents/csv";
import { checkDocument } from "../../app/modules/documents/forms.server";
import {
  applySuggestion,
  draftTitle,
  nextVersionAt,
  offlineSuggestions,
  parseVersionParam,
  readSuggestions,
} from "../../app/modules/documents/rules";

describe("sheets as CSV (RFC 4180)", () => {
  it("splits rows and cells, with quoted commas, doubled quotes and line breaks inside quotes", () => {
    const parsed = parseCsv('City,Note\r\n"Amman, Jordan","She said ""yes"""\n"Two\nlines",x\n');
    expect(parsed).toEqual({ ok: true, rows: [["City", "Note"], ["Amman, Jordan", 'She said "yes"'], ["Two\nlines", "x"]] });
  });

  it("keeps empty cells and drops blank lines", () => {
    expect(parseCsv("a,,c\n\n,b,\n")).toEqual({ ok: true, rows: [["a", "", "c"], ["", "b", ""]] });
  });

  it("refuses a quote that is never closed, saying on which line it opened", () => {
    const parsed = parseCsv('a,b\n"open,c\nd');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/never closed/);
  });

  it("refuses a stray quote inside an unquoted cell and text after a closing quote", () => {
    expect(parseCsv('ab"c,d').ok).toBe(false);
    expect(parseCsv('"ab"c,d').ok).toBe(false);
  });

  it("refuses more than 200 rows or 20 columns, and an empty sheet", () => {
    expect(parseCsv(Array.from({ length: 200 }, (_, i) => `r${i}`).join("\n")).ok).toBe(true);
    const tooLong = parseCsv(Array.from({ length: 201 }, (_, i) => `r${i}`).join("\n"));
    expect(tooLong).toEqual({ ok: false, message: expect.stringMatching(/at most 200 rows/) as unknown as string });
    expect(parseCsv(Array.from({ length: 20 }, (_, i) => i).join(",")).ok).toBe(true);
    expect(parseCsv(Array.from({ length: 21 }, (_, i) => i).join(","))).toEqual({ ok: false, message: "A sheet holds at most 20 columns (a row here has 21)." });
    expect(parseCsv("\n\n").ok).toBe(false);
  });

  it("pads short rows to the widest row for the table", () => {
    expect(padRows([["a", "b", "c"], ["d"]])).toEqual([["a", "b", "c"], ["d", "", ""]]);
  });
});

describe("the document form", () => {
  it("accepts a title, a kind and content, trimming the title", () => {
    expect(checkDocument({ title: "  CV  ", kind: "text", content: "Hello" })).toEqual({ ok: true, input: { title: "CV", kind: "text", content: "Hello" } });
  });

  it("says what is wrong beside each field: no title, a 201-character title, an unknown kind, empty content", () => {
    expect(checkDocument({ title: "", kind: "image", content: " " })).toEqual({
      ok: false,
      errors: { title: "Enter a title.", kind: "Choose text, code or sheet.", content: "Write something: a document cannot be empty." },
    });
    const long = checkDocument({ title: "x".repeat(201), kind: "text", content: "ok" });
    expect(long.ok ? null : long.errors.title).toBe("Use at most 200 characters (you have 201).");
  });

  it("refuses content over 50,000 characters and a sheet that is not valid CSV", () => {
    const big = checkDocument({ title: "t", kind: "text", content: "x".repeat(50_001) });
    expect(big.ok ? null : big.errors.content).toMatch(/at most 50,000 characters/);
    const sheet = checkDocument({ title: "t", kind: "sheet", content: 'a,"b' });
    expect(sheet.ok ? null : sheet.errors.content).toMatch(/never closed/);
  });
});

describe("versions", () => {
  it("a new version is stamped now, or 1 ms after the latest when the clock has not moved past it", () => {
    const latest = new Date("2026-11-26T10:00:00.000Z");
    expect(nextVersionAt(latest, new Date("2026-11-26T10:00:05.000Z")).toISOString()).toBe("2026-11-26T10:00:05.000Z");
    expect(nextVersionAt(latest, latest).toISOString()).toBe("2026-11-26T10:00:00.001Z");
    expect(nextVersionAt(latest, new Date("2026-11-26T09:59:00.000Z")).toISOString()).toBe("2026-11-26T10:00:00.001Z");
    expect(nextVersionAt(null, latest)).toBe(latest);
  });

  it("reads a version from the URL only as an exact ISO time", () => {
    expect(parseVersionParam("2026-11-26T10:00:00.123Z")?.getTime()).toBe(Date.parse("2026-11-26T10:00:00.123Z"));
    expect(parseVersionParam(null)).toBeUndefined();
    expect(parseVersionParam("yesterday")).toBeNull();
    expect(parseVersionParam("2026-02-31T10:00:00.000Z")).toBeNull();
  });
});

describe("suggestions", () => {
  it("accepting replaces only the first occurrence, and says when the text is gone", () => {
    expect(applySuggestion("a b a", "a", "c")).toBe("c b a");
    expect(applySuggestion("hello", "bye", "x")).toBeNull();
    expect(applySuggestion("hello", "", "x")).toBeNull();
  });

  it("keeps only well-formed suggestions whose original text occurs in the document, once each", () => {
    const reply =
      'Here you go:\n```json\n[{"originalText":"I am good","suggestedText":"I led a team of 4","description":"Be specific."},' +
      '{"originalText":"not in the text","suggestedText":"x"},{"originalText":"I am good","suggestedText":"dup"},' +
      '{"originalText":"same","suggestedText":"same"},{"suggestedText":"no original"},42]\n```';
    expect(readSuggestions(reply, "Hello. I am good. same")).toEqual([{ originalText: "I am good", suggestedText: "I led a team of 4", description: "Be specific." }]);
  });

  it("tells a reply without a JSON array apart from an empty list", () => {
    expect(readSuggestions("Sorry, I cannot help.", "text")).toBeNull();
    expect(readSuggestions("[]", "text")).toEqual([]);
  });

  it("the offline coach flags weak words, passive phrases, long sentences and missing numbers, each anchored in the text", () => {
    const text =
      "Hardworking graduate looking for work. The report was automated during my internship. " +
      "I worked on many different projects with many different teams across the company, learning about planning, reporting, data cleaning, dashboards, stakeholder updates and much more than I can list here in one go, and I enjoyed it.";
    const suggestions = offlineSuggestions(text);
    expect(suggestions.length).toBeGreaterThanOrEqual(4);
    for (const s of suggestions) {
      expect(text.includes(s.originalText)).toBe(true);
      expect(s.suggestedText).not.toBe(s.originalText);
      expect(s.description).toMatch(/^Offline coach:/);
    }
    const descriptions = suggestions.map((s) => s.description).join(" ");
    expect(descriptions).toMatch(/hardworking/i);
    expect(descriptions).toMatch(/passive/);
    expect(descriptions).toMatch(/words; two shorter/);
    expect(descriptions).toMatch(/no numbers/);
  });

  it("the offline coach has nothing to say about a short, active text with numbers", () => {
    expect(offlineSuggestions("I cut a weekly report from 4 hours to 20 minutes.")).toEqual([]);
  });
});

describe("drafts", () => {
  it("titles a draft after its kind and the chat, within 200 characters", () => {
    expect(draftTitle("cover-letter", "Data analyst in Amman")).toBe("Cover letter – Data analyst in Amman");
    expect(draftTitle("plan", "x".repeat(300)).length).toBe(200);
  });
});

describe("old message content as parts (backfill)", () => {
  it("reads a string, an array of parts and {text}; refuses what it cannot read", () => {
    expect(contentToParts('"hi"')).toEqual({ ok: true, parts: [{ type: "text", text: "hi" }] });
    expect(contentToParts('[{"type":"text","text":"a"},"b",{"type":"reasoning","text":"x"}]')).toEqual({
      ok: true,
      parts: [
        { type: "text", text: "a" },
        { type: "text", text: "b" },
      ],
    });
    expect(contentToParts('{"text":"t"}')).toEqual({ ok: true, parts: [{ type: "text", text: "t" }] });
    expect(contentToParts("not json")).toEqual({ ok: false, reason: "content is not valid JSON" });
    expect(contentToParts("42")).toEqual({ ok: false, reason: "a JSON number, not text or parts" });
    expect(contentToParts('[{"type":"image"}]').ok).toBe(false);
    expect(contentToParts(null).ok).toBe(false);
  });
});
