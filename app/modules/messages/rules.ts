/** Direct-message rules, pure (no database). */

/** At most this many characters in one direct message. */
export const MESSAGE_MAX = 5000;

/** Messages shown on one page of a conversation (the newest at the bottom). */
export const CONVERSATION_PAGE_SIZE = 30;

/** Conversations shown on one page of /messages. */
export const CONVERSATIONS_PAGE_SIZE = 30;

/** Characters of the last message shown in the list of conversations. */
export const PREVIEW_LENGTH = 140;

/**
 * The updates route returns messages from this long before the newest one the page has, and the
 * page drops the ones it already shows: a message stamped a moment earlier but committed later (by
 * another app process, or a slower transaction) still reaches the open page.
 */
export const UPDATES_OVERLAP_MS = 10_000;

/** The first PREVIEW_LENGTH characters of a message, on one line, with "…" when cut. */
export function previewOf(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > PREVIEW_LENGTH ? `${line.slice(0, PREVIEW_LENGTH - 1).trimEnd()}…` : line;
}

export type SendRefusal = "self" | "empty" | "too_long" | "not_connected";

/** What the person reads when a message is refused (next to the message field): message ids, with { max } as their value. */
export const SEND_REFUSAL_IDS: Record<SendRefusal, string> = {
  self: "messages.refusal.self",
  empty: "messages.refusal.empty",
  too_long: "messages.refusal.tooLong",
  not_connected: "messages.refusal.notConnected",
};

/** The English of SEND_REFUSAL_IDS (app/locales/en/messages.json says the same), for logs and scripts; pages use the ids. */
export const SEND_REFUSALS: Record<SendRefusal, string> = {
  self: "You cannot send a message to yourself.",
  empty: "Write a message before sending.",
  too_long: `A message can have at most ${MESSAGE_MAX.toLocaleString("en-US")} characters.`,
  not_connected: "You are no longer connected, so you cannot send messages. Connect again to continue.",
};

/** The too-long message's id and values ("Your message has 5,001 characters, 1 over the limit of 5,000."). */
export const tooLongIssue = (length: number) => ({ message: "messages.form.tooLong", params: { length, over: length - MESSAGE_MAX, max: MESSAGE_MAX } });

/** "3,120 characters: 120 over the limit" style count for the too-long message, in English (messages.form.tooLong). */
export function tooLongDetail(length: number): string {
  return `Your message has ${length.toLocaleString("en-US")} characters, ${(length - MESSAGE_MAX).toLocaleString("en-US")} over the limit of ${MESSAGE_MAX.toLocaleString("en-US")}.`;
}
