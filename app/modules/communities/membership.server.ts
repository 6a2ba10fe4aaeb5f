/**
 * A member's own membership (issue 16): ask to join, withdraw a request, leave. One membership per
 * member and community is the unique index's job: "ask" is INSERT … ON CONFLICT DO NOTHING, so 30
 * concurrent asks leave one row and one round of notifications. The community's moderators (its
 * community_moderators rows) are told of a new request, one notification each, in the same
 * transaction; global moderators and admins see it in /moderation and the header's count.
 */
import { and, eq, ne } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { translator } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { displayName } from "~/modules/network";
import { adjustMemberCount, type Viewer } from "./access.server";
import type { AskOutcome, LeaveOutcome, WithdrawOutcome } from "./moderation-rules";
import { countAttempt, LIMITS } from "~/services/rate-limit.server";

async function communityRow(tx: Ctx, communityId: string) {
  const { communities: c } = tx.t;
  const [row] = await tx.db.select({ id: c.id, name: c.name, createdBy: c.created_by }).from(c).where(eq(c.id, communityId)).limit(1);
  return row ?? null;
}

export async function nameOf(tx: Ctx, userId: string): Promise<string | null> {
  const { User } = tx.t;
  const [row] = await tx.db.select({ name: User.name }).from(User).where(eq(User.id, userId)).limit(1);
  return row?.name ?? null;
}

/**
 * askToJoin, as the Join button asks it: each ask counts against the member's asks this hour
 * (LIMITS.communityJoinPerMember, decision 061), and past it nothing is asked ("limited"). Counted
 * first, so that many at once cannot all slip under the limit; an ask that is not a new request
 * (already a member, already waiting, banned, no such community) is taken back.
 */
export async function askToJoinWithinLimit(
  ctx: Ctx,
  viewer: Viewer,
  communityId: string,
  now = new Date(),
): Promise<{ outcome: AskOutcome } | { outcome: "limited"; retryAfterSeconds: number }> {
  const counted = await countAttempt(ctx, `community-join:${viewer.id}`, LIMITS.communityJoinPerMember, now);
  if (!counted.allowed) return { outcome: "limited", retryAfterSeconds: counted.retryAfterSeconds };
  const outcome = await askToJoin(ctx, viewer, communityId, now);
  if (outcome !== "requested") await counted.takeBack();
  return { outcome };
}

/** `viewer` asks to join: a pending membership, and a notification to each of the community's moderators. */
export async function askToJoin(ctx: Ctx, viewer: Viewer, communityId: string, now = new Date()): Promise<AskOutcome> {
  if (!isUuid(communityId)) return "not_found";
  const id = communityId.toLowerCase();
  return withTx(ctx, async (tx) => {
    const { community_memberships: m, community_bans: b, community_moderators: mod } = tx.t;
    const community = await communityRow(tx, id);
    if (!community) return "not_found";
    const [ban] = await tx.db.select({ user: b.user_id }).from(b).where(and(eq(b.community_id, id), eq(b.user_id, viewer.id))).limit(1);
    if (ban) return "banned";
    const inserted = await tx.db
      .insert(m)
      .values({ community_id: id, user_id: viewer.id, status: "pending", joined_at: now })
      .onConflictDoNothing({ target: [m.community_id, m.user_id] })
      .returning({ id: m.id });
    if (inserted.length === 0) {
      const [mine] = await tx.db.select({ status: m.status }).from(m).where(and(eq(m.community_id, id), eq(m.user_id, viewer.id))).limit(1);
      return mine?.status === "approved" ? "already_member" : "already_pending";
    }
    await track(tx, { userId: viewer.id, type: "community_joined", metadata: { communityId: id }, at: now });
    const asker = await nameOf(tx, viewer.id);
    const moderators = await tx.db.select({ id: mod.user_id }).from(mod).where(and(eq(mod.community_id, id), ne(mod.user_id, viewer.id)));
    for (const moderator of moderators) {
      // In the moderator's own language (decision 040), not the asker's.
      const t = translator(await savedLanguage(tx, moderator.id));
      await insertLinkedNotification(tx, {
        userId: moderator.id,
        title: t("moderation.notify.askedTitle", { community: community.name }),
        message: t("moderation.notify.asked", { name: displayName(asker, t), community: community.name }),
        href: `/communities/${id}/requests`,
        at: now,
      });
    }
    return "requested";
  });
}

/** A pending member takes their request back. */
export async function withdrawRequest(ctx: Ctx, viewer: Viewer, communityId: string): Promise<WithdrawOutcome> {
  if (!isUuid(communityId)) return "not_found";
  const id = communityId.toLowerCase();
  const { community_memberships: m } = ctx.t;
  return withTx(ctx, async (tx) => {
    if (!(await communityRow(tx, id))) return "not_found";
    const gone = await tx.db
      .delete(m)
      .where(and(eq(m.community_id, id), eq(m.user_id, viewer.id), eq(m.status, "pending")))
      .returning({ id: m.id });
    return gone.length > 0 ? "withdrawn" : "not_pending";
  });
}

/**
 * An approved member leaves: the membership, their moderator row and their event subscription go,
 * and the member count drops, in one transaction. The creator cannot leave (they delete the
 * community instead; otherwise it would have an owner who is not a member).
 */
export async function leaveCommunity(ctx: Ctx, viewer: Viewer, communityId: string): Promise<LeaveOutcome> {
  if (!isUuid(communityId)) return "not_found";
  const id = communityId.toLowerCase();
  return withTx(ctx, async (tx) => {
    const { community_memberships: m, community_moderators: mod, community_event_subscriptions: subs } = tx.t;
    const community = await communityRow(tx, id);
    if (!community) return "not_found";
    if (community.createdBy === viewer.id) return "creator";
    const gone = await tx.db
      .delete(m)
      .where(and(eq(m.community_id, id), eq(m.user_id, viewer.id), eq(m.status, "approved")))
      .returning({ id: m.id });
    if (gone.length === 0) return "not_member";
    await adjustMemberCount(tx, id, -1);
    await tx.db.delete(mod).where(and(eq(mod.community_id, id), eq(mod.user_id, viewer.id)));
    await tx.db.delete(subs).where(and(eq(subs.community_id, id), eq(subs.user_id, viewer.id)));
    return "left";
  });
}
