/**
 * Deleting an account with communities (issue 16, decisions 008 and 041): the community the member
 * created goes with them (the spec's cascade on created_by); in the others their membership,
 * moderator row, ban, subscription, posts and the decisions about them go, the decisions they took
 * and the bans they gave stay without their name (decided_by, banned_by set null), and the member
 * counts still equal the approved memberships.
 */
import { and, eq, or, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { deleteAccount } from "../../app/modules/profile/delete-account.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember } from "../support/app";
import { addCommunityMember, appointModerator, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase } from "../support/db";
import { countRows, exists, makeCommunityPost, makeUser } from "../support/factories";

/** Every community row (of the nine tables) that names the member in a user column. */
async function communityRowsNaming(ctx: Ctx, userId: string): Promise<Record<string, number>> {
  const t = ctx.t;
  const checks = {
    communities: countRows(ctx, t.communities, eq(t.communities.created_by, userId)),
    community_memberships: countRows(ctx, t.community_memberships, eq(t.community_memberships.user_id, userId)),
    community_posts: countRows(ctx, t.community_posts, eq(t.community_posts.user_id, userId)),
    community_moderators: countRows(ctx, t.community_moderators, eq(t.community_moderators.user_id, userId)),
    community_bans: countRows(ctx, t.community_bans, or(eq(t.community_bans.user_id, userId), eq(t.community_bans.banned_by, userId))),
    community_decisions: countRows(ctx, t.community_decisions, or(eq(t.community_decisions.user_id, userId), eq(t.community_decisions.decided_by, userId))),
    community_event_subscriptions: countRows(ctx, t.community_event_subscriptions, eq(t.community_event_subscriptions.user_id, userId)),
  };
  const found: Record<string, number> = {};
  for (const [name, n] of Object.entries(checks)) if ((await n) > 0) found[name] = await n;
  return found;
}

/** community id -> [count in community_stats, approved memberships], for the communities that still exist. */
async function counts(ctx: Ctx): Promise<Record<string, [number | null, number]>> {
  const { communities: c, community_stats: s, community_memberships: m } = ctx.t;
  const rows = await ctx.db
    .select({
      id: c.id,
      members: s.members,
      approved: sql<number>`(select count(*) from ${m} where ${m.community_id} = ${c.id} and ${m.status} = 'approved')`.mapWith(Number),
    })
    .from(c)
    .leftJoin(s, eq(s.community_id, c.id));
  return Object.fromEntries(rows.map((r) => [r.id, [r.members, r.approved]]));
}

async function eventPost(ctx: Ctx, communityId: string, userId: string) {
  const post = await makeCommunityPost(ctx, communityId, userId, { type: "event", content: "Meet-up" });
  await ctx.db.insert(ctx.t.community_events).values({ post_id: post.id, community_id: communityId, starts_at: new Date(Date.now() + 86_400_000), place: "Amman" });
  return post;
}

/**
 * The leaving member M: created `own` (with members, a post, an event, a subscription and M's
 * decision there), moderates `moderated` (created by A; M approved B, declined C with a reason and
 * banned D there, posted an event and subscribed), is banned from `banning` (created by B) and is
 * still waiting in `waiting`.
 */
async function leavingMember(ctx: Ctx, leaving: { id: string }) {
  const t = ctx.t;
  const [a, b, c, d] = [await makeUser(ctx), await makeUser(ctx), await makeUser(ctx), await makeUser(ctx)];
  const m = leaving.id;

  const own = await makeModeratedCommunity(ctx, m, { name: "Leaving member's group" });
  const aInOwn = await addCommunityMember(ctx, own.id, a.id);
  await addCommunityMember(ctx, own.id, b.id, "pending");
  await ctx.db.insert(t.community_decisions).values({ membership_id: aInOwn.id, community_id: own.id, user_id: a.id, decision: "approved", decided_by: m });
  const ownEvent = await eventPost(ctx, own.id, a.id);
  await ctx.db.insert(t.community_event_subscriptions).values({ community_id: own.id, user_id: a.id });

  const moderated = await makeModeratedCommunity(ctx, a.id, { name: "A's group" });
  await addCommunityMember(ctx, moderated.id, m);
  await appointModerator(ctx, moderated.id, m);
  const bInModerated = await addCommunityMember(ctx, moderated.id, b.id);
  const approvedB = await ctx.db
    .insert(t.community_decisions)
    .values({ membership_id: bInModerated.id, community_id: moderated.id, user_id: b.id, decision: "approved", decided_by: m })
    .returning();
  const declinedC = await ctx.db
    .insert(t.community_decisions)
    .values({ membership_id: crypto.randomUUID(), community_id: moderated.id, user_id: c.id, decision: "declined", reason: "Not a member of the field yet.", decided_by: m })
    .returning();
  await ctx.db.insert(t.community_bans).values({ community_id: moderated.id, user_id: d.id, banned_by: m, reason: "Spam" });
  await ctx.db.insert(t.community_decisions).values({ membership_id: crypto.randomUUID(), community_id: moderated.id, user_id: d.id, decision: "banned", reason: "Spam", decided_by: m });
  const mEvent = await eventPost(ctx, moderated.id, m);
  const aPost = await makeCommunityPost(ctx, moderated.id, a.id);
  await ctx.db.insert(t.community_event_subscriptions).values([
    { community_id: moderated.id, user_id: m },
    { community_id: moderated.id, user_id: b.id },
  ]);

  const banning = await makeModeratedCommunity(ctx, b.id, { name: "B's group" });
  await ctx.db.insert(t.community_bans).values({ community_id: banning.id, user_id: m, banned_by: b.id, reason: "Rude to members" });
  await ctx.db.insert(t.community_decisions).values({ membership_id: crypto.randomUUID(), community_id: banning.id, user_id: m, decision: "banned", reason: "Rude to members", decided_by: b.id });

  const waiting = await makeModeratedCommunity(ctx, c.id, { name: "C's group" });
  await addCommunityMember(ctx, waiting.id, m, "pending");

  return { a, b, c, d, own, ownEvent, moderated, approvedB: approvedB[0], declinedC: declinedC[0], mEvent, aPost, banning, waiting };
}

describeEachDatabase("deleting an account with communities", (db) => {
  it("deletes the member's own community with everything in it and unnames their decisions and bans elsewhere", async () => {
    const ctx = db.ctx;
    const t = ctx.t;
    const member = await makeUser(ctx);
    const w = await leavingMember(ctx, member);
    expect(Object.keys(await communityRowsNaming(ctx, member.id)).sort()).toEqual([
      "communities", "community_bans", "community_decisions", "community_event_subscriptions", "community_memberships", "community_moderators", "community_posts",
    ]);
    const before = await counts(ctx);
    expect(before[w.moderated.id]).toEqual([3, 3]);

    expect((await deleteAccount(ctx, member.id)).deleted).toBe(true);

    expect(await communityRowsNaming(ctx, member.id)).toEqual({});
    // The community they created went, with its members, posts, events, subscriptions, moderators,
    // decisions and count (created_by cascades).
    expect(await exists(ctx, t.communities, w.own.id)).toBe(false);
    for (const table of [t.community_memberships, t.community_posts, t.community_events, t.community_event_subscriptions, t.community_moderators, t.community_decisions, t.community_stats]) {
      expect(await countRows(ctx, table, eq(table.community_id, w.own.id))).toBe(0);
    }
    expect(await exists(ctx, t.community_posts, w.ownEvent.id)).toBe(false);

    // The community they moderated stays: their decisions and the ban they gave keep the facts, not their name.
    expect(await exists(ctx, t.communities, w.moderated.id)).toBe(true);
    const decisions = await ctx.db.select().from(t.community_decisions).where(eq(t.community_decisions.community_id, w.moderated.id));
    expect(decisions.map((d) => [d.user_id, d.decision, d.reason, d.decided_by]).sort()).toEqual(
      [
        [w.b.id, "approved", null, null],
        [w.c.id, "declined", "Not a member of the field yet.", null],
        [w.d.id, "banned", "Spam", null],
      ].sort(),
    );
    const [ban] = await ctx.db.select().from(t.community_bans).where(eq(t.community_bans.community_id, w.moderated.id));
    expect([ban.user_id, ban.banned_by, ban.reason]).toEqual([w.d.id, null, "Spam"]);
    // Their post and its event went; A's post, A's moderator row and B's subscription stayed.
    expect(await exists(ctx, t.community_posts, w.mEvent.id)).toBe(false);
    expect(await countRows(ctx, t.community_events, eq(t.community_events.post_id, w.mEvent.id))).toBe(0);
    expect(await exists(ctx, t.community_posts, w.aPost.id)).toBe(true);
    expect(await countRows(ctx, t.community_moderators, eq(t.community_moderators.community_id, w.moderated.id))).toBe(1);
    expect(await countRows(ctx, t.community_event_subscriptions, eq(t.community_event_subscriptions.community_id, w.moderated.id))).toBe(1);

    // The ban on them and the decision about them went; B's community is otherwise untouched.
    expect(await countRows(ctx, t.community_bans, eq(t.community_bans.community_id, w.banning.id))).toBe(0);
    expect(await countRows(ctx, t.community_decisions, eq(t.community_decisions.community_id, w.banning.id))).toBe(0);
    expect(await exists(ctx, t.communities, w.banning.id)).toBe(true);

    // Counts: one fewer where they were approved, unchanged where they were only waiting.
    const after = await counts(ctx);
    expect(after[w.moderated.id]).toEqual([2, 2]);
    expect(after[w.waiting.id]).toEqual(before[w.waiting.id]);
    expect(after[w.banning.id]).toEqual(before[w.banning.id]);
    for (const [id, [members, approved]] of Object.entries(after)) expect(members, id).toBe(approved);
  });

  it("keeps the counts right when the member deletes their account through the settings page", async () => {
    const ctx = db.ctx;
    const member = await createMember(ctx);
    const w = await leavingMember(ctx, member);
    const browser = await appClient(ctx);
    await browser.signIn(member);
    const res = await browser.post("/settings/delete", { password: member.password, confirm: "yes" });
    expect(res.status).toBe(302);
    expect(await communityRowsNaming(ctx, member.id)).toEqual({});
    const after = await counts(ctx);
    expect(Object.keys(after).sort()).toEqual([w.moderated.id, w.banning.id, w.waiting.id].sort());
    for (const [id, [members, approved]] of Object.entries(after)) expect(members, id).toBe(approved);
    const { community_memberships: m } = ctx.t;
    expect(await countRows(ctx, m, and(eq(m.community_id, w.moderated.id), eq(m.status, "approved")))).toBe(2);
  });
});
