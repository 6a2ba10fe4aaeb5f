/**
 * A member's settings for recruiters (/settings/candidates): which verified skills their profile
 * shows, "let recruiters find me" (off by default), "share my phone with recruiters", their city,
 * and the match_terms the candidate ranking reads (db/match-terms.ts), rebuilt whenever the member
 * saves these settings or their profile.
 */
import { and, eq, inArray } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { buildMatchTerms } from "../../../db/match-terms";
import { removeCardsOf } from "./cards.server";
import { verifiedSkillsOf, type VerifiedSkill } from "./verified.server";

export const CITY_MAX = 100;

export interface CandidateSettings {
  findable: boolean;
  sharePhone: boolean;
  city: string;
  /** every verified skill, hidden ones too (flagged) */
  verified: VerifiedSkill[];
}

export async function candidateSettingsOf(ctx: Ctx, userId: string): Promise<CandidateSettings> {
  const cs = ctx.t.candidate_settings;
  const [[row], verified] = await Promise.all([
    ctx.db.select({ findable: cs.findable, sharePhone: cs.share_phone, city: cs.city }).from(cs).where(eq(cs.user_id, userId)).limit(1),
    verifiedSkillsOf(ctx, [userId], { includeHidden: true }),
  ]);
  return { findable: Boolean(row?.findable), sharePhone: Boolean(row?.sharePhone), city: row?.city ?? "", verified: verified.get(userId) ?? [] };
}

/** Rewrites the member's match_terms from their profile and city; nothing when they have no settings row. */
export async function rebuildMatchTerms(tx: Ctx, userId: string, now = new Date()): Promise<void> {
  const { User, candidate_settings: cs } = tx.t;
  const [row] = await tx.db
    .select({ skills: User.professional_skills, headline: User.headline, experience: User.experience, city: cs.city })
    .from(cs)
    .innerJoin(User, eq(User.id, cs.user_id))
    .where(eq(cs.user_id, userId))
    .limit(1);
  if (!row) return;
  const terms = buildMatchTerms({ professionalSkills: row.skills, headline: row.headline, experience: row.experience, city: row.city }, now);
  await tx.db.update(cs).set({ match_terms: terms }).where(eq(cs.user_id, userId));
}

export interface SaveCandidateSettings {
  findable: boolean;
  sharePhone: boolean;
  city: string;
  /** skill ids of the verified skills to show; every other verified skill is hidden */
  shown: readonly number[];
}

/**
 * Saves everything in one transaction: the settings row, the hidden skills, the match terms, and,
 * when the member is not findable, the removal of every archive card about them. Returns how many
 * cards went.
 */
export async function saveCandidateSettings(ctx: Ctx, userId: string, input: SaveCandidateSettings, now = new Date()): Promise<{ removedCards: number }> {
  return withTx(ctx, async (tx) => {
    const { candidate_settings: cs, verified_skill_hidden: h } = tx.t;
    const city = input.city.trim() || null;
    await tx.db
      .insert(cs)
      .values({ user_id: userId, findable: input.findable, share_phone: input.sharePhone, city, match_terms: "", updated_at: now })
      .onConflictDoUpdate({ target: cs.user_id, set: { findable: input.findable, share_phone: input.sharePhone, city, updated_at: now } });
    const verified = (await verifiedSkillsOf(tx, [userId], { includeHidden: true })).get(userId) ?? [];
    const shown = new Set(input.shown);
    const hide = verified.filter((v) => !shown.has(v.skillId)).map((v) => v.skillId);
    const show = verified.filter((v) => shown.has(v.skillId)).map((v) => v.skillId);
    if (show.length) await tx.db.delete(h).where(and(eq(h.user_id, userId), inArray(h.skill_id, show)));
    if (hide.length) await tx.db.insert(h).values(hide.map((skill_id) => ({ user_id: userId, skill_id }))).onConflictDoNothing();
    await rebuildMatchTerms(tx, userId, now);
    const removedCards = input.findable ? 0 : await removeCardsOf(tx, userId);
    await track(tx, { userId, type: "candidate_settings_saved", metadata: { findable: input.findable, sharePhone: input.sharePhone, hidden: hide.length, removedCards }, at: now });
    return { removedCards };
  });
}
