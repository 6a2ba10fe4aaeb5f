import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verify } from "@node-rs/argon2";
import { and, count, eq, inArray, notExists, or, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ACTIVITY_CATEGORIES, ACTIVITY_TYPES } from "../../db/activity-catalog";
import type { Ctx } from "../../db/client";
import * as E from "../../db/enums";
import { EXTENSION_TABLES } from "../../db/schema";
import { countAll, DEMO_PASSWORD, seedDemo, seedIfFresh, seedScale } from "../../db/seed";
import { BIG_FEED_POST_ID } from "../../db/seed/demo";
import { describeEachDatabase } from "../support/db";

// A Wednesday, so "this week" starts on Monday 2025-06-09.
const now = new Date("2025-06-11T00:00:00.000Z");
const quiet = { log: () => {} };

async function messagesOutsideAcceptedConnections(ctx: Ctx): Promise<number> {
  const { connection: c, user_messages: m } = ctx.t;
  const [row] = await ctx.db
    .select({ n: count() })
    .from(m)
    .where(
      notExists(
        ctx.db
          .select({ id: c.id })
          .from(c)
          .where(
            and(
              eq(c.status, "accepted"),
              or(
                and(eq(c.sender_id, m.sender_id), eq(c.receiver_id, m.receiver_id)),
                and(eq(c.sender_id, m.receiver_id), eq(c.receiver_id, m.sender_id)),
              ),
            ),
          ),
      ),
    );
  return Number(row.n);
}

async function countersMismatches(ctx: Ctx): Promise<string[]> {
  const t = ctx.t;
  const posts = await ctx.db.select().from(t.anonymous_post);
  const comments = await ctx.db.select().from(t.anonymous_comment);
  const postLikes = await ctx.db.select({ post_id: t.anonymous_post_like.post_id }).from(t.anonymous_post_like);
  const commentLikes = await ctx.db.select({ comment_id: t.anonymous_comment_like.comment_id }).from(t.anonymous_comment_like);
  const tally = (ids: string[]) => ids.reduce((m, id) => m.set(id, (m.get(id) ?? 0) + 1), new Map<string, number>());
  const likesByPost = tally(postLikes.map((l) => l.post_id));
  const commentsByPost = tally(comments.map((c) => c.post_id));
  const likesByComment = tally(commentLikes.map((l) => l.comment_id));
  const bad: string[] = [];
  for (const p of posts) {
    if (p.likes_count !== (likesByPost.get(p.id) ?? 0)) bad.push(`post ${p.id} likes_count`);
    if (p.comments_count !== (commentsByPost.get(p.id) ?? 0)) bad.push(`post ${p.id} comments_count`);
  }
  for (const c of comments) if (c.likes_count !== (likesByComment.get(c.id) ?? 0)) bad.push(`comment ${c.id} likes_count`);
  return bad;
}

/**
 * What must hold in every community whoever seeded it: the member count equals the approved
 * memberships, the creator moderates and is an approved member, every event post has its event
 * row (and only event posts have one, in the post's community).
 */
async function communitiesMismatches(ctx: Ctx): Promise<string[]> {
  const { communities: c, community_memberships: m, community_stats: s, community_moderators: mod, community_posts: p, community_events: e } = ctx.t;
  const bad: string[] = [];
  const counts = await ctx.db
    .select({ id: c.id, members: s.members, approved: sql<number>`(select count(*) from ${m} where ${m.community_id} = ${c.id} and ${m.status} = 'approved')`.mapWith(Number) })
    .from(c)
    .leftJoin(s, eq(s.community_id, c.id));
  for (const row of counts) if (row.members !== row.approved) bad.push(`community ${row.id}: members ${row.members}, approved ${row.approved}`);
  const creators = await ctx.db
    .select({ id: c.id, moderates: mod.user_id, member: m.status })
    .from(c)
    .leftJoin(mod, and(eq(mod.community_id, c.id), eq(mod.user_id, c.created_by)))
    .leftJoin(m, and(eq(m.community_id, c.id), eq(m.user_id, c.created_by)));
  for (const row of creators) {
    if (!row.moderates) bad.push(`community ${row.id}: the creator has no moderator row`);
    if (row.member !== "approved") bad.push(`community ${row.id}: the creator is not an approved member`);
  }
  const posts = await ctx.db.select({ id: p.id, type: p.type, community: p.community_id, event: e.post_id, eventCommunity: e.community_id }).from(p).leftJoin(e, eq(e.post_id, p.id));
  for (const row of posts) {
    if ((row.type === "event") !== (row.event !== null)) bad.push(`post ${row.id}: type ${row.type}, event row ${row.event !== null}`);
    if (row.event && row.eventCommunity !== row.community) bad.push(`post ${row.id}: event in another community`);
  }
  return bad;
}

