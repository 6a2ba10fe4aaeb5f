/**
 * track(ctx, event) (decision 050): every tracked action writes its feature_usage row (and its
 * user_activity_logs row when security-relevant) in the action's transaction, and nothing when the
 * action is refused, rolled back, or its type is switched off; the catalog is ensured idempotently.
 */
import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { setTracked } from "../../app/modules/analytics/tracking.server";
import { changePassword } from "../../app/modules/accounts/change-password.server";
import { addUserMessage, createChat } from "../../app/modules/coach/chats.server";
import { askToJoin } from "../../app/modules/communities/membership.server";
import { decideRequests } from "../../app/modules/communities/moderation.server";
import { createPost as createCommunityPost } from "../../app/modules/communities/posts.server";
import { createDocument, saveVersion } from "../../app/modules/documents/documents.server";
import { createComment } from "../../app/modules/feed/comments.server";
import { setCommentLike, setPostLike } from "../../app/modules/feed/likes.server";
import { createFeedPost } from "../../app/modules/feed/write.server";
import { changeStatus } from "../../app/modules/hiring/pipeline.server";
import { startInterview } from "../../app/modules/interviews/interviews.server";
import { createPost as createJobPost, decidePost } from "../../app/modules/jobs/posting.server";
import { checkPost } from "../../app/modules/jobs/posting-rules";
import { sendMessage } from "../../app/modules/messages/messages.server";
import { changeConnection, connect } from "../../app/modules/network/connections.server";
import { startTest, submitTest } from "../../app/modules/skills/tests.server";
import { ACTIVITY_CATEGORIES, ACTIVITY_TYPES, activityType, ensureActivityCatalog, type ActivityTypeName } from "../../db/activity-catalog";
import type { Ctx } from "../../db/client";
import { withTx } from "../../db/tx";
import { createMember, type Member } from "../support/app";
import { addCommunityMember, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase } from "../support/db";
import { makeConnection } from "../support/factories";
import { anonymousMember, makeFeedComment, makeFeedPost } from "../support/feed-post";
import { makeApplicationTo, makePostedJob } from "../support/hiring";
import { answersFor, drawOf, makeSkillBank } from "../support/skill-tests";

type Fixture = Record<string, unknown> & { actor: Member };

interface Case {
  type: ActivityTypeName;
  /** Everything the action needs, written before it (not counted). */
  setup: (ctx: Ctx) => Promise<Fixture>;
  /** The action, done as its area does it; throws when it does not succeed. */
  act: (ctx: Ctx, fx: Fixture) => Promise<void>;
  /** The same action refused (bad input, not allowed): it must write no usage. */
  refuse?: (ctx: Ctx, fx: Fixture) => Promise<void>;
  /** False where the action sends mail after its transaction (an outer transaction would refuse the wait). */
  rollback?: boolean;
}

const ok = (value: unknown, expected: unknown) => {
  expect(value).toMatchObject(expected as object);
};

const jobInput = () => {
  const checked = checkPost({
    feed: "general", title: "Junior data analyst", employer: "Nile Analytics", city: "Cairo", state: "", country: "EG",
    employmentType: "Full-time", salaryMin: "12000", salaryMax: "18000", salaryPeriod: "MONTH", description: "Clean and chart sales data.",
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.errors));
  return checked.input;
};

