/**
 * The coach's chats and messages. Ownership is in every query (Chat.userId = me): someone
 * else's chat is not found (404), whoever asks. Lists are keyset pages on (createdAt, id):
 * chats newest first (Chat_userId_createdAt_idx), messages by Message_v2_chatId_createdAt_idx.
 *
 * Sending (sendMessage / retryMessage) takes quota first (one atomic UPDATE; nothing when the
 * offline coach answers), stores the member's message in a transaction, asks the AI OUTSIDE any
 * transaction, then stores the reply in a transaction. On failure the message stays, marked
 * failed, and the quota is refunded.
 */
import { and, desc, eq, inArray, lt, lte, or } from "drizzle-orm";
import { decodeDatedPosition, encodePosition, type Position } from "~/lib/cursor";
import { createCursor } from "~/lib/cursor.server";
import type { Language } from "~/lib/i18n";
import { uuidOf } from "~/lib/ids";
import type { Ctx } from "../../../db/client";
import type { MessagePart } from "../../../db/schema";
import { withTx } from "../../../db/tx";
import { track } from "~/modules/analytics/index.server";
import { aiMode, coachReply, type AiErrorKind } from "./ai.server";
import { chargeForReply, dayStartUtc, refundMessage } from "./quota.server";
import {
  CHATS_PAGE_SIZE,
  conversationForPrompt,
  failureOf,
  MESSAGES_PAGE_SIZE,
  PROMPT_MESSAGES,
  systemPrompt,
  titleFromMessage,
  type CoachProfile,
} from "./rules";
export type CoachCursorScope = "chats" | "messages";
/** Cursors of /coach (chats) and of a chat's older messages; every chat and message has a date. */
export const coachCursor = createCursor<Position, CoachCursorScope>({ name: "coach", encode: encodePosition, decode: decodeDatedPosition });

export interface ChatRow {
  id: string;
  title: string;
  createdAt: Date;
  visibility: "private" | "public";
}

export interface MessageRow {
  id: string;
  role: string;
  parts: MessagePart[];
  createdAt: Date;
}

