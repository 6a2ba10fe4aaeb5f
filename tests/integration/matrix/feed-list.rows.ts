/**
 * The feed's list and writing (issue 17, items 1 and 2): everyone reads /feed and a post's image;
 * members write; only a post's author opens its edit and delete pages and changes or deletes it.
 * Moderators and admins do not: they hide content (the moderation pages), they do not rewrite it.
 */
import { storage } from "../../../app/services/storage.server";
import { makePost } from "../../support/factories";
import { pngBytes } from "../../support/images";
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** Only the post's author (the owner) may; other members get 404, as if there were no such post. */
const authorOnly = (status: number) => ({ ...signedIn(404), owner: status });

/** A post of the owner's, anonymous, with a stored image. */
async function ownersPost(ctx: Ctx, fx: MatrixFixtures) {
  const key = `feed-${"0123456789abcdef".repeat(2)}.webp`;
  await storage().put(key, new Uint8Array(pngBytes(4, 4)), "image/webp");
  const post = await makePost(ctx, fx.owner.id, { content: "The owner's post", topic: "career_advice", company_name: "Acme", image_url: key });
  return { postId: post.id };
}

/** The same, hidden by a moderator. */
async function hiddenPost(ctx: Ctx, fx: MatrixFixtures) {
  const made = await ownersPost(ctx, fx);
  await ctx.db.insert(ctx.t.anonymous_post_removals).values({ post_id: made.postId, removed_by: fx.moderator.id });
  return made;
}

const post = (rest = "") => (fx: MatrixFixtures) => `/feed/${String(fx.postId)}${rest}`;

export const rows: MatrixRow[] = [
  { name: "the feed", method: "GET", path: () => "/feed", setup: ownersPost, expect: everyone(200) },
  { name: "the feed filtered and sorted by Top this week", method: "GET", path: () => "/feed?sort=top&topic=career_advice&company=acme", setup: ownersPost, expect: everyone(200) },
  { name: "the feed with a made-up page link", method: "GET", path: () => "/feed?after=made-up", expect: everyone(400) },
  { name: "the write page", method: "GET", path: () => "/feed/new", expect: signedIn(200) },
  {
    name: "post under one's own name",
    method: "POST",
    path: () => "/feed/new",
    form: () => ({ content: "Hello from the matrix", topic: "general", intent: "post" }),
    expect: signedIn(302),
  },
  {
    name: "post anonymously without an anonymous name (the name step, 200)",
    method: "POST",
    path: () => "/feed/new",
    form: () => ({ content: "Quietly, from the matrix", topic: "general", is_anonymous: "on", intent: "post" }),
    expect: signedIn(200),
  },
  {
    name: "post nothing (400, the form back)",
    method: "POST",
    path: () => "/feed/new",
    form: () => ({ content: "  ", topic: "general", intent: "post" }),
    expect: signedIn(400),
  },
  { name: "a post's image (everyone)", method: "GET", path: post("/image"), setup: ownersPost, expect: everyone(200) },
  { name: "a hidden post's image (nobody)", method: "GET", path: post("/image"), setup: hiddenPost, expect: everyone(404) },
  { name: "the edit page of the owner's post (its author only)", method: "GET", path: post("/edit"), setup: ownersPost, expect: authorOnly(200) },
  {
    name: "edit the owner's post (its author only)",
    method: "POST",
    path: post("/edit"),
    setup: ownersPost,
    form: () => ({ content: "Changed", topic: "general" }),
    expect: authorOnly(302),
  },
  {
    name: "edit a hidden post (its author gets 409)",
    method: "POST",
    path: post("/edit"),
    setup: hiddenPost,
    form: () => ({ content: "Changed", topic: "general" }),
    expect: authorOnly(409),
  },
  { name: "the delete page of the owner's post (its author only)", method: "GET", path: post("/delete"), setup: ownersPost, expect: authorOnly(200) },
  {
    // Written by the admin, the last actor asked: everyone before, moderators included, is refused while it still exists.
    name: "delete the admin's post: only its author",
    method: "POST",
    path: post("/delete"),
    setup: async (ctx, fx) => ({ postId: (await makePost(ctx, fx.admin.id, { content: "The admin's own post" })).id }),
    expect: { ...signedIn(404), admin: 302 },
  },
];