const CASES: Case[] = [
  {
    type: "connection_requested",
    setup: async (ctx) => ({ actor: await createMember(ctx), other: await createMember(ctx) }),
    act: async (ctx, fx) => ok({ r: await connect(ctx, { me: fx.actor.id, otherId: (fx.other as Member).id }) }, { r: "requested" }),
    refuse: async (ctx, fx) => ok({ r: await connect(ctx, { me: fx.actor.id, otherId: crypto.randomUUID() }) }, { r: "not_found" }),
  },
  {
    type: "connection_accepted",
    setup: async (ctx) => {
      const [actor, other] = [await createMember(ctx), await createMember(ctx)];
      await makeConnection(ctx, other.id, actor.id, { status: "pending" });
      return { actor, other };
    },
    act: async (ctx, fx) => ok({ r: await changeConnection(ctx, { me: fx.actor.id, otherId: (fx.other as Member).id, intent: "accept" }) }, { r: "done" }),
    refuse: async (ctx, fx) => ok({ r: await changeConnection(ctx, { me: fx.actor.id, otherId: crypto.randomUUID(), intent: "accept" }) }, { r: "not_found" }),
  },
  {
    type: "message_sent",
    setup: async (ctx) => {
      const [actor, friend, stranger] = [await createMember(ctx), await createMember(ctx), await createMember(ctx)];
      await makeConnection(ctx, actor.id, friend.id, { status: "accepted" });
      return { actor, friend, stranger };
    },
    act: async (ctx, fx) => ok(await sendMessage(ctx, { senderId: fx.actor.id, receiverId: (fx.friend as Member).id, text: "Hello" }), { ok: true }),
    refuse: async (ctx, fx) => ok(await sendMessage(ctx, { senderId: fx.actor.id, receiverId: (fx.stranger as Member).id, text: "Hello" }), { ok: false, reason: "not_connected" }),
  },
  {
    type: "coach_message",
    setup: async (ctx) => {
      const [actor, other] = [await createMember(ctx), await createMember(ctx)];
      const theirs = await createChat(ctx, other.id, "Their chat", new Date());
      return { actor, theirs: theirs.chatId };
    },
    act: async (ctx, fx) => ok(await createChat(ctx, fx.actor.id, "How do I ask for a raise?", new Date()), { chatId: expect.any(String) }),
    refuse: async (ctx, fx) => expect(await addUserMessage(ctx, fx.actor.id, fx.theirs as string, "Hello", new Date())).toBeNull(),
  },
  {
    type: "document_saved",
    setup: async (ctx) => {
      const [actor, other] = [await createMember(ctx), await createMember(ctx)];
      const theirs = await createDocument(ctx, other.id, { title: "Their CV", kind: "text", content: "CV" });
      return { actor, theirs: theirs.id };
    },
    act: async (ctx, fx) => ok(await createDocument(ctx, fx.actor.id, { title: "My CV", kind: "text", content: "Experience" }), { id: expect.any(String) }),
    refuse: async (ctx, fx) => expect(await saveVersion(ctx, fx.actor.id, fx.theirs as string, { title: "Mine now", content: "x" })).toBeNull(),
  },
  {
    type: "job_posted",
    setup: async (ctx) => ({ actor: await createMember(ctx) }),
    act: async (ctx, fx) => ok(await createJobPost(ctx, { id: fx.actor.id, role: "user" }, jobInput()), { kind: "posted" }),
  },
  {
    type: "job_approved",
    setup: async (ctx) => {
      const [actor, alumna] = [await createMember(ctx, { role: "career_team" }), await createMember(ctx)];
      const posted = await createJobPost(ctx, { id: alumna.id, role: "user" }, jobInput());
      if (posted.kind !== "posted") throw new Error(posted.kind);
      return { actor, feed: posted.feed, jobId: posted.jobId };
    },
    act: async (ctx, fx) =>
      ok(await decidePost(ctx, { id: fx.actor.id, role: "career_team" }, fx.feed as "general", fx.jobId as string, { kind: "approve" }, { baseUrl: "http://localhost" }), { kind: "approved" }),
    refuse: async (ctx, fx) =>
      ok(await decidePost(ctx, { id: fx.actor.id, role: "career_team" }, fx.feed as "general", "ladder-nosuchjob", { kind: "approve" }, { baseUrl: "http://localhost" }), { kind: "not_found" }),
    rollback: false,
  },
  {
    type: "application_status_changed",
    setup: async (ctx) => {
      const [actor, applicant] = [await createMember(ctx), await createMember(ctx)];
      const job = await makePostedJob(ctx, actor.id);
      const app = await makeApplicationTo(ctx, job, { id: applicant.id, email: applicant.email });
      return { actor, app };
    },
    act: async (ctx, fx) => {
      const app = fx.app as { id: string; updatedAt: Date };
      ok(await changeStatus(ctx, { id: fx.actor.id, role: "user" }, { id: app.id, status: "reviewing", feedback: null, expectedUpdatedAt: app.updatedAt.getTime(), link: "http://localhost/x" }), { kind: "changed" });
    },
    refuse: async (ctx, fx) => {
      const app = fx.app as { id: string; updatedAt: Date };
      ok(await changeStatus(ctx, { id: fx.actor.id, role: "user" }, { id: app.id, status: "reviewing", feedback: null, expectedUpdatedAt: app.updatedAt.getTime() - 1, link: "http://localhost/x" }), { kind: "conflict" });
    },
    rollback: false,
  },
  {
    type: "community_joined",
    setup: async (ctx) => {
      const [actor, creator] = [await createMember(ctx), await createMember(ctx)];
      return { actor, community: (await makeModeratedCommunity(ctx, creator.id, { name: `Join ${crypto.randomUUID().slice(0, 8)}` })).id };
    },
    act: async (ctx, fx) => ok({ r: await askToJoin(ctx, { id: fx.actor.id, role: "user" }, fx.community as string) }, { r: "requested" }),
    refuse: async (ctx, fx) => ok({ r: await askToJoin(ctx, { id: fx.actor.id, role: "user" }, crypto.randomUUID()) }, { r: "not_found" }),
  },
  {
    type: "community_join_approved",
    setup: async (ctx) => {
      const [actor, asker] = [await createMember(ctx), await createMember(ctx)];
      const community = await makeModeratedCommunity(ctx, actor.id, { name: `Approve ${crypto.randomUUID().slice(0, 8)}` });
      const membership = await addCommunityMember(ctx, community.id, asker.id, "pending");
      return { actor, membership: membership.id };
    },
    act: async (ctx, fx) => ok((await decideRequests(ctx, { id: fx.actor.id, role: "user" }, { membershipIds: [fx.membership as string], decision: "approve" }))[0], { kind: "done" }),
    refuse: async (ctx, fx) => ok((await decideRequests(ctx, { id: fx.actor.id, role: "user" }, { membershipIds: [crypto.randomUUID()], decision: "approve" }))[0], { kind: "not_found" }),
  },
  {
    type: "community_post_written",
    setup: async (ctx) => {
      const [actor, outsider] = [await createMember(ctx), await createMember(ctx)];
      return { actor, outsider, community: (await makeModeratedCommunity(ctx, actor.id, { name: `Post ${crypto.randomUUID().slice(0, 8)}` })).id };
    },
    act: async (ctx, fx) => ok(await createCommunityPost(ctx, { id: fx.actor.id, role: "user" }, fx.community as string, { type: "update", content: "Hello all", event: null }), { ok: true }),
    refuse: async (ctx, fx) => ok(await createCommunityPost(ctx, { id: fx.actor.id, role: "user" }, crypto.randomUUID(), { type: "update", content: "Hello", event: null }), { ok: false }),
  },
  {
    type: "feed_post_written",
    setup: async (ctx) => ({ actor: await anonymousMember(ctx) }),
    act: async (ctx, fx) => {
      expect(await createFeedPost(ctx, fx.actor.id, { content: "Is a 10% raise fair?", topic: "general", companyName: null, industry: null, anonymous: true }, null)).toEqual(expect.any(String));
    },
  },
  {
    type: "feed_comment_written",
    setup: async (ctx) => {
      const [actor, author] = [await anonymousMember(ctx), await anonymousMember(ctx)];
      return { actor, post: (await makeFeedPost(ctx, author.id)).id };
    },
    act: async (ctx, fx) => ok(await createComment(ctx, fx.actor.id, fx.post as string, { content: "Ask for 15%.", is_anonymous: true }), { ok: true }),
    refuse: async (ctx, fx) => ok(await createComment(ctx, fx.actor.id, crypto.randomUUID(), { content: "Ask for 15%.", is_anonymous: true }), { ok: false, reason: "not_found" }),
  },
  {
    type: "feed_post_liked",
    setup: async (ctx) => {
      const [actor, author] = [await anonymousMember(ctx), await anonymousMember(ctx)];
      return { actor, post: (await makeFeedPost(ctx, author.id)).id };
    },
    act: async (ctx, fx) => ok(await setPostLike(ctx, fx.actor.id, fx.post as string, true), { ok: true, liked: true }),
    refuse: async (ctx, fx) => ok(await setPostLike(ctx, fx.actor.id, crypto.randomUUID(), true), { ok: false }),
  },
  {
    type: "feed_comment_liked",
    setup: async (ctx) => {
      const [actor, author] = [await anonymousMember(ctx), await anonymousMember(ctx)];
      const post = await makeFeedPost(ctx, author.id);
      return { actor, post: post.id, comment: (await makeFeedComment(ctx, post.id, author.id)).id };
    },
    act: async (ctx, fx) => ok(await setCommentLike(ctx, fx.actor.id, fx.post as string, fx.comment as string, true), { ok: true, liked: true }),
    refuse: async (ctx, fx) => ok(await setCommentLike(ctx, fx.actor.id, fx.post as string, crypto.randomUUID(), true), { ok: false }),
  },
  {
    type: "skill_test_started",
    setup: async (ctx) => ({ actor: await createMember(ctx), bank: await makeSkillBank(ctx) }),
    act: async (ctx, fx) => ok(await startTest(ctx, fx.actor.id, (fx.bank as { skillId: number }).skillId), { kind: "started" }),
    refuse: async (ctx, fx) => ok(await startTest(ctx, fx.actor.id, 987_654), { kind: expect.not.stringMatching(/^started$/) }),
  },
  {
    type: "skill_attempt",
    setup: async (ctx) => {
      const actor = await createMember(ctx);
      const bank = await makeSkillBank(ctx);
      const started = await startTest(ctx, actor.id, bank.skillId);
      if (started.kind !== "started") throw new Error(started.kind);
      // The start is the other type; only the attempt is counted below.
      return { actor, skillId: bank.skillId, draw: (await drawOf(ctx, started.drawId))! };
    },
    act: async (ctx, fx) => {
      const draw = fx.draw as { id: string; questions: { questionId: number; correctIndex: number }[] };
      ok(await submitTest(ctx, fx.actor.id, fx.skillId as number, draw.id, answersFor(draw.questions, 7), false), { kind: "graded" });
    },
    refuse: async (ctx, fx) => {
      const draw = fx.draw as { id: string; questions: { questionId: number; correctIndex: number }[] };
      ok(await submitTest(ctx, fx.actor.id, fx.skillId as number, crypto.randomUUID(), answersFor(draw.questions, 7), false), { kind: expect.not.stringMatching(/^graded$/) });
    },
  },
  {
    type: "interview_started",
    setup: async (ctx) => ({ actor: await createMember(ctx) }),
    act: async (ctx, fx) => ok(await startInterview(ctx, fx.actor.id, { category: "behavioral", lang: "en", zone: "UTC" }), { kind: "started" }),
    refuse: async (ctx, fx) => ok(await startInterview(ctx, fx.actor.id, { category: "no-such-category", lang: "en", zone: "UTC" }), { kind: expect.not.stringMatching(/^started$/) }),
  },
  {
    type: "password_changed",
    setup: async (ctx) => ({ actor: await createMember(ctx) }),
    act: async (ctx, fx) =>
      ok(await changePassword(ctx, { userId: fx.actor.id, sessionId: crypto.randomUUID(), currentPassword: fx.actor.password, newPassword: "a-new-long-passphrase-1", ip: "192.0.2.7", userAgent: "Test" }), { ok: true }),
    refuse: async (ctx, fx) =>
      ok(await changePassword(ctx, { userId: fx.actor.id, sessionId: crypto.randomUUID(), currentPassword: "wrong-password-here", newPassword: "a-new-long-passphrase-1", ip: null, userAgent: null }), { ok: false }),
    rollback: false,
  },
];

