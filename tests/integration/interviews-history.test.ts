/**
 * The interview history (issue 19, items 5 and 6), on both databases: /interviews/history in
 * keyset pages (newest day first, no duplicates, a newer interview added between pages does not
 * push one onto the next page twice, a changed cursor is 400), one interview in full and its
 * Markdown export for its owner only (another member gets 404), and the streak on the profile,
 * shown only when the member turned it on.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { historyPage, HISTORY_PAGE_SIZE, interviewInFull, profileStreak } from "../../app/modules/interviews/history.server";
import type { Ctx } from "../../db/client";
import { questionsOf } from "../../db/interview-banks";
import { appClient, createMember, signedInClient, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

const DAY = 86_400_000;
/** The member's day `back` days before today (UTC: the test members have no zone saved). */
const dayBack = (back: number) => {
  const now = Date.now();
  return new Date(now - (now % DAY) - back * DAY);
};

interface MadeInterview {
  id: string;
  questionIds: number[];
  progressIds: string[];
}

/**
 * An interview of `userId` on `day`: a plan of the first three behavioral questions of the bank,
 * the first answered (with offline feedback), the second skipped, the third open unless completed
 * (then answered too, with AI feedback).
 */
async function makeInterview(ctx: Ctx, userId: string, day: Date, completed = true): Promise<MadeInterview> {
  const bank = questionsOf("behavioral", "en").slice(0, 3);
  const [iv] = await ctx.db
    .insert(ctx.t.daily_interviews)
    .values({ userId, interviewDate: day, category: "behavioral", isCompleted: completed, completedAt: completed ? new Date(day.getTime() + 3_600_000) : null })
    .returning({ id: ctx.t.daily_interviews.id });
  await ctx.db.insert(ctx.t.interview_plans).values({ daily_interview_id: iv.id, question_ids: bank.map((q) => q.id), language: "en" });
  await ctx.db.insert(ctx.t.interview_skips).values({ daily_interview_id: iv.id, question_id: bank[1].id });
  const answered = completed ? [bank[0], bank[2]] : [bank[0]];
  const progressIds: string[] = [];
  for (const [k, q] of answered.entries()) {
    const [p] = await ctx.db
      .insert(ctx.t.interview_progress)
      .values({
        dailyInterviewId: iv.id,
        userId,
        category: "behavioral",
        questionId: q.id,
        question: q.text,
        answer: k === 0 ? "# Heading I typed\nWe shipped the report a day early." : "Second answer.",
        aiFeedback: k === 0 ? "Offline review: add the result, with a number." : "Strengths: a clear example.",
        answeredAt: new Date(day.getTime() + (k + 1) * 60_000),
      })
      .returning({ id: ctx.t.interview_progress.id });
    await ctx.db.insert(ctx.t.interview_feedback).values({ progress_id: p.id, source: k === 0 ? "offline" : "ai", ai_failed: false });
    progressIds.push(p.id);
  }
  return { id: iv.id, questionIds: bank.map((q) => q.id), progressIds };
}

