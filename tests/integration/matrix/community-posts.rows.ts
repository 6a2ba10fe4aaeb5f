/**
 * The community page and its posts (issue 16). In each row the owner created the community (its
 * first moderator), `other` is an approved member who wrote a post and an event, the moderator
 * and admin moderate every community without being members, and user, recruiter and career_team
 * are not members: posts are for members and moderators only (404 for the rest).
 */
import { addCommunityMember, makeModeratedCommunity } from "../../support/communities";
import { createMember } from "../../support/app";
import { makeCommunityPost } from "../../support/factories";
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** Members of the community (the owner and other) get `status`, everyone else signed in 404. */
const membersOnly = (status: number) => ({ ...signedIn(404), owner: status, other: status });
/** Members and the global moderators read posts. */
const readers = (status: number) => ({ ...membersOnly(status), moderator: status, admin: status });

/** The owner's community with `other` as a member, `other`'s update and event. */
async function community(ctx: Ctx, fx: MatrixFixtures) {
  const made = await makeModeratedCommunity(ctx, fx.owner.id, { name: `Matrix community ${fx.owner.id.slice(0, 8)}` });
  await addCommunityMember(ctx, made.id, fx.other.id);
  const post = await makeCommunityPost(ctx, made.id, fx.other.id, { content: "An update" });
  const event = await makeCommunityPost(ctx, made.id, fx.other.id, { content: "An event", type: "event" });
  await ctx.db.insert(ctx.t.community_events).values({ post_id: event.id, community_id: made.id, starts_at: new Date("2030-05-01T10:00:00.000Z"), place: "Hall" });
  return { communityId: made.id, postId: post.id, eventId: event.id };
}

const at = (fx: MatrixFixtures, rest = "") => `/communities/${String(fx.communityId)}${rest}`;
const post = (fx: MatrixFixtures, rest = "") => at(fx, `/posts/${String(fx.postId)}${rest}`);

export const rows: MatrixRow[] = [
  { name: "a community page (everyone reads the about part)", method: "GET", path: (fx) => at(fx), setup: community, expect: everyone(200) },
  { name: "a community that does not exist", method: "GET", path: () => "/communities/00000000-0000-4000-8000-000000000000", expect: everyone(404) },
  { name: "the new post page (members only)", method: "GET", path: (fx) => at(fx, "/posts/new"), setup: community, expect: membersOnly(200) },
  {
    name: "post an update (members only)",
    method: "POST",
    path: (fx) => at(fx, "/posts/new"),
    setup: community,
    form: () => ({ type: "update", content: "Hello from the matrix" }),
    expect: membersOnly(302),
  },
  {
    name: "post an event that ends before it starts (members get the form back, 400)",
    method: "POST",
    path: (fx) => at(fx, "/posts/new"),
    setup: community,
    form: () => ({ type: "event", content: "Talk", startDate: "2030-05-01", startTime: "10:00", endDate: "2030-05-01", endTime: "09:00", place: "Hall" }),
    expect: membersOnly(400),
  },
  { name: "a post's page (members and moderators; others 404)", method: "GET", path: (fx) => post(fx), setup: community, expect: readers(200) },
  { name: "an event's .ics (members and moderators; others 404)", method: "GET", path: (fx) => at(fx, `/posts/${String(fx.eventId)}/ics`), setup: community, expect: readers(200) },
  { name: "an update has no .ics", method: "GET", path: (fx) => post(fx, "/ics"), setup: community, expect: signedIn(404) },
  { name: "the edit page of other's post (its author only)", method: "GET", path: (fx) => post(fx, "/edit"), setup: community, expect: { ...signedIn(404), other: 200 } },
  {
    name: "edit other's post (its author only)",
    method: "POST",
    path: (fx) => post(fx, "/edit"),
    setup: community,
    form: () => ({ content: "Changed" }),
    expect: { ...signedIn(404), other: 302 },
  },
  {
    name: "the delete page of other's post (its author and the community's moderators)",
    method: "GET",
    path: (fx) => post(fx, "/delete"),
    setup: community,
    expect: { ...readers(200), other: 200 },
  },
  {
    // The owner (its creator, a moderator of this community) is the first actor asked: it removes the post, later actors find none.
    name: "delete other's post: the community's moderator removes it",
    method: "POST",
    path: (fx) => post(fx, "/delete"),
    setup: community,
    expect: { ...signedIn(404), owner: 302 },
  },
  {
    // Carla made this community and wrote the post; of the actors only global moderators and admins moderate it. The moderator is asked before the admin.
    name: "delete a post in a community none of the actors is in: a global moderator removes it",
    method: "POST",
    path: (fx) => `/communities/${String(fx.carlasCommunity)}/posts/${String(fx.carlasPost)}/delete`,
    setup: async (ctx) => {
      const carla = await createMember(ctx, { name: "Carla Creator" });
      const made = await makeModeratedCommunity(ctx, carla.id, { name: `Carla's ${carla.id.slice(0, 8)}` });
      const written = await makeCommunityPost(ctx, made.id, carla.id, { content: "Carla's post" });
      return { carlasCommunity: made.id, carlasPost: written.id };
    },
    expect: { ...signedIn(404), moderator: 302 },
  },
  {
    name: "turn on news of new events (members only)",
    method: "POST",
    path: (fx) => at(fx),
    setup: community,
    form: () => ({ intent: "events-on" }),
    expect: membersOnly(302),
  },
];
