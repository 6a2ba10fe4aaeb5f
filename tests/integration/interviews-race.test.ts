/**
 * The daily interview under concurrency, on PostgreSQL with a pool of 20 so the requests really run
 * together (SQLite serialises every write and would pass a naive check-then-write; issue 19, "Done
 * when"): 20 starts by one member on one day leave one interview and one plan; 10 submits of one
 * answer leave one progress row; the last two questions finished at once complete the interview
 * once, and 10 concurrent finishing submits move interviewCount by one.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { answerQuestion, interviewView, skipQuestion, startInterview } from "../../app/modules/interviews/interviews.server";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";

describePostgres(
  "Concurrent daily-interview writes on a pool of 20",
  (db) => {
    const start = async (userId: string, category = "behavioral") => {
      const outcome = await startInterview(db.ctx, userId, { category, lang: "en", zone: "Asia/Kolkata" });
      if (outcome.kind !== "started") throw new Error(outcome.kind);
      return (await interviewView(db.ctx, userId, outcome.interviewId))!;
    };
    const interviewCount = async (userId: string) => {
      const [row] = await db.ctx.db.select({ count: db.ctx.t.User.interviewCount }).from(db.ctx.t.User).where(eq(db.ctx.t.User.id, userId));
      return row.count;
    };

    it("20 concurrent starts by one member on one day leave one interview and one plan, and every start lands on it", async () => {
      const member = await createMember(db.ctx);
      const categories = ["behavioral", "technical", "sales", "data"];
      const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => startInterview(db.ctx, member.id, { category: categories[i % 4], lang: "en", zone: "Asia/Kolkata" })));
      const ids = new Set(outcomes.map((o) => (o.kind === "started" ? o.interviewId : o.kind)));
      expect(ids.size).toBe(1);
      expect(outcomes.filter((o) => o.kind === "started" && o.created)).toHaveLength(1);
      const d = db.ctx.t.daily_interviews;
      const rows = await db.ctx.db.select().from(d).where(eq(d.userId, member.id));
      expect(rows).toHaveLength(1);
      expect(await db.ctx.db.select().from(db.ctx.t.interview_plans).where(eq(db.ctx.t.interview_plans.daily_interview_id, rows[0].id))).toHaveLength(1);
    });

    it("10 concurrent submits of one answer leave one progress row, and each submit is told of that one", async () => {
      const member = await createMember(db.ctx);
      const view = await start(member.id);
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => answerQuestion(db.ctx, member.id, view.id, 1, `Answer ${i}`)));
      expect(outcomes.every((o) => o.kind === "answered")).toBe(true);
      expect(outcomes.filter((o) => o.kind === "answered" && o.created)).toHaveLength(1);
      const p = db.ctx.t.interview_progress;
      const rows = await db.ctx.db.select().from(p).where(eq(p.dailyInterviewId, view.id));
      expect(rows).toHaveLength(1);
      expect(new Set(outcomes.map((o) => (o.kind === "answered" ? o.progressId : "")))).toEqual(new Set([rows[0].id]));
    });

    it("finishing the last questions at once completes the interview once: interviewCount moves by one", async () => {
      const member = await createMember(db.ctx);
      const view = await start(member.id);
      const total = view.questions.length;
      for (let n = 1; n <= total - 2; n++) await answerQuestion(db.ctx, member.id, view.id, n, `Answer ${n}`);
      // The last two questions, each answered and skipped five times, all at once.
      const last = [total - 1, total];
      const outcomes = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? answerQuestion(db.ctx, member.id, view.id, last[i % 4 < 2 ? 0 : 1], `Late ${i}`) : skipQuestion(db.ctx, member.id, view.id, last[i % 4 < 2 ? 0 : 1]))),
      );
      expect(outcomes.filter((o) => "completed" in o && o.completed)).toHaveLength(1);
      expect((await interviewView(db.ctx, member.id, view.id))!).toMatchObject({ isCompleted: true, firstOpen: null });
      expect(await interviewCount(member.id)).toBe(1);
      const u = db.ctx.t.feature_usage;
      const completions = (await db.ctx.db.select().from(u).where(eq(u.user_id, member.id))).filter((r) => r.action === "interview_completed");
      expect(completions).toHaveLength(1);
    });
  },
  { poolSize: 20 },
);
