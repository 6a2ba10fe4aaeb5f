/**
 * Password reset (ASVS 6.3.8, 6.4.1, 7.4.3): a link with a random 256-bit token, only its SHA-256
 * stored in password_reset_tokens; it lives 30 minutes, works once, and only the newest one of a
 * member works. The answer is the same for known and unknown addresses. Using it ends every
 * session of the account.
 */
import { and, eq, gt, like, lt, or } from "drizzle-orm";
import { z } from "zod";
import { withTx, type Ctx } from "~/db.server";
import { sendMail, type SendResult } from "~/services/mail.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { normalizeEmail } from "./accounts.server";
import { track } from "~/modules/analytics/index.server";
import { hashPassword, newPasswordField } from "./passwords.server";
import { endSessionsOf, hashToken, newToken } from "./sessions.server";
import { deviceFailedKey, failedSignInKey } from "./sign-in.server";
import { trimEndChars } from "~/lib/text";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";

export const RESET_TOKEN_TTL_MS = 30 * 60 * 1000;

export const resetPasswordSchema = z.object({
  // Length and common-password rules are checked by passwordProblem (it needs the list).
  password: newPasswordField(),
});

/** Tokens are 32 random bytes in base64url (43 characters); anything else is not worth a query. */
export const isWellFormedResetToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

/** The link in the mail; `baseUrl` is PUBLIC_URL or the origin the request came to. */
export function resetLink(baseUrl: string, token: string): string {
  return `${trimEndChars(baseUrl, "/")}/reset-password/${token}`;
}

/** The mail in the words of `t`: the language of whoever asked for the link (English by default). */
export function resetMail(to: string, link: string, t: Translate = translator("en")): { to: string; subject: string; text: string } {
  return {
    to,
    subject: t("auth.mail.resetSubject"),
    text: [t("auth.mail.resetIntro"), "", t("auth.mail.resetChoose"), link, "", t("auth.mail.resetIgnore"), "", t("common.brand")].join("\n"),
  };
}

export type ResetRequestResult =
  | { kind: "limited"; retryAfterSeconds: number }
  /** `delivery` settles when the mail is sent or has failed (null when no account uses the address). */
  | { kind: "accepted"; delivery: Promise<SendResult> | null };

/**
 * Counts the request against the address (known or not), and for a member issues a new token,
 * which makes older ones useless, then mails the link (after the database work).
 */
export async function requestPasswordReset(
  ctx: Ctx,
  input: { email: string; baseUrl: string; ip: string | null; userAgent: string | null; now?: Date; t?: Translate },
): Promise<ResetRequestResult> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  const limit = await hit(ctx, `reset:${email}`, LIMITS.resetMailPerAddress, now);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };

  const { User, password_reset_tokens: prt } = ctx.t;
  const [member] = await ctx.db.select({ id: User.id, email: User.email }).from(User).where(eq(User.email, email)).limit(1);
  if (!member) return { kind: "accepted", delivery: null };

  const token = newToken();
  await withTx(ctx, async (tx) => {
    // Only the newest token works: the member's older ones go (and anyone's expired ones with them).
    await tx.db.delete(prt).where(or(eq(prt.user_id, member.id), lt(prt.expires_at, now)));
    await tx.db.insert(prt).values({
      user_id: member.id,
      token: hashToken(token),
      expires_at: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
      created_at: now,
    });
    await track(tx, { userId: member.id, type: "password_reset_requested", ip: input.ip, userAgent: input.userAgent });
  });
  return { kind: "accepted", delivery: sendMail(resetMail(member.email, resetLink(input.baseUrl, token), input.t)) };
}

/** The member a live token belongs to, or null (unknown, used, replaced or expired). */
export async function findResetToken(ctx: Ctx, token: string, now = new Date()): Promise<{ userId: string; email: string } | null> {
  if (!isWellFormedResetToken(token)) return null;
  const { User, password_reset_tokens: prt } = ctx.t;
  // The lookup is by the token's SHA-256: comparing hashes leaks nothing about the token.
  const [row] = await ctx.db
    .select({ userId: prt.user_id, email: User.email })
    .from(prt)
    .innerJoin(User, eq(User.id, prt.user_id))
    .where(and(eq(prt.token, hashToken(token)), gt(prt.expires_at, now)))
    .limit(1);
  return row ?? null;
}

export type ResetResult = { ok: true; userId: string } | { ok: false };

/**
 * Sets the new password if the token is live. The token is taken by a DELETE .. RETURNING, so of
 * two uses at the same moment only one succeeds; every session of the account ends.
 */
export async function resetPassword(
  ctx: Ctx,
  input: { token: string; password: string; ip: string | null; userAgent: string | null; now?: Date },
): Promise<ResetResult> {
  if (!isWellFormedResetToken(input.token)) return { ok: false };
  const now = input.now ?? new Date();
  // Hash first: withTx bodies await only database statements.
  const passwordHash = await hashPassword(input.password);
  const { User, password_reset_tokens: prt } = ctx.t;
  return withTx(ctx, async (tx): Promise<ResetResult> => {
    const [taken] = await tx.db
      .delete(prt)
      .where(and(eq(prt.token, hashToken(input.token)), gt(prt.expires_at, now)))
      .returning({ userId: prt.user_id });
    if (!taken) return { ok: false };
    await tx.db.delete(prt).where(eq(prt.user_id, taken.userId));
    const [member] = await tx.db
      .update(User)
      .set({ password: passwordHash })
      .where(eq(User.id, taken.userId))
      .returning({ email: User.email });
    await endSessionsOf(tx, taken.userId, { now });
    // Whoever proved they own the mailbox may sign in again at once: lift the failed-sign-in
    // lock of the address and those of the member's devices (decision 055).
    const buckets = ctx.t.rate_limit_buckets;
    if (member) await tx.db.delete(buckets).where(eq(buckets.key, failedSignInKey(member.email)));
    await tx.db.delete(buckets).where(like(buckets.key, `${deviceFailedKey(taken.userId, "")}%`));
    await track(tx, { userId: taken.userId, type: "password_reset", ip: input.ip, userAgent: input.userAgent });
    return { ok: true, userId: taken.userId };
  });
}
