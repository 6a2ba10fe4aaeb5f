/**
 * Lockout without denial of service (issue 21 item 2, decision 055): failed sign-ins from
 * browsers that never signed in to an account lock it for them only; a browser that signed in
 * before keeps its own budget. Through the real app, on both databases; the race on PostgreSQL.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accountTag, encodeDevice, rememberAccount } from "../../app/modules/accounts/device-cookie.server";
import { deviceFailedKey, failedSignInKey } from "../../app/modules/accounts/sign-in.server";
import { hashToken, newToken } from "../../app/modules/accounts/sessions.server";
import { hit, LIMITS } from "../../app/services/rate-limit.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";

const DEVICE = "ladder_device";
let network = 0;
/** A fresh documentation address for each attempt: the per-network limit (10 a minute) is not what these tests are about. */
const nextIp = () => `198.51.100.${(network++ % 250) + 1}`;

/** The address as an attacker might type it: other case, spaces around it. */
const variants = (email: string) => [email.toUpperCase(), `  ${email}  `, email.replace(/^./, (c) => c.toUpperCase()), `\t${email.toUpperCase()} `];

async function attempt(browser: AppClient, email: string, password: string) {
  browser.ip = nextIp();
  return browser.post("/login", { email, password, redirectTo: "/" });
}

/** A browser that signed in to `member` with the form, then signed out with the sign-out button. */
async function ownersBrowser(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx, { ip: nextIp() });
  expect((await browser.signInWithPassword(member)).status).toBe(302);
  expect(browser.cookies.get(DEVICE)).toBeTruthy();
  expect((await browser.post("/logout")).status).toBe(302);
  expect(browser.cookies.has("ladder_session")).toBe(false);
  return browser;
}

/** `count` failed sign-ins counted against the address, as untrusted browsers leave them. */
async function lockAddress(ctx: Ctx, email: string, count = LIMITS.failedSignInPerAccount.limit) {
  for (let i = 0; i < count; i++) await hit(ctx, failedSignInKey(email), LIMITS.failedSignInPerAccount);
}

async function hitsOf(ctx: Ctx, key: string): Promise<number> {
  const b = ctx.t.rate_limit_buckets;
  const rows = await ctx.db.select({ hits: b.hits }).from(b).where(eq(b.key, key));
  return rows.reduce((sum, row) => sum + row.hits, 0);
}

