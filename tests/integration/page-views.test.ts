/**
 * Page views recorded on the server (issue 20, decision 049), through the real app on both
 * databases: which requests count, what is kept of them, the buffer that writes them in batches,
 * and the time beacon. Own process (vitest.config.ts): it switches ANALYTICS_PAGE_VIEWS on.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, inject, it } from "vitest";
import { PageViewBuffer, insertPageViews, type PageViewRow } from "../../app/modules/analytics/page-view-buffer.server";
import { openSqlite, sqliteCtx } from "../../db/client";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { startServerProcess, type ServerProcess } from "../support/server-process";

// tests/support/app.ts leaves recording off for the other files; the app reads it at its first request.
process.env.ANALYTICS_PAGE_VIEWS = "on";

const SAME_ORIGIN = { Origin: "http://localhost" };

/** The app's buffer (in the build's module, reached as server.ts reaches it). */
async function flushed(): Promise<void> {
  await globalThis.__ladderPageViews?.flush();
}

async function views(ctx: Ctx) {
  await flushed();
  return ctx.db.select().from(ctx.t.page_views);
}

async function viewsOf(ctx: Ctx, pagePath: string) {
  return (await views(ctx)).filter((v) => v.page_path === pagePath);
}

function beacon(browser: AppClient, fields: Record<string, string>, headers: Record<string, string> = SAME_ORIGIN) {
  const body = new URLSearchParams(fields).toString();
  return browser.request("POST", "/analytics/beacon", {
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)), ...headers },
  });
}

/** The id of the view a page request just added to the app's buffer (the page's beacon has it in the root data). */
function waitingViewId(pagePath: string): string {
  const row = [...(globalThis.__ladderPageViews?.pending ?? [])].reverse().find((r) => r.page_path === pagePath);
  if (!row) throw new Error(`no view of ${pagePath} waiting`);
  return row.id;
}

