/**
 * Google sign-in: offered only when GOOGLE_CLIENT_ID is set.
 *
 * LadderGoogleStrategy is remix-auth-google's strategy with three changes (decision record 007):
 * every endpoint comes from the environment (tests point them at oauth2-mock-server), the
 * authorization code is bound to the browser with PKCE S256 [ASVS 10.2.1], and the scopes are
 * "openid email profile". The accounts rule (link by a verified email, or create) is
 * `accountForGoogle`, which never reads a Request.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import { and, eq, isNull, or } from "drizzle-orm";
import type { AuthenticateOptions } from "remix-auth";
import { GoogleStrategy, type GoogleProfile } from "remix-auth-google";
import type { SessionStorage } from "@remix-run/node";
import type { Ctx } from "~/db.server";
import { env } from "~/env.server";
import { newReferralCode, normalizeEmail, type VerifiedUser } from "./accounts.server";
import { track } from "~/modules/analytics/index.server";

export function googleEnabled(): boolean {
  return Boolean(env().GOOGLE_CLIENT_ID);
}

export const GOOGLE_CALLBACK_PATH = "/auth/google/callback";
export const GOOGLE_SCOPES = ["openid", "email", "profile"];

/**
 * The PKCE code_verifier of one sign-in attempt: derived from the attempt's random state with
 * the server's secret, so nothing in any URL reveals it, and nothing needs to be stored for it.
 * 43 base64url characters (RFC 7636 asks for 43 to 128 unreserved characters).
 */
export function pkceVerifier(secret: string, state: string): string {
  return crypto.createHmac("sha256", secret).update(`pkce:${state}`).digest("base64url");
}

/** S256: base64url(SHA-256(verifier)). */
export function pkceChallenge(verifier: string): string {
  return crypto.createHash("sha256").update(verifier).digest("base64url");
}

/** A refusal the member should read (shown on the sign-in page; its message is a message id); other errors stay generic. */
export class GoogleSignInRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "GoogleSignInRefused";
  }
}

// remix-auth-oauth2 1.x declares these private in its types; at run time they are ordinary
// methods and properties, which the strategy below replaces on its instance.
interface OAuth2Internals {
  getCallbackURL(request: Request): URL;
  getAuthorizationURL(request: Request, state: string): URL;
  generateState(): string;
  userInfoURL: string;
}

export interface LadderGoogleOptions {
  clientID: string;
  clientSecret: string;
  authorizationURL: string;
  tokenURL: string;
  userInfoURL: string;
  /** PUBLIC_URL; without it the callback is on the origin of the request. */
  publicUrl?: string;
  /** Signs the PKCE verifier (SESSION_SECRET). */
  secret: string;
}

type Verify = ConstructorParameters<typeof GoogleStrategy<VerifiedUser | null>>[1];

export class LadderGoogleStrategy extends GoogleStrategy<VerifiedUser | null> {
  /** The state of the callback being handled, for the token request's code_verifier. */
  private readonly callbackState = new AsyncLocalStorage<string | null>();
  private readonly secret: string;

  constructor(options: LadderGoogleOptions, verify: Verify) {
    super(
      {
        clientID: options.clientID,
        clientSecret: options.clientSecret,
        callbackURL: `${options.publicUrl?.replace(/\/$/, "") ?? ""}${GOOGLE_CALLBACK_PATH}`,
        scope: GOOGLE_SCOPES,
      },
      verify,
    );
    this.secret = options.secret;
    // GoogleStrategy hard-codes Google's addresses in its constructor: replace them.
    this.authorizationURL = options.authorizationURL;
    this.tokenURL = options.tokenURL;
    const self = this as unknown as OAuth2Internals;
    self.userInfoURL = options.userInfoURL;

    const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : null;
    // The library guesses http/https from the Host header ("https" unless it says localhost).
    self.getCallbackURL = (request) => new URL(GOOGLE_CALLBACK_PATH, publicOrigin ?? new URL(request.url).origin);
    // 256 random bits (the library's default is a UUID v4, 122 bits).
    self.generateState = () => crypto.randomBytes(32).toString("base64url");
    const baseAuthorizationURL = Object.getPrototypeOf(LadderGoogleStrategy.prototype).getAuthorizationURL as OAuth2Internals["getAuthorizationURL"];
    self.getAuthorizationURL = (request, state) => {
      const url = baseAuthorizationURL.call(this, request, state);
      url.searchParams.set("code_challenge", pkceChallenge(pkceVerifier(this.secret, state)));
      url.searchParams.set("code_challenge_method", "S256");
      return url;
    };
  }

  /**
   * remix-auth-oauth2 compares the callback's state with the one in the cookie session before
   * it asks for the token; the same state gives the verifier for that token request.
   */
  async authenticate(request: Request, sessionStorage: SessionStorage, options: AuthenticateOptions): Promise<VerifiedUser | null> {
    const state = new URL(request.url).searchParams.get("state");
    return this.callbackState.run(state, () => super.authenticate(request, sessionStorage, options));
  }

  protected tokenParams(): URLSearchParams {
    const params = super.tokenParams();
    const state = this.callbackState.getStore();
    if (!state) throw new Error("No state for the token request's code_verifier");
    params.set("code_verifier", pkceVerifier(this.secret, state));
    return params;
  }
}

/** What Ladder takes from Google's userinfo answer. */
export interface GoogleIdentity {
  sub: string;
  email: string;
  emailVerified: boolean;
  name: string | null;
  picture: string | null;
}

