/**
 * Posting jobs through the real app on both databases: career-team posts are listed at once,
 * alumni posts wait for the career team (approve, or decline with a reason the poster reads),
 * edits send a post back for review, posters close their posts, and nobody touches another's.
 * Mail goes through SMTP to a sink on 127.0.0.1. The approve/decline race runs on PostgreSQL.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listFeed } from "../../app/modules/jobs/feed.server";
import type { FeedSlug } from "../../app/modules/jobs/feeds";
import { getJob } from "../../app/modules/jobs/jobs.server";
import { createPost, decidePost, listMyPosts } from "../../app/modules/jobs/posting.server";
import { checkPost, type PostInput } from "../../app/modules/jobs/posting-rules";
import type { FeedFilters } from "../../app/modules/jobs/rules";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type Member } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";
import { countRows, makeJob } from "../support/factories";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

const form = {
  feed: "general",
  title: "Junior data analyst",
  employer: "Nile Analytics",
  city: "Cairo",
  state: "",
  country: "EG",
  employmentType: "Full-time",
  salaryMin: "12000",
  salaryMax: "18000",
  salaryPeriod: "MONTH",
  description: "Clean and chart sales data. Fresh graduates welcome.",
};

function input(values: Partial<typeof form> = {}): PostInput {
  const checked = checkPost({ ...form, ...values });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.input;
}

/** Posts through /jobs/new as `member` and returns the new post's feed and id (the newest of theirs). */
async function postThroughApp(ctx: Ctx, member: Member, values: Partial<typeof form> = {}) {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  const res = await browser.post("/jobs/new", { ...form, ...values });
  expect(res.status, textOf(res.html).slice(0, 300)).toBe(302);
  expect(res.location).toBe("/jobs/mine");
  const mine = await listMyPosts(ctx, member.id);
  return { browser, feed: mine.rows[0].feed, jobId: mine.rows[0].jobId };
}

async function postingRow(ctx: Ctx, feed: FeedSlug, jobId: string) {
  const p = ctx.t.job_postings;
  const [row] = await ctx.db.select().from(p).where(and(eq(p.feed, feed), eq(p.job_id, jobId)));
  return row;
}

/** What the review page sends with a decision: the post's updated_at when the page was drawn. */
const versionOf = async (ctx: Ctx, feed: FeedSlug, jobId: string) => String((await postingRow(ctx, feed, jobId)).updated_at.getTime());

const inFeed = async (ctx: Ctx, feed: FeedSlug, jobId: string) => (await listFeed(ctx, feed, {} as FeedFilters, { pageSize: 100 })).jobs.some((j) => j.jobId === jobId);

async function notesOf(ctx: Ctx, userId: string) {
  const n = ctx.t.notification;
  return ctx.db.select({ type: n.type, title: n.title, message: n.message }).from(n).where(eq(n.user_id, userId));
}

