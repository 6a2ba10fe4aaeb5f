/**
 * Reading direct messages: the list of conversations, one page of a conversation, the messages
 * newer than what an open page shows, and marking what was shown as read. Every query names the
 * viewer (`me`) in its WHERE clause, so nobody reads another pair's conversation.
 * See docs/decisions/012-direct-messages.md.
 *
 * A conversation is two index ranges: (sender=me, receiver=other) and (sender=other,
 * receiver=me), each read newest first from user_messages_pair_time_idx (sender_id,
 * receiver_id, created_at, id) or its reverse. The queries are plain SQL, the same text on both
 * databases except for how a timestamp goes in and out (`tsParam`, `msOf`).
 */
import { and, count, eq, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { msOf, rowsOf, tsParam } from "~/db.server";
import type { Ctx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import { CONVERSATION_PAGE_SIZE, CONVERSATIONS_PAGE_SIZE, PREVIEW_LENGTH, UPDATES_OVERLAP_MS } from "./rules";

const truthy = (value: unknown) => value === true || value === 1;

export interface ConversationSummary {
  /** the other member */
  userId: string;
  name: string | null;
  avatarUrl: string | null;
  lastText: string;
  lastAt: Date;
  lastFromMe: boolean;
  /** messages from them to me not read yet */
  unread: number;
}

/**
 * One page of the viewer's conversations, the most recent first, keyset on (time of the last
 * message, other member's id). Each direction is aggregated on its own index (GROUP BY the other
 * member over sender_id = me, and over receiver_id = me), the two are merged per member, and only
 * the page's rows look up their last message and name.
 */
export async function listConversations(
  ctx: Ctx,
  me: string,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: ConversationSummary[]; next: Position | null }> {
  const size = options.pageSize ?? CONVERSATIONS_PAGE_SIZE;
  const after = options.after && options.after.at !== null ? options.after : undefined;
  const position = after
    ? sql`where c.last_at < ${tsParam(ctx, after.at!)} or (c.last_at = ${tsParam(ctx, after.at!)} and c.other_id < ${after.id})`
    : sql``;
  const rows = await rowsOf<{ other_id: string; at_ms: number | string; unread: number | string; name: string | null; avatar_url: string | null; last_sender: string; last_text: string }>(
    ctx,
    sql`select page.other_id, ${msOf(ctx, sql`page.last_at`)} as at_ms, page.unread, u.name, u."avatarUrl" as avatar_url, lm.sender_id as last_sender,
          substr(lm.message, 1, ${PREVIEW_LENGTH + 40}) as last_text
        from (
          select c.other_id, c.last_at, c.unread from (
            select other_id, max(last_at) as last_at, cast(sum(unread) as integer) as unread from (
              select receiver_id as other_id, max(created_at) as last_at, 0 as unread
                from user_messages where sender_id = ${me} group by receiver_id
              union all
              select sender_id as other_id, max(created_at) as last_at, sum(case when is_read then 0 else 1 end) as unread
                from user_messages where receiver_id = ${me} group by sender_id
            ) as per_direction
            group by other_id
          ) as c
          ${position}
          order by c.last_at desc, c.other_id desc
          limit ${size + 1}
        ) as page
        join "User" u on u.id = page.other_id
        join user_messages lm on lm.id = (
          select x.id from user_messages x
          where ((x.sender_id = ${me} and x.receiver_id = page.other_id) or (x.sender_id = page.other_id and x.receiver_id = ${me}))
            and x.created_at = page.last_at
          order by x.id desc limit 1
        )
        order by page.last_at desc, page.other_id desc`,
  );
  const mapped = rows.map((r) => ({
    userId: r.other_id,
    name: r.name,
    avatarUrl: r.avatar_url,
    lastText: r.last_text,
    lastAt: new Date(Number(r.at_ms)),
    lastFromMe: r.last_sender === me,
    unread: Number(r.unread),
  }));
  const page = mapped.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: mapped.length > size && last ? { at: last.lastAt.getTime(), id: last.userId } : null };
}

/**
 * Messages to `me` not read yet, over every conversation (the header's badge): one count on the
 * receiver's range of user_messages_receiver_sender_idx. A missing flag counts as unread, as in
 * listConversations.
 */
export async function unreadMessageCount(ctx: Ctx, me: string): Promise<number> {
  const m = ctx.t.user_messages;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(m)
    .where(and(eq(m.receiver_id, me), or(eq(m.is_read, false), isNull(m.is_read))));
  return Number(row?.n ?? 0);
}

export interface ShownMessage {
  id: string;
  fromMe: boolean;
  text: string;
  at: Date;
  /** false for a message to the viewer that the viewer had not seen before this page */
  read: boolean;
}

type MessageRow = { id: string; sender_id: string; message: string; is_read: boolean | number | null; at_ms: number | string };

const toShown = (me: string) => (r: MessageRow): ShownMessage => ({
  id: r.id,
  fromMe: r.sender_id === me,
  text: r.message,
  at: new Date(Number(r.at_ms)),
  read: r.sender_id === me || truthy(r.is_read),
});

/** One direction of a pair, newest first, strictly before `before` if given: an index range scan. */
function halfNewestFirst(ctx: Ctx, from: string, to: string, limit: number, before?: Position): SQL {
  const position =
    before && before.at !== null
      ? sql` and created_at <= ${tsParam(ctx, before.at)} and (created_at < ${tsParam(ctx, before.at)} or id < ${before.id})`
      : sql``;
  return sql`select id, sender_id, message, is_read, created_at from user_messages
    where sender_id = ${from} and receiver_id = ${to}${position}
    order by created_at desc, id desc limit ${limit}`;
}

/**
 * The SQL of one page of a conversation: the newest `limit` messages of each direction, each
 * read in order off its pair index, then the newest `limit` of those at most 2 x limit rows.
 * Exported for the query-plan test, which explains exactly this text.
 */
export function conversationPageQuery(ctx: Ctx, me: string, other: string, limit: number, before?: Position): SQL {
  return sql`select id, sender_id, message, is_read, ${msOf(ctx, sql`created_at`)} as at_ms from (
      select * from (${halfNewestFirst(ctx, me, other, limit, before)}) as mine
      union all
      select * from (${halfNewestFirst(ctx, other, me, limit, before)}) as theirs
    ) as pair
    order by created_at desc, id desc limit ${limit}`;
}

/**
 * The newest page of the conversation between `me` and `other` (or the page before `before`),
 * in reading order: oldest first, newest last. `older` is the position to continue from.
 */
export async function conversationPage(
  ctx: Ctx,
  me: string,
  other: string,
  options: { before?: Position; pageSize?: number } = {},
): Promise<{ messages: ShownMessage[]; older: Position | null }> {
  const size = options.pageSize ?? CONVERSATION_PAGE_SIZE;
  const rows = await rowsOf<MessageRow>(ctx, conversationPageQuery(ctx, me, other, size + 1, options.before));
  const page = rows.slice(0, size).map(toShown(me));
  const oldest = page[page.length - 1];
  return { messages: page.reverse(), older: rows.length > size && oldest ? { at: oldest.at.getTime(), id: oldest.id } : null };
}

/** At most this many messages per poll of an open conversation. */
export const NEWER_LIMIT = 100;

/**
 * Messages of the pair from shortly before `since` on (UPDATES_OVERLAP_MS earlier, so a message
 * stamped earlier but committed later is not missed; the page drops what it already shows),
 * oldest first.
 */
export async function newerMessages(ctx: Ctx, me: string, other: string, since: Position): Promise<ShownMessage[]> {
  const from = since.at === null ? 0 : since.at - UPDATES_OVERLAP_MS;
  const half = (a: string, b: string) => sql`select id, sender_id, message, is_read, created_at from user_messages
      where sender_id = ${a} and receiver_id = ${b} and created_at > ${tsParam(ctx, from)}
      order by created_at, id limit ${NEWER_LIMIT}`;
  const rows = await rowsOf<MessageRow>(
    ctx,
    sql`select id, sender_id, message, is_read, ${msOf(ctx, sql`created_at`)} as at_ms from (
      select * from (${half(me, other)}) as mine
      union all
      select * from (${half(other, me)}) as theirs
    ) as pair
    order by created_at, id limit ${NEWER_LIMIT}`,
  );
  return rows.map(toShown(me));
}

/**
 * Marks as read the messages `ids` that `other` sent to `me` (the ones a page showed). Ids of
 * anybody else's messages, or of messages `me` sent, match nothing.
 */
export async function markSeen(ctx: Ctx, me: string, other: string, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const m = ctx.t.user_messages;
  const updated = await ctx.db
    .update(m)
    .set({ is_read: true })
    .where(and(eq(m.receiver_id, me), eq(m.sender_id, other), inArray(m.id, ids)))
    .returning({ id: m.id });
  return updated.length;
}

/** The other member of a conversation: their name, or undefined when there is no such member. */
export async function memberName(ctx: Ctx, id: string): Promise<{ name: string | null } | undefined> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ name: User.name }).from(User).where(eq(User.id, id)).limit(1);
  return row;
}
