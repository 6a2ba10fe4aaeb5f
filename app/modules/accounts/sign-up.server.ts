/**
 * Sign-up with a confirmed address (ASVS 6.3.8, docs/decisions/054-sign-up-confirmation.md).
 *
 * The answer is the same whether or not the address has an account: the password is hashed either
 * way, and either way a mail goes out after the database work. A new address gets a pending row in
 * sign_up_confirmations (only SHA-256 of the link's token and an HMAC of the 6-digit code) and a mail
 * with both; the owner of a known address gets "someone tried to sign up with your address". The
 * User row is created only when the link or the code is used, in one transaction that first takes
 * the pending row with DELETE .. RETURNING, so of two confirmations at once only one creates a member.
 */
import crypto from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { env } from "~/env.server";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { trimEndChars } from "~/lib/text";
import { track } from "~/modules/analytics/index.server";
import { sendMail, type SendResult } from "~/services/mail.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { newReferralCode, normalizeEmail } from "./accounts.server";
import { savedLanguage } from "./language.server";
import { hashPassword } from "./passwords.server";
import { hashToken, newToken } from "./sessions.server";
import { NEW_MEMBER_PAGE, normalizeCode } from "./sign-up";

/** How long the link and the code of a confirmation mail work. */
export const CONFIRM_TTL_MS = 24 * 60 * 60 * 1000;
/** Wrong codes allowed per mail; after that the code is dead (the link still works) until a new mail. */
export const CODE_ATTEMPTS = 5;

/** Link tokens are 32 random bytes in base64url (43 characters); anything else is not worth a query. */
export const isWellFormedConfirmToken = (token: string | undefined): token is string => !!token && /^[A-Za-z0-9_-]{43}$/.test(token);

/** Six digits, leading zeros kept. */
export function newCode(): string {
  return String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
}

/**
 * The stored form of a code: an HMAC keyed with SESSION_SECRET over the row's id and the code,
 * so a copy of the table alone does not give the codes back (a million guesses would otherwise).
 */
export function codeHash(rowId: string, code: string): string {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`${rowId}:${code}`).digest("hex");
}

export function confirmLink(baseUrl: string, token: string): string {
  return `${trimEndChars(baseUrl, "/")}/signup/confirm/${token}`;
}

type MailText = { to: string; subject: string; text: string };

/** The confirmation mail: the link and, for a phone whose mail opens elsewhere, the code. */
export function confirmationMail(to: string, link: string, code: string, t: Translate = translator("en")): MailText {
  return {
    to,
    subject: t("auth.mail.confirmSubject"),
    text: [
      t("auth.mail.confirmIntro"),
      "",
      t("auth.mail.confirmLink"),
      link,
      "",
      t("auth.mail.confirmCode", { code }),
      "",
      t("auth.mail.confirmIgnore"),
      "",
      t("common.brand"),
    ].join("\n"),
  };
}

/** The mail to the owner of an address someone tried to sign up with. */
export function someoneTriedMail(to: string, baseUrl: string, t: Translate = translator("en")): MailText {
  const base = trimEndChars(baseUrl, "/");
  return {
    to,
    subject: t("auth.mail.triedSubject"),
    text: [
      t("auth.mail.triedIntro"),
      "",
      t("auth.mail.triedSignIn"),
      `${base}/login`,
      "",
      t("auth.mail.triedReset"),
      `${base}/forgot-password`,
      "",
      t("auth.mail.triedIgnore"),
      "",
      t("common.brand"),
    ].join("\n"),
  };
}

export type SignUpRequestResult =
  | { kind: "limited"; retryAfterSeconds: number }
  /** `delivery` settles when the mail is sent or has failed. */
  | { kind: "accepted"; email: string; delivery: Promise<SendResult> };

/**
 * A sign-up form that passed its checks. Counts a mail against the address (known or not), then
 * either keeps a pending sign-up and mails its link and code, or tells the address's owner.
 * `t` is the language of whoever filled in the form.
 */
