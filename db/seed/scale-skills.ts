/**
 * Skills at scale (issue 18): for N users, about 10N skill_attempts (N = 100,000: about 1,000,000)
 * over the skills the demo seed made (its questions are the bank), with skill_bests computed from
 * them in one SQL statement, and candidate_settings for 80% of the members (findable for about
 * half of all members, each in their profile's city; some share their phone).
 *
 * 90% of the members tried tests: each tried 1 to 7 skills, 1 to 5 times each, a day or more
 * apart, over the last two years; scores are skewed upwards (about 60% of attempts pass at 70%). Old attempts
 * have no skill_draws row (the result page reads an attempt without its draw: scores and answers
 * only). Every pick comes from `mix` of the member's number, so the generator and the count agree
 * without keeping rows; attempt ids are ATTEMPT_ID_BASE + the attempt's number, so a second run
 * adds nothing (ON CONFLICT DO NOTHING) and the demo's own attempts keep their small ids.
 */
import { sql } from "drizzle-orm";
import type { Ctx } from "../client";
import type { BulkRow, BulkTable } from "./bulk";
import { mix } from "./random";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Scale attempts' ids start here (the demo's are far below). */
export const ATTEMPT_ID_BASE = 10_000_000;
const QUESTIONS = 10;

export const skillTables = {
  skill_attempts: {
    name: "skill_attempts",
    columns: [["id", "int"], ["userId", "uuid"], ["skillId", "int"], ["score", "int"], ["total", "int"], ["selectedAnswers", "json"], ["createdAt", "ts"]],
  },
  candidate_settings: {
    name: "candidate_settings",
    columns: [["user_id", "uuid"], ["findable", "bool"], ["share_phone", "bool"], ["city", "text"], ["match_terms", "text"], ["updated_at", "ts"]],
  },
} satisfies Record<string, BulkTable>;

interface SkillsContext {
  ctx: Ctx;
  N: number;
  t0: number;
  run: (key: string, table: BulkTable, rows: Iterable<BulkRow>, expected: number) => Promise<void>;
  ids: { user: (n: number) => string };
  /** The member's city, as their profile's headline names it (scale.ts). */
  cityOf: (i: number) => string;
  /** The member's match_terms (the candidates ranking's words; "" until the match lane's builder is merged). */
  termsOf: (i: number) => string;
}

/** The skills member i tried (distinct indexes into the skill list) and how often each. */
function plansOf(i: number, skillCount: number): { skill: number; tries: number }[] {
  if (skillCount === 0 || mix(i * 13 + 1) % 10 < 1) return [];
  const count = Math.min(skillCount, 1 + (mix(i * 13 + 2) % 7));
  const start = mix(i * 13 + 3) % skillCount;
  const plans = [];
  for (let k = 0; k < count; k++) plans.push({ skill: (start + k * 5) % skillCount, tries: 1 + (mix(i * 13 + 4 + k) % 5) });
  // A step of 5 over 12+ skills never repeats within 7 picks; over fewer skills it may: keep the first.
  const seen = new Set<number>();
  return plans.filter((p) => (seen.has(p.skill) ? false : (seen.add(p.skill), true)));
}

export async function seedSkills({ ctx, N, t0, run, ids, cityOf, termsOf }: SkillsContext): Promise<void> {
  const skillRows = await ctx.db.select({ id: ctx.t.skills.id }).from(ctx.t.skills).orderBy(ctx.t.skills.id);
  const skillIds = skillRows.map((s) => s.id);
  let expected = 0;
  for (let i = 0; i < N; i++) for (const p of plansOf(i, skillIds.length)) expected += p.tries;

  await run("skill_attempts", skillTables.skill_attempts, (function* () {
    let n = 0;
    for (let i = 0; i < N; i++) {
      const user = ids.user(i);
      for (const { skill, tries } of plansOf(i, skillIds.length)) {
        // The first try between 2 years and 10 days ago; each next one 1 to 30 days later.
        let at = t0 - (10 + (mix(i * 31 + skill) % 720)) * DAY - (mix(i * 37 + skill) % DAY);
        for (let k = 0; k < tries; k++) {
          const h = mix(ATTEMPT_ID_BASE + n);
          // Skewed upwards and better with practice: sqrt of a uniform, plus a try's worth.
          const score = Math.min(QUESTIONS, Math.floor(Math.sqrt((h % 10_000) / 10_000) * (QUESTIONS + 1)) + (k > 0 && h % 3 === 0 ? 1 : 0));
          const answers = Array.from({ length: QUESTIONS }, (_, q) => ((h >>> (q * 2)) & 3) - (q === 9 && h % 17 === 0 ? 4 : 0));
          yield [ATTEMPT_ID_BASE + n, user, skillIds[skill], score, QUESTIONS, JSON.stringify(answers.map((a) => (a < 0 ? -1 : a))), Math.min(at, t0 - HOUR)];
          n++;
          at += (1 + (mix(i * 41 + k) % 30)) * DAY;
        }
      }
    }
  })(), expected);

  // skill_bests from the scale attempts, the way REBUILD_BESTS_SQL (app/modules/skills/bests.server.ts) ranks them.
  const base = sql.raw(String(ATTEMPT_ID_BASE));
  const bests = sql`insert into skill_bests (user_id, skill_id, best_score, best_total, best_attempt_id, attempts, last_attempt_at)
    select "userId", "skillId", score, total, id, n, last_at from (
      select "userId", "skillId", score, total, id,
        count(*) over (partition by "userId", "skillId") as n,
        max("createdAt") over (partition by "userId", "skillId") as last_at,
        row_number() over (partition by "userId", "skillId" order by case when total > 0 then score * 1.0 / total else 0 end desc, "createdAt", id) as rn
      from skill_attempts where id >= ${base}) ranked
    where rn = 1
    on conflict do nothing`;
  const started = performance.now();
  if (ctx.raw.kind === "pg") {
    await ctx.raw.pool.query(`select setval(pg_get_serial_sequence('"skill_attempts"', 'id'), (select coalesce(max(id), 0) + 1 from skill_attempts), false)`);
    await ctx.db.execute(bests);
  } else {
    (ctx.db as unknown as { run: (q: typeof bests) => void }).run(bests);
  }
  console.log(`  skill_bests: computed from the attempts in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const settings = Math.floor(N * 0.8);
  await run("candidate_settings", skillTables.candidate_settings, (function* () {
    for (let i = 0; i < N; i++) {
      const h = mix(i * 7 + 99);
      if (h % 10 >= 8) continue;
      // Findable: 5 of the 8 in ten with a row, so about half of all members.
      yield [ids.user(i), h % 10 < 5, h % 3 === 0, cityOf(i), termsOf(i), t0 - (1 + (h % 300)) * DAY];
    }
  })(), settings);
}
