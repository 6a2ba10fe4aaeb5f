/**
 * Connections between members: one row per pair, whichever direction (see
 * docs/decisions/010-connections.md). Every change runs in one withTx with the notification it
 * reports. On PostgreSQL a transaction-scoped advisory lock on the ordered pair serialises the
 * changes of one pair (the unique index covers only (sender_id, receiver_id), not the reverse);
 * SQLite's BEGIN IMMEDIATE serialises every writer already.
 */
import { and, desc, eq, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { Position } from "~/lib/cursor";
import { translator } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { savedLanguage } from "~/modules/accounts/index.server";
import { countAttempt, LIMITS } from "~/services/rate-limit.server";
import {
  displayName,
  INTENT_NEEDS,
  notificationText,
  stateOf,
  type ChangeOutcome,
  type ConnectionIntent,
  type ConnectionState,
  type ConnectOutcome,
} from "./rules";

export const CONNECTIONS_PAGE_SIZE = 30;

function pairWhere(ctx: Ctx, a: string, b: string): SQL {
  const { connection: c } = ctx.t;
  return or(and(eq(c.sender_id, a), eq(c.receiver_id, b)), and(eq(c.sender_id, b), eq(c.receiver_id, a)))!;
}

/** Serialises the changes of one pair on PostgreSQL until the transaction ends. */
async function lockPair(tx: Ctx, a: string, b: string): Promise<void> {
  if (tx.dialect !== "pg") return;
  const [low, high] = a < b ? [a, b] : [b, a];
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`connection:${low}:${high}`}))`);
}

async function pairRow(tx: Ctx, a: string, b: string) {
  const { connection: c } = tx.t;
  const [row] = await tx.db
    .select({ id: c.id, sender_id: c.sender_id, receiver_id: c.receiver_id, status: c.status })
    .from(c)
    .where(pairWhere(tx, a, b))
    .limit(1);
  return row ?? null;
}

async function nameOf(tx: Ctx, id: string): Promise<string | null | undefined> {
  const { User } = tx.t;
  const [row] = await tx.db.select({ name: User.name }).from(User).where(eq(User.id, id)).limit(1);
  return row ? row.name : undefined;
}

async function notify(
  tx: Ctx,
  input: { userId: string; type: "connection_request" | "connection_accepted"; fromId: string; fromName: string | null; connectionId: string },
) {
  // Stored in the recipient's language; /notifications makes the words again in the reader's (notifications.server.ts).
  const t = translator(await savedLanguage(tx, input.userId));
  const text = notificationText(t, input.type, displayName(input.fromName, t));
  await tx.db.insert(tx.t.notification).values({
    user_id: input.userId,
    type: input.type,
    title: text.title,
    message: text.message,
    related_user_id: input.fromId,
    related_connection_id: input.connectionId,
  });
}

/** The request notifications of a connection row that is no longer (or again) pending. */
async function dropRequestNotifications(tx: Ctx, connectionId: string) {
  const { notification: n } = tx.t;
  await tx.db.delete(n).where(and(eq(n.related_connection_id, connectionId), eq(n.type, "connection_request")));
}

/**
 * `me` asks `otherId` to connect. When the other already asked, this accepts their request;
 * a rejected row of the pair becomes a new pending request from `me`.
 */
export async function connect(ctx: Ctx, input: { me: string; otherId: string; message?: string | null }): Promise<ConnectOutcome> {
  const { me, otherId } = input;
  if (!isUuid(otherId)) return "not_found";
  if (me === otherId) return "self";
  const message = input.message?.trim() ? input.message.trim() : null;
  return withTx(ctx, async (tx) => {
    const { connection: c } = tx.t;
    await lockPair(tx, me, otherId);
    const otherName = await nameOf(tx, otherId);
    if (otherName === undefined) return "not_found";
    const myName = (await nameOf(tx, me)) ?? null;
    const row = await pairRow(tx, me, otherId);
    const now = new Date();
    if (!row) {
      const [created] = await tx.db
        .insert(c)
        .values({ sender_id: me, receiver_id: otherId, status: "pending", message, created_at: now, updated_at: now })
        .returning({ id: c.id });
      await notify(tx, { userId: otherId, type: "connection_request", fromId: me, fromName: myName, connectionId: created.id });
      await track(tx, { userId: me, type: "connection_requested", metadata: { connectionId: created.id } });
      return "requested";
    }
    const state = stateOf(row, me);
    if (state === "connected") return "already_connected";
    if (state === "outgoing") return "already_requested";
    if (state === "incoming") {
      await tx.db.update(c).set({ status: "accepted", updated_at: now }).where(and(eq(c.id, row.id), eq(c.receiver_id, me), eq(c.status, "pending")));
      await dropRequestNotifications(tx, row.id);
      await notify(tx, { userId: otherId, type: "connection_accepted", fromId: me, fromName: myName, connectionId: row.id });
      await track(tx, { userId: me, type: "connection_accepted", metadata: { connectionId: row.id } });
      return "accepted";
    }
    // A rejected request, in either direction: the row becomes my new request.
    await dropRequestNotifications(tx, row.id);
    await tx.db
      .update(c)
      .set({ sender_id: me, receiver_id: otherId, status: "pending", message, created_at: now, updated_at: now })
      .where(and(eq(c.id, row.id), eq(c.status, "rejected")));
    await notify(tx, { userId: otherId, type: "connection_request", fromId: me, fromName: myName, connectionId: row.id });
    await track(tx, { userId: me, type: "connection_requested", metadata: { connectionId: row.id } });
    return "requested";
  });
}

/**
 * connect, as the connect button asks it: each new request counts against the member's daily
 * connection requests (LIMITS.connectionRequestPerMember, decision 061), and past it nothing is
 * sent ("limited"). The request is counted before it is sent, so that many at once cannot all slip
 * under the limit; one that turned out not to be a new request (accepting theirs, already asked)
 * is taken back.
 */
export async function requestConnection(
  ctx: Ctx,
  input: { me: string; otherId: string; message?: string | null },
  now = new Date(),
): Promise<{ outcome: ConnectOutcome } | { outcome: "limited"; retryAfterSeconds: number }> {
  const counted = await countAttempt(ctx, `connection-request:${input.me}`, LIMITS.connectionRequestPerMember, now);
  if (!counted.allowed) return { outcome: "limited", retryAfterSeconds: counted.retryAfterSeconds };
  const outcome = await connect(ctx, input);
  if (outcome !== "requested") await counted.takeBack();
  return { outcome };
}

/**
 * accept / reject (only the receiver of a pending request), withdraw (only its sender), remove
 * (either side of an accepted connection). Who may act is in the WHERE clause.
 */
export async function changeConnection(
  ctx: Ctx,
  input: { me: string; otherId: string; intent: Exclude<ConnectionIntent, "connect"> },
): Promise<ChangeOutcome> {
  const { me, otherId, intent } = input;
  if (!isUuid(otherId) || me === otherId) return "not_found";
  const needs = INTENT_NEEDS[intent];
  return withTx(ctx, async (tx) => {
    const { connection: c, notification: n } = tx.t;
    await lockPair(tx, me, otherId);
    const mine =
      needs === "incoming"
        ? and(eq(c.sender_id, otherId), eq(c.receiver_id, me), eq(c.status, "pending"))
        : needs === "outgoing"
          ? and(eq(c.sender_id, me), eq(c.receiver_id, otherId), eq(c.status, "pending"))
          : and(pairWhere(tx, me, otherId), eq(c.status, "accepted"));
    const [row] = await tx.db.select({ id: c.id }).from(c).where(mine).limit(1);
    if (!row) return "not_found";
    const now = new Date();
    if (intent === "accept" || intent === "reject") {
      const status = intent === "accept" ? "accepted" : "rejected";
      await tx.db.update(c).set({ status, updated_at: now }).where(and(eq(c.id, row.id), mine));
      await dropRequestNotifications(tx, row.id);
      // Only a yes is news to the requester; a declined request stays quiet (issue 13).
      if (intent === "accept") {
        const myName = (await nameOf(tx, me)) ?? null;
        await notify(tx, { userId: otherId, type: "connection_accepted", fromId: me, fromName: myName, connectionId: row.id });
        await track(tx, { userId: me, type: "connection_accepted", metadata: { connectionId: row.id } });
      }
      return "done";
    }
    // withdraw / remove: the row goes; notifications about it stay as history, unlinked.
    await dropRequestNotifications(tx, row.id);
    await tx.db.update(n).set({ related_connection_id: null }).where(eq(n.related_connection_id, row.id));
    await tx.db.delete(c).where(and(eq(c.id, row.id), mine));
    return "done";
  });
}

/** The state between `me` and each of `ids`. */
export async function statesWith(ctx: Ctx, me: string, ids: string[]): Promise<Map<string, ConnectionState>> {
  const result = new Map<string, ConnectionState>(ids.map((id) => [id, "none"]));
  const others = ids.filter((id) => id !== me && isUuid(id));
  if (others.length === 0) return result;
  const { connection: c } = ctx.t;
  const rows = await ctx.db
    .select({ sender_id: c.sender_id, receiver_id: c.receiver_id, status: c.status })
    .from(c)
    .where(or(and(eq(c.sender_id, me), inArray(c.receiver_id, others)), and(eq(c.receiver_id, me), inArray(c.sender_id, others))));
  for (const row of rows) result.set(row.sender_id === me ? row.receiver_id : row.sender_id, stateOf(row, me));
  return result;
}

export async function stateWith(ctx: Ctx, me: string, otherId: string): Promise<ConnectionState> {
  return (await statesWith(ctx, me, [otherId])).get(otherId) ?? "none";
}

export type ListKind = "connections" | "incoming" | "outgoing";

export interface NetworkEntry {
  /** the other member */
  userId: string;
  name: string | null;
  headline: string | null;
  avatarUrl: string | null;
  message: string | null;
  at: Date;
  connectionId: string;
}

/** One page of a list, newest change first, keyset on (updated_at, id). */
export async function listNetwork(
  ctx: Ctx,
  me: string,
  kind: ListKind,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: NetworkEntry[]; next: Position | null }> {
  const { connection: c, User } = ctx.t;
  const size = options.pageSize ?? CONNECTIONS_PAGE_SIZE;
  const whose =
    kind === "incoming"
      ? and(eq(c.receiver_id, me), eq(c.status, "pending"))
      : kind === "outgoing"
        ? and(eq(c.sender_id, me), eq(c.status, "pending"))
        : and(or(eq(c.sender_id, me), eq(c.receiver_id, me)), eq(c.status, "accepted"));
  const other = sql<string>`case when ${c.sender_id} = ${me} then ${c.receiver_id} else ${c.sender_id} end`;
  const after = options.after;
  const position =
    after && after.at !== null
      ? and(lte(c.updated_at, new Date(after.at)), or(lt(c.updated_at, new Date(after.at)), lt(c.id, after.id)))
      : undefined;
  const rows = await ctx.db
    .select({ userId: User.id, name: User.name, headline: User.headline, avatarUrl: User.avatarUrl, message: c.message, at: c.updated_at, connectionId: c.id })
    .from(c)
    .innerJoin(User, eq(User.id, other))
    .where(and(whose, position))
    .orderBy(desc(c.updated_at), desc(c.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.at.getTime(), id: last.connectionId } : null };
}
