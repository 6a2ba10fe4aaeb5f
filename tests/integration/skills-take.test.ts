/**
 * Taking a skill test (issue 18, items 1 to 3), on both databases: a draw holds 10 questions that
 * are not retired, with their options shuffled and their words kept; a submit grades the draw once
 * (a replay, another member's draw or a tampered form stores nothing); unanswered questions are
 * counted before grading; the fourth attempt within 24 hours is refused; skill_bests stays equal
 * to what rebuildBests computes from the attempts. And through the real app, JavaScript off: GET
 * never writes, the 400s, the result page, /skills.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { rebuildBests } from "../../app/modules/skills/bests.server";
import { UNANSWERED } from "../../app/modules/skills/rules";
import { attemptResult, drawView, listSkills, startTest, submitTest, testIntro } from "../../app/modules/skills/tests.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { answersFor, countRows, drawOf, makeSkillBank } from "../support/skill-tests";

const HOUR = 3_600_000;

async function started(ctx: Ctx, userId: string, skillId: number, now = new Date()) {
  const outcome = await startTest(ctx, userId, skillId, now);
  if (outcome.kind !== "started") throw new Error(`not started: ${outcome.kind}`);
  return (await drawOf(ctx, outcome.drawId))!;
}

async function bestsRows(ctx: Ctx) {
  const b = ctx.t.skill_bests;
  const rows = await ctx.db.select().from(b);
  return rows.map((r) => ({ ...r, last_attempt_at: r.last_attempt_at.getTime() })).sort((x, y) => `${x.user_id}/${x.skill_id}`.localeCompare(`${y.user_id}/${y.skill_id}`));
}

describeEachDatabase("Taking a skill test", (db) => {
  it("draws 10 questions that are not retired, each with its options in a shuffled order and its words kept, and opens the same draw again until it is submitted", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx, { questions: 13, retired: 3 });
    const draw = await started(db.ctx, member.id, bank.skillId);
    const drawnIds = draw.questions.map((q) => q.questionId).sort((a, b) => a - b);
    expect(drawnIds).toEqual(bank.questions.filter((q) => !q.retired).map((q) => q.id).sort((a, b) => a - b));
    for (const q of draw.questions) {
      const source = bank.questions.find((b) => b.id === q.questionId)!;
      expect([...q.shownOrder].sort()).toEqual([0, 1, 2, 3]);
      expect(q).toMatchObject({ correctIndex: source.correctIndex, explanation: source.explanation });
      expect(q.options).toHaveLength(4);
    }
    expect((await started(db.ctx, member.id, bank.skillId)).id).toBe(draw.id);
    expect(await countRows(db.ctx, "skill_draws")).toBe(1);
  });

  it("never draws a retired question, whatever the draw", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx, { questions: 14, retired: 6 });
    const retired = new Set(bank.questions.filter((q) => q.retired).map((q) => q.id));
    for (let i = 0; i < 3; i++) {
      const draw = await started(db.ctx, member.id, bank.skillId);
      expect(draw.questions).toHaveLength(8);
      expect(draw.questions.some((q) => retired.has(q.questionId))).toBe(false);
      const graded = await submitTest(db.ctx, member.id, bank.skillId, draw.id, answersFor(draw.questions, 8), false);
      expect(graded.kind).toBe("graded");
    }
  });

  it("grades a draw once: one attempt with selectedAnswers in stored indexes, the draw claimed, the best and the usage recorded; a replay stores nothing", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx);
    const draw = await started(db.ctx, member.id, bank.skillId);
    const graded = await submitTest(db.ctx, member.id, bank.skillId, draw.id, answersFor(draw.questions, 7), false);
    expect(graded).toMatchObject({ kind: "graded", score: 7, total: 10 });
    if (graded.kind !== "graded") return;
    const a = db.ctx.t.skill_attempts;
    const [attempt] = await db.ctx.db.select().from(a).where(eq(a.id, graded.attemptId));
    expect(attempt).toMatchObject({ userId: member.id, skillId: bank.skillId, score: 7, total: 10 });
    expect(attempt.selectedAnswers).toEqual(answersFor(draw.questions, 7).map(([, v]) => Number(v)));
    expect((await drawOf(db.ctx, draw.id))!.attempt_id).toBe(graded.attemptId);
    const [best] = await bestsRows(db.ctx);
    expect(best).toMatchObject({ user_id: member.id, skill_id: bank.skillId, best_score: 7, best_total: 10, best_attempt_id: graded.attemptId, attempts: 1 });
    const u = db.ctx.t.feature_usage;
    const usage = await db.ctx.db.select().from(u).where(and(eq(u.user_id, member.id), eq(u.action, "skill_attempt")));
    expect(usage.map((r) => r.metadata)).toEqual([{ skillId: bank.skillId, score: 7, total: 10 }]);

    expect(await submitTest(db.ctx, member.id, bank.skillId, draw.id, answersFor(draw.questions, 10), false)).toEqual({ kind: "used" });
    expect(await countRows(db.ctx, "skill_attempts")).toBe(1);
    expect(await drawView(db.ctx, member.id, bank.skillId, draw.id)).toEqual({ kind: "used", attemptId: graded.attemptId });
  });

  it("refuses a question outside the draw, a question answered twice and an option of 4, storing nothing", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx, { questions: 11 });
    const draw = await started(db.ctx, member.id, bank.skillId);
    const outside = bank.questions.find((q) => !draw.questions.some((d) => d.questionId === q.id))!;
    const answers = answersFor(draw.questions, 10);
    const cases: [[string, string][], string][] = [
      [[...answers.slice(1), [`q${outside.id}`, "0"]], "foreign_question"],
      [[...answers, answers[0]], "repeated_answer"],
      [[...answers.slice(1), [answers[0][0], "4"]], "bad_option"],
    ];
    for (const [entries, tamper] of cases) expect(await submitTest(db.ctx, member.id, bank.skillId, draw.id, entries, true)).toMatchObject({ kind: "tampered", tamper });
    expect(await countRows(db.ctx, "skill_attempts")).toBe(0);
    expect((await drawOf(db.ctx, draw.id))!.attempt_id).toBeNull();
  });

  it("counts unanswered questions before grading, keeps the answers, and grades them as UNANSWERED once confirmed", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx);
    const draw = await started(db.ctx, member.id, bank.skillId);
    const some = answersFor(draw.questions, 7).slice(0, 7);
    const asked = await submitTest(db.ctx, member.id, bank.skillId, draw.id, some, false);
    expect(asked).toMatchObject({ kind: "confirm", unanswered: 3 });
    if (asked.kind === "confirm") expect(Object.keys(asked.answers)).toHaveLength(7);
    expect(await countRows(db.ctx, "skill_attempts")).toBe(0);
    const graded = await submitTest(db.ctx, member.id, bank.skillId, draw.id, some, true);
    expect(graded).toMatchObject({ kind: "graded", score: 7, total: 10 });
    const [attempt] = await db.ctx.db.select().from(db.ctx.t.skill_attempts);
    expect(attempt.selectedAnswers.slice(7)).toEqual([UNANSWERED, UNANSWERED, UNANSWERED]);
  });

  it("allows 3 attempts per skill in 24 hours: the fourth is refused (start and submit) until the first leaves the window", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx);
    const other = await makeSkillBank(db.ctx);
    const t0 = new Date(Date.now() - 10 * HOUR);
    // A draw started before the limit was reached, submitted after it.
    const late = await started(db.ctx, member.id, other.skillId, t0);
    for (let i = 0; i < 3; i++) {
      const at = new Date(t0.getTime() + i * HOUR);
      const draw = await started(db.ctx, member.id, bank.skillId, at);
      expect(await submitTest(db.ctx, member.id, bank.skillId, draw.id, answersFor(draw.questions, 5 + i), false, at)).toMatchObject({ kind: "graded" });
    }
    const now = new Date(t0.getTime() + 5 * HOUR);
    const nextAt = new Date(t0.getTime() + 24 * HOUR);
    expect(await startTest(db.ctx, member.id, bank.skillId, now)).toEqual({ kind: "limited", nextAt });
    expect(await testIntro(db.ctx, member.id, bank.skillId, now)).toMatchObject({ attemptsLeft: 0, nextAt });
    // Another skill is counted on its own.
    expect(await submitTest(db.ctx, member.id, other.skillId, late.id, answersFor(late.questions, 9), false, now)).toMatchObject({ kind: "graded", score: 9 });

    // An open draw made before the limit cannot be used to get around it.
    const [open] = await db.ctx.db.insert(db.ctx.t.skill_draws).values({ user_id: member.id, skill_id: bank.skillId, questions: late.questions, created_at: now }).returning({ id: db.ctx.t.skill_draws.id });
    expect(await submitTest(db.ctx, member.id, bank.skillId, open.id, [], true, now)).toEqual({ kind: "limited", nextAt });
    expect(await countRows(db.ctx, "skill_attempts")).toBe(4);

    const later = new Date(nextAt.getTime() + 1000);
    expect(await startTest(db.ctx, member.id, bank.skillId, later)).toMatchObject({ kind: "started" });
  });

  it("keeps skill_bests equal to rebuildBests of the attempts after several grades by several members", async () => {
    const [a, b] = [await createMember(db.ctx), await createMember(db.ctx)];
    const bank = await makeSkillBank(db.ctx);
    const base = Date.now() - 20 * HOUR;
    const plan: [string, number][] = [
      [a.id, 6],
      [a.id, 9],
      [a.id, 4],
      [b.id, 8],
      [b.id, 8],
    ];
    for (const [i, [userId, right]] of plan.entries()) {
      const at = new Date(base + i * HOUR);
      const draw = await started(db.ctx, userId, bank.skillId, at);
      await submitTest(db.ctx, userId, bank.skillId, draw.id, answersFor(draw.questions, right), false, at);
    }
    const kept = await bestsRows(db.ctx);
    expect(kept.map((r) => [r.user_id, r.best_score, r.attempts])).toEqual(
      [
        [a.id, 9, 3],
        [b.id, 8, 2],
      ].sort((x, y) => `${x[0]}/${bank.skillId}`.localeCompare(`${y[0]}/${bank.skillId}`)),
    );
    await rebuildBests(db.ctx);
    expect(await bestsRows(db.ctx)).toEqual(kept);
    const listed = await listSkills(db.ctx, a.id);
    expect(listed.find((s) => s.id === bank.skillId)).toMatchObject({ best: { score: 9, total: 10 }, attempts: 3 });
  });

  it("keeps another member's draw and attempt out of reach, and says an attempt without a draw kept no questions", async () => {
    const [owner, other] = [await createMember(db.ctx), await createMember(db.ctx)];
    const bank = await makeSkillBank(db.ctx);
    const draw = await started(db.ctx, owner.id, bank.skillId);
    expect(await drawView(db.ctx, other.id, bank.skillId, draw.id)).toEqual({ kind: "not_found" });
    expect(await submitTest(db.ctx, other.id, bank.skillId, draw.id, answersFor(draw.questions, 10), false)).toEqual({ kind: "not_found" });
    const graded = await submitTest(db.ctx, owner.id, bank.skillId, draw.id, answersFor(draw.questions, 10), false);
    if (graded.kind !== "graded") throw new Error(graded.kind);
    expect(await attemptResult(db.ctx, other.id, graded.attemptId)).toBeNull();
    expect((await attemptResult(db.ctx, owner.id, graded.attemptId))?.questions).toHaveLength(10);
    const [bare] = await db.ctx.db
      .insert(db.ctx.t.skill_attempts)
      .values({ userId: owner.id, skillId: bank.skillId, score: 3, total: 10, selectedAnswers: [], createdAt: new Date(Date.now() - 30 * HOUR) })
      .returning({ id: db.ctx.t.skill_attempts.id });
    expect(await attemptResult(db.ctx, owner.id, bare.id)).toMatchObject({ score: 3, total: 10, questions: null });
  });

  it("takes a test through the pages: the intro writes nothing, start and submit redirect, the result explains, /skills shows the best", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx, { name: "Negotiation basics" });
    const browser = await signedInClient(db.ctx, member);
    const intro = await browser.get(`/skills/${bank.skillId}/test`);
    expect(intro.status).toBe(200);
    expect(textOf(intro.html)).toContain("You have 3 attempts left in the next 24 hours.");
    expect(await countRows(db.ctx, "skill_draws")).toBe(0);

    const start = await browser.post(`/skills/${bank.skillId}/test`, { intent: "start" });
    expect(start.status).toBe(302);
    const drawId = /draw=([0-9a-f-]{36})/.exec(start.location ?? "")?.[1];
    expect(drawId).toBeTruthy();
    const page = await browser.get(start.location!);
    expect(page.status).toBe(200);
    const draw = (await drawOf(db.ctx, drawId!))!;
    for (const q of draw.questions) expect(page.html).toContain(`name="q${q.questionId}"`);
    // The page never carries the answers or their explanations.
    for (const q of bank.questions) expect(page.html).not.toContain(q.explanation);

    const form = new FormData();
    form.set("intent", "submit");
    form.set("draw", drawId!);
    for (const [name, value] of answersFor(draw.questions, 8).slice(0, 9)) form.set(name, value);
    const asked = await browser.post(start.location!, form);
    expect(asked.status).toBe(200);
    expect(textOf(asked.html)).toContain("1 of 10 questions is unanswered; it counts as wrong.");
    expect(asked.html).toContain('name="confirm"');

    form.set("confirm", "1");
    const graded = await browser.post(start.location!, form);
    expect(graded.status).toBe(302);
    expect(graded.location).toMatch(/^\/skills\/attempts\/\d+$/);
    const result = await browser.get(graded.location!);
    expect(result.status).toBe(200);
    expect(textOf(result.html)).toContain("You scored 8/10 (80%).");
    expect(textOf(result.html)).toContain("Passed: Negotiation basics shows as verified on your profile.");
    expect(textOf(result.html)).toContain("You did not answer this question.");
    expect(result.html).toContain(draw.questions[9].explanation);

    const replay = await browser.post(start.location!, form);
    expect(replay.status).toBe(400);
    expect(await countRows(db.ctx, "skill_attempts")).toBe(1);
    expect((await browser.get(start.location!)).status).toBe(409);

    const listed = textOf((await browser.get("/skills")).html);
    expect(listed).toContain("Best: 8/10 (80%)");
    const visitor = textOf((await (await appClient(db.ctx)).get("/skills")).html);
    expect(visitor).toContain("Negotiation basics");
    expect(visitor).toContain("Sign in to take a test");
    expect((await (await signedInClient(db.ctx, await createMember(db.ctx))).get(graded.location!)).status).toBe(404);
  });

  it("answers a tampered form with 400 and stores nothing, and the fourth attempt of the day with 429", async () => {
    const member = await createMember(db.ctx);
    const bank = await makeSkillBank(db.ctx, { questions: 11 });
    const browser = await signedInClient(db.ctx, member);
    const start = await browser.post(`/skills/${bank.skillId}/test`, { intent: "start" });
    const drawId = /draw=([0-9a-f-]{36})/.exec(start.location ?? "")![1];
    const draw = (await drawOf(db.ctx, drawId))!;
    const outside = bank.questions.find((q) => !draw.questions.some((d) => d.questionId === q.id))!;
    const answers = answersFor(draw.questions, 10);
    const post = (entries: [string, string][]) => {
      const form = new FormData();
      form.set("intent", "submit");
      form.set("draw", drawId);
      form.set("confirm", "1");
      for (const [name, value] of entries) form.append(name, value);
      return browser.post(start.location!, form);
    };
    for (const entries of [[...answers, [`q${outside.id}`, "1"]], [...answers, answers[3]], [...answers.slice(1), [answers[0][0], "4"]]] as [string, string][][]) {
      const res = await post(entries);
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain("Nothing was saved.");
    }
    expect(await countRows(db.ctx, "skill_attempts")).toBe(0);

    // Three attempts in the last hours: the fourth is refused with the time of the next.
    const a = db.ctx.t.skill_attempts;
    for (let i = 0; i < 3; i++) await db.ctx.db.insert(a).values({ userId: member.id, skillId: bank.skillId, score: 1, total: 10, selectedAnswers: [], createdAt: new Date(Date.now() - (3 - i) * HOUR) });
    const refused = await post(answers);
    expect(refused.status).toBe(429);
    expect(textOf(refused.html)).toMatch(/You have made 3 attempts at .* in the last 24 hours\. You can try again from /);
    expect((await browser.post(`/skills/${bank.skillId}/test`, { intent: "start" })).status).toBe(429);
    expect(await countRows(db.ctx, "skill_attempts")).toBe(3);
  });
});