export async function requestSignUp(
  ctx: Ctx,
  input: { name: string; email: string; password: string; referralCode?: string | null; redirectTo: string; baseUrl: string; t?: Translate; now?: Date },
): Promise<SignUpRequestResult> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  // Hashed for known addresses too: the answer's time must not tell which addresses have accounts.
  // (And first: withTx bodies await only database statements.)
  const passwordHash = await hashPassword(input.password);
  const limit = await hit(ctx, `sign-up-mail:${email}`, LIMITS.signUpMailPerAddress, now);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };

  const owner = await memberOf(ctx, email);
  if (owner) return { kind: "accepted", email, delivery: tellOwner(ctx, owner, input.baseUrl) };

  const id = crypto.randomUUID();
  const token = newToken();
  const code = newCode();
  const row = {
    id,
    email,
    name: input.name.trim(),
    password_hash: passwordHash,
    referral_code: input.referralCode?.trim().toUpperCase().slice(0, 32) || null,
    redirect_to: input.redirectTo.length <= 500 ? input.redirectTo : NEW_MEMBER_PAGE,
    token_hash: hashToken(token),
    code_hash: codeHash(id, code),
    attempts: 0,
    expires_at: new Date(now.getTime() + CONFIRM_TTL_MS),
    created_at: now,
  };
  const c = ctx.t.sign_up_confirmations;
  await withTx(ctx, async (tx) => {
    // Expired sign-ups of anyone go; a newer sign-up for the same address replaces the older.
    await tx.db.delete(c).where(lt(c.expires_at, now));
    await tx.db
      .insert(c)
      .values(row)
      .onConflictDoUpdate({ target: c.email, set: { ...row, email: undefined } });
  });
  return { kind: "accepted", email, delivery: sendMail(confirmationMail(email, confirmLink(input.baseUrl, token), code, input.t)) };
}

/**
 * "Send it again": a new link and code for a waiting sign-up (the old ones stop working), the
 * owner's mail for a known address, nothing for any other; the same answer in every case.
 */
export async function resendConfirmation(
  ctx: Ctx,
  input: { email: string; baseUrl: string; t?: Translate; now?: Date },
): Promise<{ kind: "limited"; retryAfterSeconds: number } | { kind: "accepted"; delivery: Promise<SendResult> | null }> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  const limit = await hit(ctx, `sign-up-mail:${email}`, LIMITS.signUpMailPerAddress, now);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };

  const owner = await memberOf(ctx, email);
  if (owner) return { kind: "accepted", delivery: tellOwner(ctx, owner, input.baseUrl) };

  const c = ctx.t.sign_up_confirmations;
  const [pending] = await ctx.db.select({ id: c.id }).from(c).where(and(eq(c.email, email), gt(c.expires_at, now))).limit(1);
  if (!pending) return { kind: "accepted", delivery: null };
  const token = newToken();
  const code = newCode();
  const [renewed] = await ctx.db
    .update(c)
    .set({ token_hash: hashToken(token), code_hash: codeHash(pending.id, code), attempts: 0, expires_at: new Date(now.getTime() + CONFIRM_TTL_MS) })
    .where(eq(c.id, pending.id))
    .returning({ id: c.id });
  if (!renewed) return { kind: "accepted", delivery: null };
  return { kind: "accepted", delivery: sendMail(confirmationMail(email, confirmLink(input.baseUrl, token), code, input.t)) };
}

async function memberOf(ctx: Ctx, email: string): Promise<{ id: string; email: string } | null> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ id: User.id, email: User.email }).from(User).where(eq(User.email, email)).limit(1);
  return row ?? null;
}

/** The owner is written to in their saved language (English when they saved none). */
async function tellOwner(ctx: Ctx, owner: { id: string; email: string }, baseUrl: string): Promise<SendResult> {
  const lang = await savedLanguage(ctx, owner.id);
  return sendMail(someoneTriedMail(owner.email, baseUrl, translator(lang)));
}

/** The address of a live link's sign-up, or null (unknown, used, replaced or expired). */
export async function findPendingByToken(ctx: Ctx, token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!isWellFormedConfirmToken(token)) return null;
  const c = ctx.t.sign_up_confirmations;
  const [row] = await ctx.db
    .select({ email: c.email })
    .from(c)
    .where(and(eq(c.token_hash, hashToken(token)), gt(c.expires_at, now)))
    .limit(1);
  return row ?? null;
}

