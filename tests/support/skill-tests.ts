/**
 * A skill with a bank of questions for the tests of taking skill tests (issue 18): each question's
 * options are "<n>-a" … "<n>-d", the right one at a known index, an explanation, and some retired.
 */
import { eq } from "drizzle-orm";
import type { Ctx } from "../../db/client";

export interface BankQuestion {
  id: number;
  correctIndex: number;
  retired: boolean;
  explanation: string;
}

export async function makeSkillBank(ctx: Ctx, options: { name?: string; questions?: number; retired?: number; skillRetired?: boolean } = {}) {
  const count = options.questions ?? 12;
  const retiredCount = options.retired ?? 0;
  const name = options.name ?? `Skill ${Math.random().toString(36).slice(2, 8)}`;
  const { skills, skill_details, skill_questions, skill_question_details } = ctx.t;
  const [skill] = await ctx.db.insert(skills).values({ name }).returning({ id: skills.id });
  await ctx.db.insert(skill_details).values({ skill_id: skill.id, description: `About ${name}`, retired_at: options.skillRetired ? new Date() : null });
  const questions: BankQuestion[] = [];
  for (let n = 0; n < count; n++) {
    const correctIndex = n % 4;
    const [q] = await ctx.db
      .insert(skill_questions)
      .values({ skillId: skill.id, question: `${name} question ${n}?`, options: ["a", "b", "c", "d"].map((l) => `${n}-${l}`), correctIndex })
      .returning({ id: skill_questions.id });
    const retired = n < retiredCount;
    const explanation = `Because ${n}-${"abcd"[correctIndex]} is right`;
    await ctx.db.insert(skill_question_details).values({ question_id: q.id, explanation, retired_at: retired ? new Date() : null });
    questions.push({ id: q.id, correctIndex, retired, explanation });
  }
  return { skillId: skill.id, name, questions };
}

/** The stored draw's questions (what the server drew). */
export async function drawOf(ctx: Ctx, drawId: string) {
  const dr = ctx.t.skill_draws;
  const [row] = await ctx.db.select().from(dr).where(eq(dr.id, drawId));
  return row;
}

/** Form entries answering every question of a draw: right ones for the first `right`, wrong for the rest. */
export function answersFor(questions: { questionId: number; correctIndex: number }[], right: number): [string, string][] {
  return questions.map((q, i) => [`q${q.questionId}`, String(i < right ? q.correctIndex : (q.correctIndex + 1) % 4)]);
}

export async function countRows(ctx: Ctx, table: "skill_attempts" | "skill_draws" | "skill_bests" | "feature_usage"): Promise<number> {
  const rows = await ctx.db.select().from(ctx.t[table]);
  return rows.length;
}
