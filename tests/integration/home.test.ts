/**
 * The home page per role through the real app, on both databases: each role sees its blocks, and
 * only its own data (the page's HTML, loader data included, never names another member's jobs or
 * applications). The counts are also read from the module's queries directly.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { myApplications, peopleYouMayKnow, pendingRequests, unreadMessages } from "../../app/modules/home/member.server";
import { nextRounds, jobsWithApplications } from "../../app/modules/home/recruiter.server";
import { recentDecisions, reviewQueue, todaysNumbers } from "../../app/modules/home/staff.server";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeConnection, makeJob, makeRound, makeUserMessage, nextSeq } from "../support/factories";
import { makeApplicationTo, makePostedJob } from "../support/hiring";

const DAY = 86_400_000;

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

describeEachDatabase("the home page", (db) => {
  it("shows a visitor the public page with the newest jobs", async () => {
    const res = await (await appClient(db.ctx)).get("/");
    expect(res.status).toBe(200);
    expect(textOf(res.html)).toContain("Your next step, on any connection");
    expect(textOf(res.html)).toContain("Newest jobs");
  });

  it("shows a member their own applications by status and the newest few, and none of another member's", async () => {
    const poster = await createMember(db.ctx, { name: "Poster Person" });
    const me = await createMember(db.ctx, { name: "Layla Member" });
    const other = await createMember(db.ctx, { name: "Other Member" });
    const jobs = await Promise.all(
      ["Data Analyst", "BI Developer", "Data Engineer", "SQL Tutor", "Analytics Intern"].map((title) => makePostedJob(db.ctx, poster.id, { title })),
    );
    const secret = await makePostedJob(db.ctx, poster.id, { title: "Only Other Applied Here" });
    const at = (days: number) => new Date(Date.now() - days * DAY);
    await makeApplicationTo(db.ctx, jobs[0], me, { status: "interviewing", createdAt: at(9) });
    await makeApplicationTo(db.ctx, jobs[1], me, { status: "pending", createdAt: at(5) });
    await makeApplicationTo(db.ctx, jobs[2], me, { status: "pending", createdAt: at(4) });
    await makeApplicationTo(db.ctx, jobs[3], me, { status: "offered", withdrawn: true, createdAt: at(3) });
    await makeApplicationTo(db.ctx, jobs[4], me, { status: "reviewing", createdAt: at(1) });
    await makeApplicationTo(db.ctx, secret, other, { status: "hired", createdAt: at(2) });
    await makeApplicationTo(db.ctx, jobs[0], other, { status: "rejected", createdAt: at(2) });

    const mine = await myApplications(db.ctx, me.id);
    expect(mine.total).toBe(5);
    expect(mine.counts).toMatchObject({ pending: 2, reviewing: 1, interviewing: 1, withdrawn: 1, offered: 0, hired: 0, rejected: 0 });
    expect(mine.latest.map((a) => a.title)).toEqual(["Analytics Intern", "SQL Tutor", "Data Engineer"]);
    expect(mine.latest.map((a) => a.bucket)).toEqual(["reviewing", "withdrawn", "pending"]);

    const res = await (await as(db.ctx, me)).get("/");
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain("Welcome back, Layla");
    expect(text).toContain("Your applications");
    expect(text).toContain("Pending 2");
    expect(text).toContain("Interviewing 1");
    expect(text).toContain("Withdrawn 1");
    expect(text).toContain("All 5 applications");
    expect(res.html).not.toContain("Only Other Applied Here");
    expect(text).not.toContain("Hired 1");
    expect(text).not.toContain("Not selected 1");
  });

  it("tells a member about unread messages, requests waiting for them, coach messages left and people they may know", async () => {
    const me = await createMember(db.ctx, { name: "Me Member" });
    const friend = await createMember(db.ctx, { name: "Friend Fatima" });
    const friendOfFriend = await createMember(db.ctx, { name: "Second Degree Sami" });
    const asker = await createMember(db.ctx, { name: "Asking Amir" });
    const declined = await createMember(db.ctx, { name: "Declined Dalia" });
    const stranger = await createMember(db.ctx, { name: "Stranger Selma" });
    await makeConnection(db.ctx, me.id, friend.id, { status: "accepted" });
    await makeConnection(db.ctx, friendOfFriend.id, friend.id, { status: "accepted" });
    await makeConnection(db.ctx, friend.id, declined.id, { status: "accepted" });
    await makeConnection(db.ctx, declined.id, me.id, { status: "rejected" });
    await makeConnection(db.ctx, asker.id, me.id, { status: "pending" });
    await makeConnection(db.ctx, stranger.id, friendOfFriend.id, { status: "accepted" });
    await makeUserMessage(db.ctx, friend.id, me.id);
    await makeUserMessage(db.ctx, friend.id, me.id);
    const read = await makeUserMessage(db.ctx, friend.id, me.id);
    await db.ctx.db.update(db.ctx.t.user_messages).set({ is_read: true }).where(eq(db.ctx.t.user_messages.id, read.id));
    await makeUserMessage(db.ctx, me.id, friend.id);
    // Someone else's unread message is not mine.
    await makeUserMessage(db.ctx, stranger.id, friendOfFriend.id);

    expect(await unreadMessages(db.ctx, me.id)).toEqual({ messages: 2, people: 1 });
    expect(await pendingRequests(db.ctx, me.id)).toEqual({ total: 1, latest: [{ id: asker.id, name: "Asking Amir", headline: null }] });
    // The friend's other connections, less the one who declined me; not the stranger two hops away.
    expect(await peopleYouMayKnow(db.ctx, me.id)).toEqual([{ id: friendOfFriend.id, name: "Second Degree Sami", headline: null, mutual: 1 }]);

    const text = textOf((await (await as(db.ctx, me)).get("/")).html);
    expect(text).toContain("2 unread messages from 1 person.");
    expect(text).toContain("1 person wants to connect with you.");
    expect(text).toContain("Asking Amir");
    expect(text).toContain("7 of 7 coach messages left today.");
    expect(text).toContain("Second Degree Sami");
    expect(text).toContain("1 shared connection");
    expect(text).not.toContain("Stranger Selma");
    expect(text).not.toContain("Declined Dalia");
    expect(text).toContain("You have not applied to any job yet.");
  });

  it("finds listed jobs that fit the member's headline and leaves out posts still under review", async () => {
    const me = await createMember(db.ctx, { name: "Headline Haya" });
    await db.ctx.db.update(db.ctx.t.User).set({ headline: "Junior data analyst looking for a first role" }).where(eq(db.ctx.t.User.id, me.id));
    const poster = await createMember(db.ctx);
    await makeJob(db.ctx, "jobs", { job_id: `fit-${nextSeq()}`, job_title: "Data Analyst", employer_name: "Nile Analytics", created_at: new Date(Date.now() - DAY) });
    await makeJob(db.ctx, "jobs", { job_id: `fit-${nextSeq()}`, job_title: "Pastry Chef", employer_name: "Cairo Bakes", created_at: new Date(Date.now() - DAY) });
    const pending = await makeJob(db.ctx, "jobs", { job_id: `fit-${nextSeq()}`, job_title: "Senior Data Analyst (pending)", employer_name: "Hidden Co", posted_by: "alumni", posted_by_user_id: poster.id });
    await db.ctx.db.insert(db.ctx.t.job_postings).values({ feed: "general", job_id: pending.job_id, status: "pending" });

    const res = await (await as(db.ctx, me)).get("/");
    const text = textOf(res.html);
    expect(text).toContain("Jobs that fit you");
    expect(text).toContain("Data Analyst");
    expect(text).toContain("More jobs for “data analyst”");
    expect(res.html).toContain('href="/jobs?q=data+analyst"');
    expect(text).not.toContain("Pastry Chef");
    expect(res.html).not.toContain("Hidden Co");
  });

  it("asks a member with an empty profile for a headline instead of guessing jobs", async () => {
    const me = await createMember(db.ctx);
    const text = textOf((await (await as(db.ctx, me)).get("/")).html);
    expect(text).toContain("Add a headline to your profile");
    expect(text).toContain("No unread messages.");
    expect(text).toContain("No requests wait for your answer.");
  });

  it("shows a recruiter only their own jobs' applications by status and their next open rounds, soonest first", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter", name: "Omar Recruiter" });
    const rival = await createMember(db.ctx, { role: "recruiter", name: "Rival Recruiter" });
    const mine = await makePostedJob(db.ctx, recruiter.id, { title: "Graduate Engineer", createdAt: new Date(Date.now() - 3 * DAY) });
    const quiet = await makePostedJob(db.ctx, recruiter.id, { title: "Quiet Job", feed: "remote", createdAt: new Date(Date.now() - 2 * DAY) });
    const theirs = await makePostedJob(db.ctx, rival.id, { title: "Rival Secret Job" });
    const people = await Promise.all(["Ada", "Badr", "Chen", "Dana"].map((name) => createMember(db.ctx, { name: `${name} Applicant` })));
    const a1 = await makeApplicationTo(db.ctx, mine, people[0], { status: "interviewing" });
    const a2 = await makeApplicationTo(db.ctx, mine, people[1], { status: "interviewing" });
    await makeApplicationTo(db.ctx, mine, people[2], { status: "pending", withdrawn: true });
    const rivals = await makeApplicationTo(db.ctx, theirs, people[3], { status: "hired" });
    const soon = new Date(Date.now() + DAY);
    const later = new Date(Date.now() + 3 * DAY);
    await makeRound(db.ctx, a1.id, { roundNumber: 1, roundType: "phone_screening", status: "completed", scheduledDate: new Date(Date.now() - DAY), score: 8 });
    await makeRound(db.ctx, a1.id, { roundNumber: 2, roundType: "hr", status: "scheduled", scheduledDate: later });
    await makeRound(db.ctx, a2.id, { roundNumber: 1, roundType: "final", status: "rescheduled", scheduledDate: soon });
    await makeRound(db.ctx, a2.id, { roundNumber: 2, roundType: "final", status: "cancelled", scheduledDate: soon });
    await makeRound(db.ctx, rivals.id, { roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: soon });

    const jobs = await jobsWithApplications(db.ctx, recruiter.id);
    expect(jobs.map((j) => j.title)).toEqual(["Quiet Job", "Graduate Engineer"]);
    expect(jobs[0].total).toBe(0);
    expect(jobs[1].counts).toMatchObject({ interviewing: 2, withdrawn: 1, pending: 0, hired: 0 });
    expect(jobs[1].total).toBe(3);
    expect(quiet.feed).toBe("remote");

    const rounds = await nextRounds(db.ctx, recruiter.id, new Date());
    expect(rounds.map((r) => [r.candidate, r.roundNumber, r.roundType])).toEqual([
      ["Badr Applicant", 1, "final"],
      ["Ada Applicant", 2, "hr"],
    ]);
    expect(rounds[0].scheduledAt.getTime()).toBe(soon.getTime());

    const res = await (await as(db.ctx, recruiter)).get("/");
    const text = textOf(res.html);
    expect(text).toContain("Your jobs");
    expect(text).toContain("Graduate Engineer");
    expect(text).toContain("Interviewing 2");
    expect(text).toContain("No applications yet.");
    expect(text).toContain("Next interviews");
    expect(text).toContain("Badr Applicant: Round 1, Final interview");
    expect(res.html).toContain(`href="/hiring/applications/${a2.id}"`);
    expect(res.html).not.toContain("Rival Secret Job");
    expect(res.html).not.toContain("Dana Applicant");
  });

  it("shows a recruiter without jobs how to post one", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const res = await (await as(db.ctx, recruiter)).get("/");
    const text = textOf(res.html);
    expect(text).toContain("You have not posted a job yet.");
    expect(res.html).toContain('href="/jobs/new"');
    expect(text).toContain("No interviews are scheduled from now on.");
  });

  it("shows the career team the posts waiting for review, oldest first, and the latest decisions", async () => {
    const staff = await createMember(db.ctx, { role: "career_team", name: "Priya Staff" });
    const alumnus = await createMember(db.ctx, { name: "Alumni Poster" });
    const base = Date.now();
    const post = async (title: string, status: "pending" | "approved" | "declined", createdDaysAgo: number, decidedDaysAgo?: number) => {
      const job = await makeJob(db.ctx, "jobs", { job_id: `rev-${nextSeq()}`, job_title: title, employer_name: "Ladder Alumni Co", posted_by: "alumni", posted_by_user_id: alumnus.id });
      await db.ctx.db.insert(db.ctx.t.job_postings).values({
        feed: "general",
        job_id: job.job_id,
        status,
        created_at: new Date(base - createdDaysAgo * DAY),
        decided_by_user_id: decidedDaysAgo === undefined ? null : staff.id,
        decided_at: decidedDaysAgo === undefined ? null : new Date(base - decidedDaysAgo * DAY),
        decline_reason: status === "declined" ? "Please add the salary range." : null,
      });
    };
    await post("Newer Pending Post", "pending", 1);
    await post("Oldest Pending Post", "pending", 6);
    await post("Approved Long Ago", "approved", 20, 19);
    await post("Declined Yesterday", "declined", 3, 1);
    // The career team's own post, approved as it was made: not a decision anyone took.
    await post("Staff Post Approved At Once", "approved", 0.5, 0.5);

    const queue = await reviewQueue(db.ctx);
    expect(queue.total).toBe(2);
    expect(queue.oldest.map((q) => q.title)).toEqual(["Oldest Pending Post", "Newer Pending Post"]);
    expect(queue.oldest[0].poster).toBe("Alumni Poster");
    const decisions = await recentDecisions(db.ctx);
    expect(decisions.map((d) => [d.title, d.approved])).toEqual([["Declined Yesterday", false], ["Approved Long Ago", true]]);
    expect(await reviewQueue(db.ctx)).toMatchObject({ total: 2 });

    const res = await (await as(db.ctx, staff)).get("/");
    const text = textOf(res.html);
    expect(text).toContain("2 posts wait for review, oldest first:");
    expect(text.indexOf("Oldest Pending Post")).toBeLessThan(text.indexOf("Newer Pending Post"));
    expect(res.html).toContain('href="/jobs/review"');
    expect(text).toContain("Declined by Priya Staff");
    expect(text).toContain("“Please add the salary range.”");
  });

  it("shows an admin today's numbers, counting only today's sign-ups, applications and messages", async () => {
    const admin = await createMember(db.ctx, { role: "admin", name: "Fatima Admin" });
    const poster = await createMember(db.ctx);
    const applicant = await createMember(db.ctx);
    await db.ctx.db.insert(db.ctx.t.User).values({ email: `old-${Date.now()}@test.ladder`, name: "Old Member", createdAt: new Date(Date.now() - 3 * DAY) });
    const job = await makePostedJob(db.ctx, poster.id);
    await makeApplicationTo(db.ctx, job, applicant, { createdAt: new Date() });
    await makeApplicationTo(db.ctx, await makePostedJob(db.ctx, poster.id), applicant, { createdAt: new Date(Date.now() - 2 * DAY) });
    await makeUserMessage(db.ctx, poster.id, applicant.id);
    const pendingJob = await makeJob(db.ctx, "jobs", { posted_by: "alumni", posted_by_user_id: poster.id });
    await db.ctx.db.insert(db.ctx.t.job_postings).values({ feed: "general", job_id: pendingJob.job_id, status: "pending" });

    const browser = await as(db.ctx, admin);
    const numbers = await todaysNumbers(db.ctx);
    expect(numbers).toEqual({ signUps: 3, activeSessions: 1, applications: 1, messages: 1, pendingPosts: 1 });

    const text = textOf((await browser.get("/")).html);
    expect(text).toContain("Today's numbers");
    expect(text).toContain("Sign-ups today 3");
    expect(text).toContain("Posts waiting for review 1");
  });

  it("gives a moderator the member's home", async () => {
    const moderator = await createMember(db.ctx, { role: "moderator", name: "Youssef Moderator" });
    const text = textOf((await (await as(db.ctx, moderator)).get("/")).html);
    expect(text).toContain("Your applications");
    expect(text).toContain("People you may know");
  });
});
