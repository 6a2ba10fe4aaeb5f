/** Signing in (and the pieces sign-up.server.ts shares): the rules, with no knowledge of requests or cookies. */
import crypto from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { decoyHash, hashPassword, needsRehash, verifyPassword } from "./passwords.server";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** Eight letters and digits people can read aloud (no 0/O, 1/I/L). */
export function newReferralCode(): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  const bytes = crypto.randomBytes(8);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
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
