/**
 * A member's time zone (docs/decisions/011-member-time-zone.md): the saved one in
 * member_settings, else a guess from the browser's Accept-Language region, else UTC.
 */
import { eq, inArray } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { parseWeekStart, type WeekStart } from "./week";
import { guessZone, normalizeZone } from "./zone";

export type ZoneSource = "saved" | "guess" | "default";
export interface EffectiveZone {
  zone: string;
  source: ZoneSource;
}

export async function savedZone(ctx: Ctx, userId: string): Promise<string | null> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db.select({ zone: s.time_zone }).from(s).where(eq(s.user_id, userId)).limit(1);
  return row ? (normalizeZone(row.zone) ?? "UTC") : null;
}

/** Saved zones of several members; a member without a row is missing from the map. */
export async function savedZones(ctx: Ctx, userIds: string[]): Promise<Map<string, string>> {
  const s = ctx.t.member_settings;
  if (userIds.length === 0) return new Map();
  const rows = await ctx.db.select({ id: s.user_id, zone: s.time_zone }).from(s).where(inArray(s.user_id, userIds));
  return new Map(rows.map((r) => [r.id, normalizeZone(r.zone) ?? "UTC"]));
}

/** The zone (as effectiveZone) and the day the member's week starts on (Monday until they choose), in one query. */
export async function calendarSettings(ctx: Ctx, userId: string, request: Request): Promise<EffectiveZone & { weekStart: WeekStart }> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db.select({ zone: s.time_zone, weekStart: s.week_start }).from(s).where(eq(s.user_id, userId)).limit(1);
  const weekStart = parseWeekStart(row?.weekStart) ?? 1;
  if (row) return { zone: normalizeZone(row.zone) ?? "UTC", source: "saved", weekStart };
  const guess = guessZone(request.headers.get("Accept-Language"));
  return { ...(guess ? { zone: guess, source: "guess" as const } : { zone: "UTC", source: "default" as const }), weekStart };
}

/**
 * Saves the day the member's week starts on. A member with no settings row gets one with the
 * zone they were shown (`zone`), as adding a calendar block does: a row means a chosen zone.
 */
export async function saveWeekStart(ctx: Ctx, userId: string, weekStart: WeekStart, zone: string): Promise<void> {
  const s = ctx.t.member_settings;
  const now = new Date();
  await ctx.db
    .insert(s)
    .values({ user_id: userId, time_zone: zone, week_start: weekStart, updated_at: now })
    .onConflictDoUpdate({ target: s.user_id, set: { week_start: weekStart, updated_at: now } });
}

export async function effectiveZone(ctx: Ctx, userId: string, request: Request): Promise<EffectiveZone> {
  const saved = await savedZone(ctx, userId);
  if (saved) return { zone: saved, source: "saved" };
  const guess = guessZone(request.headers.get("Accept-Language"));
  return guess ? { zone: guess, source: "guess" } : { zone: "UTC", source: "default" };
}

/** Saves (or changes) the member's zone; null when the zone is not one Ladder knows. */
export async function saveZone(ctx: Ctx, userId: string, value: string): Promise<string | null> {
  const zone = normalizeZone(value);
  if (!zone) return null;
  const s = ctx.t.member_settings;
  const now = new Date();
  await ctx.db
    .insert(s)
    .values({ user_id: userId, time_zone: zone, updated_at: now })
    .onConflictDoUpdate({ target: s.user_id, set: { time_zone: zone, updated_at: now } });
  return zone;
}