async function usageOf(ctx: Ctx, userId: string, type: string) {
  const u = ctx.t.feature_usage;
  return ctx.db.select().from(u).where(and(eq(u.user_id, userId), eq(u.action, type)));
}

async function logsOf(ctx: Ctx, userId: string, type: string) {
  const l = ctx.t.user_activity_logs;
  return ctx.db.select().from(l).where(and(eq(l.user_id, userId), eq(l.action_type, type)));
}

describeEachDatabase("activity tracking", (db) => {
  for (const c of CASES) {
    const entry = activityType(c.type)!;

    it(`${c.type}: the action writes one feature_usage row under "${entry.feature}"${entry.security ? " and one security log row" : ""}`, async () => {
      const fx = await c.setup(db.ctx);
      await c.act(db.ctx, fx);
      const usage = await usageOf(db.ctx, fx.actor.id, c.type);
      expect(usage.map((u) => u.feature_name)).toEqual([entry.feature]);
      const logs = await logsOf(db.ctx, fx.actor.id, c.type);
      expect(logs.map((l) => l.action_category)).toEqual(entry.security ? [entry.category] : []);
      if (entry.dayOnly) {
        // The anonymous feed's rows keep only their day, and no ids.
        expect(usage[0].created_at.getTime() % 86_400_000).toBe(0);
        expect(usage[0].metadata).toBeNull();
      }
    });

    if (c.refuse) {
      it(`${c.type}: a refused action writes no usage`, async () => {
        const fx = await c.setup(db.ctx);
        await c.refuse!(db.ctx, fx);
        expect(await usageOf(db.ctx, fx.actor.id, c.type)).toHaveLength(0);
        expect(await logsOf(db.ctx, fx.actor.id, c.type)).toHaveLength(0);
      });
    }

    if (c.rollback !== false) {
      it(`${c.type}: an action rolled back with its transaction leaves no usage`, async () => {
        const fx = await c.setup(db.ctx);
        await expect(
          withTx(db.ctx, async (tx) => {
            await c.act(tx, fx);
            throw new Error("rolled back on purpose");
          }),
        ).rejects.toThrow("rolled back on purpose");
        expect(await usageOf(db.ctx, fx.actor.id, c.type)).toHaveLength(0);
      });
    }

    if (!entry.security) {
      it(`${c.type}: switched off, the action still works and writes no usage; switched on again, it does`, async () => {
        const fx = await c.setup(db.ctx);
        expect(await setTracked(db.ctx, c.type, false)).toEqual({ kind: "changed", tracked: false });
        await c.act(db.ctx, fx);
        expect(await usageOf(db.ctx, fx.actor.id, c.type)).toHaveLength(0);
        expect(await setTracked(db.ctx, c.type, true)).toEqual({ kind: "changed", tracked: true });
        const again = await c.setup(db.ctx);
        await c.act(db.ctx, again);
        expect(await usageOf(db.ctx, again.actor.id, c.type)).toHaveLength(1);
      });
    } else {
      it(`${c.type}: a security type cannot be switched off, and is recorded even if its row says so`, async () => {
        expect(await setTracked(db.ctx, c.type, false)).toEqual({ kind: "always_recorded" });
        await db.ctx.db.update(db.ctx.t.activity_types).set({ is_tracked: false }).where(eq(db.ctx.t.activity_types.name, c.type));
        const fx = await c.setup(db.ctx);
        await c.act(db.ctx, fx);
        expect(await usageOf(db.ctx, fx.actor.id, c.type)).toHaveLength(1);
        expect(await logsOf(db.ctx, fx.actor.id, c.type)).toHaveLength(1);
      });
    }
  }

  it("the security log keeps the ip, user agent and session of the event", async () => {
    const member = await createMember(db.ctx);
    await changePassword(db.ctx, { userId: member.id, sessionId: crypto.randomUUID(), currentPassword: member.password, newPassword: "a-new-long-passphrase-2", ip: "192.0.2.9", userAgent: "Agent/1.0" });
    const [log] = await logsOf(db.ctx, member.id, "password_changed");
    expect([log.ip_address, log.user_agent, log.action_category]).toEqual(["192.0.2.9", "Agent/1.0", "auth"]);
  });

  it("every database starts with the whole catalog, every type tracked", async () => {
    const types = await db.ctx.db.select().from(db.ctx.t.activity_types);
    expect(types.map((t) => t.name).sort()).toEqual(ACTIVITY_TYPES.map((t) => t.name).sort());
    expect(types.every((t) => t.is_tracked)).toBe(true);
    expect(await db.ctx.db.select().from(db.ctx.t.activity_categories)).toHaveLength(ACTIVITY_CATEGORIES.length);
  });

  it("ensureActivityCatalog adds only what is missing and keeps an admin's switch", async () => {
    await setTracked(db.ctx, "message_sent", false);
    await db.ctx.db.delete(db.ctx.t.activity_types).where(eq(db.ctx.t.activity_types.name, "coach_message"));
    expect(await ensureActivityCatalog(db.ctx)).toEqual({ categories: 0, types: 1 });
    expect(await ensureActivityCatalog(db.ctx)).toEqual({ categories: 0, types: 0 });
    const t = db.ctx.t.activity_types;
    const rows = await db.ctx.db.select({ name: t.name, tracked: t.is_tracked }).from(t).where(eq(t.is_tracked, false));
    expect(rows).toEqual([{ name: "message_sent", tracked: false }]);
    expect(await db.ctx.db.select().from(t).where(eq(t.name, "coach_message"))).toHaveLength(1);
  });

  it("switching a type that is not in the table is refused, and so is an unchanged switch reported as such", async () => {
    expect(await setTracked(db.ctx, "no_such_type", false)).toEqual({ kind: "not_found" });
    expect(await setTracked(db.ctx, "message_sent", true)).toEqual({ kind: "unchanged", tracked: true });
  });
});
