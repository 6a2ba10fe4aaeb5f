import { describe, expect, it } from "vitest";
import { allowedHref, markdownToPlain, renderMarkdown, safeHref } from "../../app/modules/coach/markdown";
import { CACHE_MAX_ENTRIES, clearMarkdownCache, isMarkdownCached, markdownCacheStats, markdownHtml } from "../../app/modules/coach/markdown.server";
import { onlySafeTags } from "../support/markdown-safety";
import { ATTACK_REPLY } from "../support/openai-mock";

const REL = 'rel="nofollow noopener noreferrer ugc"';

describe("renderMarkdown", () => {
  it("shows a script tag as text instead of running it", () => {
    const html = renderMarkdown("Hello <script>alert(1)</script>");
    expect(html).toBe("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
    onlySafeTags(html);
  });

  it("keeps a javascript: link as plain text", () => {
    const html = renderMarkdown("[click](javascript:alert(1))");
    expect(html).not.toContain("<a");
    expect(html).toContain("[click](javascript:alert(1))");
  });

  it("keeps data:, vbscript:, relative and protocol-relative links as plain text", () => {
    for (const url of ["data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox(1)", "/settings", "//evil.example/x", "JaVaScRiPt:alert(1)"]) {
      const html = renderMarkdown(`[x](${url})`);
      expect(html, url).not.toContain("<a");
    }
  });

  it("escapes raw HTML with event handlers", () => {
    const html = renderMarkdown('<img src=x onerror="alert(1)"> and <a href="javascript:alert(2)">a</a>');
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;a href=&quot;javascript:alert(2)&quot;&gt;");
    onlySafeTags(html);
  });

  it("cannot be tricked out of an href attribute with quotes or nested brackets", () => {
    const html = renderMarkdown('[a](https://x.example/"onmouseover="alert(1)) [b [c](javascript:x)](https://ok.example)');
    onlySafeTags(html);
    // The quote is percent-encoded inside the href, so no attribute can start after it.
    expect(html).not.toMatch(/<a [^>]*\sonmouseover=/);
    expect(html).toContain('href="https://x.example/%22onmouseover=%22alert(1)"');
    expect(html).not.toContain('href="javascript');
  });

  it("renders the mock provider's attack reply inert", () => {
    const html = renderMarkdown(ATTACK_REPLY);
    onlySafeTags(html);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain(`<a href="https://example.com/ladder" ${REL}>Ladder</a>`);
  });

  it("makes http and https links with nofollow", () => {
    expect(renderMarkdown("See [the guide](https://example.com/a?b=1&c=2).")).toBe(
      `<p>See <a href="https://example.com/a?b=1&amp;c=2" ${REL}>the guide</a>.</p>\n`,
    );
    expect(renderMarkdown("[plain](http://example.com)")).toContain('href="http://example.com"');
  });

  it("renders headings, emphasis, inline code and line breaks", () => {
    expect(renderMarkdown("# Plan\n**bold** and *italic* and _also_ and `x < y`\nnext line")).toBe(
      "<h3>Plan</h3>\n<p><strong>bold</strong> and <em>italic</em> and <em>also</em> and <code>x &lt; y</code><br>\nnext line</p>\n",
    );
  });

  it("renders fenced code blocks without interpreting what is inside", () => {
    const html = renderMarkdown("```html\n<b>**not bold**</b> [x](https://a.example)\n```");
    expect(html).toBe('<pre><code data-lang="html">&lt;b&gt;**not bold**&lt;/b&gt; [x](https://a.example)\n</code></pre>\n');
  });

  it("renders bullet and numbered lists and separate paragraphs", () => {
    // CommonMark: a change of delimiter (. to )) starts a new list, which keeps its number.
    expect(renderMarkdown("Intro\n\n- one\n- two\n\n1. first\n2) second\n\nEnd")).toBe(
      '<p>Intro</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n</ol>\n<ol start="2">\n<li>second</li>\n</ol>\n<p>End</p>\n',
    );
  });

  it("does not let the old placeholder character inject HTML", () => {
    const html = renderMarkdown("\uE0000\uE000 `<b>`");
    expect(html).toBe("<p>\uE0000\uE000 <code>&lt;b&gt;</code></p>\n");
  });

  it("nests a list inside a list item", () => {
    expect(renderMarkdown("- plan\n  - ask for a referral\n    - by Friday\n- apply")).toBe(
      "<ul>\n<li>plan\n<ul>\n<li>ask for a referral\n<ul>\n<li>by Friday</li>\n</ul>\n</li>\n</ul>\n</li>\n<li>apply</li>\n</ul>\n",
    );
  });

  it("continues the numbering of a list split by a paragraph with a start attribute", () => {
    const html = renderMarkdown("1. one\n2. two\n\nA note between.\n\n3. three\n4. four");
    expect(html).toBe('<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<p>A note between.</p>\n<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n');
    onlySafeTags(html);
  });

  it("keeps one list when its items are separated by blank lines", () => {
    const html = renderMarkdown("1. one\n\n2. two\n\n3. three");
    expect(html.match(/<ol/g)).toHaveLength(1);
    expect(html.match(/<li>/g)).toHaveLength(3);
  });

  it("renders a quote, with Markdown inside it", () => {
    expect(renderMarkdown("> Be **specific**\n> about numbers")).toBe("<blockquote>\n<p>Be <strong>specific</strong><br>\nabout numbers</p>\n</blockquote>\n");
  });

  it("renders a table in a keyboard-scrollable box, turning column alignment into a class because the CSP forbids inline styles", () => {
    const html = renderMarkdown("| Role | Pay |\n|:--|--:|\n| Analyst | 40,000 |\n| <b>Lead</b> | 55,000 |");
    expect(html).toBe(
      '<div class="table-scroll" tabindex="0">\n<table>\n<thead>\n<tr>\n<th class="text-left">Role</th>\n<th class="text-right">Pay</th>\n</tr>\n</thead>\n' +
        '<tbody>\n<tr>\n<td class="text-left">Analyst</td>\n<td class="text-right">40,000</td>\n</tr>\n' +
        '<tr>\n<td class="text-left">&lt;b&gt;Lead&lt;/b&gt;</td>\n<td class="text-right">55,000</td>\n</tr>\n</tbody>\n</table>\n</div>\n',
    );
    expect(html).not.toContain("style=");
    onlySafeTags(html);
  });

  it("renders code fences with a language, and leaves out a language that is not a plain word", () => {
    expect(renderMarkdown("~~~\n<script>x</script>\n~~~")).toBe("<pre><code>&lt;script&gt;x&lt;/script&gt;\n</code></pre>\n");
    expect(renderMarkdown('```js" onclick="x\ncode\n```')).toBe("<pre><code>code\n</code></pre>\n");
    expect(renderMarkdown("```ts\nconst a = 1;\n```")).toBe('<pre><code data-lang="ts">const a = 1;\n</code></pre>\n');
  });

  it("shifts headings down two levels so # is h3 and nothing goes past h6", () => {
    expect(renderMarkdown("# one\n## two\n### three\n#### four\n###### six")).toBe("<h3>one</h3>\n<h4>two</h4>\n<h5>three</h5>\n<h6>four</h6>\n<h6>six</h6>\n");
  });

  it("links mailto: addresses and bare http(s) addresses, but does not guess at addresses with no scheme", () => {
    const html = renderMarkdown("[write](mailto:coach@example.com) https://example.com/x www.example.com");
    expect(html).toBe(
      `<p><a href="mailto:coach@example.com" ${REL}>write</a> <a href="https://example.com/x" ${REL}>https://example.com/x</a> www.example.com</p>\n`,
    );
  });

  it("shows no images, so a message cannot make the reader's browser fetch an address", () => {
    const html = renderMarkdown("![tracker](https://evil.example/pixel.png)");
    expect(html).not.toContain("<img");
    onlySafeTags(html);
  });

  it("keeps autolinks and reference links to unsafe schemes as text", () => {
    for (const text of ["<javascript:alert(1)>", "[x][1]\n\n[1]: javascript:alert(1)", "[x](java\tscript:alert(1))", "[x](  javascript:alert(1))", "[x](file:///etc/passwd)"]) {
      const html = renderMarkdown(text);
      expect(html, text).not.toContain("<a");
      onlySafeTags(html);
    }
  });
});

describe("allowedHref", () => {
  it("accepts http(s) with a host and mailto: with an address, as the browser's URL parser reads them", () => {
    for (const ok of ["https://example.com", "http://example.com/a?b", "mailto:a@example.com", "HTTPS://EXAMPLE.COM"]) expect(allowedHref(ok), ok).toBe(true);
    for (const bad of ["javascript:alert(1)", "java\tscript:alert(1)", " javascript:x", "data:text/html,x", "vbscript:x", "file:///etc/passwd", "/relative", "//evil.example", "mailto:", "https://", "ftp://example.com"]) {
      expect(allowedHref(bad), bad).toBe(false);
    }
  });
});

describe("safeHref", () => {
  it("accepts only absolute http and https addresses", () => {
    expect(safeHref("https://example.com/x")).toBe("https://example.com/x");
    expect(safeHref("http://example.com")).toBe("http://example.com");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("https://")).toBeNull();
    expect(safeHref("https://exa mple.com")).toBeNull();
  });
});

