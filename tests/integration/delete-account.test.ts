/** Deleting an account, through the real app and directly, on both databases. */
import { and, eq, getTableColumns, getTableName, inArray, isNull, ne, or, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { expect, it } from "vitest";
import { deleteAccount } from "../../app/modules/profile/delete-account.server";
import { hit, LIMITS } from "../../app/services/rate-limit.server";
import type { Ctx } from "../../db/client";
import { DEMO_PASSWORD, demoEmails, seedDemo } from "../../db/seed";
import { appClient, createMember, MEMBER_PASSWORD, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import {
  countRows,
  exists,
  makeApplication,
  makeChat,
  makeComment,
  makeCommentLike,
  makeCommunity,
  makeCommunityPost,
  makeConnection,
  makeDocument,
  makeJob,
  makeMembership,
  makeMessage,
  makeMessageV2,
  makeNotification,
  makePost,
  makePostLike,
  makeRound,
  makeSkill,
  makeSuggestion,
  makeUser,
  makeUserMessage,
  type TableWithId,
} from "../support/factories";

/** Raw SELECT on either database (the scan below builds its SQL from the schema). */
async function rawCount(ctx: Ctx, query: string, params: string[]): Promise<number> {
  if (ctx.raw.kind === "pg") {
    let i = 0;
    const result = await ctx.raw.pool.query(query.replace(/\?/g, () => `$${++i}`), params);
    return Number(result.rows[0].n);
  }
  return Number((ctx.raw.sqlite.prepare(query).get(...params) as { n: number }).n);
}

/** Every table and column whose text contains `needle`: "table.column" -> rows. */
async function mentionsOf(ctx: Ctx, needle: string): Promise<Record<string, number>> {
  const found: Record<string, number> = {};
  for (const table of Object.values(ctx.t) as PgTable[]) {
    const name = getTableName(table);
    for (const column of Object.values(getTableColumns(table))) {
      const n = await rawCount(ctx, `select count(*) as n from "${name}" where cast("${column.name}" as text) like ?`, [`%${needle}%`]);
      if (n > 0) found[`${name}.${column.name}`] = n;
    }
  }
  return found;
}

/** Posts and comments whose counters disagree with their like and comment rows. */
async function wrongCounters(ctx: Ctx): Promise<string[]> {
  const t = ctx.t;
  const [posts, comments, postLikes, commentLikes] = await Promise.all([
    ctx.db.select().from(t.anonymous_post),
    ctx.db.select().from(t.anonymous_comment),
    ctx.db.select().from(t.anonymous_post_like),
    ctx.db.select().from(t.anonymous_comment_like),
  ]);
  const tally = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  const likesByPost = tally(postLikes.map((l) => l.post_id));
  const commentsByPost = tally(comments.map((c) => c.post_id));
  const likesByComment = tally(commentLikes.map((l) => l.comment_id));
  const wrong: string[] = [];
  for (const p of posts) {
    if (p.likes_count !== (likesByPost.get(p.id) ?? 0)) wrong.push(`post ${p.id} likes ${p.likes_count}`);
    if (p.comments_count !== (commentsByPost.get(p.id) ?? 0)) wrong.push(`post ${p.id} comments ${p.comments_count}`);
  }
  for (const c of comments) if (c.likes_count !== (likesByComment.get(c.id) ?? 0)) wrong.push(`comment ${c.id} likes ${c.likes_count}`);
  return wrong;
}

async function ids(ctx: Ctx, table: TableWithId, where?: SQL): Promise<string[]> {
  const rows = (await ctx.db.select({ id: table.id }).from(table).where(where)) as { id: string | number }[];
  return rows.map((r) => String(r.id)).sort();
}

describeEachDatabase("deleting an account through the page", (db) => {
  it("asks for the password and a confirmation, and explains what will be deleted", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const page = await browser.get("/settings/delete");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<input[^>]*name="password"[^>]*type="password"|<input[^>]*type="password"[^>]*name="password"/);
    expect(page.html).toMatch(/<input[^>]*name="confirm"[^>]*type="checkbox"/);
    expect(page.html).not.toMatch(/<input[^>]*name="email"/);
    expect(textOf(page.html)).toContain("Communities you created");
  });

  it("changes nothing on a wrong password and says so beside the field, with 400", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: "not the password", confirm: "yes" });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="password-error"[^>]*>That password is not right/);
    expect(res.html).not.toContain("not the password");
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(true);
    expect((await browser.get("/settings/sessions")).status).toBe(200);
  });

  it("changes nothing when the confirmation box is not ticked, even with the right password", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: member.password });
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/id="confirm-error"[^>]*>Tick the box/);
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(true);
  });

  it("deletes the member with the right password, signs the browser out and says so on the home page", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    const token = await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: member.password, confirm: "yes" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/");
    expect(res.headers.getSetCookie().some((c) => /^ladder_session=;.*Max-Age=0/i.test(c))).toBe(true);
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(false);
    expect(await countRows(db.ctx, db.ctx.t.user_sessions, eq(db.ctx.t.user_sessions.user_id, member.id))).toBe(0);
    const home = await browser.get("/");
    expect(textOf(home.html)).toContain("Your account has been deleted.");
    // Signed out: no Sign out button (the page data carries the header's words, so the text a reader sees is checked).
    expect(textOf(home.html)).not.toContain("Sign out");

    // The old cookie, replayed by another browser, opens nothing.
    const replay = await appClient(db.ctx);
    replay.cookies.set("ladder_session", token);
    const settings = await replay.get("/settings/sessions");
    expect(settings.status).toBe(302);
    expect(settings.location).toMatch(/^\/login\?/);
    // And signing in with the old password fails.
    const signIn = await replay.signInWithPassword(member);
    expect(signIn.status).toBe(400);
  });

  it("lets a Google-only member confirm by typing their email, refusing another address", async () => {
    const google = await makeUser(db.ctx, { email: "ayesha.google@example.test", password: null, provider: "google", googleId: "g-123", name: "Ayesha" });
    const browser = await appClient(db.ctx);
    await browser.signIn(google);
    const page = await browser.get("/settings/delete");
    expect(page.html).toMatch(/<input[^>]*name="email"/);
    expect(page.html).not.toMatch(/<input[^>]*name="password"/);

    const wrong = await browser.post("/settings/delete", { email: "someone.else@example.test", confirm: "yes" });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toMatch(/id="email-error"[^>]*>That is not the email address of this account/);
    expect(wrong.html).toContain('value="someone.else@example.test"');
    expect(await exists(db.ctx, db.ctx.t.User, google.id)).toBe(true);

    const empty = await browser.post("/settings/delete", { email: "", confirm: "yes" });
    expect(empty.status).toBe(400);
    expect(await exists(db.ctx, db.ctx.t.User, google.id)).toBe(true);

    const right = await browser.post("/settings/delete", { email: " Ayesha.Google@Example.test ", confirm: "yes" });
    expect(right.status).toBe(302);
    expect(await exists(db.ctx, db.ctx.t.User, google.id)).toBe(false);
  });

  it("a password sent by a Google-only member does not stand in for the email", async () => {
    const google = await makeUser(db.ctx, { email: "g2@example.test", password: null, provider: "google" });
    const browser = await appClient(db.ctx);
    await browser.signIn(google);
    const res = await browser.post("/settings/delete", { password: "anything at all", confirm: "yes" });
    expect(res.status).toBe(400);
    expect(await exists(db.ctx, db.ctx.t.User, google.id)).toBe(true);
  });

  it("a stranger's failed sign-ins to the address do not stop the owner deleting the account", async () => {
    const member = await createMember(db.ctx);
    for (let i = 0; i < LIMITS.failedSignInPerAccount.limit; i++) {
      await hit(db.ctx, `sign-in-failed:${member.email}`, LIMITS.failedSignInPerAccount);
    }
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: member.password, confirm: "yes" });
    expect(res.status).toBe(302);
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(false);
  });

  it("counts the member's own wrong passwords at deletion and answers 429 when the budget is spent", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    for (let i = 0; i < LIMITS.passwordConfirmPerMember.limit; i++) {
      const wrong = await browser.post("/settings/delete", { password: "not-the-password-at-all", confirm: "yes" });
      expect(wrong.status).toBe(400);
    }
    const res = await browser.post("/settings/delete", { password: member.password, confirm: "yes" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(true);
  });

  it("refuses a POST without the CSRF token with 403 and deletes nothing", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: member.password, confirm: "yes" }, { csrf: false });
    expect(res.status).toBe(403);
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(true);
  });

  it("sends anonymous visitors to sign in instead of deleting anything", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.post("/settings/delete", { password: MEMBER_PASSWORD, confirm: "yes" });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=%2Fsettings%2Fdelete/);
  });
});

