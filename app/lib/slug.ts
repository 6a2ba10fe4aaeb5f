/**
 * Slugs for file names (the fallback when nothing is left, e.g. a title in another script): accents dropped, then runs of anything but lower-case ASCII letters and
 * digits become one dash; at most 60 characters, no dash at either end. Linear in the input
 * (trimChars, not a regex anchored at both ends: tests/unit/linear-text.test.ts).
 */
import { trimChars, trimEndChars } from "./text";

export function fileSlug(text: string, fallback: string): string {
  const dashed = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  return trimEndChars(trimChars(dashed, "-").slice(0, 60), "-") || fallback;
}
