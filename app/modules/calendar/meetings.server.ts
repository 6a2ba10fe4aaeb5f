/**
 * Meetings proposed through "find a time" (the `meetings` extension table, decision 023/029).
 * The proposer creates one with the proposal message; only the invitee can accept or decline it,
 * and only while it is proposed: both are ONE conditional UPDATE whose WHERE names the invitee
 * and the status, so of concurrent answers exactly one changes the row (PostgreSQL re-checks the
 * WHERE after the row lock; SQLite runs writes one at a time). Every read names the member in
 * its WHERE clause (proposer or invitee): someone else's meeting is not found.
 *
 * Either member cancels a proposed or accepted meeting that has not ended: ONE UPDATE whose WHERE
 * names the member (proposer or invitee), the allowed statuses and the end, so a cancel and an
 * answer at once cannot both land on a proposed meeting (decision 033). An answer and a cancel
 * tell the other member through a linked notification written in the same transaction. Accepted
 * meetings are busy time for both members when finding a time (busyOf).
 */
import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, inArray, lt, or } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { translator } from "~/lib/i18n.server";
import type { Translate } from "~/lib/i18n";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { displayName } from "~/modules/network";
import type { Interval } from "./slots";

export type MeetingStatus = "proposed" | "accepted" | "declined" | "cancelled";
export type Answer = "accepted" | "declined";

export interface Meeting {
  id: string;
  proposerId: string;
  inviteeId: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  respondedAt: Date | null;
  /** The other member, from the reader's side (`gone`: their account was deleted; the pages name them calendar.meeting.formerMember). */
  other: { id: string; name: string; gone?: boolean };
  /** The reader is the invitee. */
  invited: boolean;
}

/** Pending meetings shown on the calendar before "All pending meetings". */
export const PENDING_SHOWN = 5;
export const MEETINGS_PAGE_SIZE = 20;

const columns = (ctx: Ctx) => {
  const m = ctx.t.meetings;
  return { id: m.id, proposerId: m.proposer_id, inviteeId: m.invitee_id, startsAt: m.starts_at, endsAt: m.ends_at, status: m.status, respondedAt: m.responded_at };
};
type Row = { id: string; proposerId: string; inviteeId: string; startsAt: Date; endsAt: Date; status: string; respondedAt: Date | null };

/** Rows as the reader sees them, with the other member's name (one query for all names). */
async function withNames(ctx: Ctx, me: string, rows: Row[]): Promise<Meeting[]> {
  const ids = [...new Set(rows.map((r) => (r.proposerId === me ? r.inviteeId : r.proposerId)))];
  const U = ctx.t.User;
  const names = ids.length === 0 ? [] : await ctx.db.select({ id: U.id, name: U.name }).from(U).where(inArray(U.id, ids));
  const nameOf = new Map(names.map((n) => [n.id, displayName(n.name)]));
  return rows.map((r) => {
    const otherId = r.proposerId === me ? r.inviteeId : r.proposerId;
    return { ...r, status: r.status as MeetingStatus, other: { id: otherId, name: nameOf.get(otherId) ?? "", gone: !nameOf.has(otherId) }, invited: r.inviteeId === me };
  });
}

/** Stores a proposed meeting (inside the proposal's transaction); `id` is chosen by the caller. */
export async function createMeeting(tx: Ctx, input: { id?: string; proposerId: string; inviteeId: string; startsAt: Date; endsAt: Date }): Promise<string> {
  const id = input.id ?? randomUUID();
  await tx.db.insert(tx.t.meetings).values({
    id,
    proposer_id: input.proposerId,
    invitee_id: input.inviteeId,
    starts_at: input.startsAt,
    ends_at: input.endsAt,
    status: "proposed",
    created_at: new Date(),
  });
  return id;
}

