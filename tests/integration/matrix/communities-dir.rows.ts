/**
 * Communities, the directory and the creator's pages (issue 16): the directory and banners are
 * public; any member creates a community; only its creator (or an admin) opens the edit and delete
 * pages and changes or deletes it. Community moderators and global moderators do not: moderating
 * decides who joins and what stays posted, not the community itself (decision 041).
 */
import { makeModeratedCommunity } from "../../support/communities";
import { createMember } from "../../support/app";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** The owner (the creator) and admins may; other members get 403. */
const creatorOrAdmin = (status: number) => ({ ...signedIn(403), owner: status, admin: status });

const ownersCommunity: MatrixRow["setup"] = async (ctx, fx) => {
  const community = await makeModeratedCommunity(ctx, fx.owner.id, { name: "Owner's Alumni Circle", description: "For the matrix" });
  return { communityId: community.id };
};

/** A community of a third member, none of the actors: only an admin may change it. */
const thirdPartyCommunity: MatrixRow["setup"] = async (ctx) => {
  const creator = await createMember(ctx, { name: "Third Creator" });
  const community = await makeModeratedCommunity(ctx, creator.id, { name: "Third Party Circle" });
  return { communityId: community.id };
};

const at = (suffix = "") => (fx: MatrixFixtures) => `/communities/${String(fx.communityId)}${suffix}`;
const MISSING = "/communities/00000000-0000-4000-8000-000000000000";

export const rows: MatrixRow[] = [
  { name: "the directory", method: "GET", path: () => "/communities", setup: ownersCommunity, expect: everyone(200) },
  { name: "the directory searched", method: "GET", path: () => "/communities?q=alumni", setup: ownersCommunity, expect: everyone(200) },
  { name: "the directory with a made-up page link", method: "GET", path: () => "/communities?after=made-up", expect: everyone(400) },
  { name: "the new-community form", method: "GET", path: () => "/communities/new", expect: signedIn(200) },
  {
    name: "create a community (each actor its own name)",
    method: "POST",
    path: () => "/communities/new",
    // The same name for everyone: the first creator gets 302, so names are made unique per actor instead.
    form: () => ({ name: `Matrix circle ${Math.random().toString(36).slice(2, 10)}`, description: "" }),
    expect: signedIn(302),
  },
  { name: "create a community without a name", method: "POST", path: () => "/communities/new", form: () => ({ name: "" }), expect: signedIn(400) },
  { name: "the edit form of the owner's community", method: "GET", path: at("/edit"), setup: ownersCommunity, expect: creatorOrAdmin(200) },
  { name: "the edit form of a community that does not exist", method: "GET", path: () => `${MISSING}/edit`, expect: signedIn(404) },
  { name: "save the owner's community", method: "POST", path: at("/edit"), setup: ownersCommunity, form: () => ({ name: "Owner's Alumni Circle", description: "Changed" }), expect: creatorOrAdmin(302) },
  { name: "save the owner's community with an empty name", method: "POST", path: at("/edit"), setup: ownersCommunity, form: () => ({ name: "" }), expect: creatorOrAdmin(400) },
  { name: "the delete confirmation of the owner's community", method: "GET", path: at("/delete"), setup: ownersCommunity, expect: creatorOrAdmin(200) },
  // The owner (the second actor) deletes it; every later actor finds no such community.
  { name: "delete the owner's community", method: "POST", path: at("/delete"), setup: ownersCommunity, expect: { ...signedIn(404), owner: 302 } },
  // A community none of the actors created: only the admin (the last actor) deletes it.
  { name: "delete a third member's community", method: "POST", path: at("/delete"), setup: thirdPartyCommunity, expect: { ...signedIn(403), admin: 302 } },
  { name: "delete a community that does not exist", method: "POST", path: () => `${MISSING}/delete`, expect: signedIn(404) },
  { name: "the banner of a community without one", method: "GET", path: at("/banner"), setup: ownersCommunity, expect: everyone(404) },
];
