/** Security events in user_activity_logs (ASVS 16.3). Never a password, token or hash. */
import type { Ctx } from "~/db.server";

export type AuditAction =
  | "sign_up"
  | "sign_in"
  | "sign_in_failed"
  | "sign_out"
  | "google_sign_in"
  | "password_reset_requested"
  | "password_reset"
  | "password_changed"
  | "sessions_ended"
  | "role_changed"
  | "referral_sign_up"
  | "profile_updated"
  | "account_deleted";

export async function logActivity(
  ctx: Ctx,
  entry: {
    userId: string;
    action: AuditAction;
    category?: string;
    ip?: string | null;
    userAgent?: string | null;
    sessionId?: string | null;
    resourceType?: string;
    resourceId?: string;
    metadata?: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.db.insert(ctx.t.user_activity_logs).values({
    user_id: entry.userId,
    action_type: entry.action,
    action_category: entry.category ?? "auth",
    resource_type: entry.resourceType ?? null,
    resource_id: entry.resourceId ?? null,
    metadata: entry.metadata ?? null,
    ip_address: entry.ip ?? null,
    user_agent: entry.userAgent?.slice(0, 500) ?? null,
    session_id: entry.sessionId ?? null,
  });
}
