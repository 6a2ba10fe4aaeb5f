/**
 * The daily interview (issue 19, items 2, 4 and 5) on both databases: starting one interview on the
 * member's own day (a second start finds it), answering (a second submit keeps the first; empty and
 * over-long answers are refused beside the field with the text kept), skipping, completing once
 * (the User columns, the streak), resuming at the first open question, and 404 for another member's
 * interview or a question number out of range. Through the real app, JavaScript off.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { answerQuestion, drawQuestions, interviewView, skipQuestion, startInterview, todayView } from "../../app/modules/interviews/interviews.server";
import { ANSWER_MAX, QUESTIONS_PER_INTERVIEW } from "../../app/modules/interviews/rules";
import type { Ctx } from "../../db/client";
import { questionById, questionsOf } from "../../db/interview-banks";
import { createMember, signedInClient, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const DAY = 86_400_000;
/** How many questions an interview of `category` plans: five, or the whole bank while it is smaller. */
const planned = (category: Parameters<typeof questionsOf>[0]) => Math.min(QUESTIONS_PER_INTERVIEW, questionsOf(category).length);

async function setZone(ctx: Ctx, userId: string, zone: string) {
  await ctx.db.insert(ctx.t.member_settings).values({ user_id: userId, time_zone: zone });
}

async function started(ctx: Ctx, userId: string, category = "behavioral", now = new Date(), zone = "UTC", lang = "en") {
  const outcome = await startInterview(ctx, userId, { category, lang, zone }, now);
  if (outcome.kind !== "started") throw new Error(outcome.kind);
  return (await interviewView(ctx, userId, outcome.interviewId))!;
}

async function usage(ctx: Ctx, userId: string, action: string) {
  const u = ctx.t.feature_usage;
  return ctx.db
    .select()
    .from(u)
    .where(and(eq(u.user_id, userId), eq(u.feature_name, "interviews"), eq(u.action, action)));
}

async function userRow(ctx: Ctx, userId: string) {
  const [row] = await ctx.db.select({ last: ctx.t.User.lastInterviewDate, count: ctx.t.User.interviewCount }).from(ctx.t.User).where(eq(ctx.t.User.id, userId));
  return row;
}

/** The csrf-free fields of the question form. */
const answerForm = (answer: string) => ({ intent: "answer", answer });

