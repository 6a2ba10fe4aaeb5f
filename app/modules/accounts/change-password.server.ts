/**
 * Changing the password from settings: it needs the current one (a member who signed up with
 * Google only, and so has none, sets one without it), and ends every other session (ASVS 7.4.3).
 */
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { withTx, type Ctx } from "~/db.server";
import type { FieldErrors } from "~/lib/forms";
import { track } from "~/modules/analytics/index.server";
import { endSessionsOf } from "./sessions.server";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { hashPassword, newPasswordField, passwordProblem, PASSWORD_MAX, verifyPassword } from "./passwords.server";

export const changePasswordSchema = z.object({
  current_password: z.string().max(PASSWORD_MAX * 4, "auth.password.wrongCurrentShort").optional(),
  new_password: newPasswordField(),
});

export const WRONG_CURRENT_PASSWORD = "auth.password.wrongCurrent";

/** Whether the member has a password at all (false: signed up with Google only). */
export async function hasPassword(ctx: Ctx, userId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ password: ctx.t.User.password }).from(ctx.t.User).where(eq(ctx.t.User.id, userId)).limit(1);
  return Boolean(row?.password);
}

export type ChangePasswordResult =
  | { ok: true; endedSessions: number; firstPassword: boolean }
  /** `keepNewPassword`: only the current password was wrong, the new one may be shown again. */
  | { ok: false; errors: FieldErrors; keepNewPassword: boolean };

export async function changePassword(
  ctx: Ctx,
  input: {
    userId: string;
    sessionId: string;
    currentPassword: string | undefined;
    newPassword: string;
    ip: string | null;
    userAgent: string | null;
  },
  /** The words of the errors: the member's language (English by default). */
  t: Translate = translator("en"),
): Promise<ChangePasswordResult> {
  const { User } = ctx.t;
  const [member] = await ctx.db.select({ password: User.password }).from(User).where(eq(User.id, input.userId)).limit(1);
  if (!member) return { ok: false, errors: { form: t("auth.password.notFound") }, keepNewPassword: false };
  const stored = member.password;

  const errors: FieldErrors = {};
  const current = input.currentPassword ?? "";
  if (stored) {
    if (!current) errors.current_password = t("auth.password.currentRequired");
    else if (!(await verifyPassword(stored, current))) errors.current_password = t(WRONG_CURRENT_PASSWORD);
  }
  const problem = await passwordProblem(input.newPassword, t);
  if (problem) errors.new_password = problem;
  else if (stored && current && input.newPassword === current) errors.new_password = t("auth.password.sameAsCurrent");
  if (Object.keys(errors).length > 0) return { ok: false, errors, keepNewPassword: !errors.new_password };

  // Hash first: withTx bodies await only database statements.
  const newHash = await hashPassword(input.newPassword);
  return withTx(ctx, async (tx): Promise<ChangePasswordResult> => {
    // Only if the password is still the one just verified (a change meanwhile wins).
    const updated = await tx.db
      .update(User)
      .set({ password: newHash })
      .where(and(eq(User.id, input.userId), stored ? eq(User.password, stored) : isNull(User.password)))
      .returning({ id: User.id });
    if (updated.length === 0) {
      return { ok: false, errors: { form: t("auth.password.changedMeanwhile") }, keepNewPassword: false };
    }
    const endedSessions = await endSessionsOf(tx, input.userId, { except: input.sessionId });
    await track(tx, {
      userId: input.userId,
      type: "password_changed",
      ip: input.ip,
      userAgent: input.userAgent,
      sessionId: input.sessionId,
      metadata: { endedSessions, firstPassword: !stored },
    });
    return { ok: true, endedSessions, firstPassword: !stored };
  });
}
