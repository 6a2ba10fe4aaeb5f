/**
 * A community's members (issue 16): the list (approved members in the order they joined, keyset on
 * (joined_at, id) through community_memberships_queue_idx, moderators and the creator marked), and
 * what moderators do there: remove a member or ban them (with a reason the member reads), appoint a
 * moderator (the creator, or an admin), step down (a moderator who is not the creator).
 * Who may act is in each write's WHERE (moderatesSql), as decision 041 asks.
 */
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import { translator } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { adjustMemberCount, isGlobalModerator, moderatesSql, type Viewer } from "./access.server";
import { MEMBERS_PAGE_SIZE, type MemberAction, type MemberOutcome } from "./moderation-rules";

export interface MemberEntry {
  userId: string;
  name: string | null;
  headline: string | null;
  avatarUrl: string | null;
  joinedAt: Date;
  moderator: boolean;
  creator: boolean;
}

const truthy = (value: unknown) => value === true || value === 1 || value === "1" || value === "t" || value === "true";

/** The query of one page of members (its plan is tested: tests/integration/communities-plan.test.ts). */
export function listMembersQuery(ctx: Ctx, communityId: string, options: { after?: Position; limit: number }) {
  const { community_memberships: m, community_moderators: mod, communities: c, User } = ctx.t;
  const after = options.after;
  const position =
    after && after.at !== null ? or(gt(m.joined_at, new Date(after.at)), and(eq(m.joined_at, new Date(after.at)), gt(m.id, after.id))) : undefined;
  return ctx.db
    .select({
      membershipId: m.id,
      userId: m.user_id,
      name: User.name,
      headline: User.headline,
      avatarUrl: User.avatarUrl,
      joinedAt: m.joined_at,
      moderator: sql`case when ${mod.user_id} is null then 0 else 1 end`.mapWith(truthy),
      creator: sql`case when ${c.created_by} = ${m.user_id} then 1 else 0 end`.mapWith(truthy),
    })
    .from(m)
    .innerJoin(User, eq(User.id, m.user_id))
    .innerJoin(c, eq(c.id, m.community_id))
    .leftJoin(mod, and(eq(mod.community_id, m.community_id), eq(mod.user_id, m.user_id)))
    .where(and(eq(m.community_id, communityId), eq(m.status, "approved"), position))
    .orderBy(asc(m.joined_at), asc(m.id))
    .limit(options.limit);
}

/** One page of a community's approved members, in the order they joined. */
export async function listMembers(
  ctx: Ctx,
  communityId: string,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: MemberEntry[]; next: Position | null }> {
  const size = options.pageSize ?? MEMBERS_PAGE_SIZE;
  const rows = await listMembersQuery(ctx, communityId, { after: options.after, limit: size + 1 });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ membershipId: _id, ...row }) => row),
    next: rows.length > size && last ? { at: last.joinedAt.getTime(), id: last.membershipId } : null,
  };
}

async function tell(tx: Ctx, userId: string, communityId: string, words: (t: ReturnType<typeof translator>) => { title: string; message: string }, at: Date) {
  const t = translator(await savedLanguage(tx, userId));
  await insertLinkedNotification(tx, { userId, ...words(t), href: `/communities/${communityId}`, at });
}

/**
 * A moderator removes a member, or bans them (removed, and refused if they ask again). The creator
 * cannot be removed; a community moderator is removed only by the creator or a global moderator.
 */
