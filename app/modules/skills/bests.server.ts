/**
 * skill_bests: each member's best attempt per skill (highest score/total; the earlier of equals),
 * how many attempts they made and when the last was. It is computed from skill_attempts by the
 * application (the spec's "calculated in the application layer"): the grading transaction calls
 * `recordBest` right after it inserts the attempt, and `rebuildBests` recomputes every row from
 * the attempts (migration 0010 and the seeders run the same statement). Readers (/skills,
 * profiles, people search, candidate ranking) read one row per member and skill.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";

export interface GradedAttempt {
  id: number;
  userId: string;
  skillId: number;
  score: number;
  total: number;
  createdAt: Date;
}

/**
 * Folds one new attempt into the member's row. Call inside the grading transaction: the row's
 * primary key makes concurrent first attempts meet in the insert, and the update reads the row it
 * changes (on PostgreSQL the conflict waits for the other transaction), so the counts stay equal
 * to the attempts.
 */
export async function recordBest(tx: Ctx, attempt: GradedAttempt): Promise<void> {
  const b = tx.t.skill_bests;
  const inserted = await tx.db
    .insert(b)
    .values({
      user_id: attempt.userId,
      skill_id: attempt.skillId,
      best_score: attempt.score,
      best_total: attempt.total,
      best_attempt_id: attempt.id,
      attempts: 1,
      last_attempt_at: attempt.createdAt,
    })
    .onConflictDoNothing({ target: [b.user_id, b.skill_id] })
    .returning({ userId: b.user_id });
  if (inserted.length > 0) return;
  // One UPDATE that compares in SQL: on PostgreSQL a concurrent grade of the same skill waits for
  // this row and then compares against the row as the other left it, so no better score is lost.
  const better = sql`${attempt.score} * ${b.best_total} > ${b.best_score} * ${attempt.total}`;
  await tx.db
    .update(b)
    .set({
      attempts: sql`${b.attempts} + 1`,
      last_attempt_at: attempt.createdAt,
      best_attempt_id: sql`case when ${better} then ${attempt.id} else ${b.best_attempt_id} end`,
      best_score: sql`case when ${better} then ${attempt.score} else ${b.best_score} end`,
      best_total: sql`case when ${better} then ${attempt.total} else ${b.best_total} end`,
    })
    .where(and(eq(b.user_id, attempt.userId), eq(b.skill_id, attempt.skillId)));
}

/**
 * Recomputes every member's row from skill_attempts (the statement migration 0010 runs once). For
 * seeders, which insert attempts directly, and for the test that checks the rows equal the attempts.
 */
export async function rebuildBests(ctx: Ctx): Promise<void> {
  await ctx.db.delete(ctx.t.skill_bests);
  const rebuild = sql.raw(REBUILD_BESTS_SQL);
  if (ctx.dialect === "pg") await ctx.db.execute(rebuild);
  else (ctx.db as unknown as BetterSQLite3Database).run(rebuild);
}

/** The same statement as migration 0010's last one (tests/integration/skills-bests.test.ts compares them). */
export const REBUILD_BESTS_SQL =
  'INSERT INTO skill_bests (user_id, skill_id, best_score, best_total, best_attempt_id, attempts, last_attempt_at) SELECT "userId", "skillId", score, total, id, n, last_at FROM (SELECT "userId", "skillId", score, total, id, count(*) OVER (PARTITION BY "userId", "skillId") AS n, max("createdAt") OVER (PARTITION BY "userId", "skillId") AS last_at, row_number() OVER (PARTITION BY "userId", "skillId" ORDER BY CASE WHEN total > 0 THEN score * 1.0 / total ELSE 0 END DESC, "createdAt", id) AS rn FROM skill_attempts) ranked WHERE rn = 1';
