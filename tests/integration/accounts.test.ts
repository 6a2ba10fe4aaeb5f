/** Sign-up, sign-in, sessions, CSRF and rate limits, through the real app on both databases. */
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readArgon2Params } from "../../app/modules/accounts/passwords.server";
import { hashToken, newToken } from "../../app/modules/accounts/sessions.server";
import type { Ctx } from "../../db/client";
import { appClient, confirmSignUp, createMember, MEMBER_PASSWORD, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const strongPassword = "a quiet river at dawn";

async function sessionRows(ctx: Ctx, userId: string) {
  return ctx.db.select().from(ctx.t.user_sessions).where(eq(ctx.t.user_sessions.user_id, userId));
}

async function userByEmail(ctx: Ctx, email: string) {
  const [user] = await ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.email, email));
  return user;
}

async function actions(ctx: Ctx, userId: string) {
  const logs = await ctx.db.select().from(ctx.t.user_activity_logs).where(eq(ctx.t.user_activity_logs.user_id, userId));
  return logs.map((l) => l.action_type);
}

describeEachDatabase("signing up", (db) => {
  it("creates a member with an argon2id hash of at least 19 MiB and 2 passes once the address is confirmed, and signs them in", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/signup", { name: "Amira Haddad", email: "Amira@Example.com ", password: strongPassword });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/signup/confirm?email=amira%40example.com");
    expect(await userByEmail(db.ctx, "amira@example.com")).toBeUndefined();
    const confirmed = await confirmSignUp(browser, "amira@example.com");
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/settings/profile");
    const user = await userByEmail(db.ctx, "amira@example.com");
    expect(user.name).toBe("Amira Haddad");
    expect(user.role).toBe("user");
    expect(user.password).not.toContain(strongPassword);
    const params = readArgon2Params(user.password!);
    expect(params).not.toBeNull();
    expect(params!.memoryCost).toBeGreaterThanOrEqual(19_456);
    expect(params!.timeCost).toBeGreaterThanOrEqual(2);
    expect(user.referral_code).toMatch(/^[A-Z2-9]{8}$/);
    expect((await browser.get("/")).html).toContain("Sign out");
  });

  it("refuses a common password beside the field, keeps the typed name and email, and never echoes the password", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/signup", { name: "Ravi Kumar", email: "ravi@example.com", password: "password123" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="password-error"[^>]*>This password is one of the most common ones/);
    expect(res.html).toContain('value="Ravi Kumar"');
    expect(res.html).toContain('value="ravi@example.com"');
    expect(res.html).not.toContain("password123");
    expect(await userByEmail(db.ctx, "ravi@example.com")).toBeUndefined();
  });

  it("explains every missing or malformed field at once", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/signup", { name: "", email: "not-an-email", password: "short" });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("Enter your name.");
    expect(text).toContain("Enter an email address like name@example.com.");
    expect(text).toContain("Use at least 8 characters.");
    expect(text).toContain("There are 3 problems");
  });

  it("accepts any characters in a long password, and refuses one over 256 characters", async () => {
    const browser = await appClient(db.ctx);
    const long = "ü".repeat(257);
    const refused = await browser.post("/signup", { name: "Long", email: "long@example.com", password: long });
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("Use at most 256 characters.");
    const ok = await browser.post("/signup", { name: "Emoji", email: "emoji@example.com", password: "🔑 مفتاح सुरक्षा" });
    expect(ok.status).toBe(302);
  });

  it("credits the member whose referral link brought a new member", async () => {
    const referrer = await createMember(db.ctx);
    const [row] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, referrer.id));
    const browser = await appClient(db.ctx);
    await browser.post("/signup", { name: "Invited", email: "invited@example.com", password: strongPassword, ref: row.referral_code! });
    expect(await actions(db.ctx, referrer.id)).not.toContain("referral_sign_up");
    await confirmSignUp(browser, "invited@example.com");
    expect(await actions(db.ctx, referrer.id)).toContain("referral_sign_up");
  });

  it("treats a filled honeypot as a bot and creates nothing", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/signup", { name: "Bot", email: "bot@example.com", password: strongPassword, website: "http://spam.example" });
    expect(res.status).toBe(400);
    expect(await userByEmail(db.ctx, "bot@example.com")).toBeUndefined();
  });

  it("allows 5 sign-ups per hour from one address and answers the 6th with 429 and Retry-After", async () => {
    const browser = await appClient(db.ctx, { ip: "203.0.113.7" });
    for (let i = 0; i < 5; i++) {
      const res = await browser.post("/signup", { name: `N${i}`, email: `n${i}@example.com`, password: strongPassword });
      expect(res.status).toBe(302);
    }
    const res = await browser.post("/signup", { name: "N5", email: "n5@example.com", password: strongPassword });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(res.html)).toContain("Too many new accounts from your network.");
    const pending = await db.ctx.db.select().from(db.ctx.t.sign_up_confirmations).where(eq(db.ctx.t.sign_up_confirmations.email, "n5@example.com"));
    expect(pending).toHaveLength(0);
  });
});

