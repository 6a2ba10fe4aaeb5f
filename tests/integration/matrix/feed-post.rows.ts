/**
 * The feed's post page, comments and likes (issue 17, items 3 and 4). In each row `other` wrote an
 * anonymous post and the owner commented on it under their own name (no anonymous name needed):
 * everyone reads the post, every member comments and likes, visitors are sent to sign in, only the
 * owner edits and deletes the comment (404 for everyone else), and a hidden post refuses comments
 * and likes (409).
 */
import { createMember } from "../../support/app";
import { hidePost, makeFeedComment, makeFeedPost } from "../../support/feed-post";
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** Only the owner (the comment's author) gets `status`; other members 404, visitors sign in. */
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

/** `other`'s anonymous post with the owner's comment. */
async function post(ctx: Ctx, fx: MatrixFixtures) {
  const written = await makeFeedPost(ctx, fx.other.id, { content: "Matrix post" });
  const comment = await makeFeedComment(ctx, written.id, fx.owner.id, { content: "Matrix comment", is_anonymous: false });
  return { postId: written.id, commentId: comment.id };
}

/** The same, hidden by a moderator. */
async function hiddenPost(ctx: Ctx, fx: MatrixFixtures) {
  const made = await post(ctx, fx);
  const moderator = await createMember(ctx, { role: "moderator" });
  await hidePost(ctx, made.postId, moderator.id);
  return made;
}

const at = (fx: MatrixFixtures, rest = "") => `/feed/${String(fx.postId)}${rest}`;
const comment = (fx: MatrixFixtures, rest = "") => at(fx, `/comments/${String(fx.commentId)}${rest}`);

export const rows: MatrixRow[] = [
  { name: "a feed post's page (everyone reads it)", method: "GET", path: (fx) => at(fx), setup: post, expect: everyone(200) },
  { name: "a feed post that does not exist", method: "GET", path: () => "/feed/00000000-0000-4000-8000-000000000000", expect: everyone(404) },
  { name: "a feed post address that is no id", method: "GET", path: () => "/feed/not-an-id", expect: everyone(404) },
  { name: "a hidden feed post's page (everyone sees it was removed)", method: "GET", path: (fx) => at(fx), setup: hiddenPost, expect: everyone(200) },
  {
    name: "comment on a feed post under one's own name (members)",
    method: "POST",
    path: (fx) => at(fx),
    setup: post,
    form: () => ({ content: "A comment from the matrix" }),
    expect: signedIn(302),
  },
  { name: "an empty comment (members get the form back, 400)", method: "POST", path: (fx) => at(fx), setup: post, form: () => ({ content: " " }), expect: signedIn(400) },
  { name: "comment on a hidden feed post (409)", method: "POST", path: (fx) => at(fx), setup: hiddenPost, form: () => ({ content: "Still there?" }), expect: signedIn(409) },
  { name: "like a feed post (members)", method: "POST", path: (fx) => at(fx, "/like"), setup: post, form: () => ({ intent: "like" }), expect: signedIn(302) },
  { name: "unlike a feed post (members; nothing to take back is no error)", method: "POST", path: (fx) => at(fx, "/like"), setup: post, form: () => ({ intent: "unlike" }), expect: signedIn(302) },
  { name: "like a hidden feed post (409)", method: "POST", path: (fx) => at(fx, "/like"), setup: hiddenPost, form: () => ({ intent: "like" }), expect: signedIn(409) },
  { name: "the like address of a post, opened (goes to the post)", method: "GET", path: (fx) => at(fx, "/like"), setup: post, expect: everyone(302) },
  { name: "like a comment (members)", method: "POST", path: (fx) => comment(fx, "/like"), setup: post, form: () => ({ intent: "like" }), expect: signedIn(302) },
  { name: "the like address of a comment, opened (goes to the post)", method: "GET", path: (fx) => comment(fx, "/like"), setup: post, expect: everyone(302) },
  { name: "the edit page of the owner's comment (its author only)", method: "GET", path: (fx) => comment(fx, "/edit"), setup: post, expect: ownerOnly(200) },
  { name: "edit the owner's comment (its author only)", method: "POST", path: (fx) => comment(fx, "/edit"), setup: post, form: () => ({ content: "Changed" }), expect: ownerOnly(302) },
  { name: "the delete page of the owner's comment (its author only)", method: "GET", path: (fx) => comment(fx, "/delete"), setup: post, expect: ownerOnly(200) },
  {
    // The owner is asked first (after the visitor) and deletes it; the others find nothing either way.
    name: "delete the owner's comment (its author only)",
    method: "POST",
    path: (fx) => comment(fx, "/delete"),
    setup: post,
    expect: ownerOnly(302),
  },
];
