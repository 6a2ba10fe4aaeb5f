/**
 * Feature usage: one row in feature_usage per thing a member did with a feature ("skills",
 * "take_test"). Every call site goes through `recordUsage`, so the analytics issue hooks in here
 * (sessions, activity logs, daily summaries) without touching the features. Call it inside the
 * action's transaction when there is one, so a rolled-back action leaves no usage behind.
 */
import type { Ctx } from "~/db.server";

export type UsageFeature = "skills" | "skills_bank" | "candidates" | "archive" | "interviews";

export async function recordUsage(
  ctx: Ctx,
  userId: string,
  feature: UsageFeature,
  action: string,
  metadata?: Record<string, unknown>,
  at = new Date(),
): Promise<void> {
  await ctx.db.insert(ctx.t.feature_usage).values({ user_id: userId, feature_name: feature, action: action.slice(0, 50), metadata: metadata ?? null, created_at: at });
}