describeEachDatabase("page views", (db) => {
  afterEach(flushed);

  it("records a visitor's page with its path without the query string, its title and no session", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.get("/jobs?q=secret+words&page=2");
    expect(res.status).toBe(200);
    const [view] = await viewsOf(db.ctx, "/jobs");
    expect(view).toMatchObject({ page_path: "/jobs", user_id: null, session_id: null, referrer: null, time_on_page: null });
    expect(view.page_title).toBeTruthy();
    expect(view.page_title).not.toContain("| Ladder");
    expect(JSON.stringify(await views(db.ctx))).not.toContain("secret");
    // The file's first request imports the app's build: on a busy machine that took over 30 s.
  }, 90_000);

  it("records a member's page with their id and session, and keeps ids in the path", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    expect((await browser.get(`/u/${member.id}`)).status).toBe(200);
    const [view] = await viewsOf(db.ctx, `/u/${member.id}`);
    const [session] = await db.ctx.db.select({ id: db.ctx.t.user_sessions.id }).from(db.ctx.t.user_sessions).where(eq(db.ctx.t.user_sessions.user_id, member.id));
    expect(view).toMatchObject({ user_id: member.id, session_id: session.id });
    expect(view.page_title).toBe(member.name);
  });

  it("counts no asset, health check, data request, prefetch, bot, 404 or POST", async () => {
    const browser = await appClient(db.ctx);
    // The form token comes from a page (a view like any other): read it first, then start afresh.
    await browser.csrfToken();
    await flushed();
    await db.ctx.db.delete(db.ctx.t.page_views);
    await browser.get("/build/entry.client-ABC.js");
    await browser.get("/favicon.ico");
    expect((await browser.get("/healthz")).status).toBe(200);
    expect((await browser.get("/jobs.data")).status).toBe(200);
    expect((await browser.get("/_root.data")).status).toBe(200);
    expect((await browser.get("/premium", { "Sec-Purpose": "prefetch" })).status).toBe(200);
    expect((await browser.get("/premium", { Purpose: "prefetch" })).status).toBe(200);
    expect((await browser.get("/premium", { "X-Moz": "prefetch" })).status).toBe(200);
    expect((await browser.get("/premium", { "User-Agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" })).status).toBe(200);
    expect((await browser.get("/premium", { "User-Agent": "" })).status).toBe(200);
    expect((await browser.get("/no-such-page-here")).status).toBe(404);
    expect((await browser.post("/settings/lite", { lite: "9", redirectTo: "/" })).status).toBe(400);
    expect(await views(db.ctx)).toEqual([]);
    // The same browser, asking for the page itself, is counted.
    await browser.get("/premium");
    expect((await views(db.ctx)).map((v) => v.page_path)).toEqual(["/premium"]);
  });

  it("does not record a visitor who sends DNT or Sec-GPC, and does record a member who does", async () => {
    const visitor = await appClient(db.ctx);
    await visitor.get("/jobs", { DNT: "1" });
    await visitor.get("/premium", { "Sec-GPC": "1" });
    expect(await views(db.ctx)).toEqual([]);
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    await browser.get("/jobs", { DNT: "1", "Sec-GPC": "1" });
    expect((await views(db.ctx)).map((v) => [v.page_path, v.user_id])).toEqual([["/jobs", member.id]]);
  });

  it("keeps another site's referrer as origin and path only, and drops this site's and malformed ones", async () => {
    const browser = await appClient(db.ctx);
    await browser.get("/jobs", { Referer: "https://news.example.org/item/42?utm_source=x&q=private#top" });
    await browser.get("/premium", { Referer: "http://localhost/jobs?q=x" });
    await browser.get("/login", { Referer: "not a url" });
    await browser.get("/api-access", { Referer: `https://example.com/${"a".repeat(600)}` });
    const byPath = Object.fromEntries((await views(db.ctx)).map((v) => [v.page_path, v.referrer]));
    expect(byPath["/jobs"]).toBe("https://news.example.org/item/42");
    expect(byPath["/premium"]).toBeNull();
    expect(byPath["/login"]).toBeNull();
    expect(byPath["/api-access"]).toHaveLength(500);
  });

  it("sets the time on page once, bounded by the time since the view, in the buffer or in the table", async () => {
    const browser = await appClient(db.ctx);
    const page = await browser.get("/jobs");
    const id = waitingViewId("/jobs");
    // The page's beacon reports with the id in the root loader's data.
    expect(page.html).toContain(id);
    // Still waiting in the buffer: set there; a second beacon changes nothing.
    expect((await beacon(browser, { kind: "time", id, seconds: "99999" })).status).toBe(204);
    expect((await beacon(browser, { kind: "time", id, seconds: "1" })).status).toBe(204);
    const [view] = await viewsOf(db.ctx, "/jobs");
    expect(view.id).toBe(id);
    // Not more than the seconds since the view was recorded (plus one for clocks): not 99999.
    expect(view.time_on_page).toBeLessThanOrEqual(3);

    await browser.get("/premium");
    const laterId = waitingViewId("/premium");
    await flushed();
    // An hour ago, as far as the table knows: 6 hours at most still holds.
    await db.ctx.db.update(db.ctx.t.page_views).set({ created_at: new Date(Date.now() - 3_600_000) }).where(eq(db.ctx.t.page_views.id, laterId));
    expect((await beacon(browser, { kind: "time", id: laterId, seconds: "120" })).status).toBe(204);
    expect((await beacon(browser, { kind: "time", id: laterId, seconds: "7" })).status).toBe(204);
    expect((await viewsOf(db.ctx, "/premium"))[0].time_on_page).toBe(120);
  });

  it("refuses a beacon from another site or without an Origin, and answers 400 to junk", async () => {
    const browser = await appClient(db.ctx);
    await browser.get("/jobs");
    const id = waitingViewId("/jobs");
    expect((await beacon(browser, { kind: "time", id, seconds: "5" }, { Origin: "https://evil.example" })).status).toBe(403);
    expect((await beacon(browser, { kind: "time", id, seconds: "5" }, {})).status).toBe(403);
    for (const junk of [
      { kind: "time", id: "not-a-uuid", seconds: "5" },
      { kind: "time", id, seconds: "-5" },
      { kind: "time", id, seconds: "1e9" },
      { kind: "time", id, seconds: "" },
      { kind: "view", id, path: "https://evil.example/x", title: "x" },
      { kind: "view", id, path: "//evil.example/x", title: "x" },
      { kind: "other", id },
      {},
    ]) {
      expect((await beacon(browser, junk as Record<string, string>)).status, JSON.stringify(junk)).toBe(400);
    }
    expect((await beacon(browser, { kind: "time", id, seconds: "5", pad: "x".repeat(5000) })).status).toBe(400);
    expect((await viewsOf(db.ctx, "/jobs"))[0].time_on_page).toBeNull();
  });

  it("records a client-side navigation reported by the beacon, under the same rules as a document", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    const id = crypto.randomUUID();
    expect((await beacon(browser, { kind: "view", id, path: "/people?q=private#x", title: "People | Ladder" })).status).toBe(204);
    // The same id twice (a beacon sent again) is one view; a visitor with DNT and a bot record nothing.
    expect((await beacon(browser, { kind: "view", id, path: "/people", title: "People | Ladder" })).status).toBe(204);
    const visitor = await appClient(db.ctx);
    expect((await beacon(visitor, { kind: "view", id: crypto.randomUUID(), path: "/jobs", title: "Jobs" }, { ...SAME_ORIGIN, DNT: "1" })).status).toBe(204);
    expect((await beacon(visitor, { kind: "view", id: crypto.randomUUID(), path: "/jobs", title: "Jobs" }, { ...SAME_ORIGIN, "User-Agent": "curl/8.0" })).status).toBe(204);
    const rows = await views(db.ctx);
    expect(rows.map((v) => [v.id, v.page_path, v.page_title, v.user_id])).toEqual([[id, "/people", "People", member.id]]);
    // Another browser cannot set the time of this member's view.
    expect((await beacon(visitor, { kind: "time", id, seconds: "1" })).status).toBe(204);
    expect((await views(db.ctx))[0].time_on_page).toBeNull();
  });
});

