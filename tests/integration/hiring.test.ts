/**
 * The hiring pipeline through the real app on both databases: who sees which job, status changes
 * with the applicant's notification and email (SMTP sink on 127.0.0.1), the optimistic check,
 * interview rounds, and a withdrawn application staying read-only.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeApplicationTo, makePostedJob } from "../support/hiring";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function application(ctx: Ctx, id: string) {
  const a = ctx.t.job_applications;
  const [row] = await ctx.db.select().from(a).where(eq(a.id, id));
  return row;
}

async function rounds(ctx: Ctx, id: string) {
  const r = ctx.t.interview_rounds;
  return ctx.db.select().from(r).where(eq(r.applicationId, id)).orderBy(r.roundNumber);
}

async function notificationsOf(ctx: Ctx, userId: string) {
  const n = ctx.t.notification;
  return ctx.db.select().from(n).where(eq(n.user_id, userId)).orderBy(n.created_at);
}

/** The hidden updatedAt of the status form on the application's page. */
function formVersion(html: string): string {
  const match = /name="updatedAt" value="(\d+)"/.exec(html);
  if (!match) throw new Error("no status form on the page");
  return match[1];
}

/** A poster with an approved Ladder post and one application to it from `applicant`. */
async function setup(ctx: Ctx, options: { withdrawn?: boolean } = {}) {
  const poster = await createMember(ctx, { name: "Poster Person" });
  const applicant = await createMember(ctx, { name: "Amal Applicant" });
  const job = await makePostedJob(ctx, poster.id, { title: "Data Analyst", employer: "Nile Analytics" });
  const app = await makeApplicationTo(ctx, job, { id: applicant.id, email: applicant.email, name: "Amal Applicant" }, { withdrawn: options.withdrawn });
  return { poster, applicant, job, app };
}