/** One meeting of mine (as proposer or invitee), or null. */
export async function getMeeting(ctx: Ctx, me: string, id: string): Promise<Meeting | null> {
  if (!isUuid(id)) return null;
  const m = ctx.t.meetings;
  const rows = await ctx.db
    .select(columns(ctx))
    .from(m)
    .where(and(eq(m.id, id.toLowerCase()), or(eq(m.proposer_id, me), eq(m.invitee_id, me))))
    .limit(1);
  const [meeting] = await withNames(ctx, me, rows);
  return meeting ?? null;
}

export type AnswerOutcome = { ok: true; meeting: Meeting } | { ok: false; reason: "not_found" | "not_invitee" | "answered"; meeting?: Meeting };

/** The other member's name as a page shows it: a deleted account is "A former member" in the reader's language. */
export const otherName = (meeting: Pick<Meeting, "other">, t: Translate): string => (meeting.other.gone ? t("calendar.meeting.formerMember") : meeting.other.name);

/** The display name of one member (for the other member's notification, in their language `t`). */
async function nameOf(ctx: Ctx, id: string, t: Translate): Promise<string> {
  const U = ctx.t.User;
  const [row] = await ctx.db.select({ name: U.name }).from(U).where(eq(U.id, id)).limit(1);
  return row ? displayName(row.name) : t("calendar.meeting.formerMember");
}

/** The translator for a notification to `userId`: their saved language (they are not the one asking). */
const recipientT = async (ctx: Ctx, userId: string): Promise<Translate> => translator(await savedLanguage(ctx, userId));

const meetingHref = (id: string) => `/calendar/meetings/${id}`;

/**
 * The invitee accepts or declines a proposed meeting. One UPDATE … WHERE id AND invitee = me AND
 * status = 'proposed': the proposer, strangers and a second answer change nothing. The answer
 * that lands tells the proposer (a notification in the same transaction).
 */
export async function answerMeeting(ctx: Ctx, me: string, id: string, answer: Answer, now = new Date()): Promise<AnswerOutcome> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  const m = ctx.t.meetings;
  return withTx<AnswerOutcome>(ctx, async (tx) => {
    const changed = await tx.db
      .update(m)
      .set({ status: answer, responded_at: now })
      .where(and(eq(m.id, id.toLowerCase()), eq(m.invitee_id, me), eq(m.status, "proposed")))
      .returning({ id: m.id });
    const meeting = await getMeeting(tx, me, id);
    if (!meeting) return { ok: false, reason: "not_found" };
    if (changed.length === 0) return { ok: false, reason: meeting.invited ? "answered" : "not_invitee", meeting };
    const t = await recipientT(tx, meeting.proposerId);
    const name = await nameOf(tx, me, t);
    await insertLinkedNotification(tx, {
      userId: meeting.proposerId,
      title: t(answer === "accepted" ? "calendar.notify.acceptedTitle" : "calendar.notify.declinedTitle"),
      message: t(answer === "accepted" ? "calendar.notify.accepted" : "calendar.notify.declined", { name }),
      href: meetingHref(meeting.id),
      at: now,
    });
    return { ok: true, meeting };
  });
}

export type CancelOutcome = { ok: true; meeting: Meeting } | { ok: false; reason: "not_found" | "not_cancellable"; meeting?: Meeting };

/** Whether a member may still cancel: proposed or accepted, and not ended. */
export function cancellable(meeting: Pick<Meeting, "status" | "endsAt">, now = new Date()): boolean {
  return (meeting.status === "proposed" || meeting.status === "accepted") && meeting.endsAt.getTime() > now.getTime();
}

/**
 * Either member cancels a proposed or accepted meeting that has not ended: ONE UPDATE … WHERE id
 * AND (proposer = me OR invitee = me) AND status IN ('proposed', 'accepted') AND ends_at > now.
 * Strangers, a second cancel and an ended or declined meeting change nothing. The cancel that
 * lands tells the other member (a notification in the same transaction).
 */