export function identityFromProfile(profile: Pick<GoogleProfile, "_json">): GoogleIdentity {
  const raw = (profile._json ?? {}) as Partial<Record<keyof GoogleProfile["_json"], unknown>>;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  return {
    sub: text(raw.sub) ?? "",
    email: text(raw.email) ?? "",
    // Google's OpenID userinfo gives a boolean; some of its older endpoints gave the string "true".
    emailVerified: raw.email_verified === true || raw.email_verified === "true",
    name: text(raw.name),
    picture: text(raw.picture),
  };
}

/** Only http(s) addresses are kept as avatars (never javascript:, data: ...). */
export function safeAvatarUrl(picture: string | null): string | null {
  if (!picture || picture.length > 2000) return null;
  try {
    const url = new URL(picture);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

// Refusals are message ids (decision 040), put into words on the sign-in page that shows them.
export const UNVERIFIED_EMAIL = "auth.google.unverified";
const INCOMPLETE = "auth.google.incomplete";
const NO_EMAIL = "auth.google.noEmail";
const EMAIL_TOO_LONG = "auth.google.emailTooLong";
const OTHER_GOOGLE_ACCOUNT = "auth.google.otherAccount";

export type GoogleAccountResult = { ok: true; user: VerifiedUser; created: boolean; linked: boolean } | { ok: false; message: string };

/**
 * The Ladder account of a Google identity: the account already linked to this Google account;
 * else the account with the same email, linked now, but only when Google has verified that
 * email [ASVS 10.x: no account takeover through an unverified address]; else a new account.
 * Linking sets googleId, provider and (when the member has none) the avatar; it never touches
 * the role or the password.
 */
export async function accountForGoogle(
  ctx: Ctx,
  identity: GoogleIdentity,
  audit: { ip?: string | null; userAgent?: string | null } = {},
  retried = false,
): Promise<GoogleAccountResult> {
  if (!identity.sub || identity.sub.length > 255) return { ok: false, message: INCOMPLETE };
  if (!identity.email) return { ok: false, message: NO_EMAIL };
  if (!identity.emailVerified) return { ok: false, message: UNVERIFIED_EMAIL };
  const email = normalizeEmail(identity.email);
  if (email.length > 64) return { ok: false, message: EMAIL_TOO_LONG };
  const avatar = safeAvatarUrl(identity.picture);
  const { User } = ctx.t;

  const [linked] = await ctx.db.select({ id: User.id, email: User.email }).from(User).where(eq(User.googleId, identity.sub)).limit(1);
  if (linked) return { ok: true, user: linked, created: false, linked: false };

  const [existing] = await ctx.db
    .select({ id: User.id, email: User.email, googleId: User.googleId, avatarUrl: User.avatarUrl })
    .from(User)
    .where(eq(User.email, email))
    .limit(1);
  if (existing) {
    if (existing.googleId && existing.googleId !== identity.sub) return { ok: false, message: OTHER_GOOGLE_ACCOUNT };
    const [updated] = await ctx.db
      .update(User)
      .set({ googleId: identity.sub, provider: "google", ...(existing.avatarUrl || !avatar ? {} : { avatarUrl: avatar }) })
      // Only while no other Google account got there first.
      .where(and(eq(User.id, existing.id), or(isNull(User.googleId), eq(User.googleId, identity.sub))))
      .returning({ id: User.id });
    if (!updated) return { ok: false, message: OTHER_GOOGLE_ACCOUNT };
    await track(ctx, {
      userId: existing.id,
      type: "profile_updated",
      ip: audit.ip,
      userAgent: audit.userAgent,
      metadata: { change: "google_linked" },
    });
    return { ok: true, user: { id: existing.id, email: existing.email }, created: false, linked: true };
  }

  const [created] = await ctx.db
    .insert(User)
    .values({
      email,
      name: identity.name?.slice(0, 100) ?? email.split("@")[0],
      password: null,
      provider: "google",
      googleId: identity.sub,
      avatarUrl: avatar,
      role: "user",
      referral_code: newReferralCode(),
      createdAt: new Date(),
    })
    .onConflictDoNothing({ target: User.email })
    .returning({ id: User.id, email: User.email });
  if (!created) {
    // Someone signed up with this email a moment ago: link to that account instead.
    if (retried) return { ok: false, message: "auth.google.setupFailed" };
    return accountForGoogle(ctx, identity, audit, true);
  }
  await track(ctx, { userId: created.id, type: "sign_up", ip: audit.ip, userAgent: audit.userAgent, metadata: { provider: "google" } });
  return { ok: true, user: created, created: true, linked: false };
}

/** The strategy with Ladder's configuration; `ctxOf` finds the database in remix-auth's context. */
export function createGoogleStrategy(ctxOf: (context: unknown) => Ctx): LadderGoogleStrategy {
  const e = env();
  if (!e.GOOGLE_CLIENT_ID || !e.GOOGLE_CLIENT_SECRET) throw new Error("Google sign-in needs GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET");
  return new LadderGoogleStrategy(
    {
      clientID: e.GOOGLE_CLIENT_ID,
      clientSecret: e.GOOGLE_CLIENT_SECRET,
      authorizationURL: e.GOOGLE_AUTH_URL,
      tokenURL: e.GOOGLE_TOKEN_URL,
      userInfoURL: e.GOOGLE_USERINFO_URL,
      publicUrl: e.PUBLIC_URL,
      secret: e.SESSION_SECRET,
    },
    async ({ profile, context }) => {
      const audit = (context ?? {}) as { ip?: string | null; userAgent?: string | null };
      const result = await accountForGoogle(ctxOf(context), identityFromProfile(profile), audit);
      if (!result.ok) throw new GoogleSignInRefused(result.message);
      // `created` lets the callback welcome a new member to their profile page.
      return { ...result.user, created: result.created };
    },
  );
}
