/**
 * Sign-up without account enumeration (ASVS 6.3.8, decision 054), through the real app on both
 * databases with real mail: the app sends through SMTP to an smtp-server sink started here.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { verifyCredentials } from "../../app/modules/accounts/accounts.server";
import { saveLanguage } from "../../app/modules/accounts/language.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, MEMBER_PASSWORD, textOf, type AppClient } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";
import type { SinkMessage } from "../support/smtp-sink";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

const PASSWORD = "a bright kite over the hills";
const CONFIRM_SUBJECT = "Confirm your address for Ladder";
let counter = 0;
const freshAddress = (label: string) => `${label}-${process.pid}-${++counter}-${Date.now()}@example.test`;

/** The link's token and the code in a confirmation mail. */
function partsOf(mail: SinkMessage): { token: string; code: string } {
  const token = /http:\/\/localhost\/signup\/confirm\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  const code = /: (\d{6})\s*$/m.exec(mail.text)?.[1];
  if (!token || !code) throw new Error(`no link or code in: ${mail.text}`);
  return { token, code };
}

/** The n-th mail to `email` with this subject. */
function nthMail(email: string, subject: string, nth = 1): Promise<SinkMessage> {
  const countTo = (seq: number) => sink.messages().filter((m) => m.to.includes(email) && m.subject === subject && m.seq <= seq).length;
  return sink.waitFor(email, (m) => m.subject === subject && countTo(m.seq) === nth);
}

async function signUp(browser: AppClient, email: string, extra: Record<string, string> = {}) {
  return browser.post("/signup", { name: "Maya Rahman", email, password: PASSWORD, ...extra });
}

async function usersWith(ctx: Ctx, email: string) {
  return ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.email, email));
}

async function pendingOf(ctx: Ctx, email: string) {
  return ctx.db.select().from(ctx.t.sign_up_confirmations).where(eq(ctx.t.sign_up_confirmations.email, email));
}

/** What the "check your inbox" page says, with the address taken out. */
const pageWords = (html: string, email: string) => textOf(html).split(email).join("ADDRESS");