/** The member's chats, newest first. */
export async function listChats(ctx: Ctx, me: string, options: { after?: Position; pageSize?: number } = {}) {
  const C = ctx.t.Chat;
  const size = options.pageSize ?? CHATS_PAGE_SIZE;
  const after = options.after;
  const position =
    after && after.at !== null ? and(lte(C.createdAt, new Date(after.at)), or(lt(C.createdAt, new Date(after.at)), lt(C.id, after.id))) : undefined;
  const rows = await ctx.db
    .select({ id: C.id, title: C.title, createdAt: C.createdAt, visibility: C.visibility })
    .from(C)
    .where(and(eq(C.userId, me), position))
    .orderBy(desc(C.createdAt), desc(C.id))
    .limit(size + 1);
  const page = rows.slice(0, size).map((r): ChatRow => ({ ...r, visibility: r.visibility === "public" ? "public" : "private" }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** The member's own chat, or null. */
export async function getChat(ctx: Ctx, me: string, chatId: string): Promise<ChatRow | null> {
  const id = uuidOf(chatId);
  if (!id) return null;
  const C = ctx.t.Chat;
  const [row] = await ctx.db
    .select({ id: C.id, title: C.title, createdAt: C.createdAt, visibility: C.visibility })
    .from(C)
    .where(and(eq(C.id, id), eq(C.userId, me)))
    .limit(1);
  return row ? { ...row, visibility: row.visibility === "public" ? "public" : "private" } : null;
}

/**
 * A page of a chat's messages, shown oldest to newest: without `before`, the newest
 * MESSAGES_PAGE_SIZE; with it, the ones just older. `earlier` is the cursor for the page before.
 */
export async function messagesPage(ctx: Ctx, me: string, chatId: string, options: { before?: Position; pageSize?: number } = {}) {
  const { Message_v2: M, Chat: C } = ctx.t;
  const size = options.pageSize ?? MESSAGES_PAGE_SIZE;
  const before = options.before;
  const position =
    before && before.at !== null
      ? and(lte(M.createdAt, new Date(before.at)), or(lt(M.createdAt, new Date(before.at)), lt(M.id, before.id)))
      : undefined;
  const rows = await ctx.db
    .select({ id: M.id, role: M.role, parts: M.parts, createdAt: M.createdAt })
    .from(M)
    .innerJoin(C, eq(C.id, M.chatId))
    .where(and(eq(M.chatId, chatId), eq(C.userId, me), position))
    .orderBy(desc(M.createdAt), desc(M.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const oldest = page[page.length - 1];
  return {
    rows: page.reverse() as MessageRow[],
    earlier: rows.length > size && oldest ? { at: oldest.createdAt.getTime(), id: oldest.id } : null,
  };
}

/** The last message of the member's chat, or null. */
export async function lastMessage(ctx: Ctx, me: string, chatId: string): Promise<MessageRow | null> {
  const page = await messagesPage(ctx, me, chatId, { pageSize: 1 });
  return page.rows[0] ?? null;
}

async function profileOf(ctx: Ctx, me: string): Promise<CoachProfile> {
  const U = ctx.t.User;
  const [row] = await ctx.db
    .select({
      name: U.name,
      headline: U.headline,
      goals: U.goals,
      strengths: U.strengths,
      interests: U.interests,
      experience: U.experience,
      professional_skills: U.professional_skills,
    })
    .from(U)
    .where(eq(U.id, me))
    .limit(1);
  return row ?? { name: null, headline: null, goals: null, strengths: null, interests: null, experience: null, professional_skills: null };
}

/**
 * What the AI is asked: the system prompt (telling it the member's language) and the recent
 * conversation up to and including `uptoId`; `lang` also chooses the offline coach's language.
 */
export async function promptFor(ctx: Ctx, me: string, chatId: string, uptoId: string, lang: Language = "en") {
  const { Message_v2: M, Chat: C } = ctx.t;
  const [upto] = await ctx.db.select({ createdAt: M.createdAt }).from(M).where(eq(M.id, uptoId)).limit(1);
  const rows = await ctx.db
    .select({ id: M.id, role: M.role, parts: M.parts, createdAt: M.createdAt })
    .from(M)
    .innerJoin(C, eq(C.id, M.chatId))
    .where(and(eq(M.chatId, chatId), eq(C.userId, me), upto ? lte(M.createdAt, upto.createdAt) : undefined))
    .orderBy(desc(M.createdAt), desc(M.id))
    .limit(PROMPT_MESSAGES * 2);
  const ordered = rows.reverse();
  // The message asked about is last (two rows can share a millisecond).
  const asked = ordered.filter((r) => r.id !== uptoId);
  const mine = ordered.find((r) => r.id === uptoId);
  const messages = conversationForPrompt(mine ? [...asked, mine] : asked);
  return { system: systemPrompt(await profileOf(ctx, me), lang), messages, lang };
}

/** A time strictly after `after`, so a reply sorts after the message it answers. */
const laterThan = (after: Date, now = new Date()) => (now.getTime() > after.getTime() ? now : new Date(after.getTime() + 1));

/** Starts a chat with its first message (one transaction). */
export async function createChat(ctx: Ctx, me: string, text: string, now: Date) {
  return withTx(ctx, async (tx) => {
    const [chat] = await tx.db
      .insert(tx.t.Chat)
      .values({ userId: me, title: titleFromMessage(text), createdAt: now, visibility: "private" })
      .returning({ id: tx.t.Chat.id });
    const [message] = await tx.db
      .insert(tx.t.Message_v2)
      .values({ chatId: chat.id, role: "user", parts: [{ type: "text", text }], attachments: [], createdAt: now })
      .returning({ id: tx.t.Message_v2.id, createdAt: tx.t.Message_v2.createdAt });
    await track(tx, { userId: me, type: "coach_message", metadata: { chatId: chat.id, newChat: true }, at: now });
    return { chatId: chat.id, messageId: message.id, createdAt: message.createdAt };
  });
}

/** Adds the member's message to their chat; null when the chat is not theirs. */
export async function addUserMessage(ctx: Ctx, me: string, chatId: string, text: string, now: Date) {
  return withTx(ctx, async (tx) => {
    const [chat] = await tx.db
      .select({ id: tx.t.Chat.id })
      .from(tx.t.Chat)
      .where(and(eq(tx.t.Chat.id, chatId), eq(tx.t.Chat.userId, me)))
      .limit(1);
    if (!chat) return null;
    // After the chat's newest message, so the order on the page is the order of sending.
    const [newest] = await tx.db
      .select({ createdAt: tx.t.Message_v2.createdAt })
      .from(tx.t.Message_v2)
      .where(eq(tx.t.Message_v2.chatId, chatId))
      .orderBy(desc(tx.t.Message_v2.createdAt))
      .limit(1);
    const at = newest ? laterThan(newest.createdAt, now) : now;
    const [message] = await tx.db
      .insert(tx.t.Message_v2)
      .values({ chatId, role: "user", parts: [{ type: "text", text }], attachments: [], createdAt: at })
      .returning({ id: tx.t.Message_v2.id, createdAt: tx.t.Message_v2.createdAt });
    await track(tx, { userId: me, type: "coach_message", metadata: { chatId }, at });
    return { messageId: message.id, createdAt: message.createdAt };
  });
}

/** Stores the coach's reply (text plus an offline or stopped notice). */
export async function addReply(
  ctx: Ctx,
  me: string,
  chatId: string,
  input: { text: string; notice?: "offline" | "stopped"; after: Date },
): Promise<string | null> {
  return withTx(ctx, async (tx) => {
    const [chat] = await tx.db
      .select({ id: tx.t.Chat.id })
      .from(tx.t.Chat)
      .where(and(eq(tx.t.Chat.id, chatId), eq(tx.t.Chat.userId, me)))
      .limit(1);
    if (!chat) return null; // deleted while the coach was answering
    const parts: MessagePart[] = [{ type: "text", text: input.text }];
    if (input.notice) parts.push({ type: "notice", kind: input.notice });
    const [row] = await tx.db
      .insert(tx.t.Message_v2)
      .values({ chatId, role: "assistant", parts, attachments: [], createdAt: laterThan(input.after) })
      .returning({ id: tx.t.Message_v2.id });
    return row.id;
  });
}

/** Marks the member's message failed (reason kept), or clears the mark (reason null). */
export async function setFailed(ctx: Ctx, me: string, messageId: string, reason: AiErrorKind | null): Promise<void> {
  const { Message_v2: M, Chat: C } = ctx.t;
  await withTx(ctx, async (tx) => {
    const [row] = await tx.db
      .select({ parts: M.parts })
      .from(M)
      .innerJoin(C, eq(C.id, M.chatId))
      .where(and(eq(M.id, messageId), eq(C.userId, me), eq(M.role, "user")))
      .limit(1);
    if (!row) return;
    const parts: MessagePart[] = row.parts.filter((p) => p.type !== "status");
    if (reason) parts.push({ type: "status", status: "failed", reason });
    await tx.db
      .update(M)
      .set({ parts })
      .where(and(eq(M.id, messageId), inArray(M.chatId, tx.db.select({ id: C.id }).from(C).where(eq(C.userId, me)))));
  });
}

export type SendOutcome =
  | { kind: "replied"; chatId: string; replyId: string; offline: boolean }
  | { kind: "failed"; chatId: string; messageId: string; reason: AiErrorKind }
  | { kind: "quota" }
  | { kind: "not_found" };

/**
 * Asks the AI about `messageId` (already stored) and stores the reply; on failure marks it and
 * refunds. `charged`: a message was taken for it (false when the offline coach was to answer).
 */
async function answer(
  ctx: Ctx,
  me: string,
  chatId: string,
  messageId: string,
  askedAt: Date,
  day: Date,
  charged: boolean,
  lang: Language,
): Promise<SendOutcome> {
  const prompt = await promptFor(ctx, me, chatId, messageId, lang);
  const result = await coachReply(prompt); // never inside a transaction
  if (!result.ok) {
    await setFailed(ctx, me, messageId, result.error.kind);
    if (charged) await refundMessage(ctx, me, day);
    return { kind: "failed", chatId, messageId, reason: result.error.kind };
  }
  // The key was removed between the charge and the call: the offline reply is free all the same.
  if (result.offline && charged) await refundMessage(ctx, me, day);
  const replyId = await addReply(ctx, me, chatId, { text: result.text, notice: result.offline ? "offline" : undefined, after: askedAt });
  if (!replyId) return { kind: "not_found" };
  return { kind: "replied", chatId, replyId, offline: result.offline };
}

/** A new chat with its first message, answered (forms without JavaScript) in the member's language. */
export async function startChat(ctx: Ctx, me: string, text: string, now = new Date(), lang: Language = "en"): Promise<SendOutcome> {
  const quota = await chargeForReply(ctx, me, now, aiMode() === "offline");
  if (!quota.ok) return { kind: "quota" };
  const { chatId, messageId, createdAt } = await createChat(ctx, me, text, now);
  return answer(ctx, me, chatId, messageId, createdAt, dayStartUtc(now), quota.charged, lang);
}

/** A message in an existing chat, answered. */
export async function sendMessage(ctx: Ctx, me: string, chatId: string, text: string, now = new Date(), lang: Language = "en"): Promise<SendOutcome> {
  if (!(await getChat(ctx, me, chatId))) return { kind: "not_found" };
  const quota = await chargeForReply(ctx, me, now, aiMode() === "offline");
  if (!quota.ok) return { kind: "quota" };
  const added = await addUserMessage(ctx, me, chatId, text, now);
  if (!added) {
    if (quota.charged) await refundMessage(ctx, me, dayStartUtc(now));
    return { kind: "not_found" };
  }
  return answer(ctx, me, chatId, added.messageId, added.createdAt, dayStartUtc(now), quota.charged, lang);
}

/**
 * Asks again about a failed message. Only the chat's last message can be retried (a reply must
 * follow the message it answers); it takes quota again (unless the offline coach answers) and is
 * refunded again if it fails.
 */
export async function retryMessage(
  ctx: Ctx,
  me: string,
  chatId: string,
  messageId: string,
  now = new Date(),
  lang: Language = "en",
): Promise<SendOutcome | { kind: "not_retryable" }> {
  const last = await lastMessage(ctx, me, chatId);
  if (!last) return { kind: "not_found" };
  if (last.id !== messageId || last.role !== "user" || failureOf(last.parts) === null) return { kind: "not_retryable" };
  const quota = await chargeForReply(ctx, me, now, aiMode() === "offline");
  if (!quota.ok) return { kind: "quota" };
  await setFailed(ctx, me, messageId, null);
  return answer(ctx, me, chatId, messageId, last.createdAt, dayStartUtc(now), quota.charged, lang);
}

