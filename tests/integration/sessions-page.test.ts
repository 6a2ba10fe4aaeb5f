/** /settings/sessions through the real app, on both databases (ASVS 7.5.2). */
import { gzipSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { hashToken, newToken } from "../../app/modules/accounts/sessions.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
const WINDOWS_FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0";
const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";

/** A browser on its own address, signed in through the real sign-in form with its own User-Agent. */
async function signedInBrowser(ctx: Ctx, member: Member, ip: string, userAgent: string): Promise<{ browser: AppClient; sessionId: string }> {
  const browser = await appClient(ctx, { ip });
  const res = await browser.post("/login", { email: member.email, password: member.password, redirectTo: "/" }, { headers: { "User-Agent": userAgent } });
  expect(res.status, textOf(res.html).slice(0, 200)).toBe(302);
  const s = ctx.t.user_sessions;
  const [row] = await ctx.db
    .select({ id: s.id })
    .from(s)
    .where(and(eq(s.user_id, member.id), eq(s.ip_address, ip), eq(s.is_active, true)));
  return { browser, sessionId: row.id };
}

async function isActive(ctx: Ctx, sessionId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ active: ctx.t.user_sessions.is_active }).from(ctx.t.user_sessions).where(eq(ctx.t.user_sessions.id, sessionId));
  return row.active === true;
}

async function signedOut(browser: AppClient): Promise<boolean> {
  const res = await browser.get("/settings/sessions");
  return res.status === 302 && /^\/login\?/.test(res.location ?? "");
}

