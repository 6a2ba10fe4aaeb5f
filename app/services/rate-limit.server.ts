/**
 * Rate limits kept in the database (rate_limit_buckets), so they hold across app processes.
 * Fixed windows: one row per key and window, incremented atomically by a single upsert.
 */
import type { Translate } from "~/lib/i18n";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";

export interface Limit {
  /** How many hits a window allows. */
  limit: number;
  windowMs: number;
}

export interface LimitResult {
  allowed: boolean;
  hits: number;
  retryAfterSeconds: number;
}

const windowOf = (limit: Limit, now: Date) => new Date(Math.floor(now.getTime() / limit.windowMs) * limit.windowMs);
const retryAfter = (limit: Limit, now: Date) =>
  Math.max(1, Math.ceil((windowOf(limit, now).getTime() + limit.windowMs - now.getTime()) / 1000));

/** Counts one hit against `key` and says whether it is within the limit. */
export async function hit(ctx: Ctx, key: string, limit: Limit, now = new Date()): Promise<LimitResult> {
  const b = ctx.t.rate_limit_buckets;
  const [row] = await ctx.db
    .insert(b)
    .values({ key: key.slice(0, 200), window_start: windowOf(limit, now), hits: 1 })
    .onConflictDoUpdate({ target: [b.key, b.window_start], set: { hits: sql`${b.hits} + 1` } })
    .returning({ hits: b.hits });
  return { allowed: row.hits <= limit.limit, hits: row.hits, retryAfterSeconds: retryAfter(limit, now) };
}

/** Whether `key` is already over its limit in this window, without counting a hit. */
export async function peek(ctx: Ctx, key: string, limit: Limit, now = new Date()): Promise<LimitResult> {
  const b = ctx.t.rate_limit_buckets;
  const [row] = await ctx.db
    .select({ hits: b.hits })
    .from(b)
    .where(and(eq(b.key, key.slice(0, 200)), eq(b.window_start, windowOf(limit, now))))
    .limit(1);
  const hits = row?.hits ?? 0;
  return { allowed: hits < limit.limit, hits, retryAfterSeconds: retryAfter(limit, now) };
}

/**
 * Takes back one hit counted with `hit` at `now` (same window): an attempt counted before its
 * outcome was known (so that concurrent attempts cannot all slip under the limit) that turned out
 * not to be what the limit counts, e.g. a sign-in with the right password.
 */
export async function unhit(ctx: Ctx, key: string, limit: Limit, now: Date): Promise<void> {
  const b = ctx.t.rate_limit_buckets;
  await ctx.db
    .update(b)
    .set({ hits: sql`${b.hits} - 1` })
    .where(and(eq(b.key, key.slice(0, 200)), eq(b.window_start, windowOf(limit, now)), gt(b.hits, 0)));
}

/** Drops windows that ended long ago (called now and then, e.g. at sign-in). */
export async function pruneBuckets(ctx: Ctx, olderThan: Date): Promise<void> {
  await ctx.db.delete(ctx.t.rate_limit_buckets).where(lt(ctx.t.rate_limit_buckets.window_start, olderThan));
}

/**
 * Counts an attempt before its outcome is known, so that many at once cannot all slip under the
 * limit; `takeBack()` undoes the count when the attempt turned out not to be what the limit counts
 * (decision 061: nothing new was written).
 */
export async function countAttempt(ctx: Ctx, key: string, limit: Limit, now = new Date()) {
  const counted = await hit(ctx, key, limit, now);
  return { ...counted, takeBack: () => unhit(ctx, key, limit, now) };
}

/** A limit's refusal and when to try again, in the reader's words: one sentence for a page or a form. */
export function refusalWithWait(t: Translate, message: string, retryAfterSeconds: number, values?: Record<string, string | number>): string {
  return `${t(message, values)} ${t("common.tryAgainIn", { minutes: Math.ceil(retryAfterSeconds / 60) })}`;
}

/**
 * A 429 with Retry-After, rendered by the root ErrorBoundary as a readable page. With the reader's
 * translator `t`, `message` may be a message id and the wait is said in their language.
 */
export function tooManyRequests(message: string, retryAfterSeconds: number, t?: Translate, values?: Record<string, string | number>): Response {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const text = t ? refusalWithWait(t, message, retryAfterSeconds, values) : `${message} Please try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`;
  return new Response(text, {
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
  });
}

export const LIMITS = {
  signInPerIp: { limit: 10, windowMs: 60_000 },
  /** Failed sign-ins to one address (normalized) from browsers that have not signed in to it before (decision 055). */
  failedSignInPerAccount: { limit: 20, windowMs: 3_600_000 },
  /** Failed sign-ins to one account from one device that signed in to it before; past it, that device counts as untrusted. */
  failedSignInPerDevice: { limit: 10, windowMs: 3_600_000 },
  resetMailPerAddress: { limit: 3, windowMs: 3_600_000 },
  signUpPerIp: { limit: 5, windowMs: 3_600_000 },
  /**
   * Wrong passwords typed by a signed-in member where a form asks for it again (deleting the
   * account): counted per member, not per address, so a stranger's failed sign-ins cannot stop the
   * owner, and a borrowed session still cannot guess without end.
   */
  passwordConfirmPerMember: { limit: 10, windowMs: 3_600_000 },
  /** Sign-up mails (confirmation, resend, "someone tried") to one address, known or not: nobody floods an inbox. */
  signUpMailPerAddress: { limit: 3, windowMs: 3_600_000 },
  /** Each public interest form (premium, API access). */
  publicFormPerIp: { limit: 5, windowMs: 3_600_000 },
  /** Direct messages sent by one member (a person typing never gets near it; a script does). */
  messageSendPerMember: { limit: 60, windowMs: 60_000 },
  /** New job posts by one member (jobs/posting.server.ts): a busy recruiter posts a few an hour. */
  jobPostPerMember: { limit: 10, windowMs: 3_600_000 },
  /** Job applications sent by one member, refused ones included (jobs/applications.server.ts). */
  applyPerMember: { limit: 30, windowMs: 3_600_000 },
  /**
   * Connection requests sent by one member (decision 061): each lands in another member's
   * notifications, so a script must not reach everyone. Daily windows start at 00:00 UTC.
   */
  connectionRequestPerMember: { limit: 50, windowMs: 86_400_000 },
  /** Communities created by one member: each is a page in everyone's directory. */
  communityCreatePerMember: { limit: 5, windowMs: 86_400_000 },
  /** Updates and events posted by one member in all communities together. */
  communityPostPerMember: { limit: 20, windowMs: 3_600_000 },
  /** Asks to join a community by one member: each waits in a moderator's queue. */
  communityJoinPerMember: { limit: 30, windowMs: 3_600_000 },
} satisfies Record<string, Limit>;