describeEachDatabase("The daily interview", (db) => {
  it("starts one interview on the member's own day, stored at 00:00 UTC of that date, with its plan drawn from the category's bank in their language", async () => {
    const member = await createMember(db.ctx);
    // 23:30 on 5 December in Los Angeles is 07:30 UTC on 6 December.
    const now = new Date("2026-12-06T07:30:00Z");
    const view = await started(db.ctx, member.id, "data", now, "America/Los_Angeles", "ar");
    expect(view.interviewDate).toEqual(new Date("2026-12-05T00:00:00Z"));
    expect(view).toMatchObject({ category: "data", language: "ar", isCompleted: false, firstOpen: 1 });
    expect(view.questions).toHaveLength(planned("data"));
    const bankIds = new Set(questionsOf("data", "ar").map((q) => q.id));
    expect(view.questions.every((q) => bankIds.has(q.questionId))).toBe(true);
    expect(new Set(view.questions.map((q) => q.questionId)).size).toBe(view.questions.length);
    expect(view.questions[0].text).toBe(questionById("data", view.questions[0].questionId, "ar")!.text);
    expect(await usage(db.ctx, member.id, "interview_started")).toHaveLength(1);
  });

  it("finds today's interview on a second start the same day instead of starting another, and starts a new one the next day", async () => {
    const member = await createMember(db.ctx);
    const now = new Date("2026-12-06T10:00:00Z");
    const first = await startInterview(db.ctx, member.id, { category: "sales", lang: "en", zone: "Asia/Kolkata" }, now);
    const again = await startInterview(db.ctx, member.id, { category: "product", lang: "en", zone: "Asia/Kolkata" }, new Date(now.getTime() + 8 * 3_600_000));
    expect(first).toMatchObject({ kind: "started", created: true });
    expect(again).toEqual({ kind: "started", interviewId: first.kind === "started" ? first.interviewId : "", created: false });
    expect(await db.ctx.db.select().from(db.ctx.t.daily_interviews)).toHaveLength(1);
    expect(await db.ctx.db.select().from(db.ctx.t.interview_plans)).toHaveLength(1);
    expect(await usage(db.ctx, member.id, "interview_started")).toHaveLength(1);
    // 18:30 UTC is midnight in Kolkata: a new day.
    const next = await startInterview(db.ctx, member.id, { category: "product", lang: "en", zone: "Asia/Kolkata" }, new Date("2026-12-06T18:30:00Z"));
    expect(next).toMatchObject({ kind: "started", created: true });
    expect(await startInterview(db.ctx, member.id, { category: "cooking", lang: "en", zone: "UTC" })).toEqual({ kind: "bad_category" });
  });

  it("draws questions the member has not answered before first, then the others", () => {
    const ids = Array.from({ length: 20 }, (_, i) => 1001 + i);
    const seen = new Set(ids.slice(0, 17));
    for (let i = 0; i < 20; i++) {
      const drawn = drawQuestions(ids, seen);
      expect(drawn).toHaveLength(QUESTIONS_PER_INTERVIEW);
      expect(new Set(drawn).size).toBe(QUESTIONS_PER_INTERVIEW);
      expect(drawn.slice(0, 3).sort()).toEqual([1018, 1019, 1020]);
      expect(drawn.slice(3).every((id) => seen.has(id))).toBe(true);
    }
    expect(drawQuestions(ids.slice(0, 3), new Set())).toHaveLength(3);
  });

  it("stores an answer with the question as shown, keeps the first of two submits, and records the usage once", async () => {
    const member = await createMember(db.ctx);
    const view = await started(db.ctx, member.id);
    const first = await answerQuestion(db.ctx, member.id, view.id, 1, "I led the migration and cut costs by 30%.");
    expect(first).toMatchObject({ kind: "answered", created: true, completed: false });
    const second = await answerQuestion(db.ctx, member.id, view.id, 1, "A different answer");
    expect(second).toMatchObject({ kind: "answered", created: false, progressId: first.kind === "answered" ? first.progressId : "" });
    const rows = await db.ctx.db.select().from(db.ctx.t.interview_progress);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ userId: member.id, category: "behavioral", questionId: view.questions[0].questionId, question: view.questions[0].text, answer: "I led the migration and cut costs by 30%." });
    expect(await usage(db.ctx, member.id, "interview_answered")).toHaveLength(1);
    // Another member's interview does not exist for them.
    const other = await createMember(db.ctx);
    expect(await answerQuestion(db.ctx, other.id, view.id, 2, "Mine")).toEqual({ kind: "not_found" });
    expect(await skipQuestion(db.ctx, other.id, view.id, 2)).toEqual({ kind: "not_found" });
    expect(await interviewView(db.ctx, other.id, view.id)).toBeNull();
  });

  it("skips a question (nothing for an answered one), and completes once every question is answered or skipped: the User columns move once", async () => {
    const member = await createMember(db.ctx);
    const now = new Date("2026-12-06T12:00:00Z");
    const view = await started(db.ctx, member.id, "hr", now, "Asia/Kolkata");
    const total = view.questions.length;
    await answerQuestion(db.ctx, member.id, view.id, 1, "First", now);
    expect(await skipQuestion(db.ctx, member.id, view.id, 1, now)).toEqual({ kind: "skipped", next: 2, completed: false });
    expect(await db.ctx.db.select().from(db.ctx.t.interview_skips)).toHaveLength(0);
    expect(await skipQuestion(db.ctx, member.id, view.id, 2, now)).toEqual({ kind: "skipped", next: total > 2 ? 3 : null, completed: total === 2 });
    for (let n = 3; n < total; n++) await answerQuestion(db.ctx, member.id, view.id, n, `Answer ${n}`, now);
    expect((await userRow(db.ctx, member.id)).count ?? 0).toBe(0);
    const last = await answerQuestion(db.ctx, member.id, view.id, total, "Last", now);
    expect(last).toMatchObject({ kind: "answered", completed: true });
    const done = (await interviewView(db.ctx, member.id, view.id))!;
    expect(done).toMatchObject({ isCompleted: true, completedAt: now, firstOpen: null });
    expect(done.questions.map((q) => q.status)).toEqual(["answered", "skipped", ...Array.from({ length: total - 2 }, () => "answered")]);
    expect(await userRow(db.ctx, member.id)).toEqual({ last: new Date("2026-12-06T00:00:00Z"), count: 1 });
    // Nothing completes it twice.
    expect(await skipQuestion(db.ctx, member.id, view.id, 2, now)).toMatchObject({ completed: false });
    expect((await userRow(db.ctx, member.id)).count).toBe(1);
    expect(await usage(db.ctx, member.id, "interview_completed")).toHaveLength(1);
    expect(await todayView(db.ctx, member.id, "Asia/Kolkata", now)).toMatchObject({ streak: 1 });
  });

  it("counts the streak on the member's days: yesterday's and today's interviews make 2, and an interview of an earlier day never becomes today's", async () => {
    const member = await createMember(db.ctx);
    const now = new Date("2026-12-06T12:00:00Z");
    const yesterday = await started(db.ctx, member.id, "case", new Date(now.getTime() - DAY));
    for (const q of yesterday.questions) await skipQuestion(db.ctx, member.id, yesterday.id, q.n, new Date(now.getTime() - DAY));
    // Finished a day late (resumed): still counts for its own day, and is not today's interview.
    const older = await started(db.ctx, member.id, "case", new Date(now.getTime() - 3 * DAY));
    for (const q of older.questions) await skipQuestion(db.ctx, member.id, older.id, q.n, now);
    const today = await todayView(db.ctx, member.id, "UTC", now);
    expect(today).toMatchObject({ interview: null, streak: 1 });
    const mine = await started(db.ctx, member.id, "case", now);
    for (const q of mine.questions) await answerQuestion(db.ctx, member.id, mine.id, q.n, "Yes", now);
    expect(await todayView(db.ctx, member.id, "UTC", now)).toMatchObject({ interview: { id: mine.id, isCompleted: true }, streak: 2 });
    expect((await userRow(db.ctx, member.id)).count).toBe(3);
  });

  it("through the app: starts today's interview, refuses empty and over-long answers beside the field with the text kept, answers with feedback, resumes at the first open question, and finishes with the summary and the streak", async () => {
    const member = await createMember(db.ctx);
    await setZone(db.ctx, member.id, "Asia/Kolkata");
    const browser = await signedInClient(db.ctx, member);
    const intro = await browser.get("/interviews");
    expect(intro.status).toBe(200);
    expect(textOf(intro.html)).toContain("Choose a category");
    expect(textOf(intro.html)).toContain("Customer support");
    expect((await browser.post("/interviews", {})).status).toBe(400);
    const start = await browser.post("/interviews", { category: "behavioral" });
    const [row] = await db.ctx.db.select().from(db.ctx.t.daily_interviews).where(eq(db.ctx.t.daily_interviews.userId, member.id));
    // A new interview opens at its first question.
    expect(start).toMatchObject({ status: 302, location: `/interviews/${row.id}/q/1` });
    const total = planned("behavioral");
    const today = textOf((await browser.get("/interviews")).html);
    expect(today).toContain(`Question 1 of ${total}`);
    expect(today).toMatch(/Your next interview opens at 00:00 on \S+ \d+ \S+ \(Asia\/Kolkata\)\./);
    expect((await browser.get("/interviews")).html).toContain(`href="/interviews/${row.id}/q/1"`);
    // A second start (another tab) lands on the same interview.
    expect(await browser.post("/interviews", { category: "sales" })).toMatchObject({ status: 302, location: "/interviews" });
    expect(await db.ctx.db.select().from(db.ctx.t.daily_interviews).where(eq(db.ctx.t.daily_interviews.userId, member.id))).toHaveLength(1);

    const q1 = `/interviews/${row.id}/q/1`;
    const page = await browser.get(q1);
    expect(page.status).toBe(200);
    expect(page.html).toContain('name="answer"');
    expect(page.html).toMatch(new RegExp(`maxlength="${ANSWER_MAX}"`, "i"));
    const empty = await browser.post(q1, answerForm("   \n  "));
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Write your answer first.");
    const long = "Situation. ".repeat(400) + "The end";
    const tooLong = await browser.post(q1, answerForm(long));
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html)).toContain(`Your answer is ${long.length.toLocaleString("en-US")} characters long; the limit is 4,000.`);
    expect(tooLong.html).toContain("The end</textarea>");
    expect(await db.ctx.db.select().from(db.ctx.t.interview_progress)).toHaveLength(0);

    const answered = await browser.post(q1, answerForm("At my last job I owned the release.\n\nWe shipped on time."));
    expect(answered.status).toBe(200);
    expect(textOf(answered.html)).toContain("Your answer");
    expect(answered.html).toContain("At my last job I owned the release.\n\nWe shipped on time.");
    const [progress] = await db.ctx.db.select().from(db.ctx.t.interview_progress);
    expect(progress.aiFeedback).not.toBeNull();
    expect(answered.html).toContain(`href="/interviews/${row.id}/q/2"`);
    // A double submit keeps and shows the first.
    const twice = await browser.post(q1, answerForm("Something else entirely"));
    expect(twice.status).toBe(200);
    expect(twice.html).toContain("At my last job I owned the release.");
    expect(twice.html).not.toContain("Something else entirely");
    expect(await db.ctx.db.select().from(db.ctx.t.interview_progress)).toHaveLength(1);

    await browser.post(`/interviews/${row.id}/q/2`, answerForm("Second answer"));
    const back = await browser.get("/interviews");
    expect(textOf(back.html)).toContain(`Question 3 of ${total}`);
    expect(back.html).toContain(`href="/interviews/${row.id}/q/3"`);
    const skip = await browser.post(`/interviews/${row.id}/q/3`, { intent: "skip" });
    expect(skip).toMatchObject({ status: 302, location: total > 3 ? `/interviews/${row.id}/q/4` : "/interviews" });
    for (let n = 4; n <= total; n++) await browser.post(`/interviews/${row.id}/q/${n}`, answerForm(`Answer ${n}`));
    const summary = textOf((await browser.get("/interviews")).html);
    expect(summary).toContain("You finished today's interview.");
    expect(summary).toContain("Skipped");
    expect(summary).toContain("1-day streak");
    expect((await userRow(db.ctx, member.id)).count).toBe(1);
  });

  it("answers 404 for another member's interview and for a question number out of range, and sends a visitor to sign in", async () => {
    const owner = await createMember(db.ctx);
    const view = await started(db.ctx, owner.id);
    const other = await signedInClient(db.ctx, await createMember(db.ctx));
    expect((await other.get(`/interviews/${view.id}/q/1`)).status).toBe(404);
    expect((await other.post(`/interviews/${view.id}/q/1`, answerForm("Not mine"))).status).toBe(404);
    expect((await other.post(`/interviews/${view.id}/q/1`, { intent: "skip" })).status).toBe(404);
    expect(await db.ctx.db.select().from(db.ctx.t.interview_progress)).toHaveLength(0);
    expect(await db.ctx.db.select().from(db.ctx.t.interview_skips)).toHaveLength(0);
    const browser = await signedInClient(db.ctx, owner);
    for (const n of ["0", "6", "9", "03", "x"]) expect((await browser.get(`/interviews/${view.id}/q/${n}`)).status, n).toBe(404);
    for (let n = view.questions.length + 1; n <= QUESTIONS_PER_INTERVIEW; n++) expect((await browser.get(`/interviews/${view.id}/q/${n}`)).status).toBe(404);
    expect((await browser.post(`/interviews/${view.id}/q/9`, answerForm("Nine"))).status).toBe(404);
    const missing = textOf((await browser.get(`/interviews/${view.id}/q/9`)).html);
    expect(missing).toContain("Interviews");
    expect(missing).not.toContain("interviews.");
    expect((await browser.get("/interviews/not-a-uuid/q/1")).status).toBe(404);
    expect((await browser.get(`/interviews/${view.id}/q/1`)).status).toBe(200);
    const visitor = await signedInClient(db.ctx, owner);
    visitor.signOut();
    expect((await visitor.get(`/interviews/${view.id}/q/1`)).location).toMatch(/^\/login\?redirectTo=/);
    expect((await visitor.get("/interviews")).status).toBe(200);
    expect((await visitor.post("/interviews", { category: "hr" })).location).toMatch(/^\/login\?redirectTo=/);
  });
});
