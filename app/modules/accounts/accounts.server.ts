/** Signing up and signing in: the rules, with no knowledge of requests or cookies. */
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./passwords.server";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Eight letters and digits people can read aloud (no 0/O, 1/I/L). */
export function newReferralCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/** `message` is a message id (decision 040). */
export type SignUpResult = { ok: true; userId: string } | { ok: false; field: "email"; message: string };

export async function signUp(
  ctx: Ctx,
  input: { name: string; email: string; password: string; referralCode?: string | null; ip?: string | null; userAgent?: string | null },
): Promise<SignUpResult> {
  const email = normalizeEmail(input.email);
  // Hash first: withTx bodies await only database statements.
  const passwordHash = await hashPassword(input.password);
  const { User } = ctx.t;
  const [created] = await ctx.db
    .insert(User)
    .values({
      email,
      name: input.name.trim(),
      password: passwordHash,
      provider: "password",
      role: "user",
      referral_code: newReferralCode(),
      createdAt: new Date(),
    })
    .onConflictDoNothing({ target: User.email })
    .returning({ id: User.id });
  if (!created) {
    return { ok: false, field: "email", message: "auth.signup.emailTaken" };
  }
  await track(ctx, { userId: created.id, type: "sign_up", ip: input.ip, userAgent: input.userAgent });
  const code = input.referralCode?.trim().toUpperCase();
  if (code) {
    const [referrer] = await ctx.db.select({ id: User.id }).from(User).where(eq(User.referral_code, code)).limit(1);
    if (referrer && referrer.id !== created.id) {
      await track(ctx, { userId: referrer.id, type: "referral_sign_up", resource: { type: "user", id: created.id } });
    }
  }
  return { ok: true, userId: created.id };
}

export interface VerifiedUser {
  id: string;
  email: string;
}

/**
 * Checks an email and password. An unknown email costs the same argon2 time as a wrong
 * password, so timing does not tell which accounts exist. Rehashes old parameters.
 */
export async function verifyCredentials(ctx: Ctx, emailInput: string, password: string): Promise<VerifiedUser | null> {
  const email = normalizeEmail(emailInput);
  const { User } = ctx.t;
  const [user] = await ctx.db
    .select({ id: User.id, email: User.email, password: User.password })
    .from(User)
    .where(eq(User.email, email))
    .limit(1);
  if (!user?.password) {
    await verifyPassword(await decoyHash(), password);
    return null;
  }
  if (!(await verifyPassword(user.password, password))) return null;
  if (needsRehash(user.password)) {
    const rehashed = await hashPassword(password);
    await ctx.db.update(User).set({ password: rehashed }).where(and(eq(User.id, user.id), eq(User.password, user.password)));
  }
  return { id: user.id, email: user.email };
}

export async function findUserIdByEmail(ctx: Ctx, email: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ id: ctx.t.User.id })
    .from(ctx.t.User)
    .where(eq(ctx.t.User.email, normalizeEmail(email)))
    .limit(1);
  return row?.id ?? null;
}

/** How many members signed up with this member's referral code. */
export async function referralCount(ctx: Ctx, userId: string): Promise<number> {
  const logs = ctx.t.user_activity_logs;
  const [row] = await ctx.db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(logs)
    .where(and(eq(logs.user_id, userId), eq(logs.action_type, "referral_sign_up")));
  return row?.n ?? 0;
}
