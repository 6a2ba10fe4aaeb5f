/**
 * Daily summaries (issue 20, decision 048): a UTC day's figures computed from raw rows and stored
 * (db/analytics/day-figures.ts), the days still missing, ranges for the CLI, and retention of raw
 * page views. The schedulers (scheduler.server.ts) and `npm run analytics:summarize` call these.
 */
import { and, gte, lt, max, min, sql } from "drizzle-orm";
import { figuresForDay, saveDayFigures, utcDay } from "../../../db/analytics/day-figures";
import type { Ctx } from "~/db.server";

export const DAY_MS = 24 * 60 * 60 * 1000;
/** With no summary yet, the first run looks back at most this far for raw rows. */
export const MAX_CATCH_UP_DAYS = 400;

/** Computes and stores the UTC day starting at `day`; safe to run again. */
export async function summarizeDay(ctx: Ctx, day: Date): Promise<void> {
  await saveDayFigures(ctx, await figuresForDay(ctx, utcDay(day)));
}

/**
 * The days that still need a summary at `now`: every day after the last summarised one up to
 * yesterday; with no summary yet, from the day of the earliest raw row (at most
 * MAX_CATCH_UP_DAYS back). Days in a gap before the last summary are not looked for: the CLI
 * recomputes any range.
 */
export async function missingDays(ctx: Ctx, now: Date): Promise<Date[]> {
  const yesterday = utcDay(now).getTime() - DAY_MS;
  const s = ctx.t.daily_activity_summaries;
  const [last] = await ctx.db.select({ at: max(s.date) }).from(s);
  let from: number;
  if (last?.at) {
    from = utcDay(last.at).getTime() + DAY_MS;
  } else {
    const earliest = await earliestRawRow(ctx);
    if (!earliest) return [];
    from = Math.max(utcDay(earliest).getTime(), yesterday - (MAX_CATCH_UP_DAYS - 1) * DAY_MS);
  }
  const days: Date[] = [];
  for (let at = from; at <= yesterday; at += DAY_MS) days.push(new Date(at));
  return days;
}

/** The oldest moment any raw analytics row records (each read through its created_at index). */
async function earliestRawRow(ctx: Ctx): Promise<Date | null> {
  const { page_views: p, feature_usage: f, user_sessions: u, User } = ctx.t;
  const firsts = await Promise.all([
    ctx.db.select({ at: min(p.created_at) }).from(p),
    ctx.db.select({ at: min(f.created_at) }).from(f),
    ctx.db.select({ at: min(u.started_at) }).from(u),
    ctx.db.select({ at: min(User.createdAt) }).from(User),
  ]);
  const times = firsts.map(([row]) => row?.at?.getTime()).filter((t): t is number => typeof t === "number");
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}

/** Summarises every missing day (see missingDays); returns the days it summarised. */
export async function summarizeMissingDays(ctx: Ctx, now: Date): Promise<Date[]> {
  const days = await missingDays(ctx, now);
  for (const day of days) await summarizeDay(ctx, day);
  return days;
}

export type RangeProgress = (day: Date, done: number, total: number) => void;

/** Recomputes every day from `from` to `to`, both included (UTC days), one at a time. */
export async function summarizeRange(ctx: Ctx, from: Date, to: Date, onProgress?: RangeProgress): Promise<number> {
  const first = utcDay(from).getTime();
  const last = utcDay(to).getTime();
  const total = last >= first ? Math.round((last - first) / DAY_MS) + 1 : 0;
  for (let i = 0; i < total; i++) {
    const day = new Date(first + i * DAY_MS);
    await summarizeDay(ctx, day);
    onProgress?.(day, i + 1, total);
  }
  return total;
}

/**
 * Retention (issue 20, item 6): deletes raw page views older than `retentionDays` whole UTC days
 * before `now`, but only on days that have a summary, so no day's figures are lost. Returns how
 * many rows went.
 */
export async function purgeOldPageViews(ctx: Ctx, now: Date, retentionDays: number): Promise<number> {
  const p = ctx.t.page_views;
  const s = ctx.t.daily_activity_summaries;
  const cutoff = utcDay(now).getTime() - retentionDays * DAY_MS;
  const [oldest] = await ctx.db.select({ at: min(p.created_at) }).from(p);
  if (!oldest?.at || oldest.at.getTime() >= cutoff) return 0;
  const firstDay = utcDay(oldest.at).getTime();
  const summarised = new Set(
    (await ctx.db.select({ date: s.date }).from(s).where(and(gte(s.date, new Date(firstDay)), lt(s.date, new Date(cutoff))))).map((r) =>
      utcDay(r.date).getTime(),
    ),
  );
  // Runs of consecutive summarised days, each deleted by one range (the created_at index).
  let deleted = 0;
  let runStart: number | null = null;
  for (let at = firstDay; at <= cutoff; at += DAY_MS) {
    const inRun = at < cutoff && summarised.has(at);
    if (inRun && runStart === null) runStart = at;
    if (!inRun && runStart !== null) {
      deleted += await deleteViews(ctx, runStart, at);
      runStart = null;
    }
  }
  return deleted;
}

async function deleteViews(ctx: Ctx, from: number, to: number): Promise<number> {
  const p = ctx.t.page_views;
  const where = and(gte(p.created_at, new Date(from)), lt(p.created_at, new Date(to)));
  const [row] = await ctx.db.select({ n: sql<number>`count(*)` }).from(p).where(where);
  await ctx.db.delete(p).where(where);
  return Number(row?.n ?? 0);
}