export type ConfirmResult =
  | { ok: true; userId: string; redirectTo: string }
  /** gone: no live sign-up (unknown, used, expired, or its code is dead); taken: the address got an account meanwhile. */
  | { ok: false; reason: "gone" | "taken" }
  | { ok: false; reason: "wrong-code"; attemptsLeft: number };

/** Confirms with the mailed link's token. */
export async function confirmByLink(ctx: Ctx, input: { token: string; ip: string | null; userAgent: string | null; now?: Date }): Promise<ConfirmResult> {
  if (!isWellFormedConfirmToken(input.token)) return { ok: false, reason: "gone" };
  const now = input.now ?? new Date();
  const c = ctx.t.sign_up_confirmations;
  return withTx(ctx, async (tx) => {
    const [taken] = await tx.db
      .delete(c)
      .where(and(eq(c.token_hash, hashToken(input.token)), gt(c.expires_at, now)))
      .returning();
    if (!taken) return { ok: false, reason: "gone" } as const;
    return createMember(tx, taken, input);
  });
}

/**
 * Confirms with the 6-digit code. Each try uses one of the CODE_ATTEMPTS first (one atomic
 * UPDATE, so tries at the same moment cannot add up to more), then the code is compared.
 */
export async function confirmByCode(
  ctx: Ctx,
  input: { email: string; code: string; ip: string | null; userAgent: string | null; now?: Date },
): Promise<ConfirmResult> {
  const email = normalizeEmail(input.email);
  const now = input.now ?? new Date();
  const c = ctx.t.sign_up_confirmations;
  const [tried] = await ctx.db
    .update(c)
    .set({ attempts: sql`${c.attempts} + 1` })
    .where(and(eq(c.email, email), gt(c.expires_at, now), lt(c.attempts, CODE_ATTEMPTS)))
    .returning({ id: c.id, code_hash: c.code_hash, attempts: c.attempts });
  if (!tried) return { ok: false, reason: "gone" };
  const given = codeHash(tried.id, normalizeCode(input.code));
  if (!crypto.timingSafeEqual(Buffer.from(given), Buffer.from(tried.code_hash))) {
    return { ok: false, reason: "wrong-code", attemptsLeft: Math.max(0, CODE_ATTEMPTS - tried.attempts) };
  }
  return withTx(ctx, async (tx) => {
    const [taken] = await tx.db.delete(c).where(and(eq(c.id, tried.id), eq(c.code_hash, tried.code_hash))).returning();
    if (!taken) return { ok: false, reason: "gone" } as const;
    return createMember(tx, taken, input);
  });
}

type PendingRow = Ctx["t"]["sign_up_confirmations"]["$inferSelect"];

/** The member of a confirmed sign-up, inside the transaction that took its pending row. */
async function createMember(tx: Ctx, row: PendingRow, input: { ip: string | null; userAgent: string | null }): Promise<ConfirmResult> {
  const { User } = tx.t;
  const [created] = await tx.db
    .insert(User)
    .values({
      email: row.email,
      name: row.name,
      password: row.password_hash,
      provider: "password",
      role: "user",
      referral_code: newReferralCode(),
      createdAt: new Date(),
    })
    .onConflictDoNothing({ target: User.email })
    .returning({ id: User.id });
  // Signed up with Google in the meantime: the mailbox's owner has an account already.
  if (!created) return { ok: false, reason: "taken" };
  await track(tx, { userId: created.id, type: "sign_up", ip: input.ip, userAgent: input.userAgent });
  if (row.referral_code) {
    const [referrer] = await tx.db.select({ id: User.id }).from(User).where(eq(User.referral_code, row.referral_code)).limit(1);
    if (referrer && referrer.id !== created.id) {
      await track(tx, { userId: referrer.id, type: "referral_sign_up", resource: { type: "user", id: created.id } });
    }
  }
  return { ok: true, userId: created.id, redirectTo: row.redirect_to };
}
