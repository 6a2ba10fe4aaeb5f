/**
 * Trimming runs of characters without a regular expression: /-+$/ and its kind take quadratic time
 * on a long run that is not at the end (the engine retries the run from every position), and
 * several of these strings come from members (issue 11's regex audit).
 */

/** `text` without any of `chars` at its end. */
export function trimEndChars(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without any of `chars` at either end. */
export function trimChars(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start])) start++;
  return trimEndChars(text.slice(start), chars);
}
