/**
 * Google sign-in through the real app and a real OAuth round trip against the mock provider
 * (tests/support/oauth-mock.ts, which enforces PKCE), on both databases.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { AppClient, appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { failedSignInKey } from "../../app/modules/accounts/sign-in.server";
import { hit, LIMITS } from "../../app/services/rate-limit.server";
import { MOCK_USER_COOKIE, startOAuthMock, type MockUser, type OAuthMock } from "../support/oauth-mock";

// The app reads its environment once, at its first request: Google is on, pointed at the mock.
const MOCK_PORT = 3291;
const MOCK = `http://127.0.0.1:${MOCK_PORT}`;
process.env.GOOGLE_CLIENT_ID = "ladder-integration";
process.env.GOOGLE_CLIENT_SECRET = "ladder-integration-secret";
process.env.GOOGLE_AUTH_URL = `${MOCK}/authorize`;
process.env.GOOGLE_TOKEN_URL = `${MOCK}/token`;
process.env.GOOGLE_USERINFO_URL = `${MOCK}/userinfo`;
delete process.env.PUBLIC_URL;

let mock: OAuthMock;
beforeAll(async () => {
  mock = await startOAuthMock({ port: MOCK_PORT });
});
afterAll(async () => {
  await mock?.stop();
});

const CALLBACK = "http://localhost/auth/google/callback";

/** Presses "Sign in with Google": the app's redirect to the provider. */
async function startGoogle(browser: AppClient, redirectTo = "/") {
  const res = await browser.post("/auth/google", { redirectTo });
  expect(res.status).toBe(302);
  const location = new URL(res.location ?? "");
  expect(location.origin + location.pathname).toBe(`${MOCK}/authorize`);
  return location;
}