describeEachDatabase("signing in and out", (db) => {
  it("stores only the SHA-256 of the session token, never the token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const res = await browser.signInWithPassword(member);
    expect(res.status).toBe(302);
    const token = browser.cookies.get("ladder_session")!;
    expect(token.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    const [row] = await sessionRows(db.ctx, member.id);
    expect(row.session_token).toBe(hashToken(token));
    expect(row.session_token).not.toContain(token);
    expect(row.browser).toBe("Chrome");
    expect(row.os).toBe("Linux");
  });

  it("refuses a wrong password with one message for unknown and known addresses, keeping the typed email", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const wrong = await browser.post("/login", { email: member.email, password: "not the password" });
    const unknown = await browser.post("/login", { email: "nobody@example.com", password: "not the password" });
    expect([wrong.status, unknown.status]).toEqual([400, 400]);
    expect(textOf(wrong.html)).toContain("That email and password do not match an account.");
    expect(textOf(unknown.html)).toContain("That email and password do not match an account.");
    expect(wrong.html).toContain(`value="${member.email}"`);
    expect(browser.cookies.has("ladder_session")).toBe(false);
    expect(await actions(db.ctx, member.id)).toEqual(["sign_in_failed"]);
  });

  it("sends a member who signs in with a tab-hidden address to / and not to another site", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const page = await browser.get("/login?redirectTo=%2F%09%2Fevil.example%2F");
    expect(page.html).toContain('name="redirectTo" value="/"');
    const res = await browser.post("/login", { email: member.email, password: member.password, redirectTo: "/\t/evil.example/" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
  });

  it("answers a CR/LF in the return address with a redirect to /, and starts one session", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    for (const redirectTo of ["/x\r\nSet-Cookie:a=b", "/x%0d%0aSet-Cookie:a=b"]) {
      browser.signOut();
      const res = await browser.post("/login", { email: member.email, password: member.password, redirectTo });
      expect(res.status).toBe(302);
      expect(res.location).toBe("/");
      expect(res.headers.getSetCookie().some((c) => c.startsWith("a="))).toBe(false);
    }
    expect((await sessionRows(db.ctx, member.id)).length).toBe(2);
  });

  it("keeps a local return address with its query", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const res = await browser.post("/login", { email: member.email, password: member.password, redirectTo: "/jobs?q=react#top" });
    expect(res.location).toBe("/jobs?q=react#top");
  });

  it("gives a new token at sign-in and ends the session the browser held before (no session fixation)", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const before = await browser.signIn(member);
    await browser.signInWithPassword(member);
    const after = browser.cookies.get("ladder_session")!;
    expect(after).not.toBe(before);
    const stale = await appClient(db.ctx);
    stale.cookies.set("ladder_session", before);
    expect((await stale.get("/settings")).location).toMatch(/^\/login/);
    const fresh = await appClient(db.ctx);
    fresh.cookies.set("ladder_session", after);
    expect((await fresh.get("/settings")).location).toBe("/settings/profile");
  });

  it("ends the session on the server at sign-out: the old cookie no longer works", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = await browser.signIn(member);
    const res = await browser.post("/logout");
    expect(res.status).toBe(302);
    const [row] = await sessionRows(db.ctx, member.id);
    expect(row.is_active).toBe(false);
    expect(row.ended_at).toBeInstanceOf(Date);
    const replay = await appClient(db.ctx);
    replay.cookies.set("ladder_session", token);
    const page = await replay.get("/settings");
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login/);
    expect(await actions(db.ctx, member.id)).toContain("sign_out");
  });

  it("signs out a session idle for more than 30 days, and any session older than 90 days", async () => {
    const member = await createMember(db.ctx);
    const idle = await appClient(db.ctx);
    await idle.signIn(member);
    const old = await appClient(db.ctx);
    const oldToken = await old.signIn(member);
    const s = db.ctx.t.user_sessions;
    const day = 24 * 60 * 60 * 1000;
    await db.ctx.db
      .update(s)
      .set({ last_activity_at: new Date(Date.now() - 31 * day) })
      .where(and(eq(s.user_id, member.id), eq(s.session_token, hashToken(idle.cookies.get("ladder_session")!))));
    await db.ctx.db
      .update(s)
      .set({ started_at: new Date(Date.now() - 91 * day) })
      .where(eq(s.session_token, hashToken(oldToken)));
    expect((await idle.get("/settings")).location).toMatch(/^\/login/);
    expect((await old.get("/settings")).location).toMatch(/^\/login/);
  });

  it("rehashes a password stored with weaker argon2 parameters at sign-in", async () => {
    const member = await createMember(db.ctx);
    const weak = await hash(MEMBER_PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await db.ctx.db.update(db.ctx.t.User).set({ password: weak }).where(eq(db.ctx.t.User.id, member.id));
    const browser = await appClient(db.ctx);
    expect((await browser.signInWithPassword(member)).status).toBe(302);
    const user = await userByEmail(db.ctx, member.email);
    expect(readArgon2Params(user.password!)).toMatchObject({ memoryCost: 19_456, timeCost: 2 });
  });

  it("logs sign-in and sign-out without any password or token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signInWithPassword(member);
    const token = browser.cookies.get("ladder_session")!;
    await browser.post("/logout");
    const logs = await db.ctx.db.select().from(db.ctx.t.user_activity_logs).where(eq(db.ctx.t.user_activity_logs.user_id, member.id));
    expect(logs.map((l) => l.action_type).sort()).toEqual(["sign_in", "sign_out"]);
    const stored = JSON.stringify(logs);
    expect(stored).not.toContain(member.password);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(hashToken(token));
  });
});