const nextLink = (html: string) => /href="(\/interviews\/history\?cursor=[^"]+)"/.exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;
const listedIds = (html: string) => [...html.matchAll(/href="\/interviews\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describeEachDatabase("Interview history", (db) => {
  it("pages a member's interviews newest day first, ten a page, with no duplicates and none missed even when a newer one is added between pages", async () => {
    const member = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const made: { id: string; back: number }[] = [];
    for (let back = 1; back <= 23; back++) made.push({ id: (await makeInterview(db.ctx, member.id, dayBack(back))).id, back });
    await makeInterview(db.ctx, other.id, dayBack(1));
    const browser = await signedInClient(db.ctx, member);

    const seen: string[] = [];
    let path: string | null = "/interviews/history";
    let pages = 0;
    let todayId = "";
    while (path) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      const ids = listedIds(page.html);
      expect(ids.length).toBeLessThanOrEqual(HISTORY_PAGE_SIZE);
      seen.push(...ids);
      path = nextLink(page.html);
      // A keyset page starts after the last day shown: today's new interview belongs to page 1 only.
      if (pages === 0) todayId = (await makeInterview(db.ctx, member.id, dayBack(0), false)).id;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((m) => m.id));
    expect(new Set(seen).size).toBe(seen.length);
    expect(listedIds((await browser.get("/interviews/history")).html)[0]).toBe(todayId);
  });

  it("reads each page through the member's own rows: the module's pages follow interviewDate and never return another member's", async () => {
    const member = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    for (let back = 1; back <= 12; back++) await makeInterview(db.ctx, member.id, dayBack(back));
    for (let back = 1; back <= 3; back++) await makeInterview(db.ctx, other.id, dayBack(back));
    const first = await historyPage(db.ctx, member.id, undefined);
    expect(first.items.map((i) => i.interviewDate.getTime())).toEqual([...Array(10).keys()].map((k) => dayBack(k + 1).getTime()));
    expect(first.items[0]).toMatchObject({ category: "behavioral", isCompleted: true, planned: 3, answered: 2, skipped: 1 });
    expect(first.items[0].questions).toEqual(questionsOf("behavioral", "en").slice(0, 3).map((q) => q.text));
    const second = await historyPage(db.ctx, member.id, first.next!);
    expect(second.items.map((i) => i.interviewDate.getTime())).toEqual([dayBack(11).getTime(), dayBack(12).getTime()]);
    expect(second.next).toBeNull();
  });

  it("answers a changed or made-up cursor with 400 and sends visitors to sign in", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    expect((await browser.get("/interviews/history?cursor=abc.def")).status).toBe(400);
    const visitor = await appClient(db.ctx);
    const page = await visitor.get("/interviews/history");
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("shows an empty history with a link to today's interview", async () => {
    const member = await createMember(db.ctx);
    const page = await (await signedInClient(db.ctx, member)).get("/interviews/history");
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("You have no interviews yet.");
    expect(page.html).toContain('href="/interviews"');
  });

  it("shows the streak at the top of the history: five completed days ending yesterday", async () => {
    const member = await createMember(db.ctx);
    for (const back of [1, 2, 3, 4, 5, 7]) await makeInterview(db.ctx, member.id, dayBack(back));
    const page = await (await signedInClient(db.ctx, member)).get("/interviews/history");
    expect(textOf(page.html)).toContain("5-day interview streak");
  });

  it("shows one interview in full to its owner: each planned question in order with the answer and feedback, Skipped, or Not answered yet with a link while it is today's", async () => {
    const member = await createMember(db.ctx);
    const today = await makeInterview(db.ctx, member.id, dayBack(0), false);
    const full = await interviewInFull(db.ctx, member.id, today.id);
    expect(full!.questions.map((q) => [q.n, q.questionId, q.state.kind])).toEqual([
      [1, today.questionIds[0], "answered"],
      [2, today.questionIds[1], "skipped"],
      [3, today.questionIds[2], "open"],
    ]);
    const first = full!.questions[0].state;
    expect(first.kind === "answered" && first.feedback).toMatchObject({ text: "Offline review: add the result, with a number.", source: "offline", aiFailed: false });
    const page = await (await signedInClient(db.ctx, member)).get(`/interviews/${today.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Skipped");
    expect(text).toContain("Not answered yet.");
    expect(page.html).toContain(`href="/interviews/${today.id}/q/3"`);
    expect(page.html).toContain(`href="/interviews/${today.id}/export.md"`);

    const old = await makeInterview(db.ctx, member.id, dayBack(3), false);
    const oldPage = await (await signedInClient(db.ctx, member)).get(`/interviews/${old.id}`);
    expect(oldPage.html).not.toContain(`/interviews/${old.id}/q/`);
  });

  it("answers another member's interview, its export and a malformed id with 404, and finds nothing for them in the module", async () => {
    const owner = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const iv = await makeInterview(db.ctx, owner.id, dayBack(2));
    const browser = await signedInClient(db.ctx, other);
    expect((await browser.get(`/interviews/${iv.id}`)).status).toBe(404);
    const exported = await browser.get(`/interviews/${iv.id}/export.md`);
    expect(exported.status).toBe(404);
    expect(exported.html).not.toContain("We shipped the report");
    expect((await browser.get("/interviews/not-an-id")).status).toBe(404);
    expect(await interviewInFull(db.ctx, other.id, iv.id)).toBeNull();
  });

  it("exports an interview as a Markdown attachment: a safe file name, no caching, the questions in order, answers quoted and feedback under headings in the member's language", async () => {
    const member = await createMember(db.ctx);
    const iv = await makeInterview(db.ctx, member.id, new Date("2026-12-01T00:00:00.000Z"));
    const browser = await signedInClient(db.ctx, member);
    const res = await browser.get(`/interviews/${iv.id}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/markdown; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="ladder-interview-2026-12-01-behavioral.md"');
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    const [q1, q2, q3] = questionsOf("behavioral", "en");
    const md = res.html;
    expect(md.startsWith("# Mock interview: Behavioral, 1 Dec 2026")).toBe(true);
    expect(md.indexOf(q1.text)).toBeLessThan(md.indexOf(q2.text));
    expect(md.indexOf(q2.text)).toBeLessThan(md.indexOf(q3.text));
    expect(md).toContain("### Your answer\n\n> # Heading I typed\n> We shipped the report a day early.");
    expect(md).toContain("### Feedback (offline review)\n\nOffline review: add the result, with a number.");
    expect(md).toContain("### Feedback (AI review)\n\nStrengths: a clear example.");
    expect(md).toContain("_Skipped_");

    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: member.id, language: "ar" });
    const arabic = await browser.get(`/interviews/${iv.id}/export.md`);
    expect(arabic.html).toContain("### إجابتك");
  });

  it("shows the streak on the profile only after the member turns it on, to everyone who can see the profile", async () => {
    const member = await createMember(db.ctx);
    for (const back of [1, 2, 3]) await makeInterview(db.ctx, member.id, dayBack(back));
    const visitor = await appClient(db.ctx);
    const before = await visitor.get(`/u/${member.id}`);
    expect(before.status).toBe(200);
    expect(before.html).not.toContain('data-testid="profile-interview-streak"');
    expect(await profileStreak(db.ctx, member.id)).toBe(0);

    const owner = await signedInClient(db.ctx, member);
    const settings = await owner.get("/settings/profile");
    expect(settings.html).toContain("Show my interview streak on my profile");
    expect(settings.html).not.toMatch(/name="show"[^>]*checked/);
    const saved = await owner.post("/settings/interview-streak", { show: "on" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe("/settings/profile#interview-streak");
    expect((await owner.get("/settings/profile")).html).toMatch(/name="show"[^>]*checked/);
    expect(textOf((await visitor.get(`/u/${member.id}`)).html)).toContain("3-day interview streak");
    const someone = await signedInClient(db.ctx, await createMember(db.ctx));
    expect(textOf((await someone.get(`/u/${member.id}`)).html)).toContain("3-day interview streak");

    await owner.post("/settings/interview-streak", {});
    expect((await visitor.get(`/u/${member.id}`)).html).not.toContain('data-testid="profile-interview-streak"');
    const s = db.ctx.t.member_settings;
    const [row] = await db.ctx.db.select({ show: s.show_interview_streak }).from(s).where(eq(s.user_id, member.id));
    expect(row.show).toBe(false);
  });

  it("shows no streak on the profile of a member who allows it but has none, and refuses a changed checkbox with 400", async () => {
    const member = await createMember(db.ctx);
    await makeInterview(db.ctx, member.id, dayBack(4));
    const owner = await signedInClient(db.ctx, member);
    expect((await owner.post("/settings/interview-streak", { show: "yes" })).status).toBe(400);
    await owner.post("/settings/interview-streak", { show: "on" });
    expect((await owner.get(`/u/${member.id}`)).html).not.toContain('data-testid="profile-interview-streak"');
    expect((await owner.post("/settings/interview-streak", { show: "on" }, { csrf: false })).status).toBe(403);
  });
});