describeEachDatabase("the sessions page", (db) => {
  it("lists only the member's own active sessions, with device, browser and system read from the User-Agent", async () => {
    const member = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    const phone = await signedInBrowser(db.ctx, member, "203.0.113.11", IPHONE_SAFARI);
    const laptop = await signedInBrowser(db.ctx, member, "203.0.113.22", WINDOWS_FIREFOX);
    const theirs = await signedInBrowser(db.ctx, stranger, "198.51.100.99", ANDROID_CHROME);
    const ended = await signedInBrowser(db.ctx, member, "203.0.113.33", ANDROID_CHROME);
    await db.ctx.db.update(db.ctx.t.user_sessions).set({ is_active: false }).where(eq(db.ctx.t.user_sessions.id, ended.sessionId));

    const page = await phone.browser.get("/settings/sessions");
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Safari on iOS");
    expect(text).toContain("Phone");
    expect(text).toContain("Firefox on Windows");
    expect(text).toContain("Computer");
    expect(text).toContain("203.0.113.11");
    expect(text).toContain("203.0.113.22");
    expect(text).toContain("Times are in UTC");
    expect(text).toMatch(/Last active \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/);
    // The stranger's session and the ended one are not listed.
    expect(page.html).not.toContain("198.51.100.99");
    expect(page.html).not.toContain(theirs.sessionId);
    expect(page.html).not.toContain("203.0.113.33");
    expect(page.html).not.toContain("Chrome on Android");
    // This device is marked once, on the phone's entry, which offers no end button.
    expect(text.match(/This device/g)).toHaveLength(1);
    expect(text).toMatch(/Safari on iOS This device/);
    expect(page.html).toContain(`name="sessionId" value="${laptop.sessionId}"`);
    expect(page.html).not.toContain(`name="sessionId" value="${phone.sessionId}"`);
    expect(text).toContain("End all other sessions");
  });

  it("ends another session of the member: that browser's cookie is refused afterwards, and the event is logged", async () => {
    const member = await createMember(db.ctx);
    const first = await signedInBrowser(db.ctx, member, "203.0.113.1", WINDOWS_FIREFOX);
    const second = await signedInBrowser(db.ctx, member, "203.0.113.2", ANDROID_CHROME);
    expect(await signedOut(second.browser)).toBe(false);

    const res = await first.browser.post("/settings/sessions", { intent: "end", sessionId: second.sessionId });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings/sessions");
    const after = await first.browser.get("/settings/sessions");
    expect(after.status).toBe(200);
    expect(textOf(after.html)).toContain("The session is ended: that device is signed out.");
    expect(after.html).not.toContain(second.sessionId);
    expect(await isActive(db.ctx, second.sessionId)).toBe(false);
    expect(await signedOut(second.browser)).toBe(true);

    const logs = await db.ctx.db
      .select()
      .from(db.ctx.t.user_activity_logs)
      .where(and(eq(db.ctx.t.user_activity_logs.user_id, member.id), eq(db.ctx.t.user_activity_logs.action_type, "sessions_ended")));
    expect(logs).toHaveLength(1);
    expect(logs[0].metadata).toEqual({ count: 1, scope: "one" });
    expect(logs[0].session_id).toBe(first.sessionId);
  });

  it("ends all other sessions and keeps the one in use", async () => {
    const member = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    const current = await signedInBrowser(db.ctx, member, "203.0.113.1", WINDOWS_FIREFOX);
    const b = await signedInBrowser(db.ctx, member, "203.0.113.2", ANDROID_CHROME);
    const c = await signedInBrowser(db.ctx, member, "203.0.113.3", IPHONE_SAFARI);
    const theirs = await signedInBrowser(db.ctx, stranger, "198.51.100.4", ANDROID_CHROME);

    const res = await current.browser.post("/settings/sessions", { intent: "end-others" });
    expect(res.status).toBe(302);
    const page = await current.browser.get("/settings/sessions");
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Ended 2 other sessions");
    expect(textOf(page.html)).toContain("You are signed in on this device only.");
    expect(await signedOut(b.browser)).toBe(true);
    expect(await signedOut(c.browser)).toBe(true);
    expect(await signedOut(theirs.browser)).toBe(false);
  });

  it("ends nothing when the form names another member's session, and answers 400", async () => {
    const member = await createMember(db.ctx);
    const stranger = await createMember(db.ctx);
    const mine = await signedInBrowser(db.ctx, member, "203.0.113.1", WINDOWS_FIREFOX);
    const theirs = await signedInBrowser(db.ctx, stranger, "198.51.100.2", ANDROID_CHROME);

    const res = await mine.browser.post("/settings/sessions", { intent: "end", sessionId: theirs.sessionId });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("That session has already ended, or it is not one of yours.");
    expect(await isActive(db.ctx, theirs.sessionId)).toBe(true);
    expect(await signedOut(theirs.browser)).toBe(false);

    // "All others" of one member never reaches another member's sessions either.
    await mine.browser.post("/settings/sessions", { intent: "end-others" });
    expect(await isActive(db.ctx, theirs.sessionId)).toBe(true);
  });

  it("does not end the session in use from this page (that is signing out)", async () => {
    const member = await createMember(db.ctx);
    const mine = await signedInBrowser(db.ctx, member, "203.0.113.1", WINDOWS_FIREFOX);
    const res = await mine.browser.post("/settings/sessions", { intent: "end", sessionId: mine.sessionId });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("To end it, sign out.");
    expect(await isActive(db.ctx, mine.sessionId)).toBe(true);
  });

  it("answers 400, not 500, to a session id that is not a uuid or an unknown intent", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const forms: Record<string, string>[] = [{ intent: "end", sessionId: "1' or '1'='1" }, { intent: "end" }, { intent: "end-everything" }, {}];
    for (const form of forms) {
      const res = await browser.post("/settings/sessions", form);
      expect(res.status, JSON.stringify(form)).toBe(400);
      expect(textOf(res.html)).toContain("Choose a session to end from the list");
    }
  });

  it("says when there were no other sessions to end", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/sessions", { intent: "end-others" });
    expect(res.status).toBe(302);
    expect(textOf((await browser.get("/settings/sessions")).html)).toContain("There were no other sessions to end.");
    const logs = await db.ctx.db.select().from(db.ctx.t.user_activity_logs).where(eq(db.ctx.t.user_activity_logs.user_id, member.id));
    expect(logs.filter((l) => l.action_type === "sessions_ended")).toHaveLength(0);
  });

  it("refuses a POST without the CSRF token with 403", async () => {
    const member = await createMember(db.ctx);
    const first = await signedInBrowser(db.ctx, member, "203.0.113.1", WINDOWS_FIREFOX);
    const second = await signedInBrowser(db.ctx, member, "203.0.113.2", ANDROID_CHROME);
    const res = await first.browser.post("/settings/sessions", { intent: "end", sessionId: second.sessionId }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await isActive(db.ctx, second.sessionId)).toBe(true);
  });

  it("stays within one round trip (14,600 bytes gzip) in lite mode, even with 30 sessions", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    for (let i = 0; i < 29; i++) {
      await db.ctx.db.insert(db.ctx.t.user_sessions).values({
        user_id: member.id, session_token: hashToken(newToken()), ip_address: `2001:db8::${i}`, device_type: "mobile", browser: "Samsung Internet", os: "Android",
      });
    }
    const page = await browser.get("/settings/sessions", { "Save-Data": "on" });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script");
    expect(page.html.match(/name="intent" value="end"/g)).toHaveLength(29);
    const bytes = gzipSync(page.html).length;
    expect(bytes).toBeLessThan(14_600);
  });

  it("sends anonymous visitors to sign in", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.get("/settings/sessions");
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login?redirectTo=%2Fsettings%2Fsessions");
  });
});
