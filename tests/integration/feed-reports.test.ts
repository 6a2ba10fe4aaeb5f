/**
 * Reports and moderation of the anonymous feed (issue 17, item 6; decision 043), on both
 * databases: a member reports a post or comment once, never their own nor hidden words; the
 * queue lists one row per reported thing, oldest report first, in keyset pages; Hide leaves the
 * row (counters unchanged), shows "Removed by a moderator" and tells the author without naming
 * anyone; Dismiss closes the reports; everyone but global moderators and admins is refused in the
 * query itself. Also through the real app, JavaScript off: the pages, the 400s, the 403s, and no
 * trace of an anonymous author in the HTML or the loader data.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { commentColumns, commentSources, postColumns, postSources } from "../../app/modules/feed/access.server";
import { decideReport, dismissReports, hideReported, listReportQueue, openReportCount } from "../../app/modules/feed/moderation.server";
import type { ReportTarget } from "../../app/modules/feed/report-rules";
import { fileReport, reportPage } from "../../app/modules/feed/reports.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

const viewer = (m: Member) => ({ id: m.id, role: m.role as string });
const spam = { reason: "spam" as const, details: "" };

/** An anonymous author with an anonymous name, their post (with a comment by another member and counters equal to the rows). */
async function setting(ctx: Ctx) {
  const author = await createMember(ctx, { name: "Real Author Name" });
  const commenter = await createMember(ctx, { name: "Real Commenter Name" });
  const reporter = await createMember(ctx, { name: "Rana Reporter" });
  const moderator = await createMember(ctx, { role: "moderator", name: "Mona Moderator" });
  const { User, anonymous_post: p, anonymous_comment: c } = ctx.t;
  await ctx.db.update(User).set({ anonymous_username: `quietfox${author.id.slice(0, 4)}`, anonymous_avatar: "fox" }).where(eq(User.id, author.id));
  await ctx.db.update(User).set({ anonymous_username: `bluecrow${commenter.id.slice(0, 4)}`, anonymous_avatar: "crow" }).where(eq(User.id, commenter.id));
  const [post] = await ctx.db
    .insert(p)
    .values({ user_id: author.id, content: "Salaries at Acme are paid late every month", company_name: "Acme", industry: "Retail", comments_count: 1, likes_count: 2 })
    .returning({ id: p.id });
  const [comment] = await ctx.db.insert(c).values({ post_id: post.id, user_id: commenter.id, content: "Same here, three weeks late", likes_count: 0 }).returning({ id: c.id });
  for (const liker of [reporter, moderator]) await ctx.db.insert(ctx.t.anonymous_post_like).values({ post_id: post.id, user_id: liker.id });
  const postTarget: ReportTarget = { kind: "post", postId: post.id };
  const commentTarget: ReportTarget = { kind: "comment", postId: post.id, commentId: comment.id };
  return { author, commenter, reporter, moderator, post, comment, postTarget, commentTarget };
}

async function reportsOf(ctx: Ctx, where: { postId?: string; commentId?: string }) {
  const r = ctx.t.anonymous_reports;
  return ctx.db
    .select({ reporter: r.reporter_id, reason: r.reason, details: r.details, status: r.status, decidedBy: r.decided_by, decidedAt: r.decided_at })
    .from(r)
    .where(where.postId ? eq(r.post_id, where.postId) : eq(r.comment_id, where.commentId!));
}

async function notesOf(ctx: Ctx, userId: string) {
  const { notification: n, notification_links: l } = ctx.t;
  return ctx.db
    .select({ title: n.title, message: n.message, related: n.related_user_id, href: l.href })
    .from(n)
    .leftJoin(l, eq(l.notification_id, n.id))
    .where(eq(n.user_id, userId));
}

async function readPost(ctx: Ctx, postId: string) {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const [row] = await ctx.db.select(postColumns(ctx, null)).from(p).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(p.id, postId));
  return row;
}

async function readComment(ctx: Ctx, commentId: string) {
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  const [row] = await ctx.db.select(commentColumns(ctx, null)).from(c).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(c.id, commentId));
  return row;
}