describeEachDatabase("the page view buffer", (db) => {
  const row = (n: number): PageViewRow => ({
    id: crypto.randomUUID(),
    user_id: null,
    session_id: null,
    page_path: `/buffer-test/${n}`,
    page_title: null,
    referrer: null,
    time_on_page: null,
    created_at: new Date(),
  });
  const count = async () => (await db.ctx.db.select({ id: db.ctx.t.page_views.id }).from(db.ctx.t.page_views)).length;

  it("writes a batch as soon as 200 views wait", async () => {
    const buffer = new PageViewBuffer({ write: (rows) => insertPageViews(db.ctx, rows), intervalMs: 60_000 });
    for (let n = 0; n < 199; n++) buffer.add(row(n));
    await buffer.settled();
    expect(await count()).toBe(0);
    buffer.add(row(199));
    await buffer.settled();
    expect(await count()).toBe(200);
    expect(buffer.counters).toEqual({ written: 200, dropped: 0, lost: 0 });
  });

  it("writes fewer views a second after the first came", async () => {
    const buffer = new PageViewBuffer({ write: (rows) => insertPageViews(db.ctx, rows) });
    buffer.add(row(1));
    buffer.add(row(2));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 900));
    await buffer.settled();
    expect(await count()).toBe(2);
  });

  it("drops and counts views past its capacity, and counts a failed batch as lost without throwing", async () => {
    let fail = true;
    const logged: string[] = [];
    const buffer = new PageViewBuffer({
      write: (rows) => (fail ? Promise.reject(new Error("database down")) : insertPageViews(db.ctx, rows)),
      capacity: 3,
      intervalMs: 60_000,
      log: (message) => logged.push(message),
    });
    expect([1, 2, 3, 4, 5].map((n) => buffer.add(row(n)))).toEqual([true, true, true, false, false]);
    expect(buffer.counters.dropped).toBe(2);
    await buffer.flush();
    expect(buffer.counters).toEqual({ written: 0, dropped: 2, lost: 3 });
    expect(logged[0]).toContain("database down");
    fail = false;
    buffer.add(row(6));
    await buffer.flush();
    expect(await count()).toBe(1);
    expect(buffer.counters).toEqual({ written: 1, dropped: 2, lost: 3 });
  });
});

describe("a server stopping", { timeout: 90_000 }, () => {
  let server: ServerProcess | undefined;
  const file = path.join(os.tmpdir(), `ladder-page-views-${process.pid}-${Date.now()}.db`);
  afterEach(async () => {
    server?.kill();
    await server?.exited;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });

  it("writes the views still waiting in its buffer before it closes the database", async () => {
    fs.copyFileSync(inject("sqliteTemplatePath"), file);
    const seeded = openSqlite(file);
    await createMember(sqliteCtx(seeded));
    seeded.close();
    server = await startServerProcess({ DATABASE_URL: `file:${file}` });
    const res = await server.request("GET", "/jobs?x=1", { headers: { "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0" } });
    expect(res.status, server.output()).toBe(200);
    // Well within the buffer's second: only the shutdown can have written it.
    process.kill(server.pid, "SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const sqlite = openSqlite(file);
    const rows = await sqliteCtx(sqlite).db.select().from(sqliteCtx(sqlite).t.page_views);
    sqlite.close();
    expect(rows.map((r) => r.page_path)).toEqual(["/jobs"]);
  });
});
