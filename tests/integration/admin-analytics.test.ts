/**
 * The analytics dashboard through the real app (issue 20, items 4 and 7): tiles and tables equal
 * what this test computes from the summary rows it writes, the previous period, today read from
 * raw rows (and past raw rows never read), the funnel, CSV content and headers, bad periods, roles.
 */
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeApplication, makeConnection, makeUser } from "../support/factories";

const DAY = 86_400_000;
const today = () => new Date(Math.floor(Date.now() / DAY) * DAY);
const dayAgo = (n: number) => new Date(today().getTime() - n * DAY);
const iso = (d: Date) => d.toISOString().slice(0, 10);

type Figures = { active: number; sessions: number; views: number; signups: number; connections: number; posts: number; applications: number; skills: number; joins: number; actions: number };

async function summary(ctx: Ctx, day: Date, f: Figures) {
  await ctx.db.insert(ctx.t.daily_activity_summaries).values({
    date: day,
    total_users_active: f.active,
    total_sessions: f.sessions,
    total_page_views: f.views,
    total_actions: f.actions,
    new_registrations: f.signups,
    new_connections: f.connections,
    new_posts: f.posts,
    new_job_applications: f.applications,
    new_skill_attempts: f.skills,
    new_community_joins: f.joins,
  });
}

async function counts(ctx: Ctx, day: Date, dimension: string, entries: Record<string, number>) {
  await ctx.db.insert(ctx.t.analytics_daily_counts).values(Object.entries(entries).map(([key, count]) => ({ day, dimension, key, count })));
}

/** Figures for day `i`, different every day so a wrong day or a missed day changes a sum. */
const figuresFor = (i: number): Figures => ({ active: 10 + i, sessions: 20 + 2 * i, views: 100 + 7 * i, signups: i % 3, connections: i % 4, posts: 1 + (i % 2), applications: i % 5, skills: 2, joins: i % 2, actions: 30 + i });