describeEachDatabase("forms from elsewhere and floods", (db) => {
  it("refuses a form without the CSRF token with 403, and one with another browser's token", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const missing = await browser.post("/login", { email: member.email, password: member.password }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(textOf(missing.html)).toContain("This form has expired or did not come from Ladder");
    const stranger = await appClient(db.ctx);
    const foreign = await browser.post("/login", { email: member.email, password: member.password }, { csrf: await stranger.csrfToken() });
    expect(foreign.status).toBe(403);
    expect(browser.cookies.has("ladder_session")).toBe(false);
  });

  it("binds the token to the session: a signed-in member's token from before sign-in is refused", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const anonymousToken = await browser.csrfToken();
    await browser.signInWithPassword(member);
    const res = await browser.post("/settings/lite", { lite: "1" }, { csrf: anonymousToken });
    expect(res.status).toBe(403);
  });

  it("allows 10 sign-in attempts per minute from one address and answers the 11th with 429", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx, { ip: "198.51.100.4" });
    // The limiter counts per clock minute (fixed windows): start early in one, so all 11 sign-ins share it.
    const leftOfMinute = 60_000 - (Date.now() % 60_000);
    if (leftOfMinute < 15_000) await new Promise((resolve) => setTimeout(resolve, leftOfMinute + 50));
    for (let i = 0; i < 10; i++) {
      expect((await browser.post("/login", { email: member.email, password: "wrong password" })).status).toBe(400);
    }
    const res = await browser.post("/login", { email: member.email, password: member.password });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(res.headers.get("Retry-After"))).toBeLessThanOrEqual(60);
    expect(textOf(res.html)).toContain("Too many sign-in attempts from your network.");
  });

  it("locks an account for the hour after 20 failed sign-ins, from any address", async () => {
    const member = await createMember(db.ctx);
    for (let i = 0; i < 20; i++) {
      const browser = await appClient(db.ctx, { ip: `192.0.2.${i + 1}` });
      expect((await browser.post("/login", { email: member.email, password: "wrong password" })).status).toBe(400);
    }
    const browser = await appClient(db.ctx, { ip: "192.0.2.200" });
    const res = await browser.post("/login", { email: member.email, password: member.password });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(60);
    expect(textOf(res.html)).toContain("Too many failed sign-ins for this account.");
    expect(browser.cookies.has("ladder_session")).toBe(false);
  });
});

