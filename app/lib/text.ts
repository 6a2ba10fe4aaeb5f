/**
 * What a typed text may hold, as pure rules shared by the zod helpers (text-fields.server.ts) and
 * the hand-written form checks. Single-line fields (names, titles, labels) refuse control
 * characters and bidi overrides: a bare CR in a name split another member's .ics file into extra
 * lines, and an override can make "gpj.exe" read as "exe.jpg". Multi-line fields keep line
 * breaks, written one way (\n), and tabs.
 */

/** C0 controls, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_SINGLE_LINE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** The same less \n and \t, once line endings are normalised. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_MULTI_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const SINGLE_LINE_MESSAGE = "Use letters, numbers and punctuation only: no line breaks, tabs or other control characters.";
export const MULTI_LINE_MESSAGE = "Use letters, numbers, punctuation and line breaks only: no control characters.";

export const isSingleLine = (value: string): boolean => !NOT_SINGLE_LINE.test(value);

/** \r\n and a lone \r become \n, as the text is stored and shown. */
export const normaliseLineEndings = (value: string): string => value.replace(/\r\n?/g, "\n");

/** True for text whose line endings are already normalised and that holds no other controls. */
export const isMultiLine = (value: string): boolean => !NOT_MULTI_LINE.test(value);

// Trimming runs of characters without a regular expression: /-+$/ and its kind take quadratic
// time on a long run that is not at the end, and several of these strings come from members.

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
