/**
 * What rendered Markdown may contain (app/modules/coach/markdown.ts): the renderer's own tags and
 * attributes only, hrefs only to http(s) and mailto:. Shared by the unit and fuzz tests.
 */
import { expect } from "vitest";

export const SAFE_TAGS = ["p", "br", "strong", "em", "s", "code", "pre", "a", "ul", "ol", "li", "h3", "h4", "h5", "h6", "blockquote", "hr", "table", "thead", "tbody", "tr", "th", "td"];

/** No tag other than the ones the renderer writes, and no attribute other than href/rel/data-lang/start/class. */
export function onlySafeTags(html: string) {
  const tags = [...html.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)];
  for (const [, name, attrs] of tags) {
    expect(SAFE_TAGS).toContain(name.toLowerCase());
    const names = [...attrs.matchAll(/\s([\w-]+)=/g)].map((m) => m[1]);
    for (const attr of names) expect(["href", "rel", "data-lang", "start", "class"]).toContain(attr);
  }
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  for (const [, cls] of html.matchAll(/class="([^"]*)"/g)) expect(["text-left", "text-center", "text-right"]).toContain(cls);
}
