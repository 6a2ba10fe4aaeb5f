/**
 * Markdown to safe HTML for coach messages and text documents (anything members or the AI write),
 * on markdown-it: a maintained CommonMark parser that runs in linear time, where the hand-written
 * renderer it replaces took minutes on a 4,000-character line (issue 11, decision 017).
 *
 * Safety: raw HTML is off (shown as text), images are off (no remote requests from a page), and a
 * link is made only when its address is an absolute http(s) address with a host or a mailto:
 * address, as the browser's own URL parser reads it; any other `[text](url)` stays plain text.
 * Links carry rel="nofollow noopener noreferrer ugc". Headings move down two levels (# is h3)
 * so a message never competes with the page's own h1 and h2. Table alignment becomes a class,
 * as the CSP allows no inline style, and each table sits in a box that scrolls sideways. Bare http(s) addresses become links too (no guessing at
 * "example.com" without a scheme).
 *
 * Pure: no cache here; markdown.server.ts keeps rendered HTML by content hash for the pages.
 */
import MarkdownIt, { type MarkdownIt as Renderer } from "markdown-it";
import { escapeHtml } from "~/lib/html";

/** An absolute http(s) address with no space, quote, angle bracket, backtick or backslash. */
export const SAFE_HREF = /^https?:\/\/[^\s"'<>`\\]+$/i;

/** An absolute http(s) URL, or null. */
export function safeHref(raw: string): string | null {
  if (!SAFE_HREF.test(raw)) return null;
  return allowedHref(raw) ? raw : null;
}

/**
 * Whether a (markdown-it normalised) link address may become an href: http(s) with a host, or
 * mailto: with an address. Read with the WHATWG URL parser, the one browsers use, so tabs, case
 * and leading spaces cannot make "java\tscript:" look different here than in the browser.
 */
export function allowedHref(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false; // relative, protocol-relative or malformed
  }
  if (url.protocol === "http:" || url.protocol === "https:") return url.hostname !== "";
  if (url.protocol === "mailto:") return url.pathname.includes("@");
  return false;
}

export const LINK_REL = "nofollow noopener noreferrer ugc";
/** Markdown's # becomes h3: the pages around a message use h1 and h2. */
const HEADING_SHIFT = 2;
/** A fence's language, shown as data-lang only when it is a plain word. */
export const FENCE_LANG = /^[\w+-]{1,30}$/;
/** The box around each table (app/tailwind.css scrolls it sideways). */
export const TABLE_WRAPPER_CLASS = "table-scroll";
const ALIGN_CLASS: Record<string, string> = { "text-align:left": "text-left", "text-align:center": "text-center", "text-align:right": "text-right" };

function createRenderer(): Renderer {
  // maxNesting bounds how deep quotes and lists may go (and the recursion that parses them).
  const md = new MarkdownIt("default", { html: false, linkify: true, breaks: true, typographer: false, maxNesting: 20 });
  md.disable("image");
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  md.validateLink = allowedHref;

  md.core.ruler.push("ladder_shape", (state) => {
    for (const token of state.tokens) {
      if (token.type === "heading_open" || token.type === "heading_close") {
        token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + HEADING_SHIFT)}`;
      } else if (token.type === "th_open" || token.type === "td_open") {
        const style = token.attrGet("style");
        if (style !== null) {
          token.attrs = (token.attrs ?? []).filter(([name]) => name !== "style");
          if (ALIGN_CLASS[style]) token.attrSet("class", ALIGN_CLASS[style]);
        }
      } else if (token.type === "inline") {
        for (const child of token.children ?? []) if (child.type === "link_open") child.attrSet("rel", LINK_REL);
      }
    }
  });

  md.renderer.rules.fence = (tokens, idx) => {
    const token = tokens[idx];
    const lang = token.info.trim().split(" ")[0];
    const attr = FENCE_LANG.test(lang) ? ` data-lang="${lang}"` : "";
    return `<pre><code${attr}>${escapeHtml(token.content)}</code></pre>\n`;
  };
  // A wide table scrolls inside its own box, not the page; tabindex lets a keyboard scroll it (axe scrollable-region-focusable).
  md.renderer.rules.table_open = () => `<div class="${TABLE_WRAPPER_CLASS}" tabindex="0">\n<table>\n`;
  md.renderer.rules.table_close = () => "</table>\n</div>\n";
  return md;
}

const md = createRenderer();

/** Markdown text to safe HTML (see the top of this file for what is allowed). Not cached. */
export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Plain text of Markdown, for titles and previews (no markup at all; code blocks left out). */
export function markdownToPlain(text: string): string {
  const words: string[] = [];
  for (const token of md.parse(text, {})) {
    if (token.type !== "inline") continue;
    for (const child of token.children ?? []) {
      if (child.type === "text" || child.type === "code_inline") words.push(child.content);
      else if (child.type === "softbreak" || child.type === "hardbreak") words.push(" ");
    }
    words.push(" ");
  }
  return words.join("").split(/\s+/).filter(Boolean).join(" ");
}
