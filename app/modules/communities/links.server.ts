/**
 * A post's plain text with its links made clickable (issue 16): the same linkify and the same
 * address check as the coach's Markdown (coach/markdown.ts: bare http(s) addresses only, no guessing
 * at "example.com", checked with the browser's URL parser), but no Markdown and no HTML at all: the
 * text comes back as parts that the page renders as text and <a> elements, so React escapes every
 * character a member typed.
 */
import MarkdownIt from "markdown-it";
import { allowedHref, LINK_REL } from "~/modules/coach/index.server";

export { LINK_REL };

/** A run of text, or a link with the text it showed. */
export type TextPart = string | { href: string; text: string };

const linkify = new MarkdownIt("zero", { linkify: true }).linkify;
linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });

export function linkParts(text: string): TextPart[] {
  const matches = linkify.match(text) ?? [];
  const parts: TextPart[] = [];
  let at = 0;
  for (const match of matches) {
    if (!allowedHref(match.url) || match.url.startsWith("mailto:")) continue;
    if (match.index > at) parts.push(text.slice(at, match.index));
    parts.push({ href: match.url, text: match.text });
    at = match.lastIndex;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}
