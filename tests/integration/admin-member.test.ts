/**
 * The member view for admins, /admin/users/<id> (issue 20, item 5), through the real app: one
 * member's sessions, activity, feature usage and page views and never another member's, no
 * secret or IP address in the page, keyset pages, 404 and 403.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import type { UserRole } from "../../db/enums";
import { PAGE_SIZES } from "../../app/modules/admin/member-view.server";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";

const DAY = 24 * 60 * 60 * 1000;

async function signedInAs(ctx: Ctx, role: UserRole) {
  const member = await createMember(ctx, { role });
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return { member, browser };
}

/** One of each kind of row for `userId`, every value marked with `stamp` so the page can be searched for it. */
async function recordsOf(ctx: Ctx, userId: string, stamp: string, at = new Date(Date.now() - 60_000)) {
  const { user_sessions, user_activity_logs, feature_usage, page_views } = ctx.t;
  const tokenHash = `tokenhash${stamp}`.padEnd(64, "0");
  const ip = `203.0.113.${stamp.length % 250}`;
  const [session] = await ctx.db
    .insert(user_sessions)
    .values({
      user_id: userId,
      session_token: tokenHash,
      ip_address: ip,
      user_agent: `Agent${stamp}/1.0`,
      device_type: "mobile",
      browser: `Browser${stamp}`,
      os: `System${stamp}`,
      started_at: at,
      last_activity_at: at,
      is_active: true,
    })
    .returning({ id: user_sessions.id });
  await ctx.db.insert(user_activity_logs).values({
    user_id: userId,
    action_type: `action_${stamp}`,
    action_category: `cat_${stamp}`,
    metadata: { secret: `metadata${stamp}` },
    ip_address: ip,
    user_agent: `Agent${stamp}/1.0`,
    session_id: session.id,
    created_at: at,
  });
  await ctx.db.insert(feature_usage).values({ user_id: userId, feature_name: `feature_${stamp}`, action: `act_${stamp}`, metadata: { secret: `usage${stamp}` }, created_at: at });
  await ctx.db.insert(page_views).values({ user_id: userId, session_id: session.id, page_path: `/path-${stamp}`, page_title: `Title ${stamp}`, time_on_page: 75, created_at: at });
  return { tokenHash, ip };
}

/** The href of the link whose text is `label`, or null. */
function linkHref(html: string, label: string): string | null {
  for (const match of html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]*)<\/a>/g)) {
    if (match[2] === label) return match[1].replace(/&amp;/g, "&");
  }
  return null;
}

/** Follows `label` links from `first`, collecting what `pick` finds on each page. */
async function walk(browser: AppClient, first: string, label: string, pick: (html: string) => string[]) {
  const pages: string[][] = [];
  let path: string | null = first;
  while (path) {
    const page = await browser.get(path);
    expect(page.status, path).toBe(200);
    pages.push(pick(page.html));
    path = linkHref(page.html, label);
    expect(pages.length).toBeLessThan(10);
  }
  return pages;
}

