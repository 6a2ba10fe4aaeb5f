/**
 * 7 coach messages per member per day (User.dailyMessageCount, User.lastMessageResetDate).
 *
 * The day is the UTC day: it starts at 00:00 UTC for everyone (decision 015.3). A count whose
 * lastMessageResetDate is before today's 00:00 UTC (or never set) counts as 0.
 *
 * takeMessage is ONE conditional UPDATE … RETURNING: it starts a new day's count at 1 or adds 1,
 * and only when a new day started or fewer than 7 were used. On PostgreSQL concurrent UPDATEs of
 * the same row queue on its row lock and re-check the WHERE after the lock, so 50 concurrent sends
 * let exactly 7 through; SQLite runs writes one at a time. Drafting a document and asking for
 * suggestions take from the same quota. A reply of the offline coach costs nothing (decision 029):
 * chargeForReply takes a message only when the AI will be asked.
 */
import { and, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export const DAILY_MESSAGES = 7;

export function dayStartUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** When today's quota comes back: the next 00:00 UTC. */
export function nextResetUtc(now: Date): Date {
  return new Date(dayStartUtc(now).getTime() + 24 * 60 * 60 * 1000);
}

/** "N of 7 left today", in the reader's language (`t`; English by default). */
export function quotaLine(left: number, t: Translate = translator("en")): string {
  return t("coach.quota.line", { left, max: DAILY_MESSAGES });
}

export function quotaReachedSentence(now: Date, t: Translate = translator("en")): string {
  const reset = nextResetUtc(now);
  const time = `${String(reset.getUTCHours()).padStart(2, "0")}:${String(reset.getUTCMinutes()).padStart(2, "0")}`;
  return t("coach.quota.reached", { max: DAILY_MESSAGES, time });
}

/** Takes one message from today's quota. ok false: none left (nothing changed). */
export async function takeMessage(ctx: Ctx, userId: string, now: Date): Promise<{ ok: boolean; left: number }> {
  const U = ctx.t.User;
  const dayStart = dayStartUtc(now);
  const newDay = or(isNull(U.lastMessageResetDate), lt(U.lastMessageResetDate, dayStart));
  const rows = await ctx.db
    .update(U)
    .set({
      dailyMessageCount: sql`case when ${newDay} then 1 else coalesce(${U.dailyMessageCount}, 0) + 1 end`,
      lastMessageResetDate: now,
    })
    .where(and(eq(U.id, userId), or(newDay, lt(sql`coalesce(${U.dailyMessageCount}, 0)`, DAILY_MESSAGES))))
    .returning({ count: U.dailyMessageCount });
  if (rows.length === 0) return { ok: false, left: 0 };
  return { ok: true, left: Math.max(0, DAILY_MESSAGES - Number(rows[0].count ?? 0)) };
}

export type Charge = { ok: true; charged: boolean; left: number } | { ok: false };

/**
 * What one reply costs: one of the day's messages when the AI answers (takeMessage), nothing when
 * the offline coach does; an offline reply is given even with none left.
 */
export async function chargeForReply(ctx: Ctx, userId: string, now: Date, offline: boolean): Promise<Charge> {
  if (offline) return { ok: true, charged: false, left: await messagesLeft(ctx, userId, now) };
  const taken = await takeMessage(ctx, userId, now);
  return taken.ok ? { ok: true, charged: true, left: taken.left } : { ok: false };
}

/** Gives back a message taken on the day that starts at dayStart (a failed reply). A new day: nothing to give back. */
export async function refundMessage(ctx: Ctx, userId: string, dayStart: Date): Promise<void> {
  const U = ctx.t.User;
  await ctx.db
    .update(U)
    .set({ dailyMessageCount: sql`${U.dailyMessageCount} - 1` })
    .where(
      and(
        eq(U.id, userId),
        gte(U.lastMessageResetDate, dayStart),
        lt(U.lastMessageResetDate, new Date(dayStart.getTime() + 24 * 60 * 60 * 1000)),
        sql`${U.dailyMessageCount} > 0`,
      ),
    );
}

export async function messagesLeft(ctx: Ctx, userId: string, now: Date): Promise<number> {
  const U = ctx.t.User;
  const [row] = await ctx.db
    .select({ count: U.dailyMessageCount, last: U.lastMessageResetDate })
    .from(U)
    .where(eq(U.id, userId));
  if (!row || !row.last || row.last < dayStartUtc(now)) return DAILY_MESSAGES;
  return Math.max(0, DAILY_MESSAGES - (row.count ?? 0));
}
