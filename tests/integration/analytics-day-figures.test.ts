/**
 * A UTC day's figures (issue 20, decision 048): figuresForDay counts what happened in
 * [day, day + 24 h) and nothing at its edges' other side; saveDayFigures stores them idempotently.
 * Expected numbers are counted here from the rows the test inserts, not by the code under test.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { figuresForDay, OTHER_KEY, saveDayFigures, TOP_KEYS, UNKNOWN_KEY, type DimensionCount } from "../../db/analytics/day-figures";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";
import {
  makeApplication,
  makeCommunity,
  makeCommunityPost,
  makeConnection,
  makeMembership,
  makePost,
  makeSession,
  makeSkill,
  makeUser,
} from "../support/factories";

const DAY = new Date(Date.UTC(2026, 2, 10));
const H = 60 * 60 * 1000;
/** Moments inside the day (its first and last millisecond included) and just outside it. */
const first = new Date(DAY.getTime());
const midday = new Date(DAY.getTime() + 12 * H);
const last = new Date(DAY.getTime() + 24 * H - 1);
const before = new Date(DAY.getTime() - 1);
const after = new Date(DAY.getTime() + 24 * H);
const inside = (at: Date) => at >= first && at <= last;

const countOf = (counts: DimensionCount[], dimension: string) =>
  Object.fromEntries(counts.filter((c) => c.dimension === dimension).map((c) => [c.key, c.count]));

async function pageView(ctx: Ctx, at: Date, values: { user_id?: string; page_path?: string; referrer?: string | null } = {}) {
  await ctx.db.insert(ctx.t.page_views).values({ page_path: "/", created_at: at, ...values });
}
async function usage(ctx: Ctx, userId: string, at: Date, feature = "network", action = "connect") {
  await ctx.db.insert(ctx.t.feature_usage).values({ user_id: userId, feature_name: feature, action, created_at: at });
}
async function activityLog(ctx: Ctx, userId: string, at: Date) {
  await ctx.db.insert(ctx.t.user_activity_logs).values({ user_id: userId, action_type: "login", action_category: "auth", created_at: at });
}