/** The provider's consent step, as `person`: where it sends the browser back to. */
async function consent(authorizeUrl: URL, person: MockUser): Promise<URL> {
  const res = await fetch(authorizeUrl, {
    redirect: "manual",
    headers: { Cookie: `${MOCK_USER_COOKIE}=${encodeURIComponent(JSON.stringify(person))}` },
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("Location") ?? "");
}

/** The whole round trip: button, consent, callback. Returns the callback's answer. */
async function signInWithGoogle(browser: AppClient, person: MockUser, redirectTo = "/") {
  const back = await consent(await startGoogle(browser, redirectTo), person);
  expect(back.origin + back.pathname).toBe(CALLBACK);
  return browser.get(back.pathname + back.search);
}

async function userByEmail(ctx: Ctx, email: string) {
  const [user] = await ctx.db.select().from(ctx.t.User).where(eq(ctx.t.User.email, email));
  return user;
}

async function userCount(ctx: Ctx) {
  return (await ctx.db.select({ id: ctx.t.User.id }).from(ctx.t.User)).length;
}

async function sessionsOf(ctx: Ctx, userId: string) {
  return ctx.db.select().from(ctx.t.user_sessions).where(eq(ctx.t.user_sessions.user_id, userId));
}

const lastToken = () => mock.events.filter((e) => e.endpoint === "token").at(-1);

function expectRefused(res: { status: number; location: string | null }, browser: AppClient) {
  expect(res.status).toBe(302);
  expect(res.location).toBe("/login?google=failed");
  expect(browser.cookies.has("ladder_session")).toBe(false);
}

describeEachDatabase("Google sign-in", (db) => {
  it("offers Google on the sign-in and sign-up pages when GOOGLE_CLIENT_ID is set", async () => {
    const browser = await appClient(db.ctx);
    const login = await browser.get("/login");
    expect(textOf(login.html)).toContain("Sign in with Google");
    expect(login.html).toMatch(/<form method="post" action="\/auth\/google"/);
    const signup = await browser.get("/signup");
    expect(textOf(signup.html)).toContain("Sign up with Google");
  });

  it("sends the browser to the provider with a fresh random state, an S256 code challenge and the openid email profile scopes", async () => {
    const browser = await appClient(db.ctx);
    const first = await startGoogle(browser);
    const q = first.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe("ladder-integration");
    expect(q.get("redirect_uri")).toBe(CALLBACK);
    expect(q.get("scope")).toBe("openid email profile");
    expect(q.get("state")).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(browser.cookies.has("ladder_oauth")).toBe(true);

    const second = await startGoogle(await appClient(db.ctx));
    expect(second.searchParams.get("state")).not.toBe(q.get("state"));
    expect(second.searchParams.get("code_challenge")).not.toBe(q.get("code_challenge"));
  });

  it("sends a code_verifier at the token step that appears nowhere in the URLs the browser saw", async () => {
    const browser = await appClient(db.ctx);
    const authorize = await startGoogle(browser);
    const back = await consent(authorize, { email: "verifier@example.test" });
    const res = await browser.get(back.pathname + back.search);
    expect(res.location).toBe("/settings/profile");
    const token = lastToken()!;
    expect(token.ok).toBe(true);
    const verifier = token.params.code_verifier;
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(authorize.href).not.toContain(verifier);
    expect(back.href).not.toContain(verifier);
    expect(verifier).not.toBe(authorize.searchParams.get("state"));
  });

  it("links a verified email to the existing account: same member, googleId, avatar and provider set, role and password unchanged", async () => {
    const member = await createMember(db.ctx, { role: "recruiter", email: "dana@example.com" });
    const before = await userByEmail(db.ctx, "dana@example.com");
    const count = await userCount(db.ctx);
    const browser = await appClient(db.ctx);
    const res = await signInWithGoogle(
      browser,
      { email: "Dana@Example.com", sub: "google-sub-dana", name: "Dana G", picture: "https://lh3.example.test/dana.png" },
      "/settings/sessions",
    );
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings/sessions");
    expect(browser.cookies.has("ladder_session")).toBe(true);
    expect(browser.cookies.has("ladder_oauth")).toBe(false);

    const after = await userByEmail(db.ctx, "dana@example.com");
    expect(after.id).toBe(member.id);
    expect(after.googleId).toBe("google-sub-dana");
    expect(after.avatarUrl).toBe("https://lh3.example.test/dana.png");
    expect(after.provider).toBe("google");
    expect(after.role).toBe("recruiter");
    expect(after.password).toBe(before.password);
    expect(after.name).toBe(before.name);
    expect(await userCount(db.ctx)).toBe(count);

    const sessions = await sessionsOf(db.ctx, member.id);
    expect(sessions).toHaveLength(1);
    const logs = await db.ctx.db.select().from(db.ctx.t.user_activity_logs).where(eq(db.ctx.t.user_activity_logs.user_id, member.id));
    expect(logs.map((l) => l.action_type)).toContain("google_sign_in");
    const home = await browser.get("/");
    expect(textOf(home.html)).toContain("Sign out");
  });

  it("makes the browser one that signed in to the account: when failures from elsewhere lock the address, its password still works there", async () => {
    const member = await createMember(db.ctx, { email: "farid@example.com" });
    const browser = await appClient(db.ctx);
    expect((await signInWithGoogle(browser, { email: "farid@example.com", sub: "google-sub-farid", name: "Farid" })).status).toBe(302);
    expect(browser.cookies.has("ladder_device")).toBe(true);
    await browser.post("/logout");
    for (let i = 0; i < LIMITS.failedSignInPerAccount.limit; i++) await hit(db.ctx, failedSignInKey(member.email), LIMITS.failedSignInPerAccount);
    const stranger = await appClient(db.ctx, { ip: "192.0.2.77" });
    expect((await stranger.post("/login", { email: member.email, password: member.password })).status).toBe(429);
    expect((await browser.signInWithPassword(member)).status).toBe(302);
  });

  it("keeps an avatar the member already has when linking", async () => {
    const member = await createMember(db.ctx, { email: "own-photo@example.com" });
    await db.ctx.db.update(db.ctx.t.User).set({ avatarUrl: "/uploads/own.webp" }).where(eq(db.ctx.t.User.id, member.id));
    const res = await signInWithGoogle(await appClient(db.ctx), { email: "own-photo@example.com", picture: "https://lh3.example.test/g.png" });
    expect(res.location).toBe("/");
    expect((await userByEmail(db.ctx, "own-photo@example.com")).avatarUrl).toBe("/uploads/own.webp");
  });

  it("creates a new member for an unknown verified email: role user, no password, a referral code, a creation time", async () => {
    const count = await userCount(db.ctx);
    const browser = await appClient(db.ctx);
    const res = await signInWithGoogle(browser, { email: "new.person@example.org", sub: "google-sub-new", name: "New Person" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/settings/profile");
    expect(await userCount(db.ctx)).toBe(count + 1);
    const user = await userByEmail(db.ctx, "new.person@example.org");
    expect(user.role).toBe("user");
    expect(user.password).toBeNull();
    expect(user.provider).toBe("google");
    expect(user.googleId).toBe("google-sub-new");
    expect(user.name).toBe("New Person");
    expect(user.referral_code).toMatch(/^[A-Z2-9]{8}$/);
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(user.createdAt!.getTime() - Date.now())).toBeLessThan(60_000);
    expect(await sessionsOf(db.ctx, user.id)).toHaveLength(1);

    // The next Google sign-in finds the same account by its Google id.
    const again = await signInWithGoogle(await appClient(db.ctx), { email: "new.person@example.org", sub: "google-sub-new" });
    expect(again.location).toBe("/");
    expect(await userCount(db.ctx)).toBe(count + 1);
  });

  it("refuses an unverified email: no link, no new account, no session, and the sign-in page says why", async () => {
    const member = await createMember(db.ctx, { email: "victim@example.com" });
    const count = await userCount(db.ctx);
    const browser = await appClient(db.ctx);
    const res = await signInWithGoogle(browser, { email: "victim@example.com", email_verified: false, sub: "attacker-sub" });
    expectRefused(res, browser);
    const user = await userByEmail(db.ctx, "victim@example.com");
    expect(user.googleId).toBeNull();
    expect(user.provider).toBe("password");
    expect(await sessionsOf(db.ctx, member.id)).toHaveLength(0);

    const unknown = await signInWithGoogle(browser, { email: "nobody@example.com", email_verified: false });
    expectRefused(unknown, browser);
    expect(await userCount(db.ctx)).toBe(count);

    const page = textOf((await browser.get("/login?google=failed")).html);
    expect(page).toContain("Signing in with Google did not work");
    expect(page).toContain("Google has not verified the email address");
  });

  it("refuses a callback whose state differs from the one in the browser's cookie, before any token request", async () => {
    const browser = await appClient(db.ctx);
    const back = await consent(await startGoogle(browser), { email: "state@example.com" });
    const tokensBefore = mock.events.filter((e) => e.endpoint === "token").length;
    back.searchParams.set("state", "x".repeat(43));
    const res = await browser.get(back.pathname + back.search);
    expectRefused(res, browser);
    expect(mock.events.filter((e) => e.endpoint === "token").length).toBe(tokensBefore);
    expect(await userByEmail(db.ctx, "state@example.com")).toBeUndefined();
  });

  it("refuses a callback in a browser that never started the sign-in (no state cookie)", async () => {
    const back = await consent(await startGoogle(await appClient(db.ctx)), { email: "nocookie@example.com" });
    const stranger = await appClient(db.ctx);
    const res = await stranger.get(back.pathname + back.search);
    expectRefused(res, stranger);
    expect(await userByEmail(db.ctx, "nocookie@example.com")).toBeUndefined();
  });

  it("refuses a code stolen from another browser's sign-in: its own state passes, but the provider refuses its code_verifier", async () => {
    const victim = await appClient(db.ctx);
    const stolen = await consent(await startGoogle(victim), { email: "pkce-victim@example.com" });
    const attacker = await appClient(db.ctx);
    const attackerStart = await startGoogle(attacker);
    const injected = `/auth/google/callback?code=${encodeURIComponent(stolen.searchParams.get("code")!)}&state=${encodeURIComponent(attackerStart.searchParams.get("state")!)}`;
    const res = await attacker.get(injected);
    expectRefused(res, attacker);
    const token = lastToken()!;
    expect(token.ok).toBe(false);
    expect(token.reason).toBe("code_verifier does not match the code_challenge");
    expect(await userByEmail(db.ctx, "pkce-victim@example.com")).toBeUndefined();
  });

  it("the mock provider refuses a token request without the right code_verifier (400 invalid_grant)", async () => {
    const authorize = await startGoogle(await appClient(db.ctx));
    const exchange = async (verifier: string | null) => {
      const back = await consent(authorize, { email: "direct@example.com" });
      const body = new URLSearchParams({
        grant_type: "authorization_code",
        code: back.searchParams.get("code")!,
        redirect_uri: CALLBACK,
        client_id: "ladder-integration",
        client_secret: "ladder-integration-secret",
      });
      if (verifier) body.set("code_verifier", verifier);
      const res = await fetch(`${MOCK}/token`, { method: "POST", body });
      return { status: res.status, body: (await res.json()) as { error?: string } };
    };
    expect(await exchange(null)).toEqual({ status: 400, body: expect.objectContaining({ error: "invalid_grant" }) });
    expect(await exchange("A".repeat(43))).toEqual({ status: 400, body: expect.objectContaining({ error: "invalid_grant" }) });
  });

  it("sends the browser back to the sign-in page when the person declines consent", async () => {
    const browser = await appClient(db.ctx);
    const back = await consent(await startGoogle(browser), { email: "declines@example.com", deny: true });
    expect(back.searchParams.get("error")).toBe("access_denied");
    const res = await browser.get(back.pathname + back.search);
    expectRefused(res, browser);
    expect(await userByEmail(db.ctx, "declines@example.com")).toBeUndefined();
  });

  it("sends the browser back to the sign-in page, not to an error page, when the provider cannot be reached", async () => {
    const browser = await appClient(db.ctx);
    const back = await consent(await startGoogle(browser), { email: "down@example.com" });
    await mock.stop();
    try {
      const res = await browser.get(back.pathname + back.search);
      expectRefused(res, browser);
    } finally {
      mock = await startOAuthMock({ port: MOCK_PORT });
    }
  });

  it("keeps only http(s) pictures and only local return paths", async () => {
    const browser = await appClient(db.ctx);
    const res = await signInWithGoogle(
      browser,
      { email: "careful@example.com", picture: "javascript:alert(1)" },
      "//evil.example/steal",
    );
    expect(res.location).toBe("/settings/profile");
    expect((await userByEmail(db.ctx, "careful@example.com")).avatarUrl).toBeNull();

    const member = await createMember(db.ctx, { email: "returns@example.com" });
    const back = await signInWithGoogle(await appClient(db.ctx), { email: member.email }, "https://evil.example/");
    expect(back.location).toBe("/");
    for (const target of ["/\t/evil.example/", "/\\evil.example", "/x\r\nSet-Cookie:a=b"]) {
      const again = await signInWithGoogle(await appClient(db.ctx), { email: member.email }, target);
      expect(again.location).toBe("/");
    }
  });

  it("refuses POST /auth/google without the CSRF token, and GET /auth/google changes nothing", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/auth/google", { redirectTo: "/" }, { csrf: false });
    expect(res.status).toBe(403);
    expect(browser.cookies.has("ladder_oauth")).toBe(false);
    const get = await browser.get("/auth/google");
    expect(get.status).toBe(302);
    expect(get.location).toBe("/login");
    expect(browser.cookies.has("ladder_oauth")).toBe(false);
  });

  it("sends a signed-in member home instead of to Google", async () => {
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx));
    const res = await browser.post("/auth/google", { redirectTo: "/" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    expect(browser.cookies.has("ladder_oauth")).toBe(false);
  });

  it("ends a session cookie the browser carried into the callback and issues a new one (no session fixation)", async () => {
    const member = await createMember(db.ctx, { email: "fixation@example.com" });
    const planter = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const back = await consent(await startGoogle(browser), { email: member.email });
    const planted = await browser.signIn(planter);
    const res = await browser.get(back.pathname + back.search);
    expect(res.location).toBe("/");
    expect(browser.cookies.get("ladder_session")).not.toBe(planted);
    expect((await sessionsOf(db.ctx, planter.id)).every((s) => !s.is_active)).toBe(true);
    expect((await sessionsOf(db.ctx, member.id)).filter((s) => s.is_active)).toHaveLength(1);
  });
});
