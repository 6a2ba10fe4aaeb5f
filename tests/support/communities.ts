/**
 * A community as the app makes one (issue 16): the creator is an approved member and its first
 * moderator, and the member count is kept in community_stats. Members added here move the count.
 */
import { eq, sql } from "drizzle-orm";
import type { Ctx } from "../../db/client";
import { makeCommunity, makeMembership } from "./factories";

export async function makeModeratedCommunity(ctx: Ctx, creatorId: string, values: { name?: string; description?: string } = {}) {
  const community = await makeCommunity(ctx, creatorId, values);
  await makeMembership(ctx, community.id, creatorId, { status: "approved" });
  await ctx.db.insert(ctx.t.community_moderators).values({ community_id: community.id, user_id: creatorId });
  await ctx.db.insert(ctx.t.community_stats).values({ community_id: community.id, members: 1 });
  return community;
}

/** Adds a member (approved by default) and keeps the count in step. */
export async function addCommunityMember(ctx: Ctx, communityId: string, userId: string, status: "pending" | "approved" = "approved") {
  const row = await makeMembership(ctx, communityId, userId, { status });
  if (status === "approved") {
    const { community_stats: s } = ctx.t;
    await ctx.db.update(s).set({ members: sql`${s.members} + 1` }).where(eq(s.community_id, communityId));
  }
  return row;
}

export async function appointModerator(ctx: Ctx, communityId: string, userId: string) {
  await ctx.db.insert(ctx.t.community_moderators).values({ community_id: communityId, user_id: userId });
}
