/**
 * Password reset through the real app on both databases, with real mail: the app sends through
 * SMTP (nodemailer) to an smtp-server sink started here on 127.0.0.1.
 */
import crypto from "node:crypto";
import zlib from "node:zlib";
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyCredentials } from "../../app/modules/accounts/accounts.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, MEMBER_PASSWORD, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import type { SinkMessage } from "../support/smtp-sink";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

const NEW_PASSWORD = "seven lanterns over the harbour";
const SENT_PAGE = "/forgot-password?sent=1";

/** The token in a reset mail's link. */
function tokenOf(mail: SinkMessage): string {
  const match = /http:\/\/localhost\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text);
  if (!match) throw new Error(`no reset link in: ${mail.text}`);
  return match[1];
}

/** Asks for a reset link for `email` and returns the mail that arrives (the n-th to that address). */
async function requestLink(browser: AppClient, email: string, nth = 1): Promise<SinkMessage> {
  const res = await browser.post("/forgot-password", { email });
  expect(res.status).toBe(302);
  return sink.waitFor(email, (m) => m.subject === "Reset your Ladder password" && countTo(email, m.seq) === nth);
}

/** How many messages to `email` the sink had received up to and including `seq`. */
const countTo = (email: string, seq: number) => sink.messages().filter((m) => m.to.includes(email.toLowerCase()) && m.seq <= seq).length;

async function tokenRows(ctx: Ctx, userId: string) {
  return ctx.db.select().from(ctx.t.password_reset_tokens).where(eq(ctx.t.password_reset_tokens.user_id, userId));
}

async function activeSessions(ctx: Ctx, userId: string) {
  const rows = await ctx.db.select().from(ctx.t.user_sessions).where(eq(ctx.t.user_sessions.user_id, userId));
  return rows.filter((r) => r.is_active);
}

