import { describe, expect, it } from "vitest";
import { markdownToPlain, renderMarkdown, safeHref } from "../../app/modules/coach/markdown";
import { ATTACK_REPLY } from "../support/openai-mock";

/** No tag other than the ones the renderer writes, and no attribute other than href/rel/data-lang. */
function onlySafeTags(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
  for (const [, name, attrs] of tags) {
    expect(["p", "br", "strong", "em", "code", "pre", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6"]).toContain(name.toLowerCase());
    const names = [...attrs.matchAll(/\s([\w-]+)=/g)].map((m) => m[1]);
    for (const attr of names) expect(["href", "rel", "data-lang"]).toContain(attr);
  }
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https?:\/\//);
}

describe("renderMarkdown", () => {
  it("shows a script tag as text instead of running it", () => {
    const html = renderMarkdown("Hello <script>alert(1)</script>");
    expect(html).toBe("<p>Hello &lt;script&gt;alert(1)&lt;/script&gt;</p>");
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
    expect(html).not.toMatch(/<a [^>]*onmouseover/);
    expect(html).not.toContain('href="javascript');
  });

  it("renders the mock provider's attack reply inert", () => {
    const html = renderMarkdown(ATTACK_REPLY);
    onlySafeTags(html);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://example.com/ladder" rel="nofollow noopener noreferrer">Ladder</a>');
  });

  it("makes http and https links with nofollow", () => {
    expect(renderMarkdown("See [the guide](https://example.com/a?b=1&c=2).")).toBe(
      '<p>See <a href="https://example.com/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">the guide</a>.</p>',
    );
    expect(renderMarkdown("[plain](http://example.com)")).toContain('href="http://example.com"');
  });

  it("renders headings, emphasis, inline code and line breaks", () => {
    expect(renderMarkdown("# Plan\n**bold** and *italic* and _also_ and `x < y`\nnext line")).toBe(
      "<h3>Plan</h3>\n<p><strong>bold</strong> and <em>italic</em> and <em>also</em> and <code>x &lt; y</code><br>next line</p>",
    );
  });

  it("renders fenced code blocks without interpreting what is inside", () => {
    const html = renderMarkdown("```html\n<b>**not bold**</b> [x](https://a.example)\n```");
    expect(html).toBe('<pre><code data-lang="html">&lt;b&gt;**not bold**&lt;/b&gt; [x](https://a.example)</code></pre>');
  });

  it("renders bullet and numbered lists and separate paragraphs", () => {
    expect(renderMarkdown("Intro\n\n- one\n- two\n\n1. first\n2) second\n\nEnd")).toBe(
      "<p>Intro</p>\n<ul><li>one</li><li>two</li></ul>\n<ol><li>first</li><li>second</li></ol>\n<p>End</p>",
    );
  });

  it("does not let the placeholder character inject held HTML", () => {
    const html = renderMarkdown("\uE0000\uE000 `<b>`");
    expect(html).toBe("<p>0 <code>&lt;b&gt;</code></p>");
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
