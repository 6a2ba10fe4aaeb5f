/**
 * Notifications: newest first, keyset on (created_at, id) through notification_user_created_idx.
 * A connection_request notification shows only while its request is still pending and addressed
 * to this member; every other notification always shows (the spec's rule).
 *
 * Their words (decision 040): a notification's title and message are stored as text, in the
 * recipient's language when it was written (older rows: English). A connection notification is
 * said again when shown, from its type and the other member's name, in the reader's language of
 * the moment; the stored text is the fallback when that member is gone. Other notifications
 * (applications, hiring, meetings, posts) have no data to make them from: they show as stored,
 * and a stored message id is translated.
 */
import { and, count, desc, eq, isNull, lt, lte, ne, or, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import type { Translate } from "~/lib/i18n";
import { isMessageId } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { displayName, isConnectionNotification, notificationText } from "./rules";

export const NOTIFICATIONS_PAGE_SIZE = 30;

function visible(ctx: Ctx): SQL {
  const { notification: n, connection: c } = ctx.t;
  return or(ne(n.type, "connection_request"), isNull(n.type), and(eq(c.status, "pending"), eq(c.receiver_id, n.user_id)))!;
}

/** A general notification (type NULL) and the local path it leads to. */
export interface NewNotification {
  userId: string;
  title: string;
  message: string;
  /** A path on Ladder itself, such as /applications/<id>; stored in notification_links. */
  href: string;
  at: Date;
}

/**
 * Writes a notification and its link, and returns the notification's id. Call it inside the
 * transaction of the change it reports, so the member is told exactly when the change lands.
 */
export async function insertLinkedNotification(tx: Ctx, note: NewNotification): Promise<string> {
  const { notification: n, notification_links: links } = tx.t;
  const [row] = await tx.db
    .insert(n)
    .values({ user_id: note.userId, type: null, title: note.title, message: note.message, created_at: note.at })
    .returning({ id: n.id });
  await tx.db.insert(links).values({ notification_id: row.id, href: note.href.slice(0, 300) });
  return row.id;
}

export interface NotificationEntry {
  id: string;
  type: string | null;
  title: string;
  message: string;
  relatedUserId: string | null;
  /** The related member's name now (null when they have none, or there is no related member). */
  relatedName: string | null;
  /** The stored link (notification_links), unchecked: render through notificationHref. */
  href: string | null;
  isRead: boolean;
  createdAt: Date;
}

export async function listNotifications(
  ctx: Ctx,
  me: string,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: NotificationEntry[]; next: Position | null }> {
  const { notification: n, connection: c, notification_links: links, User } = ctx.t;
  const size = options.pageSize ?? NOTIFICATIONS_PAGE_SIZE;
  const after = options.after;
  const position =
    after && after.at !== null
      ? and(lte(n.created_at, new Date(after.at)), or(lt(n.created_at, new Date(after.at)), lt(n.id, after.id)))
      : undefined;
  const rows = await ctx.db
    .select({
      id: n.id,
      type: n.type,
      title: n.title,
      message: n.message,
      relatedUserId: n.related_user_id,
      relatedName: User.name,
      href: links.href,
      isRead: n.is_read,
      createdAt: n.created_at,
    })
    .from(n)
    .leftJoin(c, eq(c.id, n.related_connection_id))
    .leftJoin(links, eq(links.notification_id, n.id))
    .leftJoin(User, eq(User.id, n.related_user_id))
    .where(and(eq(n.user_id, me), visible(ctx), position))
    .orderBy(desc(n.created_at), desc(n.id))
    .limit(size + 1);
  const page = rows.slice(0, size).map((r) => ({ ...r, isRead: Boolean(r.isRead) }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** What a notification says to its reader, in `t`'s language (see the top of this file). */
export function notificationWords(
  note: Pick<NotificationEntry, "type" | "title" | "message" | "relatedUserId" | "relatedName">,
  t: Translate,
): { title: string; message: string } {
  if (isConnectionNotification(note.type) && note.relatedUserId) return notificationText(t, note.type, displayName(note.relatedName, t));
  const said = (text: string) => (isMessageId(text) ? t(text) : text);
  return { title: said(note.title), message: said(note.message) };
}

/** Unread notifications that would show: one query on the member's index range. */
export async function unreadCount(ctx: Ctx, me: string): Promise<number> {
  const { notification: n, connection: c } = ctx.t;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(n)
    .leftJoin(c, eq(c.id, n.related_connection_id))
    .where(and(eq(n.user_id, me), eq(n.is_read, false), visible(ctx)));
  return Number(row?.n ?? 0);
}

/** Marks one of `me`'s notifications read; false when it is not theirs or does not exist. */
export async function markRead(ctx: Ctx, me: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const { notification: n } = ctx.t;
  const rows = await ctx.db
    .update(n)
    .set({ is_read: true })
    .where(and(eq(n.id, id), eq(n.user_id, me)))
    .returning({ id: n.id });
  return rows.length > 0;
}

export async function markAllRead(ctx: Ctx, me: string): Promise<number> {
  const { notification: n } = ctx.t;
  const rows = await ctx.db
    .update(n)
    .set({ is_read: true })
    .where(and(eq(n.user_id, me), eq(n.is_read, false)))
    .returning({ id: n.id });
  return rows.length;
}