describeEachDatabase("deleting the demo member user@demo.test", (db) => {
  it("leaves no row anywhere that mentions their id or email, keeps everyone else's rows and counters right", async () => {
    const ctx = db.ctx;
    const t = ctx.t;
    await seedDemo(ctx);
    const [demo] = await ctx.db.select().from(t.User).where(eq(t.User.email, demoEmails.user));
    const id = demo.id;

    // The demo member likes posts but never wrote in the anonymous feed: add a comment, a comment
    // like and a post of theirs (counters kept right), a community they created and a reset token.
    const [otherPost] = await ctx.db.select().from(t.anonymous_post).where(ne(t.anonymous_post.user_id, id)).limit(1);
    const [otherComment] = await ctx.db
      .select()
      .from(t.anonymous_comment)
      .where(and(ne(t.anonymous_comment.user_id, id), ne(t.anonymous_comment.post_id, otherPost.id)))
      .limit(1);
    await makeComment(ctx, otherPost.id, id);
    await ctx.db.update(t.anonymous_post).set({ comments_count: sql`${t.anonymous_post.comments_count} + 1` }).where(eq(t.anonymous_post.id, otherPost.id));
    await makeCommentLike(ctx, otherComment.id, id);
    await ctx.db.update(t.anonymous_comment).set({ likes_count: sql`${t.anonymous_comment.likes_count} + 1` }).where(eq(t.anonymous_comment.id, otherComment.id));
    const [someoneElse] = await ctx.db.select().from(t.User).where(ne(t.User.id, id)).limit(1);
    const ownPost = await makePost(ctx, id, { likes_count: 1, comments_count: 1 });
    await makePostLike(ctx, ownPost.id, someoneElse.id);
    await makeComment(ctx, ownPost.id, someoneElse.id);
    const ownCommunity = await makeCommunity(ctx, id);
    await makeMembership(ctx, ownCommunity.id, someoneElse.id);
    await ctx.db.insert(t.password_reset_tokens).values({ user_id: id, token: "f".repeat(64), expires_at: new Date(Date.now() + 60_000) });

    // Before: the member is everywhere (so the checks below can fail), and counters agree.
    const before = await mentionsOf(ctx, id);
    for (const column of [
      "Chat.userId", "Document.userId", "Suggestion.userId", "connection.sender_id", "connection.receiver_id",
      "notification.user_id", "user_messages.sender_id", "anonymous_post.user_id", "anonymous_comment.user_id",
      "anonymous_post_like.user_id", "anonymous_comment_like.user_id", "skill_attempts.userId", "user_sessions.user_id",
      "user_activity_logs.user_id", "communities.created_by", "password_reset_tokens.user_id", "user_calendar_blocks.userId",
    ]) {
      expect(before[column], `${column} before`).toBeGreaterThan(0);
    }
    expect(await mentionsOf(ctx, demo.email)).not.toEqual({});
    expect(await wrongCounters(ctx)).toEqual([]);
    const likedOthers = await countRows(
      ctx,
      t.anonymous_post_like,
      and(eq(t.anonymous_post_like.user_id, id), inArray(t.anonymous_post_like.post_id, ctx.db.select({ id: t.anonymous_post.id }).from(t.anonymous_post).where(ne(t.anonymous_post.user_id, id)))),
    );
    expect(likedOthers, "the demo member likes other members' posts").toBeGreaterThan(0);

    // What must survive: rows of other members that do not depend on the member.
    const users = await countRows(ctx, t.User);
    const othersConnections = await ids(ctx, t.connection, and(ne(t.connection.sender_id, id), ne(t.connection.receiver_id, id)));
    const othersMessages = await ids(ctx, t.user_messages, and(ne(t.user_messages.sender_id, id), ne(t.user_messages.receiver_id, id)));
    const othersChats = await ids(ctx, t.Chat, ne(t.Chat.userId, id));
    const othersPosts = await ids(ctx, t.anonymous_post, ne(t.anonymous_post.user_id, id));
    const othersSessions = await ids(ctx, t.user_sessions, ne(t.user_sessions.user_id, id));
    const othersApplications = await ids(ctx, t.job_applications, ne(t.job_applications.email, demo.email));
    const jobs = await countRows(ctx, t.jobs);
    const survivingCommunities = await ids(ctx, t.communities, or(ne(t.communities.created_by, id), isNull(t.communities.created_by)));

    const browser = await appClient(ctx);
    const token = await browser.signIn(demo);
    const res = await browser.post("/settings/delete", { password: DEMO_PASSWORD, confirm: "yes" });
    expect(res.status, textOf(res.html).slice(0, 300)).toBe(302);

    expect(await mentionsOf(ctx, id)).toEqual({});
    expect(await mentionsOf(ctx, demo.email)).toEqual({});
    expect(await wrongCounters(ctx)).toEqual([]);

    expect(await countRows(ctx, t.User)).toBe(users - 1);
    expect(await ids(ctx, t.connection, and(ne(t.connection.sender_id, id), ne(t.connection.receiver_id, id)))).toEqual(othersConnections);
    expect(await ids(ctx, t.user_messages)).toEqual(othersMessages);
    expect(await ids(ctx, t.Chat)).toEqual(othersChats);
    expect(await ids(ctx, t.anonymous_post)).toEqual(othersPosts);
    expect(await ids(ctx, t.user_sessions)).toEqual(othersSessions);
    expect(await ids(ctx, t.job_applications)).toEqual(othersApplications);
    expect(await ids(ctx, t.communities)).toEqual(survivingCommunities);
    expect(await countRows(ctx, t.jobs)).toBe(jobs);

    const replay = await appClient(ctx);
    replay.cookies.set("ladder_session", token);
    expect((await replay.get("/settings/sessions")).location).toMatch(/^\/login\?/);
  });
});

