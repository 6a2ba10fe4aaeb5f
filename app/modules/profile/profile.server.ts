/**
 * Profiles: what others may see of a member, and the member's own edits. Updates are built from
 * an explicit allow-list of columns, so role, email, password, counters, googleId, referral_code
 * and createdAt can never be written from a form (ASVS 15.3.3).
 */
import { and, eq, ne, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { referralCount } from "~/modules/accounts/index.server";
import { track } from "~/modules/analytics/index.server";
import { rebuildMatchTerms } from "~/modules/skills/index.server";
import type { CertificationEntry, EducationEntry, ExperienceEntry } from "../../../db/schema";

/** The only User columns a member's profile edits may write. */
export const PROFILE_FIELDS = [
  "name",
  "headline",
  "linkedinURL",
  "FacebookURL",
  "phone",
  "goals",
  "strengths",
  "interests",
  "education",
  "experience",
  "professional_skills",
  "certifications",
  "anonymous_username",
  "anonymous_avatar",
  "avatarUrl",
] as const;

export type ProfileField = (typeof PROFILE_FIELDS)[number];

export interface ProfileUpdate {
  name?: string;
  headline?: string | null;
  linkedinURL?: string | null;
  FacebookURL?: string | null;
  phone?: string | null;
  goals?: string | null;
  strengths?: string | null;
  interests?: string | null;
  education?: EducationEntry[];
  experience?: ExperienceEntry[];
  professional_skills?: string[];
  certifications?: CertificationEntry[];
  anonymous_username?: string | null;
  anonymous_avatar?: string | null;
  avatarUrl?: string | null;
}

/** Copies only allow-listed keys; whatever else `input` carries (role, dailyMessageCount...) is dropped. */
export function pickProfileFields(input: Record<string, unknown>): ProfileUpdate {
  const picked: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    if (Object.prototype.hasOwnProperty.call(input, field) && input[field] !== undefined) picked[field] = input[field];
  }
  return picked as ProfileUpdate;
}

const NAME_TAKEN = "profileForms.form.nameTaken";

/** Is this error the unique index on anonymous_username (PostgreSQL 23505 or SQLite's UNIQUE)? */
export function isAnonymousUsernameConflict(error: unknown): boolean {
  for (let e = error as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === "23505" && e.constraint === "User_anonymous_username_unique") return true;
    if (typeof e.code === "string" && e.code.startsWith("SQLITE_CONSTRAINT") && String(e.message).includes("User.anonymous_username")) return true;
  }
  return false;
}

/** Someone else already uses this anonymous name (compared without case: "Owl_1" and "owl_1" look alike). */
export async function anonymousUsernameTaken(ctx: Ctx, userId: string, name: string): Promise<boolean> {
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({ id: User.id })
    .from(User)
    .where(and(sql`lower(${User.anonymous_username}) = ${name.toLowerCase()}`, ne(User.id, userId)))
    .limit(1);
  return Boolean(row);
}

export type UpdateResult = { ok: true } | { ok: false; field: ProfileField; message: string } | { ok: false; field: "form"; message: string };

/**
 * Writes the allow-listed fields of `input` to the member `userId` (only ever that row) and logs
 * "profile_updated" with the names of the fields, never their values.
 */
export async function updateProfile(
  ctx: Ctx,
  userId: string,
  input: ProfileUpdate,
  meta: { ip?: string | null; userAgent?: string | null; sessionId?: string | null; t?: Translate } = {},
): Promise<UpdateResult> {
  // A refusal in the member's words (meta.t); English when no reader is asking.
  const t = meta.t ?? translator("en");
  const values = pickProfileFields(input as Record<string, unknown>);
  const fields = Object.keys(values);
  if (fields.length === 0) return { ok: true };
  if (values.anonymous_username && (await anonymousUsernameTaken(ctx, userId, values.anonymous_username))) {
    return { ok: false, field: "anonymous_username", message: t(NAME_TAKEN) };
  }
  try {
    const updated = await withTx(ctx, async (tx) => {
      const [row] = await tx.db.update(tx.t.User).set(values).where(eq(tx.t.User.id, userId)).returning({ id: tx.t.User.id });
      if (!row) return false;
      // The candidate ranking reads skills, headline and experience through match_terms.
      await rebuildMatchTerms(tx, userId);
      await track(tx, {
        userId,
        type: "profile_updated",
        resource: { type: "user", id: userId },
        metadata: { fields },
        ip: meta.ip,
        userAgent: meta.userAgent,
        sessionId: meta.sessionId,
      });
      return true;
    });
    if (!updated) return { ok: false, field: "form", message: t("profile.error.accountGone") };
    return { ok: true };
  } catch (error) {
    // Two members picked the same name at the same moment: the unique index decides.
    if (isAnonymousUsernameConflict(error)) return { ok: false, field: "anonymous_username", message: t(NAME_TAKEN) };
    throw error;
  }
}

/** Everything the member edits on /settings/profile (their own row only). */
export async function getOwnProfile(ctx: Ctx, userId: string) {
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({
      id: User.id,
      name: User.name,
      headline: User.headline,
      phone: User.phone,
      linkedinURL: User.linkedinURL,
      FacebookURL: User.FacebookURL,
      goals: User.goals,
      strengths: User.strengths,
      interests: User.interests,
      education: User.education,
      experience: User.experience,
      professional_skills: User.professional_skills,
      certifications: User.certifications,
      anonymous_username: User.anonymous_username,
      anonymous_avatar: User.anonymous_avatar,
      avatarUrl: User.avatarUrl,
      referral_code: User.referral_code,
    })
    .from(User)
    .where(eq(User.id, userId))
    .limit(1);
  if (!row) return null;
  return { ...row, referrals: await referralCount(ctx, userId) };
}

export type OwnProfile = NonNullable<Awaited<ReturnType<typeof getOwnProfile>>>;

/**
 * What anyone may see of a member. Never the email, phone, password, role, counters, referral
 * code, or the anonymous name and picture (they would unmask the anonymous feed).
 */
export async function getPublicProfile(ctx: Ctx, id: string) {
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({
      id: User.id,
      name: User.name,
      headline: User.headline,
      avatarUrl: User.avatarUrl,
      linkedinURL: User.linkedinURL,
      FacebookURL: User.FacebookURL,
      goals: User.goals,
      strengths: User.strengths,
      interests: User.interests,
      education: User.education,
      experience: User.experience,
      professional_skills: User.professional_skills,
      certifications: User.certifications,
    })
    .from(User)
    .where(eq(User.id, id))
    .limit(1);
  return row ?? null;
}

export type PublicProfile = NonNullable<Awaited<ReturnType<typeof getPublicProfile>>>;

/** A member without a referral code (accounts made before codes existed) gets one. */
export async function ensureReferralCode(ctx: Ctx, userId: string, newCode: () => string): Promise<void> {
  const { User } = ctx.t;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await ctx.db
        .update(User)
        .set({ referral_code: newCode() })
        .where(and(eq(User.id, userId), sql`${User.referral_code} is null`));
      return;
    } catch (error) {
      if (attempt === 2) throw error; // a clash with another code: try a new one
    }
  }
}

/** The member's four lists, for their editors. */
export async function getOwnLists(ctx: Ctx, userId: string) {
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({
      education: User.education,
      experience: User.experience,
      skills: User.professional_skills,
      certifications: User.certifications,
    })
    .from(User)
    .where(eq(User.id, userId))
    .limit(1);
  return row ?? null;
}