/** A report written straight into the table at a given moment (the queue's order). */
async function reportAt(ctx: Ctx, reporterId: string, target: ReportTarget, at: Date, reason = "spam", details: string | null = null) {
  const r = ctx.t.anonymous_reports;
  await ctx.db.insert(r).values({
    post_id: target.kind === "post" ? target.postId : null,
    comment_id: target.kind === "comment" ? target.commentId : null,
    reporter_id: reporterId,
    reason,
    details,
    created_at: at,
  });
}

describeEachDatabase("Feed reports", (db) => {
  it("a member reports a post once: the second report is told it was already made, and one row keeps the reason and words", async () => {
    const s = await setting(db.ctx);
    expect(await fileReport(db.ctx, viewer(s.reporter), s.postTarget, { reason: "harassment", details: "Names a manager" })).toEqual({ kind: "reported" });
    expect(await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam)).toEqual({ kind: "already" });
    expect(await reportsOf(db.ctx, { postId: s.post.id })).toEqual([
      { reporter: s.reporter.id, reason: "harassment", details: "Names a manager", status: "open", decidedBy: null, decidedAt: null },
    ]);
    const page = await reportPage(db.ctx, viewer(s.reporter), s.postTarget);
    expect(page.kind).toBe("already");
    // Another member's report of the same post is a second row.
    expect(await fileReport(db.ctx, viewer(s.commenter), s.postTarget, spam)).toEqual({ kind: "reported" });
    expect(await reportsOf(db.ctx, { postId: s.post.id })).toHaveLength(2);
  });

  it("a member reports a comment once; a comment id under another post names nothing", async () => {
    const s = await setting(db.ctx);
    expect(await fileReport(db.ctx, viewer(s.reporter), s.commentTarget, spam)).toEqual({ kind: "reported" });
    expect(await fileReport(db.ctx, viewer(s.reporter), s.commentTarget, spam)).toEqual({ kind: "already" });
    const [other] = await db.ctx.db.insert(db.ctx.t.anonymous_post).values({ user_id: s.author.id, content: "Another post" }).returning({ id: db.ctx.t.anonymous_post.id });
    const elsewhere: ReportTarget = { kind: "comment", postId: other.id, commentId: s.comment.id };
    expect(await fileReport(db.ctx, viewer(s.moderator), elsewhere, spam)).toEqual({ kind: "refused", refusal: "not_found" });
    expect(await reportsOf(db.ctx, { commentId: s.comment.id })).toHaveLength(1);
  });

  it("nobody reports their own post or comment, nor what a moderator hid", async () => {
    const s = await setting(db.ctx);
    expect(await fileReport(db.ctx, viewer(s.author), s.postTarget, spam)).toEqual({ kind: "refused", refusal: "own" });
    expect(await fileReport(db.ctx, viewer(s.commenter), s.commentTarget, spam)).toEqual({ kind: "refused", refusal: "own" });
    await db.ctx.db.insert(db.ctx.t.anonymous_post_removals).values({ post_id: s.post.id, removed_by: s.moderator.id });
    await db.ctx.db.insert(db.ctx.t.anonymous_comment_removals).values({ comment_id: s.comment.id, removed_by: s.moderator.id });
    expect(await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam)).toEqual({ kind: "refused", refusal: "hidden" });
    expect(await fileReport(db.ctx, viewer(s.reporter), s.commentTarget, spam)).toEqual({ kind: "refused", refusal: "hidden" });
    const r = db.ctx.t.anonymous_reports;
    expect(await db.ctx.db.select({ id: r.id }).from(r)).toEqual([]);
  });

  it("a member sends at most 30 reports an hour; the next is refused with the wait", async () => {
    const s = await setting(db.ctx);
    const now = new Date(Date.UTC(2027, 2, 1, 10, 0));
    const { anonymous_post: p } = db.ctx.t;
    const outcomes = [];
    for (let i = 0; i < 31; i++) {
      const [post] = await db.ctx.db.insert(p).values({ user_id: s.author.id, content: `Post ${i}` }).returning({ id: p.id });
      outcomes.push(await fileReport(db.ctx, viewer(s.reporter), { kind: "post", postId: post.id }, spam, now));
    }
    expect(outcomes.slice(0, 30).every((o) => o.kind === "reported")).toBe(true);
    expect(outcomes[30]).toEqual({ kind: "limited", retryAfterSeconds: 3600 });
  });

  it("the queue has one row per reported thing, placed by its oldest open report, in keyset pages with counts, reasons and words", async () => {
    const s = await setting(db.ctx);
    const others = await Promise.all([1, 2, 3].map((i) => createMember(db.ctx, { name: `Reporter ${i}` })));
    const { anonymous_post: p } = db.ctx.t;
    const [second] = await db.ctx.db.insert(p).values({ user_id: s.author.id, content: "Second post" }).returning({ id: p.id });
    const [third] = await db.ctx.db.insert(p).values({ user_id: s.author.id, content: "Third post" }).returning({ id: p.id });
    const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 10, minute));
    // The first post: three reports (the oldest at 10:01); the comment: one at 10:02; the second post at 10:03; the third at 10:04.
    await reportAt(db.ctx, s.reporter.id, s.postTarget, at(1), "spam", "Advertises a course");
    await reportAt(db.ctx, others[0].id, s.postTarget, at(5), "spam");
    await reportAt(db.ctx, others[1].id, s.postTarget, at(6), "hate", "Insults a group");
    await reportAt(db.ctx, s.reporter.id, s.commentTarget, at(2), "harassment");
    await reportAt(db.ctx, s.reporter.id, { kind: "post", postId: second.id }, at(3), "other");
    await reportAt(db.ctx, others[2].id, { kind: "post", postId: third.id }, at(4), "false_information");

    const first = await listReportQueue(db.ctx, viewer(s.moderator), { pageSize: 2 });
    expect(first.rows.map((row) => row.target)).toEqual([s.postTarget, s.commentTarget]);
    expect(first.rows[0]).toMatchObject({
      reports: 3,
      reasons: [
        { reason: "spam", count: 2 },
        { reason: "hate", count: 1 },
      ],
      details: [
        { reason: "spam", text: "Advertises a course" },
        { reason: "hate", text: "Insults a group" },
      ],
      content: "Salaries at Acme are paid late every month",
      removed: false,
      post: { companyName: "Acme", industry: "Retail", hasImage: false },
      author: { kind: "anonymous", name: `quietfox${s.author.id.slice(0, 4)}` },
      firstReportedAt: at(1),
      lastReportedAt: at(6),
    });
    expect(first.rows[1]).toMatchObject({ reports: 1, content: "Same here, three weeks late", parent: { removed: false }, author: { kind: "anonymous" } });
    const second2 = await listReportQueue(db.ctx, viewer(s.moderator), { pageSize: 2, after: first.next! });
    expect(second2.rows.map((row) => row.target)).toEqual([
      { kind: "post", postId: second.id },
      { kind: "post", postId: third.id },
    ]);
    expect(second2.next).toBeNull();
    // Never the author's id or real name, never who reported.
    const all = JSON.stringify([first, second2]);
    for (const secret of [s.author.id, s.author.name, s.author.email, s.commenter.id, s.commenter.name, s.reporter.id, "Rana Reporter"]) expect(all).not.toContain(secret);
    expect(await openReportCount(db.ctx, viewer(s.moderator))).toBe(6);
    expect(await openReportCount(db.ctx, viewer(s.reporter))).toBeNull();
  });

  it("hiding a post keeps its row and counters, shows it removed, closes its reports and tells the author in their language without naming anyone", async () => {
    const s = await setting(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: s.author.id, language: "ar", updated_at: new Date() });
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam);
    await fileReport(db.ctx, viewer(s.commenter), s.postTarget, { reason: "hate", details: "" });
    const before = await readPost(db.ctx, s.post.id);
    const now = new Date(Date.UTC(2027, 1, 1, 9, 30));
    expect(await hideReported(db.ctx, viewer(s.moderator), s.postTarget, now)).toBe("hidden");

    const after = await readPost(db.ctx, s.post.id);
    expect(after).toMatchObject({ removed: true, content: "", authorName: null, likesCount: before.likesCount, commentsCount: before.commentsCount });
    expect(after.likesCount).toBe(2);
    expect(after.commentsCount).toBe(1);
    const removals = db.ctx.t.anonymous_post_removals;
    expect(await db.ctx.db.select({ by: removals.removed_by, at: removals.removed_at }).from(removals).where(eq(removals.post_id, s.post.id))).toEqual([{ by: s.moderator.id, at: now }]);
    const reports = await reportsOf(db.ctx, { postId: s.post.id });
    expect(reports.map((r) => [r.status, r.decidedBy, r.decidedAt])).toEqual([
      ["hidden", s.moderator.id, now],
      ["hidden", s.moderator.id, now],
    ]);
    const notes = await notesOf(db.ctx, s.author.id);
    expect(notes).toEqual([{ title: "أزال أحد المشرفين منشورك", message: expect.stringContaining("Salaries at Acme"), related: null, href: `/feed/${s.post.id}` }]);
    expect(JSON.stringify(notes)).not.toContain(s.moderator.name);
    expect(JSON.stringify(notes)).not.toContain(s.reporter.name);

    // Again: already hidden, no second notification; the queue is empty.
    expect(await hideReported(db.ctx, viewer(s.moderator), s.postTarget)).toBe("already_hidden");
    expect(await notesOf(db.ctx, s.author.id)).toHaveLength(1);
    expect((await listReportQueue(db.ctx, viewer(s.moderator))).rows).toEqual([]);
  });

  it("hiding a comment keeps the post's comment count and tells the commenter", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.commentTarget, spam);
    const admin = await createMember(db.ctx, { role: "admin" });
    expect(await decideReport(db.ctx, viewer(admin), "hide", s.commentTarget)).toBe("hidden");
    expect(await readComment(db.ctx, s.comment.id)).toMatchObject({ removed: true, content: "" });
    expect((await readPost(db.ctx, s.post.id)).commentsCount).toBe(1);
    expect(await notesOf(db.ctx, s.commenter.id)).toEqual([
      { title: "A moderator removed your comment", message: expect.stringContaining("Same here, three weeks late"), related: null, href: `/feed/${s.post.id}` },
    ]);
    expect(await notesOf(db.ctx, s.author.id)).toEqual([]);
  });

  it("dismissing closes the open reports and leaves the post as it is; a later report by someone else opens it again", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam);
    expect(await dismissReports(db.ctx, viewer(s.moderator), s.postTarget)).toBe("dismissed");
    expect((await reportsOf(db.ctx, { postId: s.post.id })).map((r) => [r.status, r.decidedBy])).toEqual([["dismissed", s.moderator.id]]);
    expect((await readPost(db.ctx, s.post.id)).removed).toBe(false);
    expect(await dismissReports(db.ctx, viewer(s.moderator), s.postTarget)).toBe("nothing_open");
    expect(await notesOf(db.ctx, s.author.id)).toEqual([]);
    expect((await listReportQueue(db.ctx, viewer(s.moderator))).rows).toEqual([]);
    // The same member cannot report it again; another member can.
    expect(await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam)).toEqual({ kind: "already" });
    expect(await fileReport(db.ctx, viewer(s.commenter), s.postTarget, spam)).toEqual({ kind: "reported" });
    expect((await listReportQueue(db.ctx, viewer(s.moderator))).rows.map((r) => r.reports)).toEqual([1]);
  });

  it("a member who calls the moderators' functions, even claiming a moderator's role, changes nothing: the role is read in the query", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam);
    const forged = { id: s.reporter.id, role: "moderator" };
    expect((await listReportQueue(db.ctx, forged)).rows).toEqual([]);
    expect(await hideReported(db.ctx, forged, s.postTarget)).toBe("not_found");
    expect(await dismissReports(db.ctx, forged, s.postTarget)).toBe("not_found");
    expect(await db.ctx.db.select().from(db.ctx.t.anonymous_post_removals)).toEqual([]);
    expect((await reportsOf(db.ctx, { postId: s.post.id })).map((r) => r.status)).toEqual(["open"]);
    expect(await notesOf(db.ctx, s.author.id)).toEqual([]);
    // A hide of a thing that does not exist, or of a comment under the wrong post, changes nothing either.
    expect(await hideReported(db.ctx, viewer(s.moderator), { kind: "post", postId: "00000000-0000-4000-8000-000000000000" })).toBe("not_found");
    expect(await hideReported(db.ctx, viewer(s.moderator), { kind: "comment", postId: "00000000-0000-4000-8000-000000000000", commentId: s.comment.id })).toBe("not_found");
    expect(await db.ctx.db.select().from(db.ctx.t.anonymous_comment_removals)).toEqual([]);
  });

  it("the report page quotes an anonymous post by its anonymous name only, in the HTML and the loader data; a visitor signs in first", async () => {
    const s = await setting(db.ctx);
    const visitor = await appClient(db.ctx);
    const path = `/feed/${s.post.id}/report`;
    const away = await visitor.get(path);
    expect(away.status).toBe(302);
    expect(away.location).toBe(`/login?redirectTo=${encodeURIComponent(path)}`);

    const browser = await signedInClient(db.ctx, s.reporter);
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("Report this post");
    expect(textOf(page.html)).toContain("Salaries at Acme are paid late every month");
    expect(textOf(page.html)).toContain(`quietfox${s.author.id.slice(0, 4)}`);
    const data = await browser.get(`${path}.data`);
    expect(data.status).toBe(200);
    for (const body of [page.html, data.html]) for (const secret of [s.author.id, s.author.name, s.author.email]) expect(body).not.toContain(secret);

    const commentPage = await browser.get(`/feed/${s.post.id}/comments/${s.comment.id}/report`);
    expect(commentPage.status).toBe(200);
    expect(textOf(commentPage.html)).toContain("Same here, three weeks late");
    for (const secret of [s.commenter.id, s.commenter.name, s.commenter.email]) expect(commentPage.html).not.toContain(secret);
  });

  it("the report form: no reason is a 400 with the message beside the field and the words kept; a report goes back to the post with a flash, a second says it was made already", async () => {
    const s = await setting(db.ctx);
    const browser = await signedInClient(db.ctx, s.reporter);
    const path = `/feed/${s.post.id}/report`;
    const missing = await browser.post(path, { details: "They post this every day" });
    expect(missing.status).toBe(400);
    expect(missing.html).toMatch(/id="reason-error"[^>]*>Choose why you are reporting it\.</);
    expect(missing.html).toContain("They post this every day</textarea>");
    const wrong = await browser.post(path, { reason: "boring" });
    expect(wrong.status).toBe(400);
    const long = await browser.post(path, { reason: "spam", details: "x".repeat(501) });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("Keep it to 500 characters or fewer.");
    expect(await reportsOf(db.ctx, { postId: s.post.id })).toEqual([]);

    const sent = await browser.post(path, { reason: "spam", details: "They post this every day" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/feed/${s.post.id}`);
    const again = await browser.post(path, { reason: "other" });
    expect(again.status).toBe(302);
    const next = await browser.get("/notifications");
    expect(textOf(next.html)).toContain("You already reported this.");
    const page = await browser.get(path);
    expect(textOf(page.html)).toContain("You already reported this post on");
    expect(await reportsOf(db.ctx, { postId: s.post.id })).toHaveLength(1);
  });

  it("the report pages refuse one's own words (403), hidden words (409) and what does not exist (404), with words, never a 500", async () => {
    const s = await setting(db.ctx);
    const author = await signedInClient(db.ctx, s.author);
    const own = await author.get(`/feed/${s.post.id}/report`);
    expect(own.status).toBe(403);
    expect(textOf(own.html)).toContain("You cannot report your own post.");
    expect((await author.post(`/feed/${s.post.id}/report`, { reason: "spam" })).status).toBe(403);
    await db.ctx.db.insert(db.ctx.t.anonymous_comment_removals).values({ comment_id: s.comment.id });
    const reporter = await signedInClient(db.ctx, s.reporter);
    const hidden = await reporter.post(`/feed/${s.post.id}/comments/${s.comment.id}/report`, { reason: "spam" });
    expect(hidden.status).toBe(409);
    expect(textOf(hidden.html)).toContain("A moderator already removed this comment");
    expect((await reporter.get(`/feed/not-a-uuid/report`)).status).toBe(404);
    expect((await reporter.get(`/feed/00000000-0000-4000-8000-000000000000/report`)).status).toBe(404);
    expect((await reporter.get(`/feed/${s.post.id}/comments/00000000-0000-4000-8000-000000000000/report`)).status).toBe(404);
  });

  it("/moderation/reports: members get 403 (and their forged hide changes nothing); a moderator hides with a plain form and sees the flash; the page never names the anonymous author", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, { reason: "harassment", details: "Names someone" });
    await fileReport(db.ctx, viewer(s.reporter), s.commentTarget, spam);
    const member = await signedInClient(db.ctx, s.reporter);
    expect((await member.get("/moderation/reports")).status).toBe(403);
    expect((await member.post("/moderation/reports", { intent: "hide", postId: s.post.id })).status).toBe(403);
    expect(await db.ctx.db.select().from(db.ctx.t.anonymous_post_removals)).toEqual([]);

    const moderator = await signedInClient(db.ctx, s.moderator);
    const queue = await moderator.get("/moderation/reports");
    expect(queue.status).toBe(200);
    const text = textOf(queue.html);
    expect(text).toContain("Salaries at Acme are paid late every month");
    expect(text).toContain("Names someone");
    expect(text).toContain("Feed reports (2 open)");
    expect(queue.html.match(/data-report-id="/g)).toHaveLength(2);
    const data = await moderator.get("/moderation/reports.data");
    for (const body of [queue.html, data.html]) {
      for (const secret of [s.author.id, s.author.name, s.author.email, s.commenter.id, s.commenter.name, s.commenter.email, s.reporter.id, s.reporter.name]) expect(body).not.toContain(secret);
    }

    const hid = await moderator.post("/moderation/reports", { intent: "hide", postId: s.post.id });
    expect(hid.status).toBe(302);
    expect(hid.location).toBe("/moderation/reports");
    const after = await moderator.get("/moderation/reports");
    expect(textOf(after.html)).toContain("Hidden. Readers now see “Removed by a moderator”, and the author was told.");
    expect(after.html.match(/data-report-id="/g)).toHaveLength(1);
    const dismissed = await moderator.post("/moderation/reports", { intent: "dismiss", postId: s.post.id, commentId: s.comment.id });
    expect(dismissed.status).toBe(302);
    expect(textOf((await moderator.get("/moderation/reports")).html)).toContain("No reports are waiting.");
    const late = await moderator.post("/moderation/reports", { intent: "dismiss", postId: s.post.id, commentId: s.comment.id });
    expect(late.status).toBe(302);
    expect(textOf((await moderator.get("/moderation/reports")).html)).toContain("Another moderator already decided these reports.");
    const forged = await moderator.post("/moderation/reports", { intent: "hide", postId: "nope" });
    expect(forged.status).toBe(302);
  });

  it("/moderation shows the tabs to global moderators and admins, not to community moderators or members", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam);
    const admin = await createMember(db.ctx, { role: "admin" });
    for (const who of [s.moderator, admin]) {
      const page = await (await signedInClient(db.ctx, who)).get("/moderation");
      expect(page.status).toBe(200);
      expect(page.html).toMatch(/<a[^>]*href="\/moderation\/reports"[^>]*>Feed reports \(1 open\)<\/a>/);
      expect(page.html).toMatch(/<a[^>]*aria-current="page"[^>]*href="\/moderation"|<a[^>]*href="\/moderation"[^>]*aria-current="page"/);
    }
    const page = await (await signedInClient(db.ctx, s.reporter)).get("/moderation");
    expect(page.status).toBe(200);
    expect(page.html).not.toContain('href="/moderation/reports"');
  });

  it("a report that lands after the hide shows in the queue as removed, and Hide closes it without a second notification", async () => {
    const s = await setting(db.ctx);
    await fileReport(db.ctx, viewer(s.reporter), s.postTarget, spam);
    expect(await hideReported(db.ctx, viewer(s.moderator), s.postTarget)).toBe("hidden");
    // As if a report raced the hide: written straight in, open.
    await reportAt(db.ctx, s.commenter.id, s.postTarget, new Date());
    const queue = await listReportQueue(db.ctx, viewer(s.moderator));
    expect(queue.rows).toHaveLength(1);
    expect(queue.rows[0]).toMatchObject({ removed: true, content: "", author: { kind: "removed" } });
    expect(await hideReported(db.ctx, viewer(s.moderator), s.postTarget)).toBe("already_hidden");
    expect((await listReportQueue(db.ctx, viewer(s.moderator))).rows).toEqual([]);
    expect(await notesOf(db.ctx, s.author.id)).toHaveLength(1);
    const r = db.ctx.t.anonymous_reports;
    expect(await db.ctx.db.select({ id: r.id }).from(r).where(and(eq(r.post_id, s.post.id), eq(r.status, "open")))).toEqual([]);
  });
});