describeEachDatabase("A day's figures", (db) => {
  it("counts every summary column over the UTC day, including its first and last millisecond and nothing outside", async () => {
    const ctx = db.ctx;
    const moments = [before, first, midday, last, after];
    const insideCount = moments.filter(inside).length; // 3 of the 5 moments

    // Members registered at each moment; each one does one kind of thing, at one moment.
    const registered = [];
    for (const at of moments) registered.push(await makeUser(ctx, { createdAt: at }));
    const [a, b, c, d, e] = registered;
    // Active by a page view (a: inside, first ms), a feature use (b: midday), an activity log
    // (c: last ms), or only outside the day (d before, e after).
    await pageView(ctx, first, { user_id: a.id, page_path: "/jobs", referrer: "https://search.example/q" });
    await usage(ctx, b.id, midday, "network", "connect");
    await activityLog(ctx, c.id, last);
    await pageView(ctx, before, { user_id: d.id });
    await usage(ctx, d.id, before);
    await activityLog(ctx, e.id, after);
    await pageView(ctx, after, { user_id: e.id });
    await usage(ctx, e.id, after);
    // Anonymous page views inside the day: counted as views, not as active members.
    await pageView(ctx, midday, { page_path: "/jobs" });
    await pageView(ctx, last, { page_path: "/about", referrer: "https://search.example/q" });
    // A session that started the day before and was last active in the day: active, not started.
    const f = await makeUser(ctx, { createdAt: before });
    await makeSession(ctx, f.id, { started_at: new Date(DAY.getTime() - 3 * H), last_activity_at: new Date(DAY.getTime() + H) });
    // Sessions started in the day, one of unknown device.
    await makeSession(ctx, a.id, { started_at: first, last_activity_at: first, device_type: "mobile", browser: "Firefox", os: "Android" });
    await makeSession(ctx, b.id, { started_at: last, last_activity_at: last });
    // A session that ended before the day: neither.
    await makeSession(ctx, d.id, { started_at: new Date(DAY.getTime() - 5 * H), last_activity_at: before });
    await makeSession(ctx, e.id, { started_at: after, last_activity_at: after });

    // Connections: accepted at each moment (updated_at), plus a pending one made in the day.
    for (const [i, at] of moments.entries()) {
      await makeConnection(ctx, registered[i].id, registered[(i + 1) % 5].id, { status: "accepted", created_at: before, updated_at: at });
    }
    await makeConnection(ctx, f.id, a.id, { status: "pending", created_at: midday, updated_at: midday });
    // Posts of both kinds, applications, skill attempts and community joins at each moment.
    const community = await makeCommunity(ctx, a.id);
    const skill = await makeSkill(ctx);
    for (const [i, at] of moments.entries()) {
      await makePost(ctx, a.id, { created_at: at });
      await makeCommunityPost(ctx, community.id, a.id, { created_at: at });
      await makeApplication(ctx, { createdAt: at });
      await ctx.db.insert(ctx.t.skill_attempts).values({ userId: a.id, skillId: skill.id, score: 1, total: 2, selectedAnswers: [1, 0], createdAt: at });
      await makeMembership(ctx, community.id, registered[i].id, { joined_at: at });
    }
    // A pending join request in the day is not a join.
    await makeMembership(ctx, community.id, f.id, { status: "pending", joined_at: midday });

    const figures = await figuresForDay(ctx, midday);
    expect(figures.summary).toEqual({
      date: DAY,
      totalUsersActive: 4, // a, b, c and f (f by its session); d and e only outside
      totalSessions: 2,
      totalPageViews: 3,
      totalActions: 1,
      newRegistrations: insideCount,
      newConnections: insideCount,
      newPosts: 2 * insideCount,
      newJobApplications: insideCount,
      newSkillAttempts: insideCount,
      newCommunityJoins: insideCount,
    });
    expect(countOf(figures.counts, "page")).toEqual({ "/jobs": 2, "/about": 1 });
    expect(countOf(figures.counts, "referrer")).toEqual({ "https://search.example/q": 2 });
    expect(countOf(figures.counts, "device")).toEqual({ mobile: 1, [UNKNOWN_KEY]: 1 });
    expect(countOf(figures.counts, "browser")).toEqual({ Firefox: 1, [UNKNOWN_KEY]: 1 });
    expect(countOf(figures.counts, "os")).toEqual({ Android: 1, [UNKNOWN_KEY]: 1 });
    expect(countOf(figures.counts, "feature")).toEqual({ network: 1 });
    expect(countOf(figures.counts, "action")).toEqual({ "network.connect": 1 });
  });

  it("keeps a dimension's top keys and adds the rest up under one other key", async () => {
    const ctx = db.ctx;
    // TOP_KEYS + 5 pages seen once, and one page seen three times so it leads.
    const rows = Array.from({ length: TOP_KEYS + 5 }, (_, i) => ({ page_path: `/p/${String(i).padStart(4, "0")}`, created_at: midday }));
    rows.push(...Array.from({ length: 3 }, () => ({ page_path: "/popular", created_at: midday })));
    for (let i = 0; i < rows.length; i += 100) await ctx.db.insert(ctx.t.page_views).values(rows.slice(i, i + 100));

    const pages = (await figuresForDay(ctx, DAY)).counts.filter((c) => c.dimension === "page");
    expect(pages).toHaveLength(TOP_KEYS + 1);
    expect(pages[0]).toEqual({ dimension: "page", key: "/popular", count: 3 });
    // Ties go by key, so the six last pages are the ones left out.
    expect(pages.at(-2)?.key).toBe(`/p/${String(TOP_KEYS - 2).padStart(4, "0")}`);
    expect(pages.at(-1)).toEqual({ dimension: "page", key: OTHER_KEY, count: 6 });
    expect(pages.reduce((sum, p) => sum + p.count, 0)).toBe(rows.length);
  });

  it("an empty day has zeros and no dimension counts", async () => {
    const figures = await figuresForDay(db.ctx, DAY);
    expect(figures.counts).toEqual([]);
    expect(Object.values(figures.summary).filter((v) => typeof v === "number" && v !== 0)).toEqual([]);
  });

  it("saving a day twice leaves one summary row, keeps its created_at and replaces the day's counts", async () => {
    const ctx = db.ctx;
    const { daily_activity_summaries: s, analytics_daily_counts: c } = ctx.t;
    const member = await makeUser(ctx, { createdAt: midday });
    await pageView(ctx, midday, { user_id: member.id, page_path: "/home" });
    // Another day's counts must survive this day's save.
    const otherDay = new Date(DAY.getTime() - 24 * H);
    await ctx.db.insert(c).values({ day: otherDay, dimension: "page", key: "/kept", count: 9 });

    await saveDayFigures(ctx, await figuresForDay(ctx, DAY));
    const [firstRow] = await ctx.db.select().from(s).where(eq(s.date, DAY));
    expect(firstRow).toMatchObject({ total_page_views: 1, total_users_active: 1, new_registrations: 1 });

    // A page view arrives late; the day is computed again (twice).
    await pageView(ctx, last, { page_path: "/jobs" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await saveDayFigures(ctx, await figuresForDay(ctx, DAY));
    await saveDayFigures(ctx, await figuresForDay(ctx, DAY));

    const rows = await ctx.db.select().from(s);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: firstRow.id, total_page_views: 2, total_users_active: 1 });
    expect(rows[0].created_at).toEqual(firstRow.created_at);
    expect(rows[0].updated_at!.getTime()).toBeGreaterThan(firstRow.updated_at!.getTime());
    const dayCounts = await ctx.db.select().from(c).where(eq(c.day, DAY));
    expect(Object.fromEntries(dayCounts.filter((r) => r.dimension === "page").map((r) => [r.key, r.count]))).toEqual({ "/home": 1, "/jobs": 1 });
    expect(await ctx.db.select().from(c).where(eq(c.day, otherDay))).toEqual([{ day: otherDay, dimension: "page", key: "/kept", count: 9 }]);
  });
});
