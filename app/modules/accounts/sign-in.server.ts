/**
 * Signing in: rate limits, the credential check (given as `verify`, so remix-auth stays in the
 * route), a fresh session (a token the browser held before is ended: no session fixation), and
 * the audit log. The module never reads the Request itself.
 */
import type { Ctx } from "~/db.server";
import { hit, LIMITS, peek, pruneBuckets } from "~/services/rate-limit.server";
import { findUserIdByEmail, normalizeEmail, type VerifiedUser } from "./accounts.server";
import { track } from "~/modules/analytics/index.server";
import { endSession, findSession, startSession } from "./sessions.server";

/** Refusals are message ids (decision 040): the route puts them into the reader's words. */
export const WRONG_CREDENTIALS = "auth.login.wrongCredentials";

export type SignInResult =
  | { kind: "signed-in"; token: string; userId: string }
  | { kind: "refused"; message: string }
  | { kind: "limited"; message: string; retryAfterSeconds: number };

export async function signIn(
  ctx: Ctx,
  input: {
    email: string;
    ip: string | null;
    userAgent: string | null;
    previousToken: string | null;
    verify: () => Promise<VerifiedUser | null>;
  },
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const perIp = await hit(ctx, `sign-in:ip:${input.ip ?? "unknown"}`, LIMITS.signInPerIp);
  if (!perIp.allowed) {
    return { kind: "limited", message: "auth.login.tooManyFromNetwork", retryAfterSeconds: perIp.retryAfterSeconds };
  }
  const failures = await peek(ctx, `sign-in-failed:${email}`, LIMITS.failedSignInPerAccount);
  if (!failures.allowed) {
    return { kind: "limited", message: "auth.login.tooManyFailed", retryAfterSeconds: failures.retryAfterSeconds };
  }

  const user = await input.verify();
  if (!user) {
    await hit(ctx, `sign-in-failed:${email}`, LIMITS.failedSignInPerAccount);
    const knownId = await findUserIdByEmail(ctx, email);
    if (knownId) await track(ctx, { userId: knownId, type: "sign_in_failed", ip: input.ip, userAgent: input.userAgent });
    return { kind: "refused", message: WRONG_CREDENTIALS };
  }
  return startSignedInSession(ctx, { userId: user.id, ip: input.ip, userAgent: input.userAgent, previousToken: input.previousToken, action: "sign_in" });
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
