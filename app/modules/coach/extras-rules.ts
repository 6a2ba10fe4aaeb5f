/**
 * Pure rules of a chat's extras (votes, title, sharing, export, delete): no database, no server
 * imports, so components and unit tests use them directly.
 */
import type { MessageAttachment, MessagePart } from "../../../db/schema";
import { fileSlug } from "~/lib/slug";
import { isSingleLine, SINGLE_LINE_MESSAGE } from "~/lib/text";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

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

/** What is wrong with a typed title, as a message id and its values (the title schema's issue). */
export function titleProblem(raw: unknown): { ok: true; title: string } | { ok: false; id: string; values?: Record<string, number> } {
  const title = typeof raw === "string" ? raw.replace(/\s+/g, " ").trim() : "";
  if (!title) return { ok: false, id: "coach.rename.required" };
  if ([...title].length > TITLE_MAX) return { ok: false, id: "coach.rename.tooLong", values: { max: TITLE_MAX, length: [...title].length } };
  if (!isSingleLine(title)) return { ok: false, id: SINGLE_LINE_MESSAGE };
  return { ok: true, title };
}

/** A chat title as typed: trimmed, runs of spaces and line breaks made one space; required, at most TITLE_MAX characters. */
export function checkTitle(raw: unknown, t: Translate = translator("en")): { ok: true; title: string } | { ok: false; error: string } {
  const checked = titleProblem(raw);
  if (checked.ok) return checked;
  return { ok: false, error: checked.id === SINGLE_LINE_MESSAGE ? SINGLE_LINE_MESSAGE : t(checked.id, checked.values) };
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

const ROLE_LABELS: Record<string, string> = { user: "coach.role.you", assistant: "coach.role.coach" };

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
export function chatToMarkdown(chat: { title: string; createdAt: Date }, messages: ExportMessage[], t: Translate = translator("en")): string {
  const title = chat.title.replace(/\s+/g, " ").trim() || t("coach.export.untitled");
  const lines: string[] = [`# ${title}`, "", t("coach.export.started", { date: chat.createdAt.toISOString().slice(0, 10) }), ""];
  for (const message of messages) {
    const label = ROLE_LABELS[message.role];
    if (!label) continue;
    lines.push("---", "", `**${t(label)}**`, "");
    const text = textOfParts(message.parts);
    lines.push(text || t("coach.export.noText"), "");
    const notice = message.parts.find((p): p is Extract<MessagePart, { type: "notice" }> => p.type === "notice");
    if (notice) lines.push(notice.kind === "offline" ? t("coach.export.offline") : t("coach.export.stopped"), "");
    const names = attachmentNames(message);
    if (names.length > 0) {
      lines.push(t("coach.export.attachments"), "", ...names.map((n) => `- ${n}`), "");
    }
  }
  if (!messages.some((m) => ROLE_LABELS[m.role])) lines.push(t("coach.export.empty"), "");
  return lines.join("\n");
}
