/**
 * track(ctx, event): the one way an area records what a member did (issue 20, decision 050).
 * Call it inside the action's transaction with the transaction's ctx, after the action's write,
 * so a refused or rolled-back action records nothing. It writes feature_usage (the type's feature,
 * action = the type) and, for security-relevant types, user_activity_logs with the category, ip,
 * user agent and session. A type an admin switched off is not recorded; security types always are.
 * Anonymous-feed types are kept to their day, without metadata (decision 043's promise).
 */
import { eq } from "drizzle-orm";
import { activityType, type ActivityTypeName } from "../../../db/activity-catalog";
import { utcDay } from "../../../db/analytics/day-figures";
import type { Ctx } from "~/db.server";

export type TrackEvent = {
  userId: string;
  type: ActivityTypeName;
  metadata?: Record<string, unknown>;
  /** What the action was about (user_activity_logs.resource_type / resource_id). */
  resource?: { type: string; id: string };
  /** Where a security event came from; never a password, token or hash. */
  ip?: string | null;
  userAgent?: string | null;
  sessionId?: string | null;
  at?: Date;
};

/** True when the event was recorded; false when its type is switched off. */
export async function track(ctx: Ctx, event: TrackEvent): Promise<boolean> {
  const entry = activityType(event.type);
  if (!entry) throw new Error(`track: "${event.type}" is not in db/activity-catalog.ts`);
  // One indexed read per call (activity_types.name is unique), in the caller's transaction:
  // a switch in another process counts from its commit on, with no cache to go stale.
  // A type missing from the table counts as tracked, the column's default.
  if (!entry.security && !(await isTracked(ctx, event.type))) return false;
  const at = entry.dayOnly ? utcDay(event.at ?? new Date()) : (event.at ?? new Date());
  const metadata = entry.dayOnly ? null : (event.metadata ?? null);
  await ctx.db.insert(ctx.t.feature_usage).values({ user_id: event.userId, feature_name: entry.feature, action: entry.name, metadata, created_at: at });
  if (entry.security) {
    await ctx.db.insert(ctx.t.user_activity_logs).values({
      user_id: event.userId,
      action_type: entry.name,
      action_category: entry.category,
      resource_type: event.resource?.type ?? null,
      resource_id: event.resource?.id ?? null,
      metadata,
      ip_address: event.ip ?? null,
      user_agent: event.userAgent?.slice(0, 500) ?? null,
      session_id: event.sessionId ?? null,
      created_at: at,
    });
  }
  return true;
}

async function isTracked(ctx: Ctx, name: string): Promise<boolean> {
  const types = ctx.t.activity_types;
  const [row] = await ctx.db.select({ tracked: types.is_tracked }).from(types).where(eq(types.name, name)).limit(1);
  return row?.tracked ?? true;
}