describeEachDatabase("demo seeder", (db) => {
  it("fills every one of the 41 tables and the extension tables (member_settings)", async () => {
    const summary = await seedDemo(db.ctx, { now });
    const counts = await countAll(db.ctx);
    expect(Object.keys(counts)).toHaveLength(41 + EXTENSION_TABLES.length);
    const empty = Object.entries(counts).filter(([, n]) => n === 0).map(([table]) => table);
    expect(empty).toEqual([]);
    // The activity catalog is in every database before the seed (ensureActivityCatalog at start).
    const catalog = ["activity_categories", "activity_types"];
    for (const [table, n] of Object.entries(counts)) if (!catalog.includes(table)) expect(summary[table]?.inserted, table).toBe(n);
    expect([counts.activity_categories, counts.activity_types]).toEqual([ACTIVITY_CATEGORIES.length, ACTIVITY_TYPES.length]);
  });

  it("adds nothing when it runs again, on the same day or a later one", async () => {
    await seedDemo(db.ctx, { now });
    const first = await countAll(db.ctx);
    const again = await seedDemo(db.ctx, { now });
    const nextDay = await seedDemo(db.ctx, { now: new Date(now.getTime() + 86_400_000) });
    expect(Object.values(again).every((s) => s.inserted === 0)).toBe(true);
    expect(Object.values(nextDay).every((s) => s.inserted === 0)).toBe(true);
    expect(await countAll(db.ctx)).toEqual(first);
  });

  it("creates the five demo logins with their roles and the password ladder-demo", async () => {
    await seedDemo(db.ctx, { now });
    const expected = {
      "user@demo.test": "user",
      "recruiter@demo.test": "recruiter",
      "career@demo.test": "career_team",
      "moderator@demo.test": "moderator",
      "admin@demo.test": "admin",
    } as const;
    const users = await db.ctx.db.select().from(db.ctx.t.User).where(inArray(db.ctx.t.User.email, Object.keys(expected)));
    expect(Object.fromEntries(users.map((u) => [u.email, u.role]))).toEqual(expected);
    for (const u of users) {
      expect(u.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(await verify(u.password!, DEMO_PASSWORD)).toBe(true);
      expect(await verify(u.password!, "not-the-password")).toBe(false);
    }
    const all = await db.ctx.db.select().from(db.ctx.t.User);
    expect(new Set(all.map((u) => u.role))).toEqual(new Set(E.userRoles));
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const u of all) {
      expect(u.anonymous_username, u.email).toBeTruthy();
      expect(u.referral_code, u.email).toBeTruthy();
      expect(Array.isArray(u.education), u.email).toBe(true);
      expect(Array.isArray(u.professional_skills), u.email).toBe(true);
    }
  });

  it("keeps likes_count and comments_count equal to the like and comment rows", async () => {
    await seedDemo(db.ctx, { now });
    expect(await countersMismatches(db.ctx)).toEqual([]);
  });

  it("sends direct messages only between accepted connections", async () => {
    await seedDemo(db.ctx, { now });
    expect(await messagesOutsideAcceptedConnections(db.ctx)).toBe(0);
  });

  it("gives at least twelve described skills fifteen explained questions each, with four distinct options and a valid answer", async () => {
    await seedDemo(db.ctx, { now });
    const skills = await db.ctx.db.select().from(db.ctx.t.skills);
    expect(skills.length).toBeGreaterThanOrEqual(12);
    const descriptions = new Map((await db.ctx.db.select().from(db.ctx.t.skill_details)).map((d) => [d.skill_id, d.description]));
    const explanations = new Map((await db.ctx.db.select().from(db.ctx.t.skill_question_details)).map((d) => [d.question_id, d.explanation]));
    const questions = await db.ctx.db.select().from(db.ctx.t.skill_questions);
    for (const skill of skills) {
      expect(descriptions.get(skill.id)?.trim(), skill.name).toBeTruthy();
      const mine = questions.filter((q) => q.skillId === skill.id);
      expect(mine.length, skill.name).toBeGreaterThanOrEqual(15);
      expect(new Set(mine.map((q) => q.question.toLowerCase())).size, skill.name).toBe(mine.length);
      for (const q of mine) {
        expect(q.options).toHaveLength(4);
        expect(new Set(q.options.map((o) => o.trim().toLowerCase())).size, q.question).toBe(4);
        expect(q.correctIndex).toBeGreaterThanOrEqual(0);
        expect(q.correctIndex).toBeLessThanOrEqual(3);
        expect(explanations.get(q.id)?.trim(), q.question).toBeTruthy();
      }
    }
    // each attempt answers its own draw, scored against the key the draw kept, which is the bank's
    const bank = new Map(questions.map((q) => [q.id, q]));
    const attempts = await db.ctx.db.select().from(db.ctx.t.skill_attempts);
    const draws = new Map((await db.ctx.db.select().from(db.ctx.t.skill_draws)).map((d) => [d.attempt_id, d]));
    expect(attempts.length).toBeGreaterThan(0);
    for (const a of attempts) {
      const draw = draws.get(a.id)!;
      expect(draw.skill_id).toBe(a.skillId);
      expect(a.total).toBe(draw.questions.length);
      expect(a.total).toBe(Math.min(10, questions.filter((q) => q.skillId === a.skillId).length));
      for (const q of draw.questions) {
        expect(bank.get(q.questionId)).toMatchObject({ skillId: a.skillId, question: q.question, options: q.options, correctIndex: q.correctIndex });
        expect([...q.shownOrder].sort()).toEqual([0, 1, 2, 3]);
      }
      expect(a.score).toBe(a.selectedAnswers.filter((answer, k) => draw.questions[k].correctIndex === answer).length);
    }
  });

  it("gives the demo user a network, unread notifications, chats, documents and applications to show", async () => {
    await seedDemo(db.ctx, { now });
    const t = db.ctx.t;
    const [me] = await db.ctx.db.select().from(t.User).where(eq(t.User.email, "user@demo.test"));
    const conns = await db.ctx.db.select().from(t.connection).where(or(eq(t.connection.sender_id, me.id), eq(t.connection.receiver_id, me.id)));
    const accepted = conns.filter((c) => c.status === "accepted");
    expect(accepted.length).toBeGreaterThanOrEqual(3);
    expect(conns.some((c) => c.status === "pending" && c.receiver_id === me.id)).toBe(true);
    expect(conns.some((c) => c.status === "pending" && c.sender_id === me.id)).toBe(true);
    expect(conns.some((c) => c.status === "rejected")).toBe(true);
    const messages = await db.ctx.db.select().from(t.user_messages).where(or(eq(t.user_messages.sender_id, me.id), eq(t.user_messages.receiver_id, me.id)));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.some((m) => m.receiver_id === me.id && !m.is_read)).toBe(true);
    const notes = await db.ctx.db.select().from(t.notification).where(eq(t.notification.user_id, me.id));
    expect(notes.some((n) => !n.is_read)).toBe(true);
    expect(notes.some((n) => n.is_read)).toBe(true);
    // Connection notifications name the other member and the request; community ones (type NULL) link through notification_links.
    for (const n of notes.filter((x) => x.type !== null)) {
      expect(n.related_user_id).toBeTruthy();
      expect(n.related_connection_id).toBeTruthy();
    }
    const chats = await db.ctx.db.select().from(t.Chat).where(eq(t.Chat.userId, me.id));
    expect(chats.length).toBeGreaterThanOrEqual(2);
    const docs = await db.ctx.db.select().from(t.Document).where(eq(t.Document.userId, me.id));
    const versions = docs.reduce((m, d) => m.set(d.id, (m.get(d.id) ?? 0) + 1), new Map<string, number>());
    expect([...versions.values()].some((v) => v >= 2)).toBe(true);
    const apps = await db.ctx.db.select().from(t.job_applications).where(eq(t.job_applications.email, me.email));
    expect(apps.length).toBeGreaterThanOrEqual(5);
    expect(apps.some((a) => a.withdrawn)).toBe(true);
  });

  it("covers every application status, interview round type and status, job poster and chat format", async () => {
    await seedDemo(db.ctx, { now });
    const t = db.ctx.t;
    const apps = await db.ctx.db.select().from(t.job_applications);
    expect(new Set(apps.map((a) => a.status))).toEqual(new Set(E.applicationStatuses));
    const rounds = await db.ctx.db.select().from(t.interview_rounds);
    expect(new Set(rounds.map((r) => r.roundType))).toEqual(new Set(E.roundTypes));
    expect(new Set(rounds.map((r) => r.status))).toEqual(new Set(E.roundStatuses));
    for (const r of rounds) {
      if (r.status === "completed") {
        expect(r.score).toBeGreaterThanOrEqual(1);
        expect(r.score).toBeLessThanOrEqual(10);
        expect(r.feedback).toBeTruthy();
      } else expect(r.score).toBeNull();
    }
    for (const feed of [t.jobs, t.remote_jobs, t.part_time_jobs]) {
      const jobs = await db.ctx.db.select().from(feed);
      expect(new Set(jobs.map((j) => j.posted_by))).toEqual(new Set(E.jobPosters));
      for (const j of jobs) {
        expect(j.job_id.length).toBeLessThanOrEqual(32);
        expect(j.posted_by_user_id === null).toBe(j.posted_by === "external");
      }
      expect(jobs.some((j) => j.job_min_salary === null)).toBe(true);
    }
    const allJobIds = new Set(
      (await Promise.all([t.jobs, t.remote_jobs, t.part_time_jobs].map((f) => db.ctx.db.select({ id: f.job_id }).from(f)))).flat().map((r) => r.id),
    );
    for (const a of apps) expect(allJobIds.has(a.jobId)).toBe(true);
    const v2 = await db.ctx.db.select().from(t.Message_v2);
    for (const m of v2) {
      expect(m.parts[0]).toMatchObject({ type: "text" });
      expect(m.attachments).toEqual([]);
    }
    const memberships = await db.ctx.db.select().from(t.community_memberships);
    expect(new Set(memberships.map((m) => m.status))).toEqual(new Set(E.membershipStatuses));
    const posts = await db.ctx.db.select().from(t.community_posts);
    expect(new Set(posts.map((p) => p.type))).toEqual(new Set(E.communityPostTypes));
  });

  it("gives communities moderators, counts, decisions, events and requests for the demo logins to decide", async () => {
    await seedDemo(db.ctx, { now });
    const t = db.ctx.t;
    const users = await db.ctx.db.select({ id: t.User.id, email: t.User.email }).from(t.User);
    const idOf = (email: string) => users.find((u) => u.email === email)!.id;
    const communities = await db.ctx.db.select().from(t.communities);
    const names = communities.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(["University of Jordan Alumni", "Cairo Software Engineers", "Women in Tech India"]));
    expect(await communitiesMismatches(db.ctx)).toEqual([]);

    // user@demo.test created the alumni group and has requests waiting there.
    const mine = communities.filter((c) => c.created_by === idOf("user@demo.test"));
    expect(mine.map((c) => c.name)).toContain("University of Jordan Alumni");
    const memberships = await db.ctx.db.select().from(t.community_memberships);
    const pendingIn = (ids: string[]) => memberships.filter((m) => m.status === "pending" && ids.includes(m.community_id));
    expect(pendingIn(mine.map((c) => c.id)).length).toBeGreaterThanOrEqual(3);
    // moderator@demo.test moderates every community: requests wait in communities they are not in.
    const moderator = idOf("moderator@demo.test");
    const theirs = memberships.filter((m) => m.user_id === moderator).map((m) => m.community_id);
    expect(pendingIn(communities.map((c) => c.id).filter((id) => !theirs.includes(id))).length).toBeGreaterThanOrEqual(5);

    // One appointed moderator besides the creators, a ban with its decision, declines with and without a reason.
    const moderators = await db.ctx.db.select().from(t.community_moderators);
    expect(moderators.length).toBeGreaterThan(communities.length);
    const decisions = await db.ctx.db.select().from(t.community_decisions);
    expect(new Set(decisions.map((d) => d.decision))).toEqual(new Set(["approved", "declined", "removed", "banned"]));
    expect(decisions.some((d) => d.decision === "declined" && d.reason)).toBe(true);
    expect(decisions.some((d) => d.decision === "declined" && !d.reason)).toBe(true);
    const bans = await db.ctx.db.select().from(t.community_bans);
    expect(bans.length).toBeGreaterThan(0);
    for (const b of bans) {
      expect(decisions.some((d) => d.decision === "banned" && d.user_id === b.user_id && d.community_id === b.community_id)).toBe(true);
      expect(memberships.some((m) => m.user_id === b.user_id && m.community_id === b.community_id)).toBe(false);
    }
    // A declined, removed or banned member has no membership row in that community any more.
    for (const d of decisions.filter((x) => x.decision !== "approved")) {
      expect(memberships.some((m) => m.id === d.membership_id)).toBe(false);
    }
    // Every approved decision is about an approved membership of that member.
    for (const d of decisions.filter((x) => x.decision === "approved")) {
      const m = memberships.find((x) => x.id === d.membership_id);
      expect(m && m.status === "approved" && m.user_id === d.user_id && m.community_id === d.community_id).toBe(true);
    }

    // Upcoming events, one at a place and one online; subscribers are approved members.
    const events = await db.ctx.db.select().from(t.community_events);
    const upcoming = events.filter((e) => e.starts_at.getTime() > now.getTime());
    expect(upcoming.some((e) => e.place)).toBe(true);
    expect(upcoming.some((e) => e.online_url)).toBe(true);
    expect(upcoming.every((e) => e.starts_at.getTime() < now.getTime() + 40 * 86_400_000)).toBe(true);
    const subscriptions = await db.ctx.db.select().from(t.community_event_subscriptions);
    expect(subscriptions.some((s) => s.user_id === idOf("user@demo.test"))).toBe(true);
    for (const s of subscriptions) {
      expect(memberships.some((m) => m.user_id === s.user_id && m.community_id === s.community_id && m.status === "approved")).toBe(true);
    }
  });

  it("gives the feed posts in every topic across companies and languages, this week's too, reports in every state and grouped like notices", async () => {
    await seedDemo(db.ctx, { now });
    const t = db.ctx.t;
    const posts = await db.ctx.db.select().from(t.anonymous_post);
    const comments = await db.ctx.db.select().from(t.anonymous_comment);
    expect(new Set(posts.map((p) => p.topic))).toEqual(new Set(E.postTopics));
    for (const topic of E.postTopics) expect(posts.filter((p) => p.topic === topic && p.comments_count! > 0 && p.likes_count! > 0).length, topic).toBeGreaterThanOrEqual(2);
    const companies = new Map<string, number>();
    for (const p of posts) if (p.company_name) companies.set(p.company_name, (companies.get(p.company_name) ?? 0) + 1);
    expect(companies.size).toBeGreaterThanOrEqual(8);
    expect([...companies.values()].some((k) => k >= 2)).toBe(true);
    expect(new Set(posts.map((p) => p.industry)).size).toBeGreaterThanOrEqual(8);
    expect(posts.some((p) => p.is_anonymous === false)).toBe(true);
    expect(posts.filter((p) => p.is_anonymous !== false).length).toBeGreaterThan(posts.length / 2);
    const arabic = /[\u0600-\u06FF]/;
    const devanagari = /[\u0900-\u097F]/;
    expect(posts.filter((p) => arabic.test(p.content)).length).toBeGreaterThanOrEqual(2);
    expect(posts.filter((p) => devanagari.test(p.content)).length).toBeGreaterThanOrEqual(2);
    expect(comments.some((c) => arabic.test(c.content))).toBe(true);
    expect(comments.some((c) => devanagari.test(c.content))).toBe(true);
    // "Top this week" has liked posts on a fresh demo database; nothing is dated after "now".
    const week = posts.filter((p) => p.created_at!.getTime() >= now.getTime() - 7 * 86_400_000);
    expect(week.filter((p) => p.likes_count! > 0).length).toBeGreaterThanOrEqual(5);
    for (const row of [...posts, ...comments]) expect(row.created_at!.getTime()).toBeLessThanOrEqual(now.getTime());
    // More than a page of 20, so the feed shows "more posts".
    expect(posts.length).toBeGreaterThan(20);

    // user@demo.test wrote an anonymous post others answered and liked, with an unread grouped like notice.
    const [me] = await db.ctx.db.select().from(t.User).where(eq(t.User.email, "user@demo.test"));
    const mine = posts.filter((p) => p.user_id === me.id && p.is_anonymous !== false);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.some((p) => p.comments_count! > 0 && p.likes_count! > 0)).toBe(true);
    const notices = await db.ctx.db.select().from(t.anonymous_like_notices);
    const notes = await db.ctx.db.select().from(t.notification);
    const links = await db.ctx.db.select().from(t.notification_links);
    expect(notices.some((n) => mine.some((p) => p.id === n.post_id))).toBe(true);
    for (const notice of notices) {
      const post = posts.find((p) => p.id === notice.post_id)!;
      const note = notes.find((n) => n.id === notice.notification_id)!;
      expect(note.user_id).toBe(post.user_id);
      expect(note.is_read).toBe(false);
      expect(note.related_user_id).toBeNull();
      expect(note.message).toContain(String(post.likes_count));
      expect(links.find((l) => l.notification_id === note.id)?.href).toBe(`/feed/${post.id}`);
    }
    // Every feed notification links to a post and names nobody.
    const feedLinks = links.filter((l) => l.href.startsWith("/feed/"));
    expect(feedLinks.length).toBeGreaterThan(notices.length);
    for (const l of feedLinks) expect(notes.find((n) => n.id === l.notification_id)!.related_user_id).toBeNull();

    // Reports: open ones for the queue, one dismissed, hidden ones matching each removal; nobody reports their own words.
    const reports = await db.ctx.db.select().from(t.anonymous_reports);
    expect(reports.filter((r) => r.status === "open").length).toBeGreaterThanOrEqual(3);
    expect(reports.some((r) => r.status === "open" && r.comment_id !== null)).toBe(true);
    expect(reports.filter((r) => r.status === "dismissed")).toHaveLength(1);
    for (const r of reports) {
      const author = r.post_id ? posts.find((p) => p.id === r.post_id)!.user_id : comments.find((c) => c.id === r.comment_id)!.user_id;
      expect(r.reporter_id).not.toBe(author);
      expect(r.status === "open").toBe(r.decided_by === null && r.decided_at === null);
      expect(E.feedReportReasons).toContain(r.reason);
    }
    const postRemovals = await db.ctx.db.select().from(t.anonymous_post_removals);
    const commentRemovals = await db.ctx.db.select().from(t.anonymous_comment_removals);
    expect(postRemovals).toHaveLength(1);
    expect(commentRemovals).toHaveLength(1);
    expect(reports.some((r) => r.status === "hidden" && r.post_id === postRemovals[0].post_id)).toBe(true);
    expect(reports.some((r) => r.status === "hidden" && r.comment_id === commentRemovals[0].comment_id)).toBe(true);
    const hiddenTargets = new Set([postRemovals[0].post_id, commentRemovals[0].comment_id]);
    for (const r of reports.filter((x) => x.status === "hidden")) expect(hiddenTargets.has((r.post_id ?? r.comment_id)!)).toBe(true);
    // The hidden comment still counts in its post's comments_count (counters equal the rows).
    expect(await countersMismatches(db.ctx)).toEqual([]);
    // The post the scale seed grows to 5,000 comments is someone else's anonymous post.
    const big = posts.find((p) => p.id === BIG_FEED_POST_ID)!;
    expect(big.user_id).not.toBe(me.id);
    expect(big.is_anonymous).not.toBe(false);
  });

  it("puts calendar blocks on Monday weeks without overlaps", async () => {
    await seedDemo(db.ctx, { now });
    const blocks = await db.ctx.db.select().from(db.ctx.t.user_calendar_blocks);
    expect(blocks.some((b) => b.isBlocked)).toBe(true);
    expect(blocks.some((b) => !b.isBlocked)).toBe(true);
    const groups = new Map<string, typeof blocks>();
    for (const b of blocks) {
      expect(b.weekStartDate.getUTCDay()).toBe(1);
      expect(b.weekStartDate.toISOString()).toMatch(/T00:00:00\.000Z$/);
      expect(b.startTime).toMatch(/^\d\d:\d\d:\d\d$/);
      expect(b.startTime < b.endTime).toBe(true);
      const key = `${b.userId}|${b.weekStartDate.toISOString()}|${b.dayOfWeek}`;
      groups.set(key, [...(groups.get(key) ?? []), b]);
    }
    for (const list of groups.values()) {
      list.sort((a, b) => a.startTime.localeCompare(b.startTime));
      for (let k = 1; k < list.length; k++) expect(list[k - 1].endTime <= list[k].startTime).toBe(true);
    }
  });

  it("lets later inserts without an id follow the explicit serial ids", async () => {
    await seedDemo(db.ctx, { now });
    const [skill] = await db.ctx.db.insert(db.ctx.t.skills).values({ name: "Negotiation" }).returning();
    const [upload] = await db.ctx.db
      .insert(db.ctx.t.uploads)
      .values({ userEmail: "user@demo.test", fileUrl: "x", fileType: "cv" })
      .returning();
    expect(skill.id).toBeGreaterThan(6);
    expect(upload.id).toBeGreaterThan(1);
  });
});