export async function removeMember(
  ctx: Ctx,
  viewer: Viewer,
  input: { communityId: string; userId: string; action: MemberAction; reason: string },
  now = new Date(),
): Promise<MemberOutcome> {
  if (!isUuid(input.communityId) || !isUuid(input.userId)) return "not_found";
  const communityId = input.communityId.toLowerCase();
  const userId = input.userId.toLowerCase();
  if (userId === viewer.id) return "self";
  const reason = input.reason.trim();
  return withTx(ctx, async (tx) => {
    const { community_memberships: m, community_moderators: mod, communities: c, community_bans: b, community_decisions: d } = tx.t;
    const { community_event_subscriptions: subs } = tx.t;
    const [target] = await tx.db
      .select({ membershipId: m.id, status: m.status, createdBy: c.created_by, communityName: c.name, moderatorId: mod.user_id })
      .from(m)
      .innerJoin(c, eq(c.id, m.community_id))
      .leftJoin(mod, and(eq(mod.community_id, m.community_id), eq(mod.user_id, m.user_id)))
      .where(and(eq(m.community_id, communityId), eq(m.user_id, userId), moderatesSql(tx, viewer, m.community_id)))
      .limit(1);
    if (!target) return "not_found";
    if (target.createdBy === userId) return "creator";
    if (target.moderatorId && !(isGlobalModerator(viewer) || target.createdBy === viewer.id)) return "moderator";
    const gone = await tx.db
      .delete(m)
      .where(and(eq(m.id, target.membershipId), moderatesSql(tx, viewer, m.community_id)))
      .returning({ status: m.status });
    if (gone.length === 0) return "not_found";
    if (gone[0].status === "approved") await adjustMemberCount(tx, communityId, -1);
    await tx.db.delete(mod).where(and(eq(mod.community_id, communityId), eq(mod.user_id, userId)));
    await tx.db.delete(subs).where(and(eq(subs.community_id, communityId), eq(subs.user_id, userId)));
    const banned = input.action === "ban";
    if (banned) {
      await tx.db
        .insert(b)
        .values({ community_id: communityId, user_id: userId, banned_by: viewer.id, reason, created_at: now })
        .onConflictDoNothing({ target: [b.community_id, b.user_id] });
    }
    await tx.db.insert(d).values({
      membership_id: target.membershipId,
      community_id: communityId,
      user_id: userId,
      decision: banned ? "banned" : "removed",
      reason,
      decided_by: viewer.id,
      decided_at: now,
    });
    const community = target.communityName;
    await tell(
      tx,
      userId,
      communityId,
      (t) => ({
        title: t(banned ? "moderation.notify.bannedTitle" : "moderation.notify.removedTitle", { community }),
        message: t(banned ? "moderation.notify.banned" : "moderation.notify.removed", { community, reason }),
      }),
      now,
    );
    return banned ? "banned" : "removed";
  });
}

/** The creator (or an admin) makes an approved member a moderator of the community. */
export async function appointModerator(ctx: Ctx, viewer: Viewer, input: { communityId: string; userId: string }, now = new Date()): Promise<MemberOutcome> {
  if (!isUuid(input.communityId) || !isUuid(input.userId)) return "not_found";
  const communityId = input.communityId.toLowerCase();
  const userId = input.userId.toLowerCase();
  return withTx(ctx, async (tx) => {
    const { community_memberships: m, community_moderators: mod, communities: c } = tx.t;
    const owns = viewer.role === "admin" ? sql`1 = 1` : eq(c.created_by, viewer.id);
    const [community] = await tx.db.select({ name: c.name }).from(c).where(and(eq(c.id, communityId), owns)).limit(1);
    if (!community) return "not_found";
    const [member] = await tx.db
      .select({ id: m.id })
      .from(m)
      .where(and(eq(m.community_id, communityId), eq(m.user_id, userId), eq(m.status, "approved")))
      .limit(1);
    if (!member) return "not_member";
    const added = await tx.db
      .insert(mod)
      .values({ community_id: communityId, user_id: userId, appointed_at: now })
      .onConflictDoNothing({ target: [mod.community_id, mod.user_id] })
      .returning({ user: mod.user_id });
    if (added.length === 0) return "already_moderator";
    await tell(
      tx,
      userId,
      communityId,
      (t) => ({ title: t("moderation.notify.appointedTitle", { community: community.name }), message: t("moderation.notify.appointed", { community: community.name }) }),
      now,
    );
    return "appointed";
  });
}

/** A moderator who is not the creator stops moderating (and stays a member). */
export async function stepDown(ctx: Ctx, viewer: Viewer, communityId: string): Promise<MemberOutcome> {
  if (!isUuid(communityId)) return "not_found";
  const id = communityId.toLowerCase();
  const { community_moderators: mod, communities: c } = ctx.t;
  return withTx(ctx, async (tx) => {
    const [community] = await tx.db.select({ createdBy: c.created_by }).from(c).where(eq(c.id, id)).limit(1);
    if (!community) return "not_found";
    if (community.createdBy === viewer.id) return "creator";
    const gone = await tx.db
      .delete(mod)
      .where(and(eq(mod.community_id, id), eq(mod.user_id, viewer.id)))
      .returning({ user: mod.user_id });
    return gone.length > 0 ? "stepped_down" : "not_member";
  });
}