describeEachDatabase("password reset", (db) => {
  it("mails a link through SMTP that sets a new password, after which the new password signs in and the old one does not", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const form = await browser.get("/forgot-password");
    expect(form.status).toBe(200);
    expect(form.html).toMatch(/<label[^>]*for="email"[^>]*>Email<\/label>/);

    const mail = await requestLink(browser, member.email);
    expect(mail.to).toEqual([member.email]);
    expect(mail.from).toContain("no-reply@ladder.local");
    const token = tokenOf(mail);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes: 256 bits

    const page = await browser.get(`/reset-password/${token}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Choose a new password");
    expect(page.headers.get("Cache-Control")).toBe("no-store");

    const res = await browser.post(`/reset-password/${token}`, { password: NEW_PASSWORD });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/login");
    expect(textOf((await browser.get("/login")).html)).toContain("Your password is changed. Sign in with the new one.");

    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).toBeNull();
    const signIn = await (await appClient(db.ctx)).signInWithPassword({ email: member.email, password: NEW_PASSWORD });
    expect(signIn.status).toBe(302);
    expect(signIn.location).toBe("/");
  });

  it("stores only the SHA-256 of the mailed token, expiring 30 minutes after the request", async () => {
    const member = await createMember(db.ctx);
    const before = Date.now();
    const token = tokenOf(await requestLink(await appClient(db.ctx), member.email));
    const rows = await tokenRows(db.ctx, member.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].token).not.toBe(token);
    expect(rows[0].token).not.toContain(token);
    expect(rows[0].token).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    const lifetime = rows[0].expires_at.getTime() - before;
    expect(lifetime).toBeGreaterThan(29 * 60_000);
    expect(lifetime).toBeLessThanOrEqual(30 * 60_000 + 5_000);
  });

  it("lets a token work once: the second use shows the expired-link page and changes nothing", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = tokenOf(await requestLink(browser, member.email));
    expect((await browser.post(`/reset-password/${token}`, { password: NEW_PASSWORD })).status).toBe(302);

    const again = await browser.get(`/reset-password/${token}`);
    expect(again.status).toBe(410);
    expect(textOf(again.html)).toContain("This link has expired or was already used");
    expect(again.html).toContain('href="/forgot-password"');

    const reuse = await browser.post(`/reset-password/${token}`, { password: "another phrase entirely here" });
    expect(reuse.status).toBe(410);
    expect(await verifyCredentials(db.ctx, member.email, "another phrase entirely here")).toBeNull();
    expect(await verifyCredentials(db.ctx, member.email, NEW_PASSWORD)).not.toBeNull();
    expect(await tokenRows(db.ctx, member.id)).toHaveLength(0);
  });

  it("refuses an expired token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = tokenOf(await requestLink(browser, member.email));
    const prt = db.ctx.t.password_reset_tokens;
    await db.ctx.db.update(prt).set({ expires_at: new Date(Date.now() - 1000) }).where(eq(prt.user_id, member.id));

    const page = await browser.get(`/reset-password/${token}`);
    expect(page.status).toBe(410);
    expect(textOf(page.html)).toContain("This link has expired or was already used");
    expect((await browser.post(`/reset-password/${token}`, { password: NEW_PASSWORD })).status).toBe(410);
    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).not.toBeNull();
  });

  it("makes an older token useless once a newer one is issued", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const older = tokenOf(await requestLink(browser, member.email, 1));
    const newer = tokenOf(await requestLink(browser, member.email, 2));
    expect(newer).not.toBe(older);
    expect(await tokenRows(db.ctx, member.id)).toHaveLength(1);

    expect((await browser.get(`/reset-password/${older}`)).status).toBe(410);
    expect((await browser.post(`/reset-password/${older}`, { password: NEW_PASSWORD })).status).toBe(410);
    expect((await browser.get(`/reset-password/${newer}`)).status).toBe(200);
    expect((await browser.post(`/reset-password/${newer}`, { password: NEW_PASSWORD })).status).toBe(302);
  });

  it("answers an unknown address with the same status, redirect and page as a known one, and sends it nothing", async () => {
    const member = await createMember(db.ctx);
    const unknown = `nobody-${crypto.randomUUID()}@example.com`;
    const answers = [];
    for (const email of [member.email, unknown]) {
      const browser = await appClient(db.ctx);
      const res = await browser.post("/forgot-password", { email });
      const page = await browser.get(res.location ?? "/missing");
      answers.push({ status: res.status, location: res.location, cookies: res.headers.getSetCookie().length, pageStatus: page.status, text: textOf(page.html) });
    }
    expect(answers[0].status).toBe(302);
    expect(answers[0].location).toBe(SENT_PAGE);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0].text).toContain("If an account uses that address, we sent a link to it");

    await sink.waitFor(member.email);
    expect(sink.messages().some((m) => m.to.includes(unknown))).toBe(false);
    expect(await db.ctx.db.select().from(db.ctx.t.password_reset_tokens)).toHaveLength(1);
  });

  it("answers the fourth request for one address within an hour with 429 and Retry-After, for a known and an unknown address alike", async () => {
    const member = await createMember(db.ctx);
    for (const email of [member.email, `nobody-${crypto.randomUUID()}@example.com`]) {
      // Each request from another browser and network: the limit is per address.
      for (let i = 1; i <= 3; i++) {
        const res = await (await appClient(db.ctx, { ip: `10.0.0.${i}` })).post("/forgot-password", { email });
        expect(res.status).toBe(302);
      }
      const fourth = await (await appClient(db.ctx, { ip: "10.0.0.4" })).post("/forgot-password", { email: email.toUpperCase() });
      expect(fourth.status).toBe(429);
      expect(Number(fourth.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(Number(fourth.headers.get("Retry-After"))).toBeLessThanOrEqual(3600);
      expect(textOf(fourth.html)).toContain("Too many reset links were asked for this address.");
    }
    await sink.waitFor(member.email, (m) => countTo(member.email, m.seq) === 3);
    expect(sink.messages().filter((m) => m.to.includes(member.email))).toHaveLength(3);
  });

  it("ends every session of the account, including the one of the browser that resets", async () => {
    const member = await createMember(db.ctx);
    const laptop = await appClient(db.ctx);
    const phone = await appClient(db.ctx, { ip: "10.1.1.1" });
    await laptop.signIn(member);
    await phone.signIn(member);
    expect(await activeSessions(db.ctx, member.id)).toHaveLength(2);

    const token = tokenOf(await requestLink(laptop, member.email));
    expect((await laptop.post(`/reset-password/${token}`, { password: NEW_PASSWORD })).status).toBe(302);

    expect(await activeSessions(db.ctx, member.id)).toHaveLength(0);
    for (const browser of [laptop, phone]) {
      const page = await browser.get("/settings/password");
      expect(page.status).toBe(302);
      expect(page.location).toMatch(/^\/login\?redirectTo=/);
    }
  });

  it("logs the request and the reset without the token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = tokenOf(await requestLink(browser, member.email));
    await browser.post(`/reset-password/${token}`, { password: NEW_PASSWORD });
    const logs = await db.ctx.db.select().from(db.ctx.t.user_activity_logs).where(eq(db.ctx.t.user_activity_logs.user_id, member.id));
    expect(logs.map((l) => l.action_type).sort()).toEqual(["password_reset", "password_reset_requested"]);
    const stored = JSON.stringify(logs);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(crypto.createHash("sha256").update(token).digest("hex"));
    expect(stored).not.toContain(NEW_PASSWORD);
  });

  it("refuses a common new password beside the field with 400, and the link still works afterwards", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = tokenOf(await requestLink(browser, member.email));
    const res = await browser.post(`/reset-password/${token}`, { password: "password123" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="password-error"[^>]*>This password is one of the most common ones/);
    expect(res.html).not.toContain("password123");
    const empty = await browser.post(`/reset-password/${token}`, {});
    expect(empty.status).toBe(400);
    expect(empty.html).toMatch(/id="password-error"[^>]*>Choose a new password\./);
    expect((await browser.post(`/reset-password/${token}`, { password: NEW_PASSWORD })).status).toBe(302);
  });

  it("shows the expired-link page, not an error, for a link that was never issued", async () => {
    const browser = await appClient(db.ctx);
    for (const path of ["/reset-password/x", `/reset-password/${"A".repeat(43)}`, `/reset-password/${"%27".repeat(20)}`]) {
      const page = await browser.get(path);
      expect(page.status).toBe(410);
      expect(textOf(page.html)).toContain("This link has expired or was already used");
    }
  });

  it("asks again for a malformed email beside the field, and sends nothing when the honeypot is filled", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const bad = await browser.post("/forgot-password", { email: "not an email" });
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/id="email-error"[^>]*>Enter an email address like name@example.com\./);
    expect(bad.html).toContain('value="not an email"');

    const bot = await browser.post("/forgot-password", { email: member.email, website: "http://spam.example" });
    expect(bot.status).toBe(400);
    expect(await tokenRows(db.ctx, member.id)).toHaveLength(0);
  });

  it("sends the reset pages in lite mode without scripts, within 14,600 bytes gzip, and tells no other site the link", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = tokenOf(await requestLink(browser, member.email));
    for (const [path, status] of [[`/reset-password/${token}`, 200], ["/reset-password/x", 410], ["/forgot-password", 200], [SENT_PAGE, 200]] as const) {
      const page = await browser.get(path, { "Save-Data": "on" });
      expect(page.status, path).toBe(status);
      expect(page.html, path).not.toMatch(/<script/i);
      expect(zlib.gzipSync(page.html, { level: 6 }).length, path).toBeLessThanOrEqual(14_600);
    }
    expect((await browser.get(`/reset-password/${token}`)).html).toMatch(/<meta name="referrer" content="same-origin"\/?>/);
  });

  it("keeps the development outbox page hidden (404) outside development", async () => {
    const browser = await appClient(db.ctx);
    expect((await browser.get("/dev/outbox")).status).toBe(404);
  });

  it("refuses a reset request without the form's CSRF token", async () => {
    const member = await createMember(db.ctx);
    const res = await (await appClient(db.ctx)).post("/forgot-password", { email: member.email }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await tokenRows(db.ctx, member.id)).toHaveLength(0);
  });
});
