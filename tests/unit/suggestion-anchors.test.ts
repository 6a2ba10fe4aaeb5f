/** Where a document suggestion may cut the text: never inside a word, never inside a link (decision 029). */
import { describe, expect, it } from "vitest";
import { anchorOf, applySuggestion, linkSpans, offlineSuggestions, readSuggestions } from "../../app/modules/documents/rules";

const reply = (...items: { originalText: string; suggestedText: string }[]) => JSON.stringify(items);

describe("a suggestion's anchor", () => {
  it("is refused inside a word and found at the next whole-word occurrence", () => {
    expect(anchorOf("every day", "very")).toBe(-1);
    expect(anchorOf("Pay attention", "at")).toBe(-1);
    expect(anchorOf("everyone is very kind", "very")).toBe(12);
    expect(applySuggestion("Hardworking and hard working", "working", "busy")).toBe("Hardworking and hard busy");
  });

  it("treats letters of any script and an apostrophe between letters as part of a word", () => {
    expect(anchorOf("مرحبا بكم", "حبا")).toBe(-1);
    expect(anchorOf("مرحبا بكم", "بكم")).toBe(6);
    expect(anchorOf("I don't know", "don")).toBe(-1);
    expect(anchorOf("I don't know", "t know")).toBe(-1);
    expect(anchorOf("I don't know", "don't")).toBe(2);
  });

  it("may start or end on punctuation and spaces", () => {
    expect(anchorOf("Dear team,\nI want the job.", "Dear team,")).toBe(0);
    expect(anchorOf("It was, very simply, done.", ", very simply,")).toBe(6);
  });

  it("never cuts a Markdown link or a bare address, but may replace one whole", () => {
    const text = "See [my portfolio](https://example.com/work) and https://example.com/cv.pdf.";
    expect(linkSpans(text)).toEqual([
      [4, 44],
      [49, 75],
    ]);
    expect(anchorOf(text, "portfolio")).toBe(-1);
    expect(anchorOf(text, "example")).toBe(-1);
    expect(anchorOf(text, "https://example.com/work")).toBe(-1);
    expect(anchorOf(text, "my portfolio](https://example.com/work) and")).toBe(-1);
    expect(anchorOf(text, "[my portfolio](https://example.com/work)")).toBe(4);
    expect(anchorOf(text, "https://example.com/cv.pdf")).toBe(49);
    expect(anchorOf(text, "See")).toBe(0);
  });

  it("reads images and addresses in brackets as links too, without the closing bracket or the final full stop", () => {
    expect(linkSpans("![me](https://x.test/me.png)")).toEqual([[0, 28]]);
    expect(linkSpans("(see https://x.test/a).")).toEqual([[5, 21]]);
    expect(linkSpans("no links [here] (or here)")).toEqual([]);
  });

  it("stays fast on a long line of brackets with no link", () => {
    const text = "[".repeat(25_000) + "](".repeat(12_000);
    const started = performance.now();
    expect(anchorOf(text, "x")).toBe(-1);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe("suggestions are kept only where they cut cleanly", () => {
  it("drops a model's suggestion that starts inside a word or inside a link", () => {
    const content = "I am hardworking. My site: https://example.com/hardworking";
    const read = readSuggestions(
      reply({ originalText: "working", suggestedText: "x" }, { originalText: "hardworking.", suggestedText: "results-focused." }, { originalText: "example.com", suggestedText: "y" }),
      content,
    );
    expect(read).toEqual([{ originalText: "hardworking.", suggestedText: "results-focused.", description: null }]);
  });

  it("the offline rules flag no weak word inside an address", () => {
    // "Hardworking" is a weak word the rules flag; here it is only part of an address.
    expect(offlineSuggestions("My page https://example.com/a/Hardworking is live, see 3 pages.")).toEqual([]);
    expect(offlineSuggestions("Hardworking, see 3 pages.").map((d) => d.originalText)).toEqual(["Hardworking"]);
  });

  it("applying a suggestion whose text is only left inside a word or link changes nothing", () => {
    expect(applySuggestion("I worked on https://team.example.com", "team", "group")).toBeNull();
    expect(applySuggestion("teamwork", "team", "group")).toBeNull();
  });
});
