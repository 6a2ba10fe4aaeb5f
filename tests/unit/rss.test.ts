/** The RSS 2.0 writer (app/lib/rss.ts): escaping, dates, an empty feed, and well-formed XML. */
import { describe, expect, it } from "vitest";
import { rfc822, writeRss, xmlEscape, type RssChannel } from "../../app/lib/rss";

const channel = (over: Partial<RssChannel> = {}): RssChannel => ({
  title: "Ladder: Jobs",
  link: "https://ladder.test/jobs",
  description: "Jobs across the region.",
  self: "https://ladder.test/jobs/rss",
  lastBuildDate: new Date("2026-12-05T10:00:00Z"),
  language: "en",
  items: [],
  ...over,
});

const item = {
  title: `Dev <script>alert("x")</script> & Co's at Acme`,
  link: "https://ladder.test/jobs/general/a1?x=1&y=2",
  guid: "https://ladder.test/jobs/general/a1?x=1&y=2",
  pubDate: new Date("2026-03-01T23:30:00+02:00"),
  description: "Line one\n\nLine two",
};

/**
 * A small well-formedness check for what the writer emits (no XML parser is installed): one
 * declaration, then elements that nest and close in order, attributes quoted, and no bare `&` or
 * `<` in text (every `&` starts one of the five entities).
 */
function wellFormed(xml: string): boolean {
  const rest = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, "");
  if (rest === xml) return false;
  const stack: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<&]*(?:&(?:amp|lt|gt|quot|apos);[^"<&]*)*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  let root = 0;
  for (let m = token.exec(rest); m; m = token.exec(rest)) {
    at = token.lastIndex;
    const [, closing, name, , selfClosing, text] = m;
    if (text !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos);)/.test(text)) return false;
      if (stack.length === 0 && text.trim() !== "") return false;
      continue;
    }
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (!selfClosing) {
      if (stack.length === 0) root++;
      stack.push(name);
    }
  }
  return at === rest.length && stack.length === 0 && root === 1;
}

describe("the RSS writer", () => {
  it("escapes &, <, >, double and single quotes in text and attributes", () => {
    expect(xmlEscape(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;");
    const xml = writeRss(channel({ self: "https://ladder.test/jobs/rss?a=1&b=\"2\"", items: [item] }));
    expect(xml).toContain("<title>Dev &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co&apos;s at Acme</title>");
    expect(xml).toContain('<atom:link href="https://ladder.test/jobs/rss?a=1&amp;b=&quot;2&quot;" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain("<link>https://ladder.test/jobs/general/a1?x=1&amp;y=2</link>");
    expect(xml).toContain('<guid isPermaLink="true">https://ladder.test/jobs/general/a1?x=1&amp;y=2</guid>');
    expect(xml).not.toContain("<script>");
  });

  it("drops the control characters XML 1.0 does not allow and keeps tab, line feed and carriage return", () => {
    expect(xmlEscape("a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\uFFFEh\uFFFFi")).toBe("abcdefghi");
    expect(xmlEscape("tab\there\nline\rreturn")).toBe("tab\there\nline\rreturn");
    expect(writeRss(channel({ items: [{ ...item, description: "bell\u0007 here" }] }))).toContain("<description>bell here</description>");
  });

  it("writes dates in RFC 822 form, in UTC", () => {
    expect(rfc822(new Date("2026-03-01T23:30:00+02:00"))).toBe("Sun, 01 Mar 2026 21:30:00 GMT");
    const xml = writeRss(channel({ items: [item] }));
    expect(xml).toContain("<pubDate>Sun, 01 Mar 2026 21:30:00 GMT</pubDate>");
    expect(xml).toContain("<lastBuildDate>Sat, 05 Dec 2026 10:00:00 GMT</lastBuildDate>");
  });

  it("writes a feed with no items as a channel without items", () => {
    const xml = writeRss(channel());
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
        "<channel>",
        "<title>Ladder: Jobs</title>",
        "<link>https://ladder.test/jobs</link>",
        "<description>Jobs across the region.</description>",
        "<language>en</language>",
        '<atom:link href="https://ladder.test/jobs/rss" rel="self" type="application/rss+xml"/>',
        "<lastBuildDate>Sat, 05 Dec 2026 10:00:00 GMT</lastBuildDate>",
        "</channel>",
        "</rss>",
        "",
      ].join("\n"),
    );
    expect(xml).not.toContain("<item>");
  });

  it("writes one item per line (line breaks in a description aside), in the given order, each with its five elements", () => {
    const xml = writeRss(channel({ items: [{ ...item, description: "One line" }, { ...item, title: "Second", description: "One line" }] }));
    const lines = xml.split("\n").filter((line) => line.startsWith("<item>"));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^<item><title>Second<\/title><link>[^<]+<\/link><guid isPermaLink="true">[^<]+<\/guid><pubDate>[^<]+<\/pubDate><description>[^<]*<\/description><\/item>$/);
  });

  it("is well-formed XML, whatever the text", () => {
    const nasty = `<&>"'\u0000]]><![CDATA[ </channel> &amp; &#0; é 中文 😀`;
    const xml = writeRss(channel({ title: nasty, description: nasty, self: `https://x.test/?q=${nasty}`, items: [{ ...item, title: nasty, description: nasty, link: nasty, guid: nasty }] }));
    expect(wellFormed(xml)).toBe(true);
    // The check itself refuses what is not well-formed.
    expect(wellFormed(xml.replace("</title>", ""))).toBe(false);
    expect(wellFormed(xml.replace("&amp;", "&"))).toBe(false);
    expect(wellFormed(xml.replace("&lt;", "<"))).toBe(false);
  });
});