describeEachDatabase("scale seeder", (db) => {
  it("adds about ten direct messages and ten jobs per user, quickly, and nothing on a second run", async () => {
    await seedDemo(db.ctx, { now });
    const before = await countAll(db.ctx);
    const started = performance.now();
    await seedScale(db.ctx, 200, { now, ...quiet });
    expect(performance.now() - started).toBeLessThan(15_000);
    const after = await countAll(db.ctx);
    expect(after.User - before.User).toBe(200);
    const messagesPerUser = (after.user_messages - before.user_messages) / 200;
    expect(messagesPerUser).toBeGreaterThan(9);
    expect(messagesPerUser).toBeLessThan(11);
    const jobs = (k: Record<string, number>) => k.jobs + k.remote_jobs + k.part_time_jobs;
    expect((jobs(after) - jobs(before)) / 200).toBeCloseTo(10, 0);
    expect(after.jobs - before.jobs).toBeGreaterThan(after.remote_jobs - before.remote_jobs);
    expect(after.connection - before.connection).toBeGreaterThan(400);
    expect(after.notification).toBeGreaterThan(before.notification);
    expect(after.Chat).toBeGreaterThan(before.Chat);
    // The feed: five posts per user, about 15 comments and 20 likes per user, a few reports; the
    // demo's big post got its extra comments (N / 20 here, 5,000 at N = 100,000).
    expect(after.anonymous_post - before.anonymous_post).toBe(1000);
    expect((after.anonymous_comment - before.anonymous_comment - 10) / 200).toBeGreaterThan(10);
    expect((after.anonymous_comment - before.anonymous_comment - 10) / 200).toBeLessThan(20);
    expect((after.anonymous_post_like - before.anonymous_post_like) / 200).toBeGreaterThan(14);
    expect((after.anonymous_post_like - before.anonymous_post_like) / 200).toBeLessThan(26);
    expect(after.anonymous_reports).toBeGreaterThan(before.anonymous_reports);
    const { anonymous_post: ap } = db.ctx.t;
    const [big] = await db.ctx.db.select({ n: ap.comments_count }).from(ap).where(eq(ap.id, BIG_FEED_POST_ID));
    expect(big.n).toBeGreaterThanOrEqual(10);
    const feed = await db.ctx.db.select({ topic: ap.topic, company: ap.company_name, created: ap.created_at, likes: ap.likes_count }).from(ap);
    expect(new Set(feed.map((r) => r.topic))).toEqual(new Set(E.postTopics));
    const week = feed.filter((r) => r.created!.getTime() >= now.getTime() - 7 * 86_400_000).length;
    expect(week).toBeGreaterThan(5);
    expect(feed.every((r) => r.created!.getTime() <= now.getTime())).toBe(true);
    expect(new Set(feed.map((r) => r.company)).size).toBeGreaterThan(30);

    expect(await messagesOutsideAcceptedConnections(db.ctx)).toBe(0);
    expect(await countersMismatches(db.ctx)).toEqual([]);

    // Communities: one per ten users, about five memberships and ten posts per user, counts and
    // moderators consistent, a big community (the demo's Data Careers MENA grew) and many small ones.
    expect(after.communities - before.communities).toBe(20);
    expect((after.community_memberships - before.community_memberships) / 200).toBeGreaterThan(3);
    expect((after.community_memberships - before.community_memberships) / 200).toBeLessThan(7);
    expect((after.community_posts - before.community_posts) / 200).toBeCloseTo(10, 0);
    expect(after.community_events).toBeGreaterThan(before.community_events);
    expect(after.community_event_subscriptions).toBeGreaterThan(before.community_event_subscriptions);
    expect(after.community_bans).toBeGreaterThan(before.community_bans);
    expect(await communitiesMismatches(db.ctx)).toEqual([]);
    const { community_stats: st, community_memberships: m } = db.ctx.t;
    const sizes = (await db.ctx.db.select({ members: st.members }).from(st)).map((r) => r.members).sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThanOrEqual(60);
    expect(sizes[sizes.length - 1]).toBeLessThan(20);
    const [waiting] = await db.ctx.db.select({ n: count() }).from(m).where(eq(m.status, "pending"));
    expect(Number(waiting.n)).toBeGreaterThan(10);

    const again = await seedScale(db.ctx, 200, { now, ...quiet });
    expect(Object.values(again).every((s) => s.inserted === 0)).toBe(true);
    expect(await countAll(db.ctx)).toEqual(after);
  });

  it("seeds the demo data first when the database is empty", async () => {
    await seedScale(db.ctx, 20, { now, ...quiet });
    const [me] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.email, "user@demo.test"));
    expect(me).toBeTruthy();
    const counts = await countAll(db.ctx);
    expect(Object.values(counts).every((n) => n > 0)).toBe(true);
  });
});