describe("markdownToPlain", () => {
  it("drops markup and keeps the words", () => {
    expect(markdownToPlain("# Hi **there** [link](https://x.example)\n```\ncode\n```")).toBe("Hi there link");
  });
});

describe("the heading line of issue 11", () => {
  // CPU time of this process, not wall time, which other processes on a busy machine inflate (65 ms seen).
  it("renders a 4,000-character heading line ending in a Unicode line separator in under 50 ms of CPU", () => {
    // The old heading pattern took cubic time on this line: 63 s here, 24.6 s in the issue.
    const line = "# a" + " ".repeat(3995) + "\u2028x";
    expect(line).toHaveLength(4000);
    renderMarkdown("# warm up");
    const started = process.cpuUsage();
    const html = renderMarkdown(line);
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(50);
    expect(html.startsWith("<h3>a")).toBe(true);
  });
});

describe("markdownHtml (the cache by content hash)", () => {
  it("renders a text once and answers the same HTML from the cache after that", () => {
    clearMarkdownCache();
    const first = markdownHtml("- **one**\n- two");
    expect(first).toBe(renderMarkdown("- **one**\n- two"));
    expect(markdownCacheStats().entries).toBe(1);
    expect(markdownHtml("- **one**\n- two")).toBe(first);
    expect(markdownCacheStats().entries).toBe(1);
    expect(markdownHtml("- **one**\n- three")).not.toBe(first);
    expect(markdownCacheStats().entries).toBe(2);
  });

  it("stays within its bounds by dropping the least recently used texts", () => {
    clearMarkdownCache();
    markdownHtml("kept");
    for (let i = 0; i < CACHE_MAX_ENTRIES + 50; i++) {
      if (i % 100 === 0) markdownHtml("kept"); // used often, so never the oldest
      markdownHtml(`text ${i}`);
    }
    expect(markdownCacheStats().entries).toBe(CACHE_MAX_ENTRIES);
    expect(isMarkdownCached("kept")).toBe(true);
    expect(isMarkdownCached("text 0")).toBe(false);
    expect(isMarkdownCached(`text ${CACHE_MAX_ENTRIES + 49}`)).toBe(true);
    clearMarkdownCache();
  });
});
