/**
 * What rendered Markdown may contain (app/modules/coach/markdown.ts): the renderer's own tags and
 * attributes only, hrefs only to http(s) and mailto:. Shared by the unit and fuzz tests.
 */
import { expect } from "vitest";

export const SAFE_TAGS = ["p", "br", "strong", "em", "s", "code", "pre", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td", "div"];
const SAFE_ATTRIBUTES = ["href", "rel", "data-lang", "start", "class", "tabindex"];
const SAFE_CLASSES = ["text-left", "text-center", "text-right", "table-scroll"];

/** No tag other than the ones the renderer writes, and no attribute other than href/rel/data-lang/start/class/tabindex. */
export function onlySafeTags(html: string) {
  // Collected first and asserted once each: a 50,000-character document has tens of thousands of tags.
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const [, name, attrs] of html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    tags.add(name.toLowerCase());
    for (const [, attr] of attrs.matchAll(/\s([\w-]+)=/g)) attributes.add(attr);
  }
  for (const tag of tags) expect(SAFE_TAGS).toContain(tag);
  for (const attr of attributes) expect(SAFE_ATTRIBUTES).toContain(attr);
  const hrefs = new Set([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]));
  for (const href of hrefs) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  const classes = new Set([...html.matchAll(/class="([^"]*)"/g)].map((m) => m[1]));
  for (const cls of classes) expect(SAFE_CLASSES).toContain(cls);
}
