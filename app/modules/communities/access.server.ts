/**
 * Who may do what in a community (issue 16, docs/decisions/041-community-moderation.md), read in
 * the query so every route asks the same question the same way:
 * - a global `moderator` or `admin` moderates every community;
 * - a `community_moderators` row moderates that one (the creator is the first row);
 * - only the creator (or an admin) edits, deletes and appoints.
 * Routes that change something put `moderatesSql` / `approvedMemberSql` in the write's WHERE,
 * not only in the page that shows the button.
 */
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { isUuid } from "~/lib/ids";

/** The viewer the checks are about; `null` is a visitor. */
export interface Viewer {
  id: string;
  role: string | null;
}

/** Global roles that moderate every community. */
export const GLOBAL_MODERATOR_ROLES: readonly string[] = ["moderator", "admin"];

export function isGlobalModerator(viewer: Viewer | null): boolean {
  return viewer !== null && GLOBAL_MODERATOR_ROLES.includes(viewer.role ?? "");
}

export type MembershipStatus = "pending" | "approved";

/** Where the viewer stands in one community. `null` when the community does not exist. */
export interface Standing {
  communityId: string;
  name: string;
  createdBy: string | null;
  membershipId: string | null;
  membership: MembershipStatus | null;
  /** Moderates this community: a community moderator, or a global moderator/admin. */
  moderates: boolean;
  /** The creator (or an admin): edits, deletes, appoints moderators. */
  owns: boolean;
  banned: boolean;
}

/**
 * One read of the community and the viewer's membership, moderator row and ban. Ids that are not
 * UUIDs read as a missing community (PostgreSQL would reject them as uuid input).
 */
export async function standingIn(ctx: Ctx, viewer: Viewer | null, communityId: string): Promise<Standing | null> {
  if (!isUuid(communityId)) return null;
  const { communities: c, community_memberships: m, community_moderators: mod, community_bans: b } = ctx.t;
  const me = viewer?.id ?? null;
  const [row] = await ctx.db
    .select({
      communityId: c.id,
      name: c.name,
      createdBy: c.created_by,
      membershipId: m.id,
      membership: m.status,
      moderatorId: mod.user_id,
      bannedId: b.user_id,
    })
    .from(c)
    // A visitor's joins match nothing through the same (community_id, user_id) keys: a bare
    // `1 = 0` made SQLite scan every membership (44 ms at scale).
    .leftJoin(m, and(eq(m.community_id, c.id), me ? eq(m.user_id, me) : isNull(m.user_id)))
    .leftJoin(mod, and(eq(mod.community_id, c.id), me ? eq(mod.user_id, me) : isNull(mod.user_id)))
    .leftJoin(b, and(eq(b.community_id, c.id), me ? eq(b.user_id, me) : isNull(b.user_id)))
    .where(eq(c.id, communityId))
    .limit(1);
  if (!row) return null;
  const isAdmin = viewer?.role === "admin";
  return {
    communityId: row.communityId,
    name: row.name,
    createdBy: row.createdBy,
    membershipId: row.membershipId ?? null,
    membership: (row.membership as MembershipStatus | null) ?? null,
    moderates: isGlobalModerator(viewer) || row.moderatorId != null,
    owns: isAdmin || (me !== null && row.createdBy === me),
    banned: row.bannedId != null,
  };
}

/**
 * SQL that is true when `viewer` moderates the community whose id is `communityId` (a column or
 * a value). Put it in the WHERE of every moderator's write and of the queue's read.
 */
export function moderatesSql(ctx: Ctx, viewer: Viewer, communityId: SQL | unknown): SQL {
  if (isGlobalModerator(viewer)) return sql`1 = 1`;
  const { community_moderators: mod } = ctx.t;
  return sql`exists (select 1 from ${mod} where ${mod.community_id} = ${communityId} and ${mod.user_id} = ${viewer.id})`;
}

/** SQL that is true when `viewerId` is an approved member of the community `communityId`. */
export function approvedMemberSql(ctx: Ctx, viewerId: string, communityId: SQL | unknown): SQL {
  const { community_memberships: m } = ctx.t;
  return sql`exists (select 1 from ${m} where ${m.community_id} = ${communityId} and ${m.user_id} = ${viewerId} and ${m.status} = 'approved')`;
}

/** The community ids a viewer moderates one by one (global moderators: `"all"`). */
export async function moderatedCommunityIds(ctx: Ctx, viewer: Viewer): Promise<string[] | "all"> {
  if (isGlobalModerator(viewer)) return "all";
  const { community_moderators: mod } = ctx.t;
  const rows = await ctx.db.select({ id: mod.community_id }).from(mod).where(eq(mod.user_id, viewer.id));
  return rows.map((r) => r.id);
}

/** Keeps a community's member count with the membership change that moves it (inside withTx). */
export async function adjustMemberCount(tx: Ctx, communityId: string, delta: number): Promise<void> {
  if (delta === 0) return;
  const { community_stats: s } = tx.t;
  await tx.db
    .insert(s)
    .values({ community_id: communityId, members: Math.max(0, delta) })
    .onConflictDoUpdate({ target: s.community_id, set: { members: sql`case when ${s.members} + ${delta} < 0 then 0 else ${s.members} + ${delta} end` } });
}
