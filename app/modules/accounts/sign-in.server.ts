/**
 * Signing in: rate limits, the credential check (given as `verify`, so remix-auth stays in the
 * route), a fresh session (a token the browser held before is ended: no session fixation), and
 * the audit log. The module never reads the Request itself.
 */
import { eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { hit, LIMITS, pruneBuckets, unhit, type Limit } from "~/services/rate-limit.server";
import { findUserIdByEmail, normalizeEmail, type VerifiedUser } from "./accounts.server";
import { track } from "~/modules/analytics/index.server";
import { deviceSignedInBefore, rememberDevice, type Device } from "./device-cookie.server";
import { endSession, findSession, startSession } from "./sessions.server";

/** Refusals are message ids (decision 040): the route puts them into the reader's words. */
export const WRONG_CREDENTIALS = "auth.login.wrongCredentials";
/** Too many failed sign-ins to the address from browsers that never signed in to it. */
export const ACCOUNT_LOCKED = "auth.login.tooManyFailed";

export type SignInResult =
  | { kind: "signed-in"; token: string; userId: string; device: Device }
  | { kind: "refused"; message: string }
  | { kind: "limited"; message: string; retryAfterSeconds: number };

/** The failure count of an address from untrusted browsers (any case or spacing of it counts together). */
export const failedSignInKey = (email: string) => `sign-in-failed:${normalizeEmail(email)}`;
/** The failure count of one account from one device that signed in to it before. */
export const deviceFailedKey = (userId: string, nonce: string) => `sign-in-device-failed:${userId}:${nonce}`;

/**
 * Limits (decision 055): every attempt counts against its network (per IP). An attempt from a
 * device that signed in to the account before counts against that device's own budget for the
 * account; any other attempt, or one from a device past its budget, against the address's. A
 * failure is counted before the password is checked (and given back when it was right), so
 * concurrent attempts cannot all slip under a limit.
 */
export async function signIn(
  ctx: Ctx,
  input: {
    email: string;
    ip: string | null;
    userAgent: string | null;
    previousToken: string | null;
    /** The browser's valid device cookie, if any (device-cookie.server.ts). */
    device: Device | null;
    verify: () => Promise<VerifiedUser | null>;
  },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const perIp = await hit(ctx, `sign-in:ip:${input.ip ?? "unknown"}`, LIMITS.signInPerIp);
  if (!perIp.allowed) {
    return { kind: "limited", message: "auth.login.tooManyFromNetwork", retryAfterSeconds: perIp.retryAfterSeconds };
  }

  const now = new Date();
  let counted: { key: string; limit: Limit } | null = null;
  const knownId = await findUserIdByEmail(ctx, email);
  const trustedKey = knownId && input.device && deviceSignedInBefore(input.device, knownId) ? deviceFailedKey(knownId, input.device.nonce) : null;
  if (trustedKey && (await hit(ctx, trustedKey, LIMITS.failedSignInPerDevice, now)).allowed) {
    counted = { key: trustedKey, limit: LIMITS.failedSignInPerDevice };
  }
  if (!counted) {
    const key = failedSignInKey(email);
    const failures = await hit(ctx, key, LIMITS.failedSignInPerAccount, now);
    if (!failures.allowed) {
      return { kind: "limited", message: ACCOUNT_LOCKED, retryAfterSeconds: failures.retryAfterSeconds };
    }
    counted = { key, limit: LIMITS.failedSignInPerAccount };
  }

  const user = await input.verify();
  if (!user) {
    if (knownId) await track(ctx, { userId: knownId, type: "sign_in_failed", ip: input.ip, userAgent: input.userAgent });
    return { kind: "refused", message: WRONG_CREDENTIALS };
  }
  await unhit(ctx, counted.key, counted.limit, now);
  // The device proved itself again: its own budget starts afresh (a stranger's failures are untouched).
  if (trustedKey) await ctx.db.delete(ctx.t.rate_limit_buckets).where(eq(ctx.t.rate_limit_buckets.key, trustedKey));
  const session = await startSignedInSession(ctx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, previousToken: input.previousToken, action: "sign_in" });
  return { ...session, device: rememberDevice(input.device, user.id) };
}

/** A new session for a member who proved who they are (password, Google, a new account). */
export async function startSignedInSession(
  ctx: Ctx,
  input: { userId: string; ip: string | null; userAgent: string | null; previousToken: string | null; action: "sign_in" | "sign_up" | "google_sign_in" },
): Promise<{ kind: "signed-in"; token: string; userId: string }> {
  if (input.previousToken) {
    const previous = await findSession(ctx, input.previousToken);
    if (previous) await endSession(ctx, previous.sessionId);
  }
  const { token, sessionId } = await startSession(ctx, { userId: input.userId, ip: input.ip, userAgent: input.userAgent });
  // Windows older than a day can no longer limit anything; sign-ins are frequent enough to sweep them.
  await pruneBuckets(ctx, new Date(Date.now() - 24 * 60 * 60 * 1000));
  if (input.action !== "sign_up") {
    await track(ctx, { userId: input.userId, type: input.action, ip: input.ip, userAgent: input.userAgent, sessionId });
  }
  return { kind: "signed-in", token, userId: input.userId };
}
