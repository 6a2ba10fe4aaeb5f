/**
 * A chat's extras: votes on the coach's replies, visibility and the public share page, the title,
 * deleting a chat with everything in it, and the Markdown export. Every query that reads or
 * changes a member's chat says who the member is in its WHERE (Chat.userId = me), so someone
 * else's chat is simply not found (404), admins included; a public chat is readable by anyone,
 * only through publicChat.
 */
import { and, asc, eq, gt, inArray, or, sql } from "drizzle-orm";
import type { Position } from "~/lib/cursor";
import { createPositionCursor } from "~/lib/cursor.server";
import { uuidOf } from "~/lib/ids";
import type { Ctx } from "../../../db/client";
import { withTx } from "../../../db/tx";
import { DELETE_ORDER, nextVote, type ExportMessage, type Visibility, type VoteValue } from "./extras-rules";

export interface ChatSummary {
  id: string;
  title: string;
  visibility: Visibility;
  createdAt: Date;
}

const summary = (t: Ctx["t"]) => ({ id: t.Chat.id, title: t.Chat.title, visibility: t.Chat.visibility, createdAt: t.Chat.createdAt });

const asSummary = (row: { id: string; title: string; visibility: string | null; createdAt: Date }): ChatSummary => ({
  ...row,
  visibility: row.visibility === "public" ? "public" : "private",
});

/** The member's own chat, or null (someone else's chat and a missing one look the same). */
export async function ownChat(ctx: Ctx, me: string, chatId: string): Promise<ChatSummary | null> {
  const id = uuidOf(chatId);
  if (!id) return null;
  const [row] = await ctx.db
    .select(summary(ctx.t))
    .from(ctx.t.Chat)
    .where(and(eq(ctx.t.Chat.id, id), eq(ctx.t.Chat.userId, me)))
    .limit(1);
  return row ? asSummary(row) : null;
}

/** A public chat, for anyone; a private chat is null for everyone here (its owner reads it on /coach/<id>). */
export async function publicChat(ctx: Ctx, chatId: string): Promise<ChatSummary | null> {
  const id = uuidOf(chatId);
  if (!id) return null;
  const [row] = await ctx.db
    .select(summary(ctx.t))
    .from(ctx.t.Chat)
    .where(and(eq(ctx.t.Chat.id, id), eq(ctx.t.Chat.visibility, "public")))
    .limit(1);
  return row ? asSummary(row) : null;
}

export interface ChatMessage extends ExportMessage {
  id: string;
}

/** At most this many messages in an export: 7 messages a day and their replies make 5000 in about a year of daily use. */
export const MESSAGES_MAX = 5000;

/** The messages of a chat the caller has already found (ownChat or publicChat), oldest first. */
export async function messagesOf(ctx: Ctx, chatId: string): Promise<ChatMessage[]> {
  const m = ctx.t.Message_v2;
  return ctx.db
    .select({ id: m.id, role: m.role, parts: m.parts, attachments: m.attachments, createdAt: m.createdAt })
    .from(m)
    .where(eq(m.chatId, chatId))
    .orderBy(asc(m.createdAt), asc(m.id))
    .limit(MESSAGES_MAX);
}

/** Messages per share page: a long public chat is read in pages, oldest first. */
export const SHARE_PAGE_SIZE = 40;

/** The "Later messages" cursor of a share page; its scope is the chat, so it is refused by any other chat. */
export const shareCursor = createPositionCursor<`share:${string}`>("share");

