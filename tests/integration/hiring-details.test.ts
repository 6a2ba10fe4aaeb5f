/**
 * Hiring details (issue 13, item 12) through the real app on both databases: the application page
 * links the candidate's profile, words each round's state once, names one zone for day and time,
 * and completing a round before its day takes a second, confirmed POST.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeRound } from "../support/factories";
import { makeApplicationTo, makePostedJob } from "../support/hiring";

const DAY = 24 * 60 * 60 * 1000;

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function setup(ctx: Ctx) {
  const poster = await createMember(ctx, { name: "Poster Person" });
  const applicant = await createMember(ctx, { name: "Amal Applicant" });
  const job = await makePostedJob(ctx, poster.id, { title: "Data Analyst" });
  const app = await makeApplicationTo(ctx, job, { id: applicant.id, email: applicant.email, name: "Amal Applicant" });
  // The poster reads times in Cairo.
  await ctx.db.insert(ctx.t.member_settings).values({ user_id: poster.id, time_zone: "Africa/Cairo" });
  return { poster, applicant, app, path: `/hiring/applications/${app.id}` };
}

async function round(ctx: Ctx, id: string) {
  const r = ctx.t.interview_rounds;
  const [row] = await ctx.db.select().from(r).where(eq(r.id, id));
  return row;
}

describeEachDatabase("Hiring details", (db) => {
  it("the application page links the candidate's public profile", async () => {
    const { poster, applicant, path } = await setup(db.ctx);
    const page = await (await as(db.ctx, poster)).get(path);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`href="/u/${applicant.id}"`);
    expect(textOf(page.html)).toContain("See Amal Applicant’s profile");
  });

  it("a round without a date reads 'Not scheduled yet' and not 'Scheduled', on the hiring page and the applicant's page", async () => {
    const { poster, applicant, app, path } = await setup(db.ctx);
    await makeRound(db.ctx, app.id, { roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: null });
    const hiring = textOf((await (await as(db.ctx, poster)).get(path)).html);
    expect(hiring).toContain("Round 1: HR interview · Not scheduled yet");
    expect(hiring).not.toMatch(/Round 1: HR interview · Scheduled/);
    const own = textOf((await (await as(db.ctx, applicant)).get(`/applications/${app.id}`)).html);
    expect(own).toContain("Round 1: HR interview · Not scheduled yet");
    expect(own).not.toContain("· Scheduled");
  });

  it("a dated round says when in the recruiter's zone with that moment's offset, and the date fields share one zone hint", async () => {
    const { poster, app, path } = await setup(db.ctx);
    await makeRound(db.ctx, app.id, { roundNumber: 1, roundType: "final", status: "scheduled", scheduledDate: new Date("2031-01-06T09:00:00Z") });
    const page = await (await as(db.ctx, poster)).get(path);
    const text = textOf(page.html);
    expect(text).toContain("Scheduled for Monday 6 January 2031, 11:00 Africa/Cairo (GMT+2)");
    expect(text).toMatch(/Day and time in Africa\/Cairo, GMT\+\d/);
    // No hint promises a format the browser's own picker may not show.
    expect(text).not.toContain("YYYY-MM-DD,");
    expect(page.html).not.toMatch(/id="[^"]*date-hint"/);
  });

  it("completing a round before its day asks first: a 400 with the question beside the button and the typed values kept, then the confirmed POST completes it", async () => {
    const { poster, app, path } = await setup(db.ctx);
    const r = await makeRound(db.ctx, app.id, { roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: new Date(Date.now() + 3 * DAY) });
    const browser = await as(db.ctx, poster);
    const first = await browser.post(path, { intent: "complete", roundId: r.id, score: "8", notes: "Strong on SQL", feedback: "Thank you" });
    expect(first.status).toBe(400);
    const text = textOf(first.html);
    expect(text).toMatch(/This round is scheduled for .+, which has not come yet\. Did it take place early\?/);
    expect(first.html).toContain('name="confirmEarly" value="yes"');
    expect(text).toContain("Yes, complete round 1 now");
    expect(first.html).toContain("Strong on SQL");
    expect(first.html).toMatch(/name="score"[^>]*value="8"|value="8"[^>]*name="score"/);
    expect((await round(db.ctx, r.id)).status).toBe("scheduled");

    const confirmed = await browser.post(path, { intent: "complete", roundId: r.id, score: "8", notes: "Strong on SQL", feedback: "Thank you", confirmEarly: "yes" });
    expect(confirmed.status).toBe(302);
    const done = await round(db.ctx, r.id);
    expect(done.status).toBe("completed");
    expect(done.score).toBe(8);
  });

  it("a round whose day has passed, or that has no date, completes at once without the question", async () => {
    const { poster, app, path } = await setup(db.ctx);
    const past = await makeRound(db.ctx, app.id, { roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: new Date(Date.now() - DAY) });
    const undated = await makeRound(db.ctx, app.id, { roundNumber: 2, roundType: "final", status: "scheduled", scheduledDate: null });
    const browser = await as(db.ctx, poster);
    expect((await browser.post(path, { intent: "complete", roundId: past.id, score: "6", feedback: "" })).status).toBe(302);
    expect((await browser.post(path, { intent: "complete", roundId: undated.id, score: "7", feedback: "" })).status).toBe(302);
    expect((await round(db.ctx, past.id)).status).toBe("completed");
    expect((await round(db.ctx, undated.id)).status).toBe("completed");
  });

  it("a bad score with an early round is refused for the score first, and the question waits for a valid form", async () => {
    const { poster, app, path } = await setup(db.ctx);
    const r = await makeRound(db.ctx, app.id, { roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: new Date(Date.now() + DAY) });
    const res = await (await as(db.ctx, poster)).post(path, { intent: "complete", roundId: r.id, score: "11", feedback: "" });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("Give a whole-number score from 1 to 10.");
    expect(textOf(res.html)).not.toContain("which has not come yet");
  });
});