describeEachDatabase("deleteAccount", (db) => {
  it("removes what the cascades would not, keeps other members' rows, and fixes their counters", async () => {
    const ctx = db.ctx;
    const t = ctx.t;
    const member = await makeUser(ctx, { email: "leaving@example.test", avatarUrl: "/uploads/avatars/leaving.png" });
    const friend = await makeUser(ctx);
    const stranger = await makeUser(ctx);

    // Chats: the member's, with messages and votes in both formats; the friend's stays.
    const chat = await makeChat(ctx, member.id);
    const v2 = await makeMessageV2(ctx, chat.id);
    const v1 = await makeMessage(ctx, chat.id);
    await ctx.db.insert(t.Vote_v2).values({ chatId: chat.id, messageId: v2.id, isUpvoted: true });
    await ctx.db.insert(t.Vote).values({ chatId: chat.id, messageId: v1.id, isUpvoted: false });
    const friendChat = await makeChat(ctx, friend.id);
    const friendMessage = await makeMessageV2(ctx, friendChat.id);

    // Documents: the friend's suggestion on the member's document, the member's on the friend's.
    const doc = await makeDocument(ctx, member.id);
    const friendDoc = await makeDocument(ctx, friend.id);
    const friendsSuggestion = await makeSuggestion(ctx, doc, friend.id);
    const membersSuggestion = await makeSuggestion(ctx, friendDoc, member.id);
    const friendsOwnSuggestion = await makeSuggestion(ctx, friendDoc, friend.id);

    // Network.
    const accepted = await makeConnection(ctx, member.id, friend.id, { status: "accepted" });
    const othersConnection = await makeConnection(ctx, friend.id, stranger.id);
    const aboutMember = await makeNotification(ctx, friend.id, { related_user_id: member.id, related_connection_id: accepted.id });
    const aboutConnection = await makeNotification(ctx, stranger.id, { related_connection_id: accepted.id });
    const toMember = await makeNotification(ctx, member.id, { related_user_id: friend.id });
    const unrelated = await makeNotification(ctx, friend.id, { related_user_id: stranger.id, related_connection_id: othersConnection.id });
    await makeUserMessage(ctx, friend.id, member.id);
    const othersMessage = await makeUserMessage(ctx, friend.id, stranger.id);
    await ctx.db.insert(t.password_reset_tokens).values({ user_id: member.id, token: "h".repeat(64), expires_at: new Date(Date.now() + 60_000) });

    // Anonymous feed: the friend's post with likes and comments by the member and by the stranger.
    const friendPost = await makePost(ctx, friend.id, { likes_count: 2, comments_count: 3 });
    await makePostLike(ctx, friendPost.id, member.id);
    await makePostLike(ctx, friendPost.id, stranger.id);
    await makeComment(ctx, friendPost.id, member.id);
    await makeComment(ctx, friendPost.id, member.id);
    const strangerComment = await makeComment(ctx, friendPost.id, stranger.id);
    await ctx.db.update(t.anonymous_comment).set({ likes_count: 2 }).where(eq(t.anonymous_comment.id, strangerComment.id));
    await makeCommentLike(ctx, strangerComment.id, member.id);
    await makeCommentLike(ctx, strangerComment.id, friend.id);
    // The member's own post, commented and liked by the friend (goes by cascade).
    const memberPost = await makePost(ctx, member.id, { likes_count: 1, comments_count: 1 });
    await makePostLike(ctx, memberPost.id, friend.id);
    await makeComment(ctx, memberPost.id, friend.id);

    // Skills, jobs, applications, communities.
    const skill = await makeSkill(ctx);
    await ctx.db.insert(t.skill_attempts).values({ userId: member.id, skillId: skill.id, score: 3, total: 5, selectedAnswers: [1, 2, 3] });
    const postedJob = await makeJob(ctx, "jobs", { posted_by: "alumni", posted_by_user_id: member.id });
    const postedRemote = await makeJob(ctx, "remote_jobs", { posted_by: "alumni", posted_by_user_id: member.id });
    const friendsJob = await makeJob(ctx, "part_time_jobs", { posted_by: "alumni", posted_by_user_id: friend.id });
    const application = await makeApplication(ctx, { email: "Leaving@Example.test", jobId: friendsJob.job_id, cvFileUrl: "/uploads/cv/leaving.pdf" });
    const round = await makeRound(ctx, application.id);
    const friendsApplication = await makeApplication(ctx, { email: "friend@example.test", jobId: postedJob.job_id });
    await ctx.db.insert(t.uploads).values({ userEmail: "leaving@example.test", fileUrl: "/uploads/cv/leaving-2.pdf", fileType: "cv" });
    await ctx.db.insert(t.premuser).values({ fullName: "Leaving", emailAddress: "leaving@example.test" });
    const ownCommunity = await makeCommunity(ctx, member.id);
    await makeMembership(ctx, ownCommunity.id, friend.id);
    const friendsCommunity = await makeCommunity(ctx, friend.id);
    await makeMembership(ctx, friendsCommunity.id, member.id);
    await makeCommunityPost(ctx, friendsCommunity.id, member.id);
    const friendsCommunityPost = await makeCommunityPost(ctx, friendsCommunity.id, friend.id);
    // The friend's referral log names the member as a resource.
    await ctx.db.insert(t.user_activity_logs).values({
      user_id: friend.id, action_type: "referral_sign_up", action_category: "growth", resource_type: "user", resource_id: member.id,
    });

    const result = await deleteAccount(ctx, member.id);
    expect(result.deleted).toBe(true);
    expect(result.deleted && [...result.fileUrls].sort()).toEqual(
      ["/uploads/avatars/leaving.png", "/uploads/cv/leaving-2.pdf", "/uploads/cv/leaving.pdf"].sort(),
    );

    expect(await mentionsOf(ctx, member.id)).toEqual({});
    expect(await mentionsOf(ctx, "leaving@example.test")).toEqual({});

    // Kept: the friend's and the stranger's own things.
    for (const [table, id] of [
      [t.Chat, friendChat.id], [t.Message_v2, friendMessage.id], [t.Document, friendDoc.id] as const,
      [t.Suggestion, friendsOwnSuggestion.id], [t.connection, othersConnection.id], [t.notification, unrelated.id],
      [t.user_messages, othersMessage.id], [t.anonymous_post, friendPost.id], [t.anonymous_comment, strangerComment.id],
      [t.job_applications, friendsApplication.id], [t.communities, friendsCommunity.id], [t.community_posts, friendsCommunityPost.id],
    ] as const) {
      expect(await exists(ctx, table, id), getTableName(table as PgTable)).toBe(true);
    }
    // Gone: everything tied to the member.
    for (const [table, id] of [
      [t.Chat, chat.id], [t.Suggestion, friendsSuggestion.id], [t.Suggestion, membersSuggestion.id], [t.connection, accepted.id],
      [t.notification, aboutMember.id], [t.notification, aboutConnection.id], [t.notification, toMember.id],
      [t.anonymous_post, memberPost.id], [t.job_applications, application.id], [t.interview_rounds, round.id], [t.communities, ownCommunity.id],
    ] as const) {
      expect(await exists(ctx, table, id), getTableName(table as PgTable)).toBe(false);
    }
    expect(await countRows(ctx, t.Vote_v2)).toBe(0);
    expect(await countRows(ctx, t.Vote)).toBe(0);
    expect(await countRows(ctx, t.premuser)).toBe(0);

    // Counters on the friend's post and the stranger's comment lost only the member's share.
    const [post] = await ctx.db.select().from(t.anonymous_post).where(eq(t.anonymous_post.id, friendPost.id));
    expect(post.likes_count).toBe(1);
    expect(post.comments_count).toBe(1);
    const [comment] = await ctx.db.select().from(t.anonymous_comment).where(eq(t.anonymous_comment.id, strangerComment.id));
    expect(comment.likes_count).toBe(1);

    // Job posts stay, without their poster; the friend's keeps its poster.
    const [job] = await ctx.db.select().from(t.jobs).where(eq(t.jobs.job_id, postedJob.job_id));
    expect(job.posted_by_user_id).toBeNull();
    expect(job.posted_by).toBe("alumni");
    const [remote] = await ctx.db.select().from(t.remote_jobs).where(eq(t.remote_jobs.job_id, postedRemote.job_id));
    expect(remote.posted_by_user_id).toBeNull();
    const [partTime] = await ctx.db.select().from(t.part_time_jobs).where(eq(t.part_time_jobs.job_id, friendsJob.job_id));
    expect(partTime.posted_by_user_id).toBe(friend.id);

    // The friend's referral still counts, without the id.
    const logs = await ctx.db.select().from(t.user_activity_logs).where(eq(t.user_activity_logs.user_id, friend.id));
    expect(logs.map((l) => [l.action_type, l.resource_id])).toEqual([["referral_sign_up", null]]);
  });

  it("deletes nothing for an id that is no member", async () => {
    const member = await makeUser(db.ctx);
    await makeChat(db.ctx, member.id);
    const result = await deleteAccount(db.ctx, "00000000-0000-4000-8000-000000000000");
    expect(result).toEqual({ deleted: false });
    expect(await countRows(db.ctx, db.ctx.t.User)).toBe(1);
    expect(await countRows(db.ctx, db.ctx.t.Chat)).toBe(1);
  });

  it("rolls everything back when a statement fails midway", async () => {
    const member = await makeUser(db.ctx);
    await makeChat(db.ctx, member.id);
    const friend = await makeUser(db.ctx);
    await makeConnection(db.ctx, member.id, friend.id);
    // A row the function does not know about blocks the final DELETE of User: a foreign key
    // without cascade, added for this test only.
    if (db.ctx.raw.kind === "pg") {
      await db.ctx.raw.pool.query(`create table blocker (user_id uuid not null references "User"(id))`);
      await db.ctx.raw.pool.query(`insert into blocker values ($1)`, [member.id]);
    } else {
      db.ctx.raw.sqlite.exec(`create table blocker (user_id text not null references "User"(id))`);
      db.ctx.raw.sqlite.prepare(`insert into blocker values (?)`).run(member.id);
    }
    await expect(deleteAccount(db.ctx, member.id)).rejects.toThrow();
    expect(await exists(db.ctx, db.ctx.t.User, member.id)).toBe(true);
    expect(await countRows(db.ctx, db.ctx.t.Chat)).toBe(1);
    expect(await countRows(db.ctx, db.ctx.t.connection)).toBe(1);
  });
});
