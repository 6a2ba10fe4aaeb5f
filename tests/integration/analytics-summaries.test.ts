/**
 * The daily summary job (issue 20, decision 048): missing days are filled from the last summary
 * (or the earliest raw row) up to yesterday, ranges are recomputed, old page views go only on
 * summarised days, and on PostgreSQL two app instances (two pg-boss instances, each with its own
 * pool) asked for the same day compute it once.
 */
import { eq, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { createCtx, closeCtx } from "../../db/client";
import { rowsOf } from "../../db/raw-sql";
import { missingDays, purgeOldPageViews, summarizeMissingDays, summarizeRange } from "../../app/modules/analytics/summaries.server";
import { DAY_QUEUE, msUntilNextRun, openBoss } from "../../app/modules/analytics/scheduler.server";
import { describeEachDatabase, describePostgres } from "../support/db";
import { makeUser } from "../support/factories";
import type { Ctx } from "../../db/client";

const DAY = 86_400_000;
const NOW = new Date("2026-03-20T09:00:00Z");
const TODAY = Date.UTC(2026, 2, 20);
const dayAt = (daysAgo: number, ms = 0) => new Date(TODAY - daysAgo * DAY + ms);
const iso = (at: Date) => at.toISOString().slice(0, 10);

async function views(ctx: Ctx, at: Date, n: number) {
  await ctx.db.insert(ctx.t.page_views).values(Array.from({ length: n }, () => ({ page_path: "/", created_at: at })));
}
async function summaryDates(ctx: Ctx) {
  const s = ctx.t.daily_activity_summaries;
  return (await ctx.db.select({ date: s.date, views: s.total_page_views }).from(s).orderBy(s.date)).map((r) => `${iso(r.date)}:${r.views}`);
}

describeEachDatabase("Daily summaries", (db) => {
  it("fills every day after the last summary up to yesterday, and nothing of today", async () => {
    const ctx = db.ctx;
    await views(ctx, dayAt(6, 5), 1);
    await views(ctx, dayAt(3, 5), 2);
    await views(ctx, dayAt(1, DAY - 1), 3);
    await views(ctx, dayAt(0, 1), 4);
    await summarizeRange(ctx, dayAt(6), dayAt(6));

    const filled = await summarizeMissingDays(ctx, NOW);
    expect(filled.map(iso)).toEqual(["2026-03-15", "2026-03-16", "2026-03-17", "2026-03-18", "2026-03-19"]);
    expect(await summaryDates(ctx)).toEqual(["2026-03-14:1", "2026-03-15:0", "2026-03-16:0", "2026-03-17:2", "2026-03-18:0", "2026-03-19:3"]);
    // Nothing is missing any more until the next day starts.
    expect(await missingDays(ctx, NOW)).toEqual([]);
    expect((await missingDays(ctx, new Date(TODAY + DAY))).map(iso)).toEqual(["2026-03-20"]);
  });

  it("with no summary yet starts at the earliest raw row, at most 400 days back, and with no rows does nothing", async () => {
    const ctx = db.ctx;
    expect(await missingDays(ctx, NOW)).toEqual([]);
    await makeUser(ctx, { createdAt: dayAt(3, 1000) });
    expect((await missingDays(ctx, NOW)).map(iso)).toEqual(["2026-03-17", "2026-03-18", "2026-03-19"]);
    await views(ctx, dayAt(900), 1);
    const days = await missingDays(ctx, NOW);
    expect(days).toHaveLength(400);
    expect(iso(days[0])).toBe(iso(dayAt(400)));
    expect(iso(days.at(-1)!)).toBe("2026-03-19");
  });

  it("recomputes a range with a progress call per day, replacing what was there", async () => {
    const ctx = db.ctx;
    await views(ctx, dayAt(2, 10), 2);
    await summarizeRange(ctx, dayAt(3), dayAt(1));
    await views(ctx, dayAt(2, 20), 5);
    const progress: string[] = [];
    const total = await summarizeRange(ctx, dayAt(3, 7 * 3600_000), dayAt(1), (day, done, n) => progress.push(`${iso(day)} ${done}/${n}`));
    expect(total).toBe(3);
    expect(progress).toEqual(["2026-03-17 1/3", "2026-03-18 2/3", "2026-03-19 3/3"]);
    expect(await summaryDates(ctx)).toEqual(["2026-03-17:0", "2026-03-18:7", "2026-03-19:0"]);
  });

  it("deletes raw page views older than the retention only on summarised days, and keeps the summaries", async () => {
    const ctx = db.ctx;
    const p = ctx.t.page_views;
    // Days 12, 11 and 10 ago are older than a 10-day retention; 11 ago has no summary.
    await views(ctx, dayAt(12, 1), 2);
    await views(ctx, dayAt(11, 1), 3);
    await views(ctx, dayAt(10, DAY - 1), 4);
    await views(ctx, dayAt(9, 1), 5);
    await summarizeRange(ctx, dayAt(12), dayAt(12));
    await summarizeRange(ctx, dayAt(10), dayAt(9));

    expect(await purgeOldPageViews(ctx, NOW, 10)).toBe(2);
    const left = await ctx.db.select({ at: p.created_at }).from(p);
    const byDay = left.reduce<Record<string, number>>((acc, r) => ({ ...acc, [iso(r.at)]: (acc[iso(r.at)] ?? 0) + 1 }), {});
    expect(byDay).toEqual({ "2026-03-09": 3, "2026-03-10": 4, "2026-03-11": 5 });
    // Once the day is summarised, a later run deletes it too; a day inside the retention stays.
    await summarizeRange(ctx, dayAt(11), dayAt(11));
    expect(await purgeOldPageViews(ctx, NOW, 10)).toBe(3);
    expect(await purgeOldPageViews(ctx, NOW, 10)).toBe(0);
    expect((await ctx.db.select().from(p)).length).toBe(9);
    expect(await summaryDates(ctx)).toEqual(["2026-03-08:2", "2026-03-09:3", "2026-03-10:4", "2026-03-11:5"]);
  });

  it("the daily run is planned for the next 00:15 UTC", () => {
    expect(msUntilNextRun(new Date("2026-03-20T00:00:00Z"))).toBe(15 * 60_000);
    expect(msUntilNextRun(new Date("2026-03-20T00:15:00Z"))).toBe(DAY);
    expect(msUntilNextRun(new Date("2026-03-20T23:00:00Z"))).toBe(75 * 60_000);
  });
});

describePostgres(
  "The summary job on pg-boss",
  (db) => {
    it("two app instances asked for the same missing days compute each day once", { timeout: 60_000 }, async () => {
      const url = db.url!;
      await views(db.ctx, dayAt(3, 1), 2);
      await summarizeRange(db.ctx, dayAt(3), dayAt(3));
      await views(db.ctx, dayAt(2, 1), 3);
      await views(db.ctx, dayAt(1, 1), 4);

      // Each instance has its own pool and its own pg-boss, and logs each day it computes.
      const computed: string[] = [];
      const instances = await Promise.all(
        ["a", "b"].map(async (name) => {
          const ctx = createCtx(url, { poolSize: 2 });
          const log = (line: string) => computed.push(`${name} ${line}`);
          return { name, ctx, ...(await openBoss(url, ctx, { retentionDays: 400, now: () => NOW, log })) };
        }),
      );
      try {
        // Both send the missing days (as at start, or two cron handlers), then both work.
        const sent = await Promise.all(instances.map((i) => i.sendMissingDays()));
        expect(sent).toEqual([2, 2]);
        await Promise.all(instances.map((i) => i.workDays()));
        const s = db.ctx.t.daily_activity_summaries;
        const deadline = Date.now() + 30_000;
        while ((await db.ctx.db.select().from(s)).length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
        expect(await summaryDates(db.ctx)).toEqual(["2026-03-17:2", "2026-03-18:3", "2026-03-19:4"]);
        // pg-boss's own job table: one job per date, each completed once.
        const jobs = await rowsOf(
          db.ctx,
          sql`select singleton_key as date, state, retry_count from pgboss.job where name = ${DAY_QUEUE} order by singleton_key`,
        );
        expect(jobs).toEqual([
          { date: "2026-03-18", state: "completed", retry_count: 0 },
          { date: "2026-03-19", state: "completed", retry_count: 0 },
        ]);
        // Each day computed by one instance or the other, once.
        const days = computed.map((line) => line.replace(/^[ab] Analytics: summarised /, "")).sort();
        expect(days).toEqual(["2026-03-18.", "2026-03-19."]);
      } finally {
        for (const i of instances) {
          await i.boss.stop({ graceful: false, wait: true });
          await closeCtx(i.ctx);
        }
      }
      expect(await db.ctx.db.select().from(db.ctx.t.daily_activity_summaries).where(eq(db.ctx.t.daily_activity_summaries.date, dayAt(3)))).toHaveLength(1);
    });
  },
  { fresh: true },
);
