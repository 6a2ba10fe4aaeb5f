import { describe, expect, it } from "vitest";
import { trimChars, trimEndChars } from "../../app/lib/text";
import { slugOf } from "../../app/modules/coach/extras-rules";
import { offlineSuggestions, sentencesOf } from "../../app/modules/documents/rules";
import { cvFileName } from "../../app/modules/jobs/cv";

/** CPU milliseconds one call of fn takes in this process (wall time is inflated on a busy machine). */
function timed(fn: () => void): number {
  const started = process.cpuUsage();
  fn();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

describe("the replacements of the quadratic patterns found by the regex audit", () => {
  it("trims runs of characters at either end, and only there", () => {
    expect(trimEndChars("https://a.example///", "/")).toBe("https://a.example");
    expect(trimEndChars("Not a fit!?. ", ".!? ")).toBe("Not a fit");
    expect(trimChars("--a-b--", "-")).toBe("a-b");
    expect(trimChars("----", "-")).toBe("");
  });

  it("splits sentences at . ! and ?, never across a line break, leaving out a line with no end mark", () => {
    expect(sentencesOf("I led a team. We grew!\nno end here\nDone? yes..")).toEqual(["I led a team.", " We grew!", "Done?", " yes."]);
  });

  it("takes linear time on the long runs that made the old patterns slow", () => {
    const dashes = "-".repeat(50_000) + "x";
    expect(timed(() => slugOf(dashes))).toBeLessThan(50);
    expect(timed(() => cvFileName(dashes, "pdf"))).toBeLessThan(50);
    expect(timed(() => trimEndChars("/".repeat(50_000) + "x", "/"))).toBeLessThan(50);
    // A 50,000-character document with no end mark: the old sentence pattern took seconds here.
    expect(timed(() => offlineSuggestions("word ".repeat(10_000)))).toBeLessThan(200);
  });
});