describeEachDatabase("signing up with a confirmed address", (db) => {
  it("answers a new address and one that has an account the same way: same status, same page, no word of an account", async () => {
    const member = await createMember(db.ctx);
    const fresh = freshAddress("new");
    const [known, unknown] = [await appClient(db.ctx, { ip: "10.20.0.1" }), await appClient(db.ctx, { ip: "10.20.0.2" })];
    const knownAnswer = await signUp(known, member.email.toUpperCase());
    const newAnswer = await signUp(unknown, fresh);
    expect([knownAnswer.status, newAnswer.status]).toEqual([302, 302]);
    expect(knownAnswer.location).toBe(`/signup/confirm?email=${encodeURIComponent(member.email)}`);
    expect(newAnswer.location).toBe(`/signup/confirm?email=${encodeURIComponent(fresh)}`);
    expect(knownAnswer.headers.getSetCookie().map((c) => c.split("=")[0])).toEqual(newAnswer.headers.getSetCookie().map((c) => c.split("=")[0]));

    const knownPage = await known.get(knownAnswer.location!);
    const newPage = await unknown.get(newAnswer.location!);
    expect([knownPage.status, newPage.status]).toEqual([200, 200]);
    expect(pageWords(knownPage.html, member.email)).toBe(pageWords(newPage.html, fresh));
    expect(textOf(newPage.html)).toContain(`We sent a mail to ${fresh}`);
    expect(textOf(knownPage.html)).not.toMatch(/already exists|is taken/i);
    // Neither visitor is signed in; the member keeps one account and their password.
    expect(known.cookies.has("ladder_session") || unknown.cookies.has("ladder_session")).toBe(false);
    expect(await usersWith(db.ctx, member.email)).toHaveLength(1);
    expect(await pendingOf(db.ctx, member.email)).toHaveLength(0);
    expect(await verifyCredentials(db.ctx, member.email, MEMBER_PASSWORD)).not.toBeNull();
    expect(await usersWith(db.ctx, fresh)).toHaveLength(0);
    expect(await pendingOf(db.ctx, fresh)).toHaveLength(1);
  });

  it("mails the owner of a known address that someone tried to sign up with it, in the owner's saved language", async () => {
    const member = await createMember(db.ctx, { email: freshAddress("owner") });
    await saveLanguage(db.ctx, member.id, "ar");
    await signUp(await appClient(db.ctx), member.email);
    const mail = await sink.waitFor(member.email, (m) => m.subject === "حاول أحدهم التسجيل بعنوانك");
    expect(mail.text).toContain("http://localhost/login");
    expect(mail.text).toContain("http://localhost/forgot-password");
    expect(mail.text).not.toMatch(/signup\/confirm/);
  });

  it("mails a link that, opened, changes nothing until its button is pressed; then creates the member, signs them in and goes where they were going", async () => {
    const email = freshAddress("link");
    const browser = await appClient(db.ctx);
    await signUp(browser, email, { redirectTo: "/jobs?q=data" });
    const mail = await nthMail(email, CONFIRM_SUBJECT);
    expect(mail.text).toContain("Welcome to Ladder!");
    const { token } = partsOf(mail);
    const [row] = await pendingOf(db.ctx, email);
    expect(row.token_hash).not.toContain(token);
    expect(row.code_hash).not.toContain(partsOf(mail).code);
    expect(row.expires_at.getTime() - Date.now()).toBeGreaterThan(23 * 60 * 60_000);

    // A scanner that opens the link (another browser, no cookies) creates nothing.
    const page = await (await appClient(db.ctx)).get(`/signup/confirm/${token}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain(`Finish creating your Ladder account for ${email}`);
    expect(page.headers.get("Cache-Control")).toBe("no-store");
    expect(await usersWith(db.ctx, email)).toHaveLength(0);

    const confirmed = await browser.post(`/signup/confirm/${token}`);
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/jobs?q=data");
    const [user] = await usersWith(db.ctx, email);
    expect(user.name).toBe("Maya Rahman");
    expect(await verifyCredentials(db.ctx, email, PASSWORD)).not.toBeNull();
    expect(textOf((await browser.get("/")).html)).toContain("Sign out");
    expect(await pendingOf(db.ctx, email)).toHaveLength(0);

    const again = await browser.get(`/signup/confirm/${token}`);
    expect(again.status).toBe(410);
    expect(textOf(again.html)).toContain("This link no longer works");
  });

  it("confirms with the mail's 6-digit code, typed with a space, and starts the new member on their profile", async () => {
    const email = freshAddress("code");
    const browser = await appClient(db.ctx);
    await signUp(browser, email);
    const { code } = partsOf(await nthMail(email, CONFIRM_SUBJECT));
    const res = await browser.post("/signup/confirm", { intent: "code", email, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings/profile");
    expect(await usersWith(db.ctx, email)).toHaveLength(1);
    expect(browser.cookies.has("ladder_session")).toBe(true);
  });

  it("kills a code after 5 wrong tries: the right one is then refused too, and a new mail's code works", async () => {
    const email = freshAddress("wrong");
    const browser = await appClient(db.ctx);
    await signUp(browser, email);
    const { code } = partsOf(await nthMail(email, CONFIRM_SUBJECT));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    for (let i = 0; i < 5; i++) {
      const res = await browser.post("/signup/confirm", { intent: "code", email, code: wrong });
      expect(res.status).toBe(400);
      expect(res.html).toMatch(/id="code-error"[^>]*>That code does not work/);
      expect(res.html).toContain(`value="${email}"`);
      expect(res.html).not.toContain(`value="${wrong}"`);
    }
    const right = await browser.post("/signup/confirm", { intent: "code", email, code });
    expect(right.status).toBe(400);
    expect(await usersWith(db.ctx, email)).toHaveLength(0);

    const resent = await browser.post("/signup/confirm", { intent: "resend", email });
    expect(resent.status).toBe(302);
    expect(resent.location).toBe(`/signup/confirm?email=${encodeURIComponent(email)}&resent=1`);
    const fresh = partsOf(await nthMail(email, CONFIRM_SUBJECT, 2));
    expect(fresh.token).not.toBe(partsOf(await nthMail(email, CONFIRM_SUBJECT)).token);
    expect((await browser.post("/signup/confirm", { intent: "code", email, code: fresh.code })).status).toBe(302);
    expect(await usersWith(db.ctx, email)).toHaveLength(1);
  });

  it("refuses an expired link with a clear page and creates nothing, and its code with it", async () => {
    const email = freshAddress("expired");
    const browser = await appClient(db.ctx);
    await signUp(browser, email);
    const { token, code } = partsOf(await nthMail(email, CONFIRM_SUBJECT));
    await db.ctx.db
      .update(db.ctx.t.sign_up_confirmations)
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where(eq(db.ctx.t.sign_up_confirmations.email, email));
    const page = await browser.get(`/signup/confirm/${token}`);
    expect(page.status).toBe(410);
    expect(textOf(page.html)).toContain("A confirmation link works once and for 24 hours");
    expect(page.html).toContain('href="/signup/confirm"');
    expect((await browser.post(`/signup/confirm/${token}`)).status).toBe(410);
    expect((await browser.post("/signup/confirm", { intent: "code", email, code })).status).toBe(400);
    expect(await usersWith(db.ctx, email)).toHaveLength(0);
  });

  it("sends at most 3 sign-up mails an hour to one address, known or not, and answers the 4th with 429 either way", async () => {
    const member = await createMember(db.ctx, { email: freshAddress("flood-known") });
    const unknown = freshAddress("flood-new");
    for (const [email, ip] of [[member.email, "10.30.0.1"], [unknown, "10.30.0.2"]] as const) {
      const browser = await appClient(db.ctx, { ip });
      expect((await signUp(browser, email)).status).toBe(302);
      for (let i = 0; i < 2; i++) expect((await browser.post("/signup/confirm", { intent: "resend", email })).status).toBe(302);
      const fourth = await browser.post("/signup/confirm", { intent: "resend", email });
      expect(fourth.status, email).toBe(429);
      expect(textOf(fourth.html)).toContain("Too many mails to this address.");
    }
  });

  it("refuses a sign-in with the password of a sign-up not yet confirmed with the usual words, and a hint shown to everyone", async () => {
    const email = freshAddress("early");
    const browser = await appClient(db.ctx);
    await signUp(browser, email);
    const res = await browser.signInWithPassword({ email, password: PASSWORD });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("That email and password do not match an account.");
    expect(text).toContain("Just signed up? Confirm your address first");
    const stranger = await (await appClient(db.ctx)).signInWithPassword({ email: freshAddress("nobody"), password: PASSWORD });
    expect(textOf(stranger.html)).toContain("Just signed up? Confirm your address first");
  });

  it("refuses a malformed code beside its field with status 400", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/signup/confirm", { intent: "code", email: "someone@example.test", code: "12ab" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="code-error"[^>]*>Enter the 6 digits from the mail/);
  });
});

describePostgres(
  "confirming one sign-up from several browsers at once",
  (db) => {
    it("creates exactly one member when the link and the code are used at the same moment", async () => {
      const email = freshAddress("race");
      await signUp(await appClient(db.ctx), email);
      const { token, code } = partsOf(await nthMail(email, CONFIRM_SUBJECT));
      const browsers = await Promise.all(
        Array.from({ length: 6 }, async () => {
          const browser = await appClient(db.ctx);
          await browser.csrfToken();
          return browser;
        }),
      );
      const answers = await Promise.all(
        browsers.map((browser, i) =>
          i % 2 === 0 ? browser.post(`/signup/confirm/${token}`) : browser.post("/signup/confirm", { intent: "code", email, code }),
        ),
      );
      const signedIn = answers.filter((a) => a.status === 302 && a.location === "/settings/profile");
      expect(signedIn).toHaveLength(1);
      expect(answers.filter((a) => a !== signedIn[0]).every((a) => a.status === 410 || a.status === 400)).toBe(true);
      expect(await usersWith(db.ctx, email)).toHaveLength(1);
      expect(await pendingOf(db.ctx, email)).toHaveLength(0);
    });
  },
  { poolSize: 10 },
);
