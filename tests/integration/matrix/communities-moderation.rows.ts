/**
 * Community membership and moderation (issue 16): the community belongs to the fixture's owner
 * (its creator and first moderator); global moderators and admins moderate it too; everyone else
 * is refused in the write itself, and the pages say 403 (404 for a community that does not exist).
 */
import { and, eq } from "drizzle-orm";
import type { Ctx } from "../../../db/client";
import { askToJoin } from "../../../app/modules/communities/membership.server";
import { createMember } from "../../support/app";
import { addCommunityMember, makeModeratedCommunity } from "../../support/communities";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** The owner (creator), global moderators and admins may; other members get `refused`. */
const moderators = (allowed: number, refused: number) => ({ ...signedIn(refused), owner: allowed, moderator: allowed, admin: allowed });

async function ownersCommunity(ctx: Ctx, fx: MatrixFixtures) {
  const community = await makeModeratedCommunity(ctx, fx.owner.id, { name: `Matrix community ${Date.now()}-${Math.random()}` });
  return { communityId: community.id };
}

async function withRequest(ctx: Ctx, fx: MatrixFixtures) {
  const { communityId } = await ownersCommunity(ctx, fx);
  const asker = await createMember(ctx, { name: "Matrix Asker" });
  await askToJoin(ctx, { id: asker.id, role: "user" }, communityId);
  const m = ctx.t.community_memberships;
  const [row] = await ctx.db.select({ id: m.id }).from(m).where(and(eq(m.community_id, communityId), eq(m.user_id, asker.id)));
  return { communityId, requestId: row.id };
}

async function withMember(ctx: Ctx, fx: MatrixFixtures) {
  const { communityId } = await ownersCommunity(ctx, fx);
  const member = await createMember(ctx, { name: "Matrix Member" });
  await addCommunityMember(ctx, communityId, member.id);
  return { communityId, memberId: member.id };
}

const community = (fx: MatrixFixtures) => `/communities/${String(fx.communityId)}`;

export const rows: MatrixRow[] = [
  { name: "the moderation queue (empty for those who moderate nothing)", method: "GET", path: () => "/moderation", setup: withRequest, expect: signedIn(200) },
  {
    name: "one community's requests (only its moderators)",
    method: "GET",
    path: (fx) => `${community(fx)}/requests`,
    setup: withRequest,
    expect: moderators(200, 403),
  },
  {
    name: "approve a request from the community's queue (only its moderators; later ones read that it was already approved)",
    method: "POST",
    path: (fx) => `${community(fx)}/requests`,
    setup: withRequest,
    form: (fx) => ({ membershipId: String(fx.requestId), intent: "approve" }),
    expect: moderators(302, 403),
  },
  {
    name: "decline a request through /moderation (the write refuses those who do not moderate: they are told it is not theirs)",
    method: "POST",
    path: () => "/moderation",
    setup: withRequest,
    form: (fx) => ({ membershipId: String(fx.requestId), intent: "decline", reason: "Matrix" }),
    expect: signedIn(302),
  },
  {
    name: "the member list (members and moderators only)",
    method: "GET",
    path: (fx) => `${community(fx)}/members`,
    setup: withMember,
    expect: moderators(200, 403),
  },
  {
    name: "remove a member (only moderators)",
    method: "POST",
    path: (fx) => `${community(fx)}/members`,
    setup: withMember,
    form: (fx) => ({ intent: "remove", userId: String(fx.memberId), reason: "Matrix" }),
    expect: moderators(302, 403),
  },
  {
    name: "ban a member (only moderators)",
    method: "POST",
    path: (fx) => `${community(fx)}/members`,
    setup: withMember,
    form: (fx) => ({ intent: "ban", userId: String(fx.memberId), reason: "Matrix" }),
    expect: moderators(302, 403),
  },
  {
    name: "appoint a moderator (only the creator or an admin)",
    method: "POST",
    path: (fx) => `${community(fx)}/members`,
    setup: withMember,
    form: (fx) => ({ intent: "appoint", userId: String(fx.memberId) }),
    expect: { ...signedIn(403), owner: 302, admin: 302 },
  },
  {
    name: "your membership page (ask, withdraw or leave)",
    method: "GET",
    path: (fx) => `${community(fx)}/membership`,
    setup: ownersCommunity,
    expect: signedIn(200),
  },
  {
    name: "ask to join (the creator is told they are a member already)",
    method: "POST",
    path: (fx) => `${community(fx)}/membership`,
    setup: ownersCommunity,
    form: () => ({ intent: "ask" }),
    expect: signedIn(302),
  },
  {
    name: "the members of a community that does not exist",
    method: "GET",
    path: () => "/communities/00000000-0000-4000-8000-000000000000/members",
    expect: signedIn(404),
  },
];