describeEachDatabase("sign-in lockout and devices that signed in before", (db) => {
  it("after 20 failures from other browsers, in any case or spacing of the email, the owner's browser still signs in and a new browser is told to reset the password", async () => {
    const member = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, member);
    const attacker = await appClient(db.ctx);
    const typed = variants(member.email);
    for (let i = 0; i < 20; i++) {
      expect((await attempt(attacker, typed[i % typed.length], "wrong password")).status).toBe(400);
    }
    expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(20);
    // Another spelling of the address is the same address: still locked.
    expect((await attempt(attacker, `  ${member.email.toUpperCase()}`, "wrong password")).status).toBe(429);

    const stranger = await appClient(db.ctx);
    const refused = await attempt(stranger, member.email, member.password);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(60);
    const text = textOf(refused.html);
    expect(text).toContain("Too many failed sign-ins for this account.");
    expect(text).toContain("If this is your account, reset your password: that works even now.");
    expect(refused.html).toContain('href="/forgot-password"');
    expect(stranger.cookies.has("ladder_session")).toBe(false);
    expect(stranger.cookies.has(DEVICE)).toBe(false);

    const signedIn = await attempt(owner, member.email, member.password);
    expect(signedIn.status).toBe(302);
    expect(owner.cookies.has("ladder_session")).toBe(true);
    expect((await owner.get("/")).html).toContain("Sign out");
  });

  it("gives a device that signed in before 10 failures of its own for the account, then treats it like any other browser", async () => {
    const member = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, member);
    for (let i = 0; i < 10; i++) expect((await attempt(owner, member.email, "a typo")).status).toBe(400);
    // Its failures were its own: the address is not a step closer to its lock.
    expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(0);
    // The 11th counts against the address, like a stranger's.
    expect((await attempt(owner, member.email.toUpperCase(), "a typo")).status).toBe(400);
    expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(1);
    await lockAddress(db.ctx, member.email, LIMITS.failedSignInPerAccount.limit - 1);
    expect((await attempt(owner, member.email, member.password)).status).toBe(429);
    expect(owner.cookies.has("ladder_session")).toBe(false);
  });

  it("does not count a right password as a failure", async () => {
    const member = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, member);
    expect((await attempt(owner, member.email, member.password)).status).toBe(302);
    const [device] = owner.cookies.get(DEVICE)!.split(".").slice(1, 2);
    expect(await hitsOf(db.ctx, deviceFailedKey(member.id, device))).toBe(0);
    const stranger = await appClient(db.ctx);
    expect((await attempt(stranger, member.email, member.password)).status).toBe(302);
    expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(0);
  });

  it("gives a device its whole budget back when it signs in with the right password", async () => {
    const member = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, member);
    const nonce = owner.cookies.get(DEVICE)!.split(".")[1];
    for (let i = 0; i < LIMITS.failedSignInPerDevice.limit; i++) {
      await hit(db.ctx, deviceFailedKey(member.id, nonce), LIMITS.failedSignInPerDevice);
    }
    // Past its budget, it signs in like any browser while the address is not locked…
    expect((await attempt(owner, member.email, member.password)).status).toBe(302);
    expect(await hitsOf(db.ctx, deviceFailedKey(member.id, nonce))).toBe(0);
    await owner.post("/logout");
    // …and is trusted again: a locked address does not stop it.
    await lockAddress(db.ctx, member.email);
    expect((await attempt(owner, member.email, member.password)).status).toBe(302);
  });

  it("treats a tampered cookie, a cookie signed with another secret and another account's cookie as untrusted", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, a);
    const valid = owner.cookies.get(DEVICE)!;
    await lockAddress(db.ctx, a.email);
    await lockAddress(db.ctx, b.email);

    const [version, nonce, tag, signature] = valid.split(".");
    const flipped = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    const otherSecret = "not-the-server-secret-0123456789abcdef";
    const cookies = {
      "a flipped tag": [version, nonce, flipped(tag), signature].join("."),
      "a flipped signature": [version, nonce, tag, flipped(signature)].join("."),
      "another nonce": [version, flipped(nonce), tag, signature].join("."),
      "no signature": [version, nonce, tag].join("."),
      "another secret": encodeDevice(otherSecret, rememberAccount(otherSecret, null, a.id)),
      "a tag made with another secret": [version, nonce, accountTag(otherSecret, nonce, a.id), signature].join("."),
    };
    for (const [what, value] of Object.entries(cookies)) {
      const forger = await appClient(db.ctx);
      forger.cookies.set(DEVICE, value);
      const res = await attempt(forger, a.email, a.password);
      expect(res.status, what).toBe(429);
      expect(forger.cookies.has("ladder_session"), what).toBe(false);
    }
    // A's cookie does nothing for B, even with B's right password.
    expect((await attempt(owner, b.email, b.password)).status).toBe(429);
    // The untouched cookie still works for A.
    expect((await attempt(owner, a.email, a.password)).status).toBe(302);
  });

  it("keeps up to 5 accounts in one browser's cookie, newest first, and each of them signs in when locked", async () => {
    const people = [];
    for (let i = 0; i < 6; i++) people.push(await createMember(db.ctx));
    const browser = await appClient(db.ctx);
    for (const person of people) {
      expect((await attempt(browser, person.email, person.password)).status).toBe(302);
      await browser.post("/logout");
    }
    expect(browser.cookies.get(DEVICE)!.split(".")).toHaveLength(2 + 5 + 1);
    for (const person of people) await lockAddress(db.ctx, person.email);
    // The first one dropped out; the last five are still this browser's.
    expect((await attempt(browser, people[0].email, people[0].password)).status).toBe(429);
    expect((await attempt(browser, people[5].email, people[5].password)).status).toBe(302);
    await browser.post("/logout");
    expect((await attempt(browser, people[1].email, people[1].password)).status).toBe(302);
  });

  it("lifts the devices' own locks with a password reset, along with the address's", async () => {
    const member = await createMember(db.ctx);
    const owner = await ownersBrowser(db.ctx, member);
    const nonce = owner.cookies.get(DEVICE)!.split(".")[1];
    for (let i = 0; i < LIMITS.failedSignInPerDevice.limit; i++) {
      await hit(db.ctx, deviceFailedKey(member.id, nonce), LIMITS.failedSignInPerDevice);
    }
    await lockAddress(db.ctx, member.email);
    const token = newToken(); // as the reset mail carries
    await db.ctx.db
      .insert(db.ctx.t.password_reset_tokens)
      .values({ user_id: member.id, token: hashToken(token), expires_at: new Date(Date.now() + 10 * 60_000) });
    expect((await owner.post(`/reset-password/${token}`, { password: "a brand new passphrase" })).status).toBe(302);
    expect(await hitsOf(db.ctx, deviceFailedKey(member.id, nonce))).toBe(0);
    expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(0);
    await owner.post("/logout");
    expect((await attempt(owner, member.email, "a brand new passphrase")).status).toBe(302);
  });
});

describePostgres(
  "Concurrent failed sign-ins on a pool of 20",
  (db) => {
    it("30 wrong passwords for one address at once: exactly 20 are checked, 10 are refused with 429, and all 30 are counted", async () => {
      const member = await createMember(db.ctx);
      const browsers = await Promise.all(Array.from({ length: 30 }, () => appClient(db.ctx, { ip: nextIp() })));
      await Promise.all(browsers.map((browser) => browser.csrfToken()));
      const typed = variants(member.email);
      const answers = await Promise.all(
        browsers.map((browser, i) => browser.post("/login", { email: typed[i % typed.length], password: "wrong password" })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 400)).toHaveLength(20);
      expect(statuses.filter((s) => s === 429)).toHaveLength(10);
      expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(30);
    });

    it("15 wrong passwords at once from the owner's device: 10 are its own, the other 5 count against the address", async () => {
      const member = await createMember(db.ctx);
      const owner = await ownersBrowser(db.ctx, member);
      const nonce = owner.cookies.get(DEVICE)!.split(".")[1];
      // The same device cookie in 15 tabs, each from its own network.
      const tabs = await Promise.all(
        Array.from({ length: 15 }, async () => {
          const tab = await appClient(db.ctx, { ip: nextIp() });
          tab.cookies.set(DEVICE, owner.cookies.get(DEVICE)!);
          await tab.csrfToken();
          return tab;
        }),
      );
      const answers = await Promise.all(tabs.map((tab) => tab.post("/login", { email: member.email, password: "a typo" })));
      expect(answers.map((a) => a.status)).toEqual(Array(15).fill(400));
      expect(await hitsOf(db.ctx, deviceFailedKey(member.id, nonce))).toBe(15);
      expect(await hitsOf(db.ctx, failedSignInKey(member.email))).toBe(5);
    });
  },
  { poolSize: 20 },
);