describeEachDatabase("hiring pipeline", (db) => {
  it("lists the poster's job on /hiring with its live applications counted by status, and a member with nothing to manage sees how to post", async () => {
    const { poster, job } = await setup(db.ctx);
    const other = await createMember(db.ctx);
    await makeApplicationTo(db.ctx, job, { id: other.id, email: other.email }, { status: "shortlisted" });
    const third = await createMember(db.ctx);
    await makeApplicationTo(db.ctx, job, { id: third.id, email: third.email }, { withdrawn: true });

    const page = await (await as(db.ctx, poster)).get("/hiring");
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Data Analyst");
    expect(text).toContain("2 live: 1 pending, 1 shortlisted");
    expect(text).toContain("1 withdrawn");
    expect(page.html).toContain(`href="/hiring/general/${job.jobId}"`);

    const empty = await (await as(db.ctx, other)).get("/hiring");
    expect(empty.status).toBe(200);
    expect(textOf(empty.html)).toContain("You have no jobs to manage yet");
    expect(empty.html).toContain('href="/jobs/new"');
    expect(textOf(empty.html)).not.toContain("Data Analyst");
  });

  it("shows the career team every job with applications, and pages /hiring by keyset without repeats", async () => {
    const career = await createMember(db.ctx, { role: "career_team" });
    const posters = [];
    for (let i = 0; i < 23; i++) {
      const poster = await createMember(db.ctx);
      posters.push(poster);
      const job = await makePostedJob(db.ctx, poster.id, { title: `Role ${i}`, feed: (["general", "remote", "part-time"] as const)[i % 3], createdAt: new Date(Date.UTC(2026, 9, 1 + (i % 5))) });
      await makeApplicationTo(db.ctx, job, { id: poster.id, email: `x${i}@example.test` });
    }
    // A post nobody applied to is not the career team's to see here (it is its poster's).
    await makePostedJob(db.ctx, posters[0].id, { title: "Quiet role" });
    const browser = await as(db.ctx, career);
    const first = await browser.get("/hiring");
    const next = /href="(\/hiring\?after=[^"]+)"/.exec(first.html)?.[1].replace(/&amp;/g, "&");
    expect(next).toBeTruthy();
    const second = await browser.get(next!);
    expect(second.status).toBe(200);
    const titles = (html: string) => [...textOf(html).matchAll(/Role (\d+)/g)].map((m) => m[1]);
    const seen = [...titles(first.html), ...titles(second.html)];
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(textOf(first.html) + textOf(second.html)).not.toContain("Quiet role");
    expect((await browser.get("/hiring?after=not-a-cursor")).status).toBe(400);
  });

  it("shows a job's applications to its poster and the career team and 404 to another member, a recruiter and unknown jobs", async () => {
    const { poster, job, app } = await setup(db.ctx);
    const path = `/hiring/general/${job.jobId}`;
    const own = await (await as(db.ctx, poster)).get(path);
    expect(own.status).toBe(200);
    expect(textOf(own.html)).toContain("Amal Applicant");
    expect(own.html).toContain(`href="/hiring/applications/${app.id}"`);
    expect(own.html).toContain(`href="/applications/${app.id}/cv"`);

    expect((await (await as(db.ctx, await createMember(db.ctx))).get(path)).status).toBe(404);
    expect((await (await as(db.ctx, await createMember(db.ctx, { role: "recruiter" }))).get(path)).status).toBe(404);
    expect((await (await as(db.ctx, await createMember(db.ctx, { role: "career_team" }))).get(path)).status).toBe(200);
    expect((await (await as(db.ctx, await createMember(db.ctx, { role: "admin" }))).get(path)).status).toBe(200);
    const browser = await as(db.ctx, poster);
    expect((await browser.get(`/hiring/remote/${job.jobId}`)).status).toBe(404);
    expect((await browser.get(`/hiring/elsewhere/${job.jobId}`)).status).toBe(404);
    expect((await browser.get("/hiring/general/no-such-job")).status).toBe(404);
    expect((await browser.get(`${path}?status=sleeping`)).status).toBe(400);
    expect((await browser.get(`${path}?after=forged.cursor`)).status).toBe(400);
  });

  it("filters a job's applications by status, withdrawn ones only under Withdrawn, and pages them newest first", async () => {
    const { poster, job } = await setup(db.ctx);
    for (let i = 0; i < 32; i++) {
      const m = await createMember(db.ctx, { name: `Candidate ${i}` });
      await makeApplicationTo(db.ctx, job, { id: m.id, email: m.email, name: `Candidate ${i}` }, { status: i % 2 ? "shortlisted" : "reviewing", withdrawn: i === 5, createdAt: new Date(Date.UTC(2026, 10, 2, 0, i)) });
    }
    const browser = await as(db.ctx, poster);
    const path = `/hiring/general/${job.jobId}`;
    const shortlisted = textOf((await browser.get(`${path}?status=shortlisted`)).html);
    expect([...shortlisted.matchAll(/Candidate (\d+)/g)].map((m) => Number(m[1])).every((n) => n % 2 === 1 && n !== 5)).toBe(true);
    expect(shortlisted).toContain("Candidate 31");
    const withdrawn = textOf((await browser.get(`${path}?status=withdrawn`)).html);
    expect([...withdrawn.matchAll(/Candidate (\d+)/g)].map((m) => m[1])).toEqual(["5"]);

    const first = await browser.get(`${path}?status=all`);
    const names = (html: string) => [...textOf(html).matchAll(/Candidate (\d+)/g)].map((m) => Number(m[1]));
    expect(names(first.html).slice(0, 3)).toEqual([31, 30, 29]);
    const next = /href="([^"]*after=[^"]+)"/.exec(first.html)?.[1].replace(/&amp;/g, "&");
    expect(next).toBeTruthy();
    const second = await browser.get(next!);
    const all = [...names(first.html), ...names(second.html)];
    expect(all).toHaveLength(32);
    expect(new Set(all).size).toBe(32);
    expect(textOf(second.html)).toContain("Amal Applicant");
  });

  it("changes the status with feedback, tells the applicant by a general notification and an email, and shows it on their /notifications", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const page = await browser.get(`/hiring/applications/${app.id}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("I would like to apply.");
    const res = await browser.post(`/hiring/applications/${app.id}`, { intent: "status", status: "shortlisted", feedback: "Strong SQL answers.", updatedAt: formVersion(page.html) });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/hiring/applications/${app.id}`);

    const row = await application(db.ctx, app.id);
    expect(row.status).toBe("shortlisted");
    expect(row.feedback).toBe("Strong SQL answers.");
    expect(row.updatedAt.getTime()).toBeGreaterThan(app.updatedAt.getTime());
    const notes = await notificationsOf(db.ctx, applicant.id);
    expect(notes).toHaveLength(1);
    expect(notes[0].type).toBeNull();
    expect(notes[0].message).toContain("Your application for Data Analyst at Nile Analytics is now Shortlisted.");
    expect(notes[0].message).toContain("Strong SQL answers.");

    const mail = await sink.waitFor(applicant.email, (m) => m.subject.includes("is now Shortlisted"));
    expect(mail.subject).toBe("Your application for Data Analyst at Nile Analytics is now Shortlisted");
    expect(mail.text).toContain("Strong SQL answers.");
    expect(mail.text).toContain(`/applications/${app.id}`);

    const seen = await (await as(db.ctx, applicant)).get("/notifications");
    expect(textOf(seen.html)).toContain("Your application for Data Analyst at Nile Analytics is now Shortlisted.");
  });

  it("refuses feedback over 5,000 characters and a status not in the list with 400, keeping what was typed and changing nothing", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const version = formVersion((await browser.get(`/hiring/applications/${app.id}`)).html);
    const long = `${"a".repeat(5_000)}KEEPME`;
    const res = await browser.post(`/hiring/applications/${app.id}`, { intent: "status", status: "reviewing", feedback: long, updatedAt: version });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("Feedback can be at most 5,000 characters");
    expect(res.html).toContain("KEEPME");
    const odd = await browser.post(`/hiring/applications/${app.id}`, { intent: "status", status: "promoted", feedback: "", updatedAt: version });
    expect(odd.status).toBe(400);
    expect(textOf(odd.html)).toContain("Choose one of the statuses in the list.");
    expect((await application(db.ctx, app.id)).status).toBe("pending");
    expect(await notificationsOf(db.ctx, applicant.id)).toHaveLength(0);
  });

  it("does not let a second recruiter's stale form overwrite the first one's change: 409 with the current state and their choice kept", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const a = await as(db.ctx, poster);
    const b = await as(db.ctx, career);
    const versionA = formVersion((await a.get(`/hiring/applications/${app.id}`)).html);
    const versionB = formVersion((await b.get(`/hiring/applications/${app.id}`)).html);
    expect((await a.post(`/hiring/applications/${app.id}`, { intent: "status", status: "rejected", feedback: "Not this time.", updatedAt: versionA })).status).toBe(302);
    const late = await b.post(`/hiring/applications/${app.id}`, { intent: "status", status: "offered", feedback: "Welcome!", updatedAt: versionB });
    expect(late.status).toBe(409);
    const text = textOf(late.html);
    expect(text).toContain("Someone else changed this application since you opened it.");
    expect(text).toContain("Now: Rejected");
    expect(late.html).toContain("Welcome!");
    // The page carries the new version, so sending again is a deliberate second change.
    expect(formVersion(late.html)).not.toBe(versionB);
    const row = await application(db.ctx, app.id);
    expect(row.status).toBe("rejected");
    expect(row.feedback).toBe("Not this time.");
    expect(await notificationsOf(db.ctx, applicant.id)).toHaveLength(1);
  });

  it("keeps a withdrawn application read-only: an honest line, no forms, and a POST refused with nothing changed", async () => {
    const { poster, applicant, app } = await setup(db.ctx, { withdrawn: true });
    const browser = await as(db.ctx, poster);
    const page = await browser.get(`/hiring/applications/${app.id}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("The applicant withdrew this application");
    expect(page.html).not.toContain('name="updatedAt"');
    expect(page.html).not.toContain('value="add-round"');
    const res = await browser.post(`/hiring/applications/${app.id}`, { intent: "status", status: "offered", feedback: "", updatedAt: String(app.updatedAt.getTime()) });
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("The applicant withdrew this application");
    const add = await browser.post(`/hiring/applications/${app.id}`, { intent: "add-round", roundType: "hr", date: "", time: "", interviewerName: "", interviewerEmail: "" });
    expect(add.status).toBe(400);
    const row = await application(db.ctx, app.id);
    expect(row.status).toBe("pending");
    expect(await rounds(db.ctx, app.id)).toHaveLength(0);
    expect(await notificationsOf(db.ctx, applicant.id)).toHaveLength(0);
  });

  it("adds rounds numbered in order, stores a local date and time in the recruiter's zone as UTC, reschedules, completes with a score and cancels", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: poster.id, time_zone: "Asia/Amman" });
    const browser = await as(db.ctx, poster);
    const url = `/hiring/applications/${app.id}`;
    const blank = { interviewerName: "", interviewerEmail: "" };
    expect(textOf((await browser.get(url)).html)).toContain("Times are in Asia/Amman");

    expect((await browser.post(url, { intent: "add-round", roundType: "phone_screening", date: "", time: "", ...blank })).status).toBe(302);
    const add2 = await browser.post(url, { intent: "add-round", roundType: "final", date: "2026-12-03", time: "10:30", interviewerName: "Huda Recruiter", interviewerEmail: "Huda@Example.test" });
    expect(add2.status).toBe(302);
    let list = await rounds(db.ctx, app.id);
    expect(list.map((r) => [r.roundNumber, r.roundType, r.status])).toEqual([
      [1, "phone_screening", "scheduled"],
      [2, "final", "scheduled"],
    ]);
    expect(list[0].scheduledDate).toBeNull();
    expect(list[1].scheduledDate?.toISOString()).toBe("2026-12-03T07:30:00.000Z"); // Amman is UTC+3
    expect(list[1].interviewerEmail).toBe("huda@example.test");
    const notes = await notificationsOf(db.ctx, applicant.id);
    expect(notes.map((n) => n.title)).toEqual(["Interview scheduled"]);
    expect(notes[0].type).toBeNull();

    // Scheduling round 1 (it had no date) keeps it 'scheduled'; moving round 2 makes it 'rescheduled'.
    expect((await browser.post(url, { intent: "reschedule", roundId: list[0].id, date: "2026-12-01", time: "09:00" })).status).toBe(302);
    expect((await browser.post(url, { intent: "reschedule", roundId: list[1].id, date: "2026-12-04", time: "11:00" })).status).toBe(302);
    list = await rounds(db.ctx, app.id);
    expect(list[0].status).toBe("scheduled");
    expect(list[0].scheduledDate?.toISOString()).toBe("2026-12-01T06:00:00.000Z");
    expect(list[1].status).toBe("rescheduled");
    expect(list[1].scheduledDate?.toISOString()).toBe("2026-12-04T08:00:00.000Z");

    for (const score of ["0", "11", "x", "7.5", ""]) {
      const bad = await browser.post(url, { intent: "complete", roundId: list[0].id, score, feedback: `typed ${score}` });
      expect(bad.status).toBe(400);
      expect(textOf(bad.html)).toContain("Give a whole-number score from 1 to 10.");
      expect(bad.html).toContain(`typed ${score}`);
    }
    expect((await rounds(db.ctx, app.id))[0].status).toBe("scheduled");
    const before = Date.now();
    expect((await browser.post(url, { intent: "complete", roundId: list[0].id, score: "8", feedback: "Clear and calm." })).status).toBe(302);
    expect((await browser.post(url, { intent: "cancel", roundId: list[1].id })).status).toBe(302);
    list = await rounds(db.ctx, app.id);
    expect(list[0]).toMatchObject({ status: "completed", score: 8, feedback: "Clear and calm." });
    expect(list[0].completedDate!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(list[1].status).toBe("cancelled");

    // Done rounds cannot change; the next round is number 3.
    const again = await browser.post(url, { intent: "complete", roundId: list[1].id, score: "5", feedback: "" });
    expect(again.status).toBe(400);
    expect(textOf(again.html)).toContain("already completed or cancelled");
    expect((await browser.post(url, { intent: "add-round", roundType: "hr", date: "", time: "", ...blank })).status).toBe(302);
    expect((await rounds(db.ctx, app.id)).map((r) => r.roundNumber)).toEqual([1, 2, 3]);
    const page = textOf((await browser.get(url)).html);
    expect(page).toContain("Round 1: Phone screening · Completed");
    expect(page).toContain("score 8/10");
    expect(page).toContain("Round 2: Final interview · Cancelled");
    expect(page).toContain("Add round 4");
  });

  it("keeps a round's score and notes on the hiring side: the applicant's page and its loader data show only the feedback", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    const recruiter = await as(db.ctx, poster);
    const url = `/hiring/applications/${app.id}`;
    expect((await recruiter.post(url, { intent: "add-round", roundType: "hr", date: "", time: "", interviewerName: "", interviewerEmail: "" })).status).toBe(302);
    const [round] = await rounds(db.ctx, app.id);
    const form = await recruiter.get(url);
    expect(textOf(form.html)).toContain("The candidate will see this.");
    expect(textOf(form.html)).toContain("Private: only the hiring team sees these notes.");
    const notes = "Hesitant on SQL joins; salary ask above band";
    const completed = await recruiter.post(url, { intent: "complete", roundId: round.id, score: "3", notes, feedback: "Thank you for your time." });
    expect(completed.status).toBe(302);
    expect((await rounds(db.ctx, app.id))[0]).toMatchObject({ status: "completed", score: 3, notes, feedback: "Thank you for your time." });
    const hiringPage = textOf((await recruiter.get(url)).html);
    expect(hiringPage).toContain(`Notes (hiring team only): ${notes}`);
    expect(hiringPage).toContain("score 3/10");

    const candidate = await as(db.ctx, applicant);
    const page = await candidate.get(`/applications/${app.id}`);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Thank you for your time.");
    expect(page.html).not.toContain("Hesitant");
    expect(page.html).not.toMatch(/score/i);
    // The loader data the browser fetches on a client-side navigation (single fetch, turbo-stream):
    // keys are written as strings, so a selected score or notes column would show as "score"/"notes".
    const data = await candidate.get(`/applications/${app.id}.data`);
    expect(data.status).toBe(200);
    expect(data.html).toContain("Thank you for your time.");
    expect(data.html).toContain('"feedback"');
    expect(data.html).not.toContain('"score"');
    expect(data.html).not.toContain('"notes"');
    expect(data.html).not.toContain("Hesitant");
  });

  it("refuses notes over 5,000 characters on a completed round with 400 beside the field, keeping the feedback typed", async () => {
    const { poster, app } = await setup(db.ctx);
    const recruiter = await as(db.ctx, poster);
    const url = `/hiring/applications/${app.id}`;
    await recruiter.post(url, { intent: "add-round", roundType: "hr", date: "", time: "", interviewerName: "", interviewerEmail: "" });
    const [round] = await rounds(db.ctx, app.id);
    const bad = await recruiter.post(url, { intent: "complete", roundId: round.id, score: "6", notes: "n".repeat(5001), feedback: "kept feedback" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toMatch(/Notes can be at most 5,000 characters/);
    expect(bad.html).toContain("kept feedback");
    expect((await rounds(db.ctx, app.id))[0].status).toBe("scheduled");
  });

  it("refuses a bad round form with 400 and messages next to the fields: half a date, an impossible day, a bad interviewer email", async () => {
    const { poster, app } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const url = `/hiring/applications/${app.id}`;
    const half = await browser.post(url, { intent: "add-round", roundType: "hr", date: "2026-12-03", time: "", interviewerName: "Sam", interviewerEmail: "" });
    expect(half.status).toBe(400);
    expect(textOf(half.html)).toContain("Choose the time as well as the day.");
    expect(half.html).toMatch(/id="add-interviewerName"[^>]*value="Sam"|value="Sam"[^>]*id="add-interviewerName"/);
    const impossible = await browser.post(url, { intent: "add-round", roundType: "hr", date: "2026-02-30", time: "10:00", interviewerName: "", interviewerEmail: "" });
    expect(impossible.status).toBe(400);
    expect(textOf(impossible.html)).toContain("That day does not exist.");
    const email = await browser.post(url, { intent: "add-round", roundType: "hr", date: "", time: "", interviewerName: "", interviewerEmail: "not an address" });
    expect(email.status).toBe(400);
    expect(textOf(email.html)).toContain("Write a whole email address");
    const kind = await browser.post(url, { intent: "add-round", roundType: "coffee", date: "", time: "", interviewerName: "", interviewerEmail: "" });
    expect(kind.status).toBe(400);
    const long = await browser.post(url, { intent: "add-round", roundType: "hr", date: "", time: "", interviewerName: "n".repeat(256), interviewerEmail: "" });
    expect(long.status).toBe(400);
    expect(await rounds(db.ctx, app.id)).toHaveLength(0);
  });

  it("lets nobody but the job's poster and staff read or change an application or its rounds", async () => {
    const { app, applicant } = await setup(db.ctx);
    const r = db.ctx.t.interview_rounds;
    const [round] = await db.ctx.db.insert(r).values({ applicationId: app.id, roundNumber: 1, roundType: "hr" }).returning();
    const url = `/hiring/applications/${app.id}`;
    for (const member of [await createMember(db.ctx), await createMember(db.ctx, { role: "recruiter" }), applicant]) {
      const browser = await as(db.ctx, member);
      expect((await browser.get(url)).status).toBe(404);
      expect((await browser.post(url, { intent: "status", status: "hired", feedback: "", updatedAt: String(app.updatedAt.getTime()) })).status).toBe(404);
      expect((await browser.post(url, { intent: "cancel", roundId: round.id })).status).toBe(404);
    }
    expect((await application(db.ctx, app.id)).status).toBe("pending");
    const [after] = await db.ctx.db.select().from(r).where(and(eq(r.id, round.id)));
    expect(after.status).toBe("scheduled");
    expect((await (await as(db.ctx, await createMember(db.ctx, { role: "admin" }))).get(url)).status).toBe(200);
    expect((await (await as(db.ctx, applicant)).get("/hiring/applications/not-a-uuid")).status).toBe(404);
  });
});