export async function cancelMeeting(ctx: Ctx, me: string, id: string, now = new Date()): Promise<CancelOutcome> {
  if (!isUuid(id)) return { ok: false, reason: "not_found" };
  const m = ctx.t.meetings;
  return withTx<CancelOutcome>(ctx, async (tx) => {
    const changed = await tx.db
      .update(m)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(m.id, id.toLowerCase()),
          or(eq(m.proposer_id, me), eq(m.invitee_id, me)),
          inArray(m.status, ["proposed", "accepted"]),
          gt(m.ends_at, now),
        ),
      )
      .returning({ id: m.id });
    const meeting = await getMeeting(tx, me, id);
    if (!meeting) return { ok: false, reason: "not_found" };
    if (changed.length === 0) return { ok: false, reason: "not_cancellable", meeting };
    const t = await recipientT(tx, meeting.other.id);
    const name = await nameOf(tx, me, t);
    await insertLinkedNotification(tx, {
      userId: meeting.other.id,
      title: t("calendar.notify.cancelledTitle"),
      message: t("calendar.notify.cancelled", { name }),
      href: meetingHref(meeting.id),
      at: now,
    });
    return { ok: true, meeting };
  });
}

/**
 * The accepted meetings of these members that overlap [from, to), as busy intervals per member:
 * a meeting counts for both of its members. Ownership is in the WHERE (either side is one of
 * `userIds`), served by the two (member, starts_at) indexes.
 */
export async function busyOf(ctx: Ctx, userIds: string[], from: Date, to: Date): Promise<Map<string, Interval[]>> {
  const m = ctx.t.meetings;
  const out = new Map<string, Interval[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return out;
  const rows = await ctx.db
    .select({ proposerId: m.proposer_id, inviteeId: m.invitee_id, startsAt: m.starts_at, endsAt: m.ends_at })
    .from(m)
    .where(and(or(inArray(m.proposer_id, userIds), inArray(m.invitee_id, userIds)), eq(m.status, "accepted"), lt(m.starts_at, to), gt(m.ends_at, from)))
    .orderBy(asc(m.starts_at), asc(m.id))
    .limit(1000);
  for (const row of rows) {
    const interval = { start: row.startsAt.getTime(), end: row.endsAt.getTime() };
    for (const id of new Set([row.proposerId, row.inviteeId])) out.get(id)?.push(interval);
  }
  return out;
}

/** My accepted meetings that overlap [from, to) (a calendar week), by start. */
export async function acceptedBetween(ctx: Ctx, me: string, from: Date, to: Date): Promise<Meeting[]> {
  const m = ctx.t.meetings;
  const rows = await ctx.db
    .select(columns(ctx))
    .from(m)
    .where(and(or(eq(m.proposer_id, me), eq(m.invitee_id, me)), eq(m.status, "accepted"), lt(m.starts_at, to), gt(m.ends_at, from)))
    .orderBy(asc(m.starts_at), asc(m.id))
    .limit(100);
  return withNames(ctx, me, rows);
}

export interface PendingPosition {
  at: number;
  id: string;
}

/**
 * Proposed meetings that have not ended, sent to me (`side` invited) or by me (`side` sent), by
 * start: a keyset page after `after` (starts_at, id).
 */
export async function pendingMeetings(
  ctx: Ctx,
  me: string,
  side: "invited" | "sent",
  options: { now?: Date; after?: PendingPosition; pageSize?: number } = {},
): Promise<{ rows: Meeting[]; next: PendingPosition | null }> {
  const m = ctx.t.meetings;
  const size = options.pageSize ?? MEETINGS_PAGE_SIZE;
  const after = options.after;
  const position = after ? or(gt(m.starts_at, new Date(after.at)), and(eq(m.starts_at, new Date(after.at)), gt(m.id, after.id))) : undefined;
  const rows = await ctx.db
    .select(columns(ctx))
    .from(m)
    .where(and(eq(side === "invited" ? m.invitee_id : m.proposer_id, me), eq(m.status, "proposed"), gt(m.ends_at, options.now ?? new Date()), position))
    .orderBy(asc(m.starts_at), asc(m.id))
    .limit(size + 1);
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: await withNames(ctx, me, page), next: rows.length > size && last ? { at: last.startsAt.getTime(), id: last.id } : null };
}