describeEachDatabase("Posting a job", (db) => {
  it("a career-team post is saved in its feed's table as career_team by its poster and is listed at once", async () => {
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, career, { feed: "remote" });
    expect(feed).toBe("remote");
    expect(jobId).toMatch(/^ladder-[a-z2-7]{20}$/);
    const job = await getJob(db.ctx, "remote", jobId);
    expect(job).toMatchObject({ posted_by: "career_team", posted_by_user_id: career.id, job_is_remote: true, job_min_salary: "12000", job_salary_period: "MONTH", job_apply_link: null, postingStatus: "approved", listed: true });
    expect(job!.job_posted_at_datetime_utc).toBeInstanceOf(Date);
    expect(await inFeed(db.ctx, "remote", jobId)).toBe(true);
    expect(await countRows(db.ctx, db.ctx.t.jobs)).toBe(0);
    const page = textOf((await browser.get("/jobs/mine")).html);
    expect(page).toContain("Your job is posted and listed now.");
    expect(page).toContain("Junior data analyst");
    expect(page).toContain("Listed");
  });

  it("a member's post is alumni, waits for approval, is not in the feed, and is listed once the career team approves it", async () => {
    const alumna = await createMember(db.ctx, { name: "Salma Post" });
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, alumna);
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ posted_by: "alumni", posted_by_user_id: alumna.id, postingStatus: "pending", listed: false });
    expect(await inFeed(db.ctx, feed, jobId)).toBe(false);
    const mine = textOf((await browser.get("/jobs/mine")).html);
    expect(mine).toContain("The career team will review it");
    expect(mine).toContain("Waiting for approval");

    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    const queue = textOf((await staff.get("/jobs/review")).html);
    expect(queue).toContain("Junior data analyst");
    expect(queue).toContain("by Salma Post");
    const approved = await staff.post("/jobs/review", { intent: "approve", feed, jobId, version: await versionOf(db.ctx, feed, jobId) });
    expect(approved.status).toBe(302);
    expect(textOf((await staff.get(approved.location!)).html)).toContain("Approved and listed: “Junior data analyst”");
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ postingStatus: "approved", listed: true });
    expect(await inFeed(db.ctx, feed, jobId)).toBe(true);
    expect(await postingRow(db.ctx, feed, jobId)).toMatchObject({ decided_by_user_id: career.id, decline_reason: null });
    expect(await notesOf(db.ctx, alumna.id)).toEqual([{ type: null, title: "Your job post is approved", message: "“Junior data analyst” at Nile Analytics is now listed on Ladder." }]);
    const mail = await sink.waitFor(alumna.email, (m) => m.subject === "Approved: Junior data analyst");
    expect(mail.text).toContain(`/jobs/general/${jobId}`);
    expect(textOf((await staff.get("/jobs/review")).html)).toContain("Nothing is waiting.");
  });

  it("a decline needs a reason: an empty one is refused next to that post with the other post untouched, and the poster reads the given reason", async () => {
    const alumna = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const first = await postThroughApp(db.ctx, alumna, { title: "First post" });
    const second = await postThroughApp(db.ctx, alumna, { title: "Second post" });
    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    const tooLong = "x".repeat(501);
    const refused = await staff.post("/jobs/review", { intent: "decline", feed: second.feed, jobId: second.jobId, version: await versionOf(db.ctx, second.feed, second.jobId), reason: tooLong });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain(`id="reason-1"`);
    expect(refused.html).toMatch(/id="reason-1-error"[^>]*>Keep the reason to 500 characters or fewer \(it has 501\)/);
    expect(refused.html).toContain(tooLong);
    expect(refused.html).not.toContain("reason-0-error");
    const empty = await staff.post("/jobs/review", { intent: "decline", feed: first.feed, jobId: first.jobId, version: await versionOf(db.ctx, first.feed, first.jobId), reason: "  " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Tell the poster why, so they can fix the post.");
    expect((await postingRow(db.ctx, first.feed, first.jobId)).status).toBe("pending");
    expect((await postingRow(db.ctx, second.feed, second.jobId)).status).toBe("pending");

    const reason = "Please add the salary range and who may apply.";
    expect((await staff.post("/jobs/review", { intent: "decline", feed: first.feed, jobId: first.jobId, version: await versionOf(db.ctx, first.feed, first.jobId), reason })).status).toBe(302);
    expect(await postingRow(db.ctx, first.feed, first.jobId)).toMatchObject({ status: "declined", decline_reason: reason, decided_by_user_id: career.id });
    expect(await getJob(db.ctx, first.feed, first.jobId)).toMatchObject({ listed: false, declineReason: reason });
    expect(textOf((await first.browser.get("/jobs/mine")).html)).toContain(`Declined: ${reason}`);
    const [note] = await notesOf(db.ctx, alumna.id);
    expect(note.message).toContain(reason);
    expect((await sink.waitFor(alumna.email, (m) => m.subject === "Declined: First post")).text).toContain(reason);
    // A second decision on the same post is refused and changes nothing.
    const again = await staff.post("/jobs/review", { intent: "approve", feed: first.feed, jobId: first.jobId, version: await versionOf(db.ctx, first.feed, first.jobId) });
    expect(textOf((await staff.get(again.location!)).html)).toContain("already decided");
    expect((await postingRow(db.ctx, first.feed, first.jobId)).status).toBe("declined");
  });

  it("a decision on a post its poster edited after the review page was drawn is refused, and the post stays pending", async () => {
    const alumna = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, alumna);
    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    const seen = await versionOf(db.ctx, feed, jobId);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, title: "Edited while queued" })).status).toBe(302);
    const res = await staff.post("/jobs/review", { intent: "approve", feed, jobId, version: seen });
    expect(textOf((await staff.get(res.location!)).html)).toContain("The poster changed that post after this page was loaded");
    expect((await postingRow(db.ctx, feed, jobId)).status).toBe("pending");
    expect(await notesOf(db.ctx, alumna.id)).toHaveLength(0);
    const fresh = await staff.post("/jobs/review", { intent: "approve", feed, jobId, version: await versionOf(db.ctx, feed, jobId) });
    expect(textOf((await staff.get(fresh.location!)).html)).toContain("Approved and listed: “Edited while queued”");
  });

  it("a bad post is refused with a message by each field, the typed values kept, and nothing written", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/jobs/new", { ...form, title: "", salaryMin: "20000", salaryMax: "900", city: "Alexandria", description: "" });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("There are 3 problems");
    expect(res.html).toMatch(/id="title-error"[^>]*>Enter the job title\./);
    expect(res.html).toMatch(/id="salaryMax-error"[^>]*>The salary up to must be at least the salary from\./);
    expect(res.html).toMatch(/id="description-error"/);
    expect(res.html).toContain('value="Alexandria"');
    expect(res.html).toContain('value="20000"');
    expect(res.html).toMatch(/<option value="EG" selected="">/);
    expect(await countRows(db.ctx, db.ctx.t.jobs)).toBe(0);
    expect(await countRows(db.ctx, db.ctx.t.job_postings)).toBe(0);
  });

  it("an alumni edit of an approved post sends it back to pending with the decision cleared, and says so", async () => {
    const alumna = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, alumna);
    await decidePost(db.ctx, { id: career.id, role: "career_team" }, feed, jobId, { kind: "approve" }, { baseUrl: "http://localhost" });
    const page = await browser.get(`/jobs/${feed}/${jobId}/edit`);
    expect(page.status).toBe(200);
    expect(page.html).toContain('value="Junior data analyst"');
    expect(textOf(page.html)).toContain("the career team looks at the post again");
    const res = await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, title: "Data analyst (junior)", feed: "remote" });
    expect(res.status).toBe(302);
    expect(textOf((await browser.get("/jobs/mine")).html)).toContain("off the list until the career team approves it again");
    expect(await postingRow(db.ctx, feed, jobId)).toMatchObject({ status: "pending", decided_by_user_id: null, decided_at: null });
    // The feed stays: the job is still in the general feed's table, with the new title.
    expect(await getJob(db.ctx, "general", jobId)).toMatchObject({ job_title: "Data analyst (junior)", listed: false });
    expect(await getJob(db.ctx, "remote", jobId)).toBeNull();
  });

  it("editing a declined post answers the decline: it goes back to pending and the reason is cleared", async () => {
    const alumna = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, alumna);
    await decidePost(db.ctx, { id: career.id, role: "career_team" }, feed, jobId, { kind: "decline", reason: "Add the hours." }, { baseUrl: "http://localhost" });
    expect((await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, description: "Full time, Sunday to Thursday, 9 to 5." })).status).toBe(302);
    expect(await postingRow(db.ctx, feed, jobId)).toMatchObject({ status: "pending", decline_reason: null });
    expect(textOf((await browser.get("/jobs/mine")).html)).toContain("sent to the career team for another look");
  });

  it("a career-team edit of their own post keeps it listed", async () => {
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, career);
    expect((await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, title: "Senior data analyst" })).status).toBe(302);
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ job_title: "Senior data analyst", listed: true });
  });

  it("a bad edit is refused with messages and the typed values, and the post is unchanged", async () => {
    const alumna = await createMember(db.ctx);
    const { browser, feed, jobId } = await postThroughApp(db.ctx, alumna);
    const res = await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, employer: "", title: "Kept title" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="employer-error"[^>]*>Enter the employer/);
    expect(res.html).toContain('value="Kept title"');
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ job_title: "Junior data analyst", employer_name: "Nile Analytics" });
  });

  it("the poster closes their post through a confirmation page: it leaves the feed and can no longer be edited", async () => {
    const career = await createMember(db.ctx, { role: "career_team" });
    const { browser, feed, jobId } = await postThroughApp(db.ctx, career);
    const confirm = await browser.get(`/jobs/${feed}/${jobId}/close`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Close “Junior data analyst” at Nile Analytics?");
    expect((await postingRow(db.ctx, feed, jobId)).status).toBe("approved");
    const res = await browser.post(`/jobs/${feed}/${jobId}/close`, {});
    expect(res.location).toBe("/jobs/mine");
    expect(textOf((await browser.get("/jobs/mine")).html)).toContain("The post is closed");
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ postingStatus: "closed", listed: false });
    expect(await inFeed(db.ctx, feed, jobId)).toBe(false);
    const edit = await browser.post(`/jobs/${feed}/${jobId}/edit`, { ...form, title: "Reopened?" });
    expect(edit.status).toBe(400);
    expect(textOf(edit.html)).toContain("This post is closed, so it can no longer be edited.");
    expect((await getJob(db.ctx, feed, jobId))!.job_title).toBe("Junior data analyst");
    const again = await browser.post(`/jobs/${feed}/${jobId}/close`, {});
    expect(textOf((await browser.get(again.location!)).html)).toContain("That post was already closed.");
  });

  it("another member can neither edit nor close a post (404) and nothing changes", async () => {
    const alumna = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const { feed, jobId } = await postThroughApp(db.ctx, alumna);
    const stranger = await appClient(db.ctx);
    await stranger.signIn(other);
    expect((await stranger.get(`/jobs/${feed}/${jobId}/edit`)).status).toBe(404);
    expect((await stranger.post(`/jobs/${feed}/${jobId}/edit`, { ...form, title: "Hijacked" })).status).toBe(404);
    expect((await stranger.get(`/jobs/${feed}/${jobId}/close`)).status).toBe(404);
    expect((await stranger.post(`/jobs/${feed}/${jobId}/close`, {})).status).toBe(404);
    expect(await getJob(db.ctx, feed, jobId)).toMatchObject({ job_title: "Junior data analyst", postingStatus: "pending" });
    expect((await stranger.get("/jobs/review")).status).toBe(403);
    expect((await stranger.post("/jobs/review", { intent: "approve", feed, jobId, version: await versionOf(db.ctx, feed, jobId) })).status).toBe(403);
    expect((await postingRow(db.ctx, feed, jobId)).status).toBe("pending");
  });

  it("the career team may close any member's post (back to the review queue) but not edit it", async () => {
    const alumna = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const { feed, jobId } = await postThroughApp(db.ctx, alumna);
    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    expect((await staff.get(`/jobs/${feed}/${jobId}/edit`)).status).toBe(404);
    const res = await staff.post(`/jobs/${feed}/${jobId}/close`, {});
    expect(res.location).toBe("/jobs/review");
    expect((await postingRow(db.ctx, feed, jobId)).status).toBe("closed");
  });

  it("imported jobs cannot be edited or closed in Ladder, even by the career team", async () => {
    const career = await createMember(db.ctx, { role: "career_team" });
    await makeJob(db.ctx, "jobs", { job_id: "ext-123", posted_by: "external", employer_name: "Elsewhere" });
    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    expect((await staff.get("/jobs/general/ext-123/edit")).status).toBe(404);
    expect((await staff.get("/jobs/general/ext-123/close")).status).toBe(404);
    expect((await staff.post("/jobs/general/ext-123/close", {})).status).toBe(404);
    expect(await getJob(db.ctx, "general", "ext-123")).toMatchObject({ listed: true, postingStatus: null });
    expect((await staff.get("/jobs/nowhere/ext-123/edit")).status).toBe(404);
    expect((await staff.get(`/jobs/general/${"x".repeat(40)}/close`)).status).toBe(404);
  });

  it("a member's posts come newest first across the feeds in keyset pages, and a broken page link is a 400", async () => {
    const member = await createMember(db.ctx);
    const base = Date.UTC(2026, 0, 1);
    const feeds: FeedSlug[] = ["general", "remote", "part-time", "general", "remote"];
    for (const [i, feed] of feeds.entries()) {
      await createPost(db.ctx, { id: member.id, role: "user" }, input({ feed, title: `Post ${i}` }), new Date(base + i * 3_600_000));
    }
    const first = await listMyPosts(db.ctx, member.id, { pageSize: 2 });
    const second = await listMyPosts(db.ctx, member.id, { pageSize: 2, after: first.next! });
    const third = await listMyPosts(db.ctx, member.id, { pageSize: 2, after: second.next! });
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.title)).toEqual(["Post 4", "Post 3", "Post 2", "Post 1", "Post 0"]);
    expect(third.next).toBeNull();
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    expect((await browser.get("/jobs/mine?after=not-a-cursor")).status).toBe(400);
    expect((await browser.get("/jobs/mine?after=eyJ9.abc")).status).toBe(400);
  });

  it("a member with no posts is shown how to post one", async () => {
    const browser = await appClient(db.ctx);
    await browser.signIn(await createMember(db.ctx));
    const page = await browser.get("/jobs/mine");
    expect(textOf(page.html)).toContain("You have not posted a job yet.");
    expect(page.html).toContain('href="/jobs/new"');
  });

  it("the eleventh post within an hour is refused with 429 and Retry-After, and not saved", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    for (let i = 0; i < 10; i++) expect((await browser.post("/jobs/new", { ...form, title: `Post ${i}` })).status).toBe(302);
    const refused = await browser.post("/jobs/new", { ...form, title: "One too many" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await countRows(db.ctx, db.ctx.t.job_postings)).toBe(10);
  });

  it("the review queue lists pending posts oldest first across feeds, in keyset pages", async () => {
    const member = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const base = Date.UTC(2026, 0, 1);
    for (const [i, feed] of (["remote", "general", "part-time"] as FeedSlug[]).entries()) {
      await createPost(db.ctx, { id: member.id, role: "user" }, input({ feed, title: `Queued ${i}` }), new Date(base + i * 3_600_000));
    }
    await createPost(db.ctx, { id: career.id, role: "career_team" }, input({ title: "Staff post" }));
    const staff = await appClient(db.ctx);
    await staff.signIn(career);
    const page = await staff.get("/jobs/review");
    const text = textOf(page.html);
    expect(text).not.toContain("Staff post");
    expect(text.indexOf("Queued 0")).toBeLessThan(text.indexOf("Queued 1"));
    expect(text.indexOf("Queued 1")).toBeLessThan(text.indexOf("Queued 2"));
    expect((await staff.get("/jobs/review?after=bogus")).status).toBe(400);
  });
});