describeEachDatabase("admin member view", (db) => {
  it("shows an admin one member's sessions, activity, feature usage and page views, and none of another member's", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx, { name: "Salma Target" });
    const other = await createMember(db.ctx, { name: "Omar Other" });
    await recordsOf(db.ctx, target.id, "mine");
    await recordsOf(db.ctx, other.id, "theirs");

    const res = await browser.get(`/admin/users/${target.id}`);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain("Salma Target");
    expect(text).toContain(target.email);
    expect(text).toContain("Member");
    expect(text).toContain("Browsermine on Systemmine · Phone");
    expect(text).toContain("Active");
    expect(text).toContain("action_mine");
    expect(text).toContain("Category: cat_mine");
    expect(text).toContain("feature_mine act_mine 1");
    expect(text).toContain("Title mine · /path-mine");
    expect(text).toContain("1 min 15 s on the page");
    expect(res.html).toContain(`href="/u/${target.id}"`);
    expect(res.html).toContain(`href="/admin/users/${target.id}/role"`);
    // The member's newest session is their last sign-in.
    expect(text).not.toContain("Last sign-in None kept");
    expect(res.html).not.toContain("theirs");
    expect(res.html).not.toContain(other.id);
  });

  it("never puts a password hash, a session token hash, an IP address, a user agent or logged metadata in the page", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    const { tokenHash, ip } = await recordsOf(db.ctx, target.id, "secretive");
    const { User } = db.ctx.t;
    const [row] = await db.ctx.db.select({ password: User.password }).from(User).where(eq(User.id, target.id));
    expect(row.password).toBeTruthy();

    // With scripts (the loader's data is in the page) and in lite mode.
    for (const headers of [{}, { "Save-Data": "on" }] as Record<string, string>[]) {
      const res = await browser.get(`/admin/users/${target.id}`, headers);
      expect(res.status).toBe(200);
      expect(res.html).toContain("Browsersecretive");
      expect(res.html).not.toContain(row.password!);
      expect(res.html).not.toContain(tokenHash);
      expect(res.html).not.toContain(ip);
      expect(res.html).not.toContain("Agentsecretive");
      expect(res.html).not.toContain("metadatasecretive");
      expect(res.html).not.toContain("usagesecretive");
    }
  });

  it("shows each list's empty state, and no last sign-in, for a member with no records", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx, { name: "Quiet Member" });
    const res = await browser.get(`/admin/users/${target.id}`);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain("Last sign-in None kept");
    expect(text).toContain("No sessions are kept for this member.");
    expect(text).toContain("No activity is logged for this member.");
    expect(text).toContain("No feature used in the last 30 days.");
    expect(text).toContain("No feature usage is recorded for this member.");
    expect(text).toContain("No page views are recorded for this member.");
    for (const label of ["Older sessions", "Older activity", "Older usage", "Older page views"]) expect(linkHref(res.html, label), label).toBeNull();
  });

  it("counts feature usage over the last 30 days only, most used first", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    const f = db.ctx.t.feature_usage;
    const now = Date.now();
    const rows = [
      ...Array.from({ length: 3 }, (_, i) => ({ feature_name: "coach", action: "send", created_at: new Date(now - (i + 1) * DAY) })),
      { feature_name: "skills", action: "start", created_at: new Date(now - 2 * DAY) },
      // Older than 30 days: listed among the recent rows' older pages, not counted.
      { feature_name: "jobs", action: "apply", created_at: new Date(now - 31 * DAY) },
    ];
    await db.ctx.db.insert(f).values(rows.map((r) => ({ ...r, user_id: target.id })));
    const text = textOf((await browser.get(`/admin/users/${target.id}`)).html);
    expect(text).toContain("Last 30 days Feature Action Times coach send 3 skills start 1 Most recent");
    expect(text).not.toContain("jobs apply 1");
    expect(text).toContain("jobs · apply");
  });

  it("pages sessions, activity and page views by keyset, newest first, each row once, keeping the other lists in place", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    const { user_sessions, user_activity_logs, page_views } = db.ctx.t;
    const base = Date.now() - 10 * DAY;
    // Three rows share each time: the id breaks the tie.
    const sessions = 2 * PAGE_SIZES.sessions + 3;
    await db.ctx.db.insert(user_sessions).values(
      Array.from({ length: sessions }, (_, i) => ({
        user_id: target.id,
        session_token: `keyset-${i}-${target.id}`,
        browser: `Br${String(i).padStart(2, "0")}`,
        os: "Linux",
        started_at: new Date(base + Math.floor(i / 3) * 60_000),
        last_activity_at: new Date(base + Math.floor(i / 3) * 60_000),
        ended_at: new Date(base + Math.floor(i / 3) * 60_000 + 1000),
        is_active: false,
      })),
    );
    const logs = 2 * PAGE_SIZES.activity + 1;
    await db.ctx.db.insert(user_activity_logs).values(
      Array.from({ length: logs }, (_, i) => ({ user_id: target.id, action_type: `act${String(i).padStart(2, "0")}`, action_category: "auth", created_at: new Date(base + Math.floor(i / 3) * 1000) })),
    );
    const views = PAGE_SIZES.views + 5;
    await db.ctx.db.insert(page_views).values(
      Array.from({ length: views }, (_, i) => ({ user_id: target.id, page_path: `/pv${String(i).padStart(2, "0")}`, created_at: new Date(base + Math.floor(i / 3) * 1000) })),
    );

    const first = `/admin/users/${target.id}`;
    const sessionPages = await walk(browser, first, "Older sessions", (html) => [...textOf(html).matchAll(/\bBr(\d\d) on Linux/g)].map((m) => m[1]));
    expect(sessionPages.map((p) => p.length)).toEqual([PAGE_SIZES.sessions, PAGE_SIZES.sessions, 3]);
    const seenSessions = sessionPages.flat().map(Number);
    expect(new Set(seenSessions).size).toBe(sessions);
    // Newest first: the minute groups never go up.
    const minutes = seenSessions.map((i) => Math.floor(i / 3));
    expect(minutes).toEqual([...minutes].sort((a, b) => b - a));

    const activityPages = await walk(browser, first, "Older activity", (html) => [...textOf(html).matchAll(/\bact(\d\d)\b/g)].map((m) => m[1]));
    expect(activityPages.map((p) => p.length)).toEqual([PAGE_SIZES.activity, PAGE_SIZES.activity, 1]);
    expect(new Set(activityPages.flat()).size).toBe(logs);

    const viewPages = await walk(browser, first, "Older page views", (html) => [...textOf(html).matchAll(/\/pv(\d\d)\b/g)].map((m) => m[1]));
    expect(viewPages.map((p) => p.length)).toEqual([PAGE_SIZES.views, 5]);
    expect(new Set(viewPages.flat()).size).toBe(views);

    // Paging activity keeps the sessions' page: both cursors are in the next link.
    const secondSessions = linkHref((await browser.get(first)).html, "Older sessions")!;
    const page = await browser.get(secondSessions);
    const olderActivity = linkHref(page.html, "Older activity")!;
    expect(new URL(olderActivity, "http://x").searchParams.get("sessions")).toBe(new URL(secondSessions, "http://x").searchParams.get("sessions"));
    const both = await browser.get(olderActivity);
    expect(textOf(both.html)).toContain("Newest sessions");
    expect(textOf(both.html)).toContain("Newest activity");
  });

  it("answers 400 to a changed cursor, and a cursor of one list is refused by another", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx);
    await db.ctx.db.insert(db.ctx.t.user_sessions).values(
      Array.from({ length: PAGE_SIZES.sessions + 1 }, (_, i) => ({ user_id: target.id, session_token: `c-${i}-${target.id}`, started_at: new Date(Date.now() - i * 1000) })),
    );
    const older = linkHref((await browser.get(`/admin/users/${target.id}`)).html, "Older sessions")!;
    const cursor = new URL(older, "http://x").searchParams.get("sessions")!;
    for (const query of [`sessions=${cursor}x`, `activity=${cursor}`, "views=nonsense"]) {
      const res = await browser.get(`/admin/users/${target.id}?${query}`);
      expect(res.status, query).toBe(400);
      expect(textOf(res.html)).toContain("This page link is broken or was changed.");
    }
  });

  it("answers 404 with a way back for an unknown or malformed id", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id", "1%27%20or%201=1"]) {
      const res = await browser.get(`/admin/users/${id}`);
      expect(res.status, id).toBe(404);
      expect(textOf(res.html)).toContain("There is no member with this id.");
      expect(res.html).toContain('href="/admin/users"');
    }
  });

  it("sends visitors to sign in and answers 403 to every role but admin", async () => {
    const target = await createMember(db.ctx);
    await recordsOf(db.ctx, target.id, "Zq7Hidden");
    const path = `/admin/users/${target.id}`;
    const visitor = await appClient(db.ctx);
    const res = await visitor.get(path);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);
    for (const role of ["user", "recruiter", "career_team", "moderator"] as const) {
      const { browser } = await signedInAs(db.ctx, role);
      const page = await browser.get(path);
      expect(page.status, role).toBe(403);
      expect(page.html).not.toContain("Zq7Hidden");
    }
    // Not even the member themselves: this is the admins' view.
    const own = await appClient(db.ctx);
    await own.signIn(target);
    expect((await own.get(path)).status).toBe(403);
  });

  it("links each member's name on the members list to their member view", async () => {
    const { browser } = await signedInAs(db.ctx, "admin");
    const target = await createMember(db.ctx, { name: "Linked Member" });
    const list = await browser.get("/admin/users?q=linked");
    expect(list.html).toMatch(new RegExp(`<a [^>]*href="/admin/users/${target.id}"[^>]*>Linked Member</a>`));
  });
});
