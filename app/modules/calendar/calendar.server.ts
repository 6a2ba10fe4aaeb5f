/**
 * A member's weekly calendar (user_calendar_blocks) and finding a time with a connection.
 * Every query names the member in its WHERE clause. Adding and copying check, then insert, in
 * one withTx; on PostgreSQL a transaction-scoped advisory lock on (member, week) serialises them
 * so two concurrent adds cannot both pass the overlap check (SQLite's BEGIN IMMEDIATE already
 * serialises writers). See docs/decisions/013-calendar-and-find-a-time.md.
 *
 * Storage keeps Monday weeks; a member whose week starts on Saturday or Sunday sees a window of
 * seven days that spans two stored weeks (listWindow, copyPreviousWeek; decision 029).
 */
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import type { Language, Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { sendMessage } from "~/modules/messages/index.server";
import { busyOf, createMeeting } from "./meetings.server";
import { findSlots, type SlotResult, type WeekBlock } from "./slots";
import { DAY_MS, findOverlap, MINUTE_MS, parseTime, rangeLabel, storedTime, type TimeRange } from "./time";
import { addDays, dayLabel, mondayOf, storedWeeksOf, windowDays } from "./week";
import { describeSlot } from "./zone";
import { savedZones } from "./time-zone.server";

export interface Block extends TimeRange {
  id: string;
  dayOfWeek: number;
  isBlocked: boolean;
}

async function lockWeek(tx: Ctx, userId: string, week: Date): Promise<void> {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`calendar:${userId}:${week.toISOString()}`}))`);
}

function toBlock(row: { id: string; dayOfWeek: number; startTime: string; endTime: string; isBlocked: boolean }): Block {
  return { id: row.id, dayOfWeek: row.dayOfWeek, isBlocked: row.isBlocked, start: parseTime(row.startTime) ?? 0, end: parseTime(row.endTime) ?? 0 };
}

/** The member's blocks of one week, by day and start. */
export async function listWeek(ctx: Ctx, userId: string, week: Date): Promise<Block[]> {
  const b = ctx.t.user_calendar_blocks;
  const rows = await ctx.db
    .select({ id: b.id, dayOfWeek: b.dayOfWeek, startTime: b.startTime, endTime: b.endTime, isBlocked: b.isBlocked })
    .from(b)
    .where(and(eq(b.userId, userId), eq(b.weekStartDate, week)))
    .orderBy(asc(b.dayOfWeek), asc(b.startTime));
  return rows.map(toBlock);
}

export interface WindowBlock extends Block {
  /** The day's place in the week shown, 0–6 from its first day. */
  index: number;
  /** The stored week (Monday) the block belongs to. */
  week: Date;
}

/** The member's blocks of the seven days from `start` (any weekday), by day and start. */
export async function listWindow(ctx: Ctx, userId: string, start: Date): Promise<WindowBlock[]> {
  const b = ctx.t.user_calendar_blocks;
  const rows = await ctx.db
    .select({ id: b.id, week: b.weekStartDate, dayOfWeek: b.dayOfWeek, startTime: b.startTime, endTime: b.endTime, isBlocked: b.isBlocked })
    .from(b)
    .where(and(eq(b.userId, userId), inArray(b.weekStartDate, storedWeeksOf(start))))
    .orderBy(asc(b.weekStartDate), asc(b.dayOfWeek), asc(b.startTime));
  return rows
    .map((row) => ({ ...toBlock(row), week: row.week, index: Math.round((addDays(row.week, row.dayOfWeek).getTime() - start.getTime()) / DAY_MS) }))
    .filter((block) => block.index >= 0 && block.index < 7);
}

export type AddOutcome = { ok: true; id: string } | { ok: false; overlap: Block };

/**
 * Adds one block unless it overlaps another of that day. `zone` is the zone the member saw;
 * a member without a saved zone gets it saved now, so their wall-clock times keep their meaning.
 */
export async function addBlock(
  ctx: Ctx,
  input: { userId: string; week: Date; dayOfWeek: number; range: TimeRange; isBlocked: boolean; zone: string },
): Promise<AddOutcome> {
  return withTx(ctx, async (tx) => {
    const b = tx.t.user_calendar_blocks;
    await lockWeek(tx, input.userId, input.week);
    const sameDay = (await listWeek(tx, input.userId, input.week)).filter((x) => x.dayOfWeek === input.dayOfWeek);
    const clash = findOverlap(input.range, sameDay);
    if (clash) return { ok: false, overlap: clash };
    await tx.db.insert(tx.t.member_settings).values({ user_id: input.userId, time_zone: input.zone }).onConflictDoNothing();
    const now = new Date();
    const [row] = await tx.db
      .insert(b)
      .values({
        userId: input.userId,
        weekStartDate: input.week,
        dayOfWeek: input.dayOfWeek,
        startTime: storedTime(input.range.start),
        endTime: storedTime(input.range.end),
        isBlocked: input.isBlocked,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: b.id });
    return { ok: true, id: row.id };
  });
}

/** Deletes one of the member's own blocks; null when there is no such block of theirs. `label` in `lang`: "09:00–10:00 Tuesday 4 June". */
export async function removeBlock(ctx: Ctx, userId: string, id: string, lang: Language = "en"): Promise<{ date: Date; label: string } | null> {
  if (!isUuid(id)) return null;
  const b = ctx.t.user_calendar_blocks;
  const [row] = await ctx.db
    .delete(b)
    .where(and(eq(b.id, id), eq(b.userId, userId)))
    .returning({ week: b.weekStartDate, dayOfWeek: b.dayOfWeek, startTime: b.startTime, endTime: b.endTime, isBlocked: b.isBlocked });
  if (!row) return null;
  const block = toBlock({ id, ...row });
  return { date: addDays(row.week, row.dayOfWeek), label: `${rangeLabel(block)} ${dayLabel(row.week, row.dayOfWeek, lang)}` };
}

export type CopyOutcome = { ok: true; copied: number } | { ok: false; reason: "not_empty" | "nothing_to_copy" };

/**
 * Copies the blocks of the seven days before `start` into the seven days from `start` (the week
 * shown, which may span two stored weeks), which must be empty. Locks the stored weeks it writes
 * in date order, so it never waits on another copy the other way round.
 */
export async function copyPreviousWeek(ctx: Ctx, userId: string, start: Date): Promise<CopyOutcome> {
  return withTx(ctx, async (tx) => {
    const b = tx.t.user_calendar_blocks;
    for (const week of storedWeeksOf(start)) await lockWeek(tx, userId, week);
    if ((await listWindow(tx, userId, start)).length > 0) return { ok: false, reason: "not_empty" };
    const previous = await listWindow(tx, userId, addDays(start, -7));
    if (previous.length === 0) return { ok: false, reason: "nothing_to_copy" };
    const days = windowDays(start);
    const now = new Date();
    await tx.db.insert(b).values(
      previous.map((p) => ({
        userId,
        weekStartDate: days[p.index].week,
        dayOfWeek: days[p.index].dayOfWeek,
        startTime: storedTime(p.start),
        endTime: storedTime(p.end),
        isBlocked: p.isBlocked,
        createdAt: now,
        updatedAt: now,
      })),
    );
    return { ok: true, copied: previous.length };
  });
}

/**
 * The blocks of several members for the stored weeks around the seven days from `start`: the
 * week before and after too, since zones shift days (four weeks when `start` is not a Monday).
 */
async function blocksAround(ctx: Ctx, userIds: string[], start: Date): Promise<Map<string, WeekBlock[]>> {
  const b = ctx.t.user_calendar_blocks;
  const monday = mondayOf(start);
  const weeks = [addDays(monday, -7), monday, addDays(monday, 7)];
  if (monday.getTime() !== start.getTime()) weeks.push(addDays(monday, 14));
  const rows = await ctx.db
    .select({ userId: b.userId, weekStartDate: b.weekStartDate, dayOfWeek: b.dayOfWeek, startTime: b.startTime, endTime: b.endTime, isBlocked: b.isBlocked })
    .from(b)
    .where(and(inArray(b.userId, userIds), inArray(b.weekStartDate, weeks)));
  const out = new Map<string, WeekBlock[]>(userIds.map((id) => [id, []]));
  for (const row of rows) out.get(row.userId)?.push(row);
  return out;
}

export interface SlotQuery {
  me: string;
  other: string;
  viewerZone: string;
  week: Date;
  minutes: number;
  now?: number;
}

/**
 * Every slot of the viewer's week where both are free; the other's zone is their saved one (or
 * UTC). Accepted meetings of either member (with anyone) are busy time for that member.
 */
export async function slotsWith(ctx: Ctx, q: SlotQuery): Promise<SlotResult & { otherZone: string }> {
  const reach = { from: addDays(q.week, -1), to: addDays(q.week, 8) }; // the viewer's week in any zone
  const [blocks, zones, busy] = await Promise.all([
    blocksAround(ctx, [q.me, q.other], q.week),
    savedZones(ctx, [q.me, q.other]),
    busyOf(ctx, [q.me, q.other], reach.from, reach.to),
  ]);
  const otherZone = zones.get(q.other) ?? "UTC";
  const result = findSlots({
    viewerZone: q.viewerZone,
    week: q.week,
    minutes: q.minutes,
    now: q.now ?? Date.now(),
    mine: { zone: zones.get(q.me) ?? q.viewerZone, blocks: blocks.get(q.me) ?? [], busy: busy.get(q.me) },
    theirs: { zone: otherZone, blocks: blocks.get(q.other) ?? [], busy: busy.get(q.other) },
  });
  return { ...result, otherZone };
}

export type ProposeOutcome =
  | { ok: true; messageId: string; meetingId: string }
  | { ok: false; reason: "taken" | "not_connected" | "self" | "empty" | "too_long" };

/** The proposal's text, with the time on both members' clocks, in the recipient's language (`t`, `lang`). */
export function proposalText(
  input: { otherName: string; start: number; minutes: number; viewerZone: string; otherZone: string },
  t: Translate = translator("en"),
  lang: Language = "en",
): string {
  const yours = describeSlot(input.otherZone, input.start, input.minutes, lang);
  const mine = describeSlot(input.viewerZone, input.start, input.minutes, lang);
  return [
    t("calendar.proposal.hello", { name: input.otherName, minutes: input.minutes }),
    t("calendar.proposal.yourTime", { when: yours }),
    input.viewerZone === input.otherZone ? null : t("calendar.proposal.myTime", { when: mine }),
    t("calendar.proposal.free"),
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * Sends a proposal for `start` if that slot is still free for both (checked again here): the
 * message and a proposed `meetings` row in one transaction, so neither exists without the other.
 */
export async function proposeSlot(
  ctx: Ctx,
  q: SlotQuery & { start: number; otherName: string },
): Promise<ProposeOutcome & { otherZone?: string }> {
  const slots = await slotsWith(ctx, q);
  if (!slots.starts.includes(q.start)) return { ok: false, reason: "taken" };
  // A message to the other member: in their language.
  const lang = await savedLanguage(ctx, q.other);
  const input = { otherName: q.otherName, start: q.start, minutes: q.minutes, viewerZone: q.viewerZone, otherZone: slots.otherZone };
  const text = proposalText(input, translator(lang), lang);
  return withTx<ProposeOutcome & { otherZone?: string }>(ctx, async (tx) => {
    const sent = await sendMessage(tx, { senderId: q.me, receiverId: q.other, text });
    if (!sent.ok) return { ok: false, reason: sent.reason };
    const meetingId = await createMeeting(tx, {
      proposerId: q.me,
      inviteeId: q.other,
      startsAt: new Date(q.start),
      endsAt: new Date(q.start + q.minutes * MINUTE_MS),
    });
    return { ok: true, messageId: sent.id, meetingId, otherZone: slots.otherZone };
  });
}

/** The message asking a connection to add availability, when no shared time was found, in the recipient's language `t`. */
export function askAvailabilityText(input: { otherName: string; weekLabel: string; findHref: string }, t: Translate = translator("en")): string {
  return [
    t("calendar.ask.hello", { name: input.otherName, week: input.weekLabel }),
    t("calendar.ask.addTimes"),
    t("calendar.ask.findLink", { href: input.findHref }),
  ].join("\n");
}

/** The proposal message `id`, if `me` sent it to `other`. */
export async function sentProposal(ctx: Ctx, me: string, other: string, id: string): Promise<{ text: string } | null> {
  if (!isUuid(id)) return null;
  const m = ctx.t.user_messages;
  const [row] = await ctx.db
    .select({ text: m.message })
    .from(m)
    .where(and(eq(m.id, id), eq(m.sender_id, me), eq(m.receiver_id, other)))
    .limit(1);
  return row ?? null;
}