describeEachDatabase("seedIfFresh", (db) => {
  it("seeds an empty SQLite database once and never touches PostgreSQL", async () => {
    const first = await seedIfFresh(db.ctx);
    const second = await seedIfFresh(db.ctx);
    const { User } = await countAll(db.ctx);
    if (db.dialect === "sqlite") {
      expect([first, second]).toEqual([true, false]);
      expect(User).toBeGreaterThanOrEqual(40);
    } else {
      expect([first, second]).toEqual([false, false]);
      expect(User).toBe(0);
    }
  });
});

describe("db:seed command line", () => {
  const run = (args: string[], url: string) =>
    spawnSync(process.execPath, ["--import", "tsx", "scripts/seed.ts", ...args], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      timeout: 60_000,
    });
  const tempUrl = () => `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ladder-seed-cli-")), "seed.db")}`;

  it("refuses a --scale that is not a whole number with exit code 2 and a sentence", { timeout: 60_000 }, () => {
    const url = tempUrl();
    const result = run(["--scale", "abc"], url);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--scale needs a whole number of users from 1 to 2,000,000, but got "abc".');
    expect(fs.existsSync(url.slice("file:".length))).toBe(false);
  });

  it("refuses unknown options and demo logins on PostgreSQL without --demo", { timeout: 60_000 }, () => {
    const unknown = run(["--fast"], tempUrl());
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown option "--fast"');
    // refused before any connection is made, so no server is needed here
    const pg = run([], "postgres://nobody@127.0.0.1:1/none");
    expect(pg.status).toBe(2);
    expect(pg.stderr).toContain(
      "refusing to seed demo logins into PostgreSQL without --demo: demo passwords must not reach production",
    );
  });

  it("explains its options with --help", { timeout: 60_000 }, () => {
    const result = run(["--help"], tempUrl());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--scale N");
    expect(result.stdout).toContain("--demo");
  });
});
