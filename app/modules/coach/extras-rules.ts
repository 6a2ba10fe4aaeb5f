/**
 * Pure rules of a chat's extras (votes, title, sharing, export, delete): no database, no server
 * imports, so components and unit tests use them directly.
 */
import type { MessageAttachment, MessagePart } from "../../../db/schema";
import { fileSlug } from "~/lib/slug";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "~/lib/text";

export type VoteValue = "up" | "down";

/** Pressing a vote button: the same vote again takes it back, the other value switches to it. */
export function nextVote(current: VoteValue | null, pressed: VoteValue): VoteValue | null {
  return current === pressed ? null : pressed;
}

export const isVoteValue = (value: unknown): value is VoteValue => value === "up" || value === "down";

export const VISIBILITIES = ["private", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const isVisibility = (value: unknown): value is Visibility => value === "private" || value === "public";

export const TITLE_MAX = 120;

/** A chat title as typed: trimmed, runs of spaces and line breaks made one space; required, at most TITLE_MAX characters. */
export function checkTitle(raw: unknown): { ok: true; title: string } | { ok: false; error: string } {
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (!title) return { ok: false, error: "Give the chat a title." };
  if ([...title].length > TITLE_MAX) return { ok: false, error: `Keep the title to ${TITLE_MAX} characters or fewer (this one has ${[...title].length}).` };
  if (!isSingleLine(title)) return { ok: false, error: SINGLE_LINE_MESSAGE };
  return { ok: true, title };
}

/**
 * The order in which a chat's rows are deleted in one transaction: every table before the tables
 * it references (votes before messages, messages before the chat). tests/unit/coach-extras.test.ts
 * checks it against the schema's foreign keys.
 */
export const DELETE_ORDER = ["Vote_v2", "Vote", "Message_v2", "Message", "Chat"] as const;

/** A file name for the export: lower-case ASCII letters, digits and dashes, at most 60 characters. */
export function slugOf(title: string): string {
  return fileSlug(title, "chat");
}

export interface ExportMessage {
  role: string;
  parts: MessagePart[];
  attachments: MessageAttachment[];
  createdAt: Date;
}

const ROLE_LABELS: Record<string, string> = { user: "You", assistant: "Coach" };

/** The text parts of a message, joined by blank lines. */
export function textOfParts(parts: MessagePart[]): string {
  return parts
    .filter((p): p is Extract<MessagePart, { type: "text" }> => p.type === "text")
    .map((p) => p.text.trim())
    .filter(Boolean)
    .join("\n\n");
}

/** Attachment names of a message: attachment parts and the attachments column, each name once. */
export function attachmentNames(message: Pick<ExportMessage, "parts" | "attachments">): string[] {
  const names = [
    ...message.parts.filter((p): p is Extract<MessagePart, { type: "attachment" }> => p.type === "attachment").map((p) => p.name),
    ...message.attachments.map((a) => a.name),
  ];
  return [...new Set(names.map((n) => n.replace(/\s+/g, " ").trim()).filter(Boolean))];
}

/**
 * A chat as Markdown: the title as a heading, then each message of the member and the coach as a
 * "**You**" / "**Coach**" section with its text, and its attachments listed by name. System
 * messages are left out. The text is written as it was typed; the file is plain text.
 */
export function chatToMarkdown(chat: { title: string; createdAt: Date }, messages: ExportMessage[]): string {
  const lines: string[] = [`# ${chat.title.replace(/\s+/g, " ").trim() || "Untitled chat"}`, "", `Started ${chat.createdAt.toISOString().slice(0, 10)} · exported from Ladder's career coach`, ""];
  for (const message of messages) {
    const label = ROLE_LABELS[message.role];
    if (!label) continue;
    lines.push("---", "", `**${label}**`, "");
    const text = textOfParts(message.parts);
    lines.push(text || "_(no text)_", "");
    const notice = message.parts.find((p): p is Extract<MessagePart, { type: "notice" }> => p.type === "notice");
    if (notice) lines.push(notice.kind === "offline" ? "_Offline coach: Ladder's built-in tips, not an AI model._" : "_Stopped before the reply was finished._", "");
    const names = attachmentNames(message);
    if (names.length > 0) {
      lines.push("Attachments:", "", ...names.map((n) => `- ${n}`), "");
    }
  }
  if (!messages.some((m) => ROLE_LABELS[m.role])) lines.push("_This chat has no messages._", "");
  return lines.join("\n");
}
