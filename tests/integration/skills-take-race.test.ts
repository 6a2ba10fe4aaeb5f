/**
 * Submitting one drawn skill test many times at once, on PostgreSQL with a pool of 20 so the
 * submits really run together (SQLite serialises every write and would pass a naive
 * check-then-write): one attempt is stored, the draw names it, the member's best counts one
 * attempt, and every other submit is told the test was already submitted (issue 18, "Done when").
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { startTest, submitTest } from "../../app/modules/skills/tests.server";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";
import { answersFor, drawOf, makeSkillBank } from "../support/skill-tests";

describePostgres(
  "Concurrent submits of one skill test on a pool of 20",
  (db) => {
    it("10 concurrent submits of one draw store one attempt, and the other nine are told it was already submitted", async () => {
      const member = await createMember(db.ctx);
      const bank = await makeSkillBank(db.ctx);
      const start = await startTest(db.ctx, member.id, bank.skillId);
      if (start.kind !== "started") throw new Error(start.kind);
      const draw = (await drawOf(db.ctx, start.drawId))!;
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => submitTest(db.ctx, member.id, bank.skillId, draw.id, answersFor(draw.questions, i), false)));
      const graded = outcomes.filter((o) => o.kind === "graded");
      expect(graded).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === "used")).toHaveLength(9);
      const a = db.ctx.t.skill_attempts;
      const attempts = await db.ctx.db.select().from(a).where(eq(a.userId, member.id));
      expect(attempts).toHaveLength(1);
      expect((await drawOf(db.ctx, draw.id))!.attempt_id).toBe(attempts[0].id);
      const b = db.ctx.t.skill_bests;
      const [best] = await db.ctx.db.select().from(b).where(eq(b.user_id, member.id));
      expect(best).toMatchObject({ attempts: 1, best_attempt_id: attempts[0].id, best_score: attempts[0].score });
    });

    it("10 concurrent submits of ten different draws of one skill store three attempts: the daily limit holds under the race", async () => {
      const member = await createMember(db.ctx);
      const bank = await makeSkillBank(db.ctx);
      const d = db.ctx.t.skill_draws;
      const first = await startTest(db.ctx, member.id, bank.skillId);
      if (first.kind !== "started") throw new Error(first.kind);
      const template = (await drawOf(db.ctx, first.drawId))!;
      const extra = await db.ctx.db
        .insert(d)
        .values(Array.from({ length: 9 }, () => ({ user_id: member.id, skill_id: bank.skillId, questions: template.questions })))
        .returning({ id: d.id });
      const ids = [first.drawId, ...extra.map((r) => r.id)];
      const outcomes = await Promise.all(ids.map((id) => submitTest(db.ctx, member.id, bank.skillId, id, answersFor(template.questions, 6), false)));
      expect(outcomes.filter((o) => o.kind === "graded")).toHaveLength(3);
      expect(outcomes.filter((o) => o.kind === "limited")).toHaveLength(7);
      const a = db.ctx.t.skill_attempts;
      expect(await db.ctx.db.select().from(a).where(eq(a.userId, member.id))).toHaveLength(3);
    });
  },
  { poolSize: 20 },
);
