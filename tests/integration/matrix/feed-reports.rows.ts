/**
 * Reports and moderation of the anonymous feed (issue 17, item 6). In each row the owner wrote an
 * anonymous post and `other` an anonymous comment on it. Any member reports what is not theirs
 * (visitors sign in first; one's own words are 403, hidden ones 409); the reports queue and its
 * hide and dismiss are for global moderators and admins only (403 for everyone else, and the
 * writes check the role in their own WHERE).
 */
import type { Ctx } from "../../../db/client";
import { createMember } from "../../support/app";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** Global moderators and admins get `allowed`, every other member `refused`. */
const feedModerators = (allowed: number, refused: number) => ({ ...signedIn(refused), moderator: allowed, admin: allowed });

/** The owner's anonymous post and other's anonymous comment on it. */
async function thread(ctx: Ctx, fx: MatrixFixtures) {
  const { anonymous_post: p, anonymous_comment: c } = ctx.t;
  const [post] = await ctx.db.insert(p).values({ user_id: fx.owner.id, content: "Matrix post", comments_count: 1 }).returning({ id: p.id });
  const [comment] = await ctx.db.insert(c).values({ post_id: post.id, user_id: fx.other.id, content: "Matrix comment" }).returning({ id: c.id });
  return { postId: post.id, commentId: comment.id };
}

/** The thread, with the post reported by a member who is none of the actors. */
async function reported(ctx: Ctx, fx: MatrixFixtures) {
  const made = await thread(ctx, fx);
  const reporter = await createMember(ctx, { name: "Matrix Reporter" });
  await ctx.db.insert(ctx.t.anonymous_reports).values({ post_id: made.postId, reporter_id: reporter.id, reason: "spam" });
  return made;
}

/** The thread with the post already hidden. */
async function hidden(ctx: Ctx, fx: MatrixFixtures) {
  const made = await thread(ctx, fx);
  await ctx.db.insert(ctx.t.anonymous_post_removals).values({ post_id: made.postId, removed_by: fx.moderator.id });
  return made;
}

const post = (fx: MatrixFixtures, rest = "") => `/feed/${String(fx.postId)}${rest}`;
const comment = (fx: MatrixFixtures, rest = "") => post(fx, `/comments/${String(fx.commentId)}${rest}`);

export const rows: MatrixRow[] = [
  { name: "the report page of a post (its author 403)", method: "GET", path: (fx) => post(fx, "/report"), setup: thread, expect: { ...signedIn(200), owner: 403 } },
  {
    name: "report a post (its author 403; each member once, back to the post)",
    method: "POST",
    path: (fx) => post(fx, "/report"),
    setup: thread,
    form: () => ({ reason: "spam", details: "From the matrix" }),
    expect: { ...signedIn(302), owner: 403 },
  },
  {
    name: "report a post without a reason (400 with the message beside the field; its author 403)",
    method: "POST",
    path: (fx) => post(fx, "/report"),
    setup: thread,
    form: () => ({ details: "No reason chosen" }),
    expect: { ...signedIn(400), owner: 403 },
  },
  { name: "the report page of a comment (its author 403)", method: "GET", path: (fx) => comment(fx, "/report"), setup: thread, expect: { ...signedIn(200), other: 403 } },
  {
    name: "report a comment (its author 403)",
    method: "POST",
    path: (fx) => comment(fx, "/report"),
    setup: thread,
    form: () => ({ reason: "harassment" }),
    expect: { ...signedIn(302), other: 403 },
  },
  {
    name: "the report page of a hidden post (409; its author 403)",
    method: "GET",
    path: (fx) => post(fx, "/report"),
    setup: hidden,
    expect: { ...signedIn(409), owner: 403 },
  },
  {
    name: "the report page of a post that does not exist",
    method: "GET",
    path: () => "/feed/00000000-0000-4000-8000-000000000000/report",
    expect: signedIn(404),
  },
  { name: "the feed's reports queue (global moderators and admins)", method: "GET", path: () => "/moderation/reports", setup: reported, expect: feedModerators(200, 403) },
  {
    // The moderator is asked first and hides it; the admin then reads "already hidden" (also a redirect with a flash).
    name: "hide a reported post (global moderators and admins; the write checks the role too)",
    method: "POST",
    path: () => "/moderation/reports",
    setup: reported,
    form: (fx) => ({ intent: "hide", postId: String(fx.postId) }),
    expect: feedModerators(302, 403),
  },
  {
    name: "dismiss the reports of a post (global moderators and admins)",
    method: "POST",
    path: () => "/moderation/reports",
    setup: reported,
    form: (fx) => ({ intent: "dismiss", postId: String(fx.postId) }),
    expect: feedModerators(302, 403),
  },
];
