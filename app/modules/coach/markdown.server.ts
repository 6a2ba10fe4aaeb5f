/**
 * Rendered Markdown for the pages, kept by content hash so a chat, share or document page does not
 * render the same text again on every view (decision 017). Only a cache: a miss renders, and
 * nothing else reads it, so it may live in one process's memory (DESIGN.md "Scale").
 */
import { createHash } from "node:crypto";
import { renderMarkdown } from "./markdown";

/** Bounds: entries, and characters of HTML in all (a 50,000-character document is one entry). */
export const CACHE_MAX_ENTRIES = 2_000;
export const CACHE_MAX_CHARS = 8_000_000;

const cache = new Map<string, string>(); // insertion order = least recently used first
let cachedChars = 0;

function keyOf(text: string): string {
  return createHash("sha256").update(text).digest("base64");
}

/** Safe HTML of a message or document text (renderMarkdown), from the cache when seen before. */
export function markdownHtml(text: string): string {
  const key = keyOf(text);
  const hit = cache.get(key);
  if (hit !== undefined) {
    cache.delete(key); // move to the most recently used end
    cache.set(key, hit);
    return hit;
  }
  const html = renderMarkdown(text);
  if (html.length > CACHE_MAX_CHARS) return html;
  cache.set(key, html);
  cachedChars += html.length;
  for (const [oldKey, oldHtml] of cache) {
    if (cache.size <= CACHE_MAX_ENTRIES && cachedChars <= CACHE_MAX_CHARS) break;
    cache.delete(oldKey);
    cachedChars -= oldHtml.length;
  }
  return html;
}

/** For tests: how full the cache is, whether a text is in it, and a way to empty it. */
export function isMarkdownCached(text: string): boolean {
  return cache.has(keyOf(text));
}

export function markdownCacheStats(): { entries: number; chars: number } {
  return { entries: cache.size, chars: cachedChars };
}

export function clearMarkdownCache(): void {
  cache.clear();
  cachedChars = 0;
}