describeEachDatabase("uploads of unknown size", (db) => {
  it("are refused with 411 before any of the body is read", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const endless = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
      },
    });
    const res = await browser.request("POST", "/settings/profile", {
      body: endless,
      headers: { "Content-Type": "multipart/form-data; boundary=----x" },
    });
    expect(res.status).toBe(411);
    expect(textOf(res.html)).toContain("The upload did not say how large it is.");
  });
});

describeEachDatabase("a password reset and the sign-in lock", (db) => {
  it("lifts the failed sign-in lock of the account, since the member proved they own the mailbox", async () => {
    const member = await createMember(db.ctx);
    for (let i = 0; i < 20; i++) {
      const browser = await appClient(db.ctx, { ip: `192.0.2.${i + 1}` });
      await browser.post("/login", { email: member.email, password: "wrong password" });
    }
    const locked = await appClient(db.ctx, { ip: "192.0.2.100" });
    expect((await locked.post("/login", { email: member.email, password: member.password })).status).toBe(429);

    const token = newToken(); // 256 bits, base64url, as the reset mail carries
    await db.ctx.db
      .insert(db.ctx.t.password_reset_tokens)
      .values({ user_id: member.id, token: hashToken(token), expires_at: new Date(Date.now() + 10 * 60_000) });
    const resetter = await appClient(db.ctx, { ip: "192.0.2.101" });
    const reset = await resetter.post(`/reset-password/${token}`, { password: "a brand new passphrase" });
    expect(reset.status).toBe(302);

    const again = await appClient(db.ctx, { ip: "192.0.2.102" });
    expect((await again.post("/login", { email: member.email, password: "a brand new passphrase" })).status).toBe(302);
  });
});

describe("rate limit windows", () => {
  it("are counted in the database so every app process shares them", async () => {
    const { hit } = await import("../../app/services/rate-limit.server");
    const { freshDatabase, testDialects } = await import("../support/db");
    for (const dialect of testDialects) {
      const db = await freshDatabase(dialect);
      try {
        const limit = { limit: 2, windowMs: 60_000 };
        const now = new Date("2026-11-26T10:00:30Z");
        const results = [];
        for (let i = 0; i < 3; i++) results.push(await hit(db.ctx, "k", limit, now));
        expect(results.map((r) => r.allowed)).toEqual([true, true, false]);
        expect(results[2].retryAfterSeconds).toBe(30);
        expect((await hit(db.ctx, "k", limit, new Date("2026-11-26T10:01:00Z"))).allowed).toBe(true);
      } finally {
        await db.close();
      }
    }
  });
});