async function admin(ctx: Ctx): Promise<AppClient> {
  const member = await createMember(ctx, { role: "admin" });
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

/** The text of one tile: its label, value, change and previous value. */
function tile(html: string, key: string): string {
  const match = new RegExp(`data-tile="${key}">([\\s\\S]*?)</li>`).exec(html);
  if (!match) throw new Error(`no tile ${key}`);
  return textOf(match[1]);
}

/** A ranked table's rows, as [key, count] text pairs. */
function ranked(html: string, table: string): [string, string][] {
  const section = new RegExp(`id="ranked-${table}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? "";
  return [...section.matchAll(/<tr><td[^>]*><bdi[^>]*>([^<]*)<\/bdi>[\s\S]*?<td[^>]*>([^<]*)<\/td><\/tr>/g)].map((m) => [m[1], m[2]]);
}

const csvRows = (body: string) =>
  body
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");

describeEachDatabase("admin analytics dashboard", (db) => {
  it("shows a past period's tiles as the sums of its summary rows, against the period of the same length before it", async () => {
    const browser = await admin(db.ctx);
    // The period: 10 days ending 11 days ago; the previous: the 10 days before. Day 25 is outside both.
    for (let ago = 11; ago <= 30; ago++) if (ago !== 15) await summary(db.ctx, dayAgo(ago), figuresFor(ago));
    await summary(db.ctx, dayAgo(40), figuresFor(99));
    const current = [11, 12, 13, 14, 16, 17, 18, 19, 20].map(figuresFor); // day 15 has no row: zeros
    const previous = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30].map(figuresFor);
    const sum = (list: Figures[], k: keyof Figures) => list.reduce((a, f) => a + f[k], 0);

    const res = await browser.get(`/admin/analytics?from=${iso(dayAgo(20))}&to=${iso(dayAgo(11))}`);
    expect(res.status).toBe(200);
    const views = sum(current, "views");
    const previousViews = sum(previous, "views");
    const change = Math.round(((views - previousViews) / previousViews) * 100);
    expect(tile(res.html, "pageViews")).toBe(`Page views ${views.toLocaleString("en-GB")} ${change > 0 ? "+" : ""}${change}% was ${previousViews.toLocaleString("en-GB")}`);
    expect(tile(res.html, "sessions")).toContain(`Sessions ${sum(current, "sessions")} `);
    expect(tile(res.html, "signups")).toContain(`Sign-ups ${sum(current, "signups")} `);
    expect(tile(res.html, "applications")).toContain(`Applications ${sum(current, "applications")} `);
    // Active members: the average over the period's 10 days (the day without a row counts as 0).
    const average = Math.round((sum(current, "active") / 10) * 10) / 10;
    expect(tile(res.html, "activeMembers")).toContain(`Active members (daily average) ${average} `);
    expect(tile(res.html, "activeMembers")).toContain(`was ${sum(previous, "active") / 10}`);
    // Skill attempts: 2 a day in both periods, but day 15 is missing now.
    expect(tile(res.html, "skillAttempts")).toBe("Skill attempts 18 -10% was 20");
    // The page-views chart has the period's 10 days in its table, and paths.
    const chart = /id="chart-pageViews-title"[\s\S]*?<\/figure>/.exec(res.html)?.[0] ?? "";
    expect(chart).toMatch(/<path d="M[\d.,LMZ]+"/);
    expect((chart.match(/<tr><td>/g) ?? []).length).toBe(10);
    expect(textOf(res.html)).not.toContain("Today’s figures are live");
  });

  it("says a tile is new when the previous period had none, and says so when a period has no data at all", async () => {
    const browser = await admin(db.ctx);
    await summary(db.ctx, dayAgo(12), { ...figuresFor(0), posts: 4 });
    const res = await browser.get(`/admin/analytics?from=${iso(dayAgo(14))}&to=${iso(dayAgo(10))}`);
    expect(tile(res.html, "posts")).toBe("Posts 4 new was 0");
    expect(tile(res.html, "communityJoins")).toBe("Community joins 0 none was 0");
    const empty = await browser.get(`/admin/analytics?from=${iso(dayAgo(300))}&to=${iso(dayAgo(290))}`);
    expect(empty.status).toBe(200);
    expect(textOf(empty.html)).toContain("Nothing was recorded in this period: no visits, sign-ups or actions.");
    expect(empty.html).not.toContain('id="chart-pageViews-title"');
  });

  it("ranks pages, referrers and features over the period's days only, and exports each ranked table as CSV", async () => {
    const browser = await admin(db.ctx);
    await counts(db.ctx, dayAgo(5), "page", { "/jobs": 40, "/": 30, "/feed": 5 });
    await counts(db.ctx, dayAgo(4), "page", { "/jobs": 1, "/": 20, "/network": 12 });
    await counts(db.ctx, dayAgo(9), "page", { "/feed": 500 }); // before the period
    await counts(db.ctx, dayAgo(4), "referrer", { "https://www.google.com/": 7, "=HYPERLINK(\"http://evil.test\")": 3 });
    await counts(db.ctx, dayAgo(5), "feature", { coach: 9, jobs: 4 });
    await counts(db.ctx, dayAgo(5), "device", { mobile: 6, desktop: 2 });
    const query = `from=${iso(dayAgo(6))}&to=${iso(dayAgo(3))}`;
    const res = await browser.get(`/admin/analytics?${query}`);
    expect(res.status).toBe(200);
    expect(ranked(res.html, "pages")).toEqual([["/", "50"], ["/jobs", "41"], ["/network", "12"], ["/feed", "5"]]);
    expect(ranked(res.html, "features")).toEqual([["coach", "9"], ["jobs", "4"]]);
    expect(ranked(res.html, "devices")).toEqual([["mobile", "6"], ["desktop", "2"]]);
    expect(ranked(res.html, "browsers")).toEqual([]);
    expect(res.html).toContain(`href="/admin/analytics/export/pages.csv?${query.replace("&", "&amp;")}"`);

    const csv = await browser.get(`/admin/analytics/export/pages.csv?${query}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="ladder-analytics-pages-${iso(dayAgo(6))}-${iso(dayAgo(3))}.csv"`);
    expect(csvRows(csv.html)).toEqual(["Page,Views", "/,50", "/jobs,41", "/network,12", "/feed,5"]);
    // A referrer a visitor's site chose cannot run as a spreadsheet formula.
    const referrers = await browser.get(`/admin/analytics/export/referrers.csv?${query}`);
    expect(csvRows(referrers.html)).toEqual(["Referrer,Visits", "https://www.google.com/,7", `"'=HYPERLINK(""http://evil.test"")",3`]);
  });

  it("exports the daily figures, the tiles and the funnel for the period", async () => {
    const browser = await admin(db.ctx);
    await summary(db.ctx, dayAgo(3), figuresFor(3));
    await summary(db.ctx, dayAgo(5), figuresFor(5));
    const query = `from=${iso(dayAgo(4))}&to=${iso(dayAgo(3))}`;
    const daily = await browser.get(`/admin/analytics/export/daily.csv?${query}`);
    expect(csvRows(daily.html)).toEqual([
      "Day,Page views,Active members,Sessions,Sign-ups,Connections,Posts,Applications,Skill attempts,Community joins,Actions",
      `${iso(dayAgo(4))},0,0,0,0,0,0,0,0,0,0`,
      `${iso(dayAgo(3))},121,13,26,0,3,2,3,2,1,33`,
    ]);
    const tiles = csvRows((await browser.get(`/admin/analytics/export/tiles.csv?${query}`)).html);
    expect(tiles[0]).toBe("Figure,This period,Previous period");
    // The previous 2 days: day 6 has no row, day 5 has 135 page views.
    expect(tiles).toContain("Page views,121,135");
    const funnel = csvRows((await browser.get(`/admin/analytics/export/funnel.csv?${query}`)).html);
    expect(funnel).toEqual(["Step,Members", "Signed up,0", "Completed their profile,0", "Made a first connection,0", "Sent a first application,0"]);
  });

  it("counts the funnel over the period's sign-ups only: completed profiles, accepted connections, applications", async () => {
    const browser = await admin(db.ctx);
    const inPeriod = dayAgo(5);
    const complete = await makeUser(db.ctx, { createdAt: inPeriod, headline: "Data analyst", professional_skills: ["SQL"] });
    const headlineOnly = await makeUser(db.ctx, { createdAt: inPeriod, headline: "Engineer", professional_skills: [] });
    const connected = await makeUser(db.ctx, { createdAt: inPeriod, experience: [{ title: "Intern", company: "Acme" }] as never });
    const pending = await makeUser(db.ctx, { createdAt: inPeriod });
    const older = await makeUser(db.ctx, { createdAt: dayAgo(60), headline: "Old", professional_skills: ["Go"] });
    await makeConnection(db.ctx, older.id, connected.id, { status: "accepted" });
    await makeConnection(db.ctx, pending.id, older.id, { status: "pending" });
    const application = await makeApplication(db.ctx);
    await db.ctx.db.insert(db.ctx.t.job_applicants).values({ application_id: application.id, user_id: complete.id, feed: "general", job_id: "j1" });
    const other = await makeApplication(db.ctx);
    await db.ctx.db.insert(db.ctx.t.job_applicants).values({ application_id: other.id, user_id: older.id, feed: "general", job_id: "j2" });
    void headlineOnly;
    const query = `from=${iso(dayAgo(6))}&to=${iso(dayAgo(4))}`;
    const funnel = csvRows((await browser.get(`/admin/analytics/export/funnel.csv?${query}`)).html);
    expect(funnel).toEqual(["Step,Members", "Signed up,4", "Completed their profile,1", "Made a first connection,1", "Sent a first application,1"]);
    const page = textOf((await browser.get(`/admin/analytics?${query}`)).html);
    expect(page).toContain("Signed up 4 100%");
    expect(page).toContain("Completed their profile 1 25%");
  });

  it("reads today from raw rows and past days only from summaries", async () => {
    const browser = await admin(db.ctx);
    const visitor = await createMember(db.ctx);
    await summary(db.ctx, dayAgo(1), { ...figuresFor(1), views: 40 });
    // A summary row for today (a job that ran early) is not read: today is live.
    await summary(db.ctx, today(), { ...figuresFor(0), views: 9_999 });
    // Raw rows of yesterday are not read either: yesterday is its summary.
    const pv = db.ctx.t.page_views;
    await db.ctx.db.insert(pv).values({ user_id: visitor.id, page_path: "/old", created_at: new Date(dayAgo(1).getTime() + 3_600_000) });
    const now = Date.now();
    await db.ctx.db.insert(pv).values([
      { user_id: visitor.id, page_path: "/jobs", created_at: new Date(now - 1000) },
      { user_id: visitor.id, page_path: "/jobs", created_at: new Date(now - 2000) },
      { user_id: null, page_path: "/feed", created_at: new Date(now - 3000) },
    ]);
    await counts(db.ctx, dayAgo(1), "page", { "/feed": 1 });
    const res = await browser.get("/admin/analytics?days=7");
    expect(res.status).toBe(200);
    expect(tile(res.html, "pageViews")).toMatch(/^Page views 43 /);
    expect(ranked(res.html, "pages")).toEqual([["/feed", "2"], ["/jobs", "2"]]);
    expect(textOf(res.html)).toContain("Today’s figures are live");

    const overview = await browser.get("/admin");
    expect(textOf(overview.html)).toContain("Today so far: 3 page views,");
    expect(overview.html).toContain('href="/admin/analytics"');
  });

  it("answers a bad custom period with 400, each message next to its field and the typed dates back", async () => {
    const browser = await admin(db.ctx);
    const res = await browser.get("/admin/analytics?from=2026-02-30&to=2099-01-01");
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="from-error"[^>]*>Enter a real date, like 2026-11-30\.</);
    expect(res.html).toMatch(/id="to-error"[^>]*>This day has not come yet\. Choose today or an earlier day\.</);
    expect(res.html).toMatch(/name="from"[^>]*value="2026-02-30"|value="2026-02-30"[^>]*name="from"/);
    expect(res.html).not.toContain('data-tile="pageViews"');
    const reversed = await browser.get(`/admin/analytics?from=${iso(dayAgo(2))}&to=${iso(dayAgo(5))}`);
    expect(reversed.status).toBe(400);
    expect(textOf(reversed.html)).toContain("The last day must be on or after the first day.");
    const long = await browser.get(`/admin/analytics?from=${iso(dayAgo(400))}&to=${iso(dayAgo(1))}`);
    expect(textOf(long.html)).toContain("A period can be at most 366 days long.");
    expect((await browser.get("/admin/analytics?days=14")).status).toBe(400);
    const csv = await browser.get("/admin/analytics/export/pages.csv?from=nope&to=2026-01-01");
    expect(csv.status).toBe(400);
    expect(csv.html).toBe("Enter a real date, like 2026-11-30.");
    expect((await browser.get("/admin/analytics/export/passwords.csv")).status).toBe(404);
  });

  it("sends visitors to sign in and answers 403 to members, on the page and every export", async () => {
    const member = await createMember(db.ctx, { role: "moderator" });
    const browser = await appClient(db.ctx);
    const paths = ["/admin/analytics", "/admin/analytics/export/tiles.csv", "/admin/analytics/export/pages.csv?days=7"];
    for (const path of paths) expect((await browser.get(path)).status, path).toBe(302);
    await browser.signIn(member);
    for (const path of paths) expect((await browser.get(path)).status, path).toBe(403);
  });
});