function raceBody(db: { readonly ctx: Ctx }) {
  it("20 concurrent approve and decline calls by two staff members make exactly one decision and one notification", async () => {
    const alumna = await createMember(db.ctx);
    const staff = [await createMember(db.ctx, { role: "career_team" }), await createMember(db.ctx, { role: "admin" })];
    const posted = await createPost(db.ctx, { id: alumna.id, role: "user" }, input());
    if (posted.kind !== "posted") throw new Error("not posted");
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        decidePost(db.ctx, { id: staff[i % 2].id, role: staff[i % 2].role }, posted.feed, posted.jobId, i % 3 === 0 ? { kind: "decline", reason: `Reason ${i}` } : { kind: "approve" }, { baseUrl: "http://localhost" }),
      ),
    );
    const winners = outcomes.filter((o) => o.kind === "approved" || o.kind === "declined");
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === "already_decided")).toHaveLength(19);
    const row = await postingRow(db.ctx, posted.feed, posted.jobId);
    expect(row.status).toBe(winners[0].kind);
    expect(await notesOf(db.ctx, alumna.id)).toHaveLength(1);
  });
}

describePostgres("Concurrent decisions on one post on a pool of 20", raceBody, { poolSize: 20 });
describeEachDatabase("Concurrent decisions on one post", raceBody);