/** One page of a chat's messages, oldest first, after `after` (keyset on createdAt, id), and the position of the next page. */
export async function messagePage(ctx: Ctx, chatId: string, after?: Position): Promise<{ rows: ChatMessage[]; next: Position | null }> {
  const m = ctx.t.Message_v2;
  const afterWhere =
    after && after.at !== null
      ? or(gt(m.createdAt, new Date(after.at)), and(eq(m.createdAt, new Date(after.at)), gt(m.id, after.id)))
      : undefined;
  const rows = await ctx.db
    .select({ id: m.id, role: m.role, parts: m.parts, attachments: m.attachments, createdAt: m.createdAt })
    .from(m)
    .where(and(eq(m.chatId, chatId), afterWhere))
    .orderBy(asc(m.createdAt), asc(m.id))
    .limit(SHARE_PAGE_SIZE + 1);
  const more = rows.length > SHARE_PAGE_SIZE;
  const page = more ? rows.slice(0, SHARE_PAGE_SIZE) : rows;
  const last = page[page.length - 1];
  return { rows: page, next: more && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** The member's votes in their chat, by message id. */
export async function votesOf(ctx: Ctx, me: string, chatId: string): Promise<Record<string, VoteValue>> {
  const { Vote_v2: v, Chat: c } = ctx.t;
  const rows = await ctx.db
    .select({ messageId: v.messageId, isUpvoted: v.isUpvoted })
    .from(v)
    .innerJoin(c, eq(c.id, v.chatId))
    .where(and(eq(v.chatId, chatId), eq(c.userId, me)));
  return Object.fromEntries(rows.map((r) => [r.messageId, r.isUpvoted ? "up" : "down"]));
}

export type VoteOutcome = { ok: true; vote: VoteValue | null } | { ok: false };

/**
 * Presses a vote button on a reply of the coach in the member's own chat: the same value again
 * removes the vote, the other value switches it. The reply is found through a join on
 * Chat.userId = me; anything else (a member's own message, someone else's chat) is { ok: false }.
 * On PostgreSQL a transaction-scoped advisory lock per (chat, message) makes concurrent presses
 * apply one after the other; SQLite's BEGIN IMMEDIATE already does.
 */
export async function toggleVote(ctx: Ctx, input: { me: string; chatId: string; messageId: string; value: VoteValue }): Promise<VoteOutcome> {
  const chatId = uuidOf(input.chatId);
  const messageId = uuidOf(input.messageId);
  if (!chatId || !messageId) return { ok: false };
  return withTx(ctx, async (tx) => {
    const { Vote_v2: v, Message_v2: m, Chat: c } = tx.t;
    if (tx.dialect === "pg") await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`vote:${chatId}:${messageId}`}))`);
    const [reply] = await tx.db
      .select({ id: m.id })
      .from(m)
      .innerJoin(c, eq(c.id, m.chatId))
      .where(and(eq(m.id, messageId), eq(m.chatId, chatId), eq(m.role, "assistant"), eq(c.userId, input.me)))
      .limit(1);
    if (!reply) return { ok: false } as const;
    const [current] = await tx.db
      .select({ isUpvoted: v.isUpvoted })
      .from(v)
      .where(and(eq(v.chatId, chatId), eq(v.messageId, messageId)))
      .limit(1);
    const vote = nextVote(current ? (current.isUpvoted ? "up" : "down") : null, input.value);
    if (vote === null) {
      await tx.db.delete(v).where(and(eq(v.chatId, chatId), eq(v.messageId, messageId)));
    } else {
      await tx.db
        .insert(v)
        .values({ chatId, messageId, isUpvoted: vote === "up" })
        .onConflictDoUpdate({ target: [v.chatId, v.messageId], set: { isUpvoted: vote === "up" } });
    }
    return { ok: true, vote } as const;
  });
}

/** Makes the member's own chat public or private; false when it is not theirs. */
export async function setVisibility(ctx: Ctx, me: string, chatId: string, visibility: Visibility): Promise<boolean> {
  const id = uuidOf(chatId);
  if (!id) return false;
  const c = ctx.t.Chat;
  const rows = await ctx.db
    .update(c)
    .set({ visibility })
    .where(and(eq(c.id, id), eq(c.userId, me)))
    .returning({ id: c.id });
  return rows.length === 1;
}

/** Renames the member's own chat (the title is already checked by checkTitle); false when it is not theirs. */
export async function renameChat(ctx: Ctx, me: string, chatId: string, title: string): Promise<boolean> {
  const id = uuidOf(chatId);
  if (!id) return false;
  const c = ctx.t.Chat;
  const rows = await ctx.db
    .update(c)
    .set({ title })
    .where(and(eq(c.id, id), eq(c.userId, me)))
    .returning({ id: c.id });
  return rows.length === 1;
}

/**
 * Deletes the member's own chat with its votes and messages (the current and the deprecated
 * tables) in one transaction, children first (DELETE_ORDER). Every DELETE names the owner: the
 * chat's rows are chosen through `Chat.id = chatId AND Chat.userId = me`, so a chat of someone
 * else deletes nothing. `afterStep` exists for tests: it runs inside the transaction after each
 * step (a throw there rolls back everything).
 */
export async function deleteChat(
  ctx: Ctx,
  me: string,
  chatId: string,
  afterStep?: (table: (typeof DELETE_ORDER)[number]) => void,
): Promise<boolean> {
  const id = uuidOf(chatId);
  if (!id) return false;
  return withTx(ctx, async (tx) => {
    const t = tx.t;
    const mine = tx.db
      .select({ id: t.Chat.id })
      .from(t.Chat)
      .where(and(eq(t.Chat.id, id), eq(t.Chat.userId, me)));
    const [owned] = await mine;
    if (!owned) return false;
    for (const table of DELETE_ORDER) {
      if (table === "Chat") await tx.db.delete(t.Chat).where(and(eq(t.Chat.id, id), eq(t.Chat.userId, me)));
      else await tx.db.delete(t[table]).where(inArray(t[table].chatId, mine));
      afterStep?.(table);
    }
    return true;
  });
}
