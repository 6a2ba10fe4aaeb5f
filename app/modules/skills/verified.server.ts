/**
 * Verified skills: a best score of 70% or more (skill_bests). One query for any number of members,
 * so a profile, a page of people search results and a page of candidates each cost one round trip.
 * Hidden ones (verified_skill_hidden) are left out unless the member's own settings page asks.
 */
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { PASS_PERCENT } from "./rules";

export interface VerifiedSkill {
  skillId: number;
  name: string;
  score: number;
  total: number;
  hidden: boolean;
}

/** Each member's verified skills, best share first, then by name. Members with none are absent. */
export async function verifiedSkillsOf(
  ctx: Ctx,
  userIds: readonly string[],
  options: { includeHidden?: boolean } = {},
): Promise<Map<string, VerifiedSkill[]>> {
  const result = new Map<string, VerifiedSkill[]>();
  if (userIds.length === 0) return result;
  const { skill_bests: b, skills: s, verified_skill_hidden: h } = ctx.t;
  const rows = await ctx.db
    .select({ userId: b.user_id, skillId: b.skill_id, name: s.name, score: b.best_score, total: b.best_total, hiddenSkill: h.skill_id })
    .from(b)
    .innerJoin(s, eq(s.id, b.skill_id))
    .leftJoin(h, and(eq(h.user_id, b.user_id), eq(h.skill_id, b.skill_id)))
    .where(
      and(
        inArray(b.user_id, [...new Set(userIds)]),
        verifiedCondition(ctx),
        options.includeHidden ? undefined : isNull(h.skill_id),
      ),
    )
    .orderBy(asc(b.user_id), sql`${b.best_score} * 1.0 / ${b.best_total} desc`, asc(s.name));
  for (const r of rows) {
    const list = result.get(r.userId) ?? [];
    list.push({ skillId: r.skillId, name: r.name, score: r.score, total: r.total, hidden: r.hiddenSkill !== null });
    result.set(r.userId, list);
  }
  return result;
}

/** skill_bests rows that verify their skill (the SQL twin of rules.passes). */
export function verifiedCondition(ctx: Ctx) {
  const b = ctx.t.skill_bests;
  return sql`${b.best_total} > 0 and ${b.best_score} * 100 >= ${b.best_total} * ${PASS_PERCENT}`;
}
