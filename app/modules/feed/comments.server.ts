/**
 * Comments on feed posts (issue 17, items 2 and 3): any member comments (anonymously by default),
 * the author edits and deletes their own, everyone reads them oldest first in keyset pages.
 *
 * - Every read goes through access.server.ts (commentColumns), so an anonymous commenter's id and
 *   name never leave the database, and a hidden comment leaves with no text and no author.
 * - comments_count changes in the transaction that adds or deletes the row, by one UPDATE that also
 *   refuses a post a moderator hid; so the count always equals the rows (hidden ones included).
 * - Author-only writes put ownComment() in their WHERE; a hidden comment cannot be edited.
 * - At most FEED_COMMENT_LIMIT comments an hour per member (rate_limit_buckets, across processes).
 */
import { and, asc, count, eq, gt, gte, inArray, lt, lte, notExists, or, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import { isUuid } from "~/lib/ids";
import { track } from "~/modules/analytics/index.server";
import { hit, type Limit } from "~/services/rate-limit.server";
import { authorOf, commentColumns, commentSources, ownComment, type FeedAuthor } from "./access.server";
import type { CommentInput } from "./comment-forms.server";
import { commentAnchor, COMMENTS_PAGE_SIZE, feedPostPath } from "./comment-rules";
import { feedCommentsCursor } from "./comments-cursor.server";
import { tellOfComment } from "./notices.server";

/** Comments by one member: a person typing never gets near it; a script does (issue 17: 60 an hour). */
export const FEED_COMMENT_LIMIT: Limit = { limit: 60, windowMs: 3_600_000 };

export interface CommentRow {
  id: string;
  postId: string;
  content: string;
  likesCount: number;
  createdAt: Date;
  edited: boolean;
  removed: boolean;
  /** The viewer wrote it (worked out in SQL; no author id is returned for an anonymous comment). */
  mine: boolean;
  author: FeedAuthor;
}

type Selected = Awaited<ReturnType<typeof commentsPageQuery>>[number];

function toComment(row: Selected): CommentRow {
  return {
    id: row.id,
    postId: row.postId,
    content: row.content,
    likesCount: row.likesCount,
    createdAt: row.createdAt,
    edited: row.edited,
    removed: row.removed,
    mine: row.mine,
    author: authorOf(row),
  };
}

/**
 * One page of a post's comments, oldest first, keyset on (created_at, id) through
 * anonymous_comment_post_created_idx. Kept apart so a query-plan test can read its plan.
 */
export function commentsPageQuery(ctx: Ctx, viewerId: string | null, postId: string, options: { after?: Position; pageSize?: number } = {}) {
  const size = options.pageSize ?? COMMENTS_PAGE_SIZE;
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  const after = options.after;
  const position =
    after && after.at !== null
      ? and(gte(c.created_at, new Date(after.at)), or(gt(c.created_at, new Date(after.at)), gt(c.id, after.id)))
      : undefined;
  return ctx.db
    .select(commentColumns(ctx, viewerId))
    .from(c)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(and(eq(c.post_id, postId), position))
    .orderBy(asc(c.created_at), asc(c.id))
    .limit(size + 1);
}

/** A page of comments with the viewer's likes of them; `next` is the position after the last one shown. */
export async function listComments(
  ctx: Ctx,
  viewerId: string | null,
  postId: string,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: (CommentRow & { liked: boolean })[]; next: Position | null }> {
  if (!isUuid(postId)) return { rows: [], next: null };
  const size = options.pageSize ?? COMMENTS_PAGE_SIZE;
  const selected = await commentsPageQuery(ctx, viewerId, postId, options);
  const page = selected.slice(0, size).map(toComment);
  const liked = new Set<string>();
  if (viewerId && page.length > 0) {
    const l = ctx.t.anonymous_comment_like;
    const rows = await ctx.db
      .select({ id: l.comment_id })
      .from(l)
      .where(and(eq(l.user_id, viewerId), inArray(l.comment_id, page.map((comment) => comment.id))));
    for (const row of rows) liked.add(row.id);
  }
  const last = page[page.length - 1];
  return {
    rows: page.map((comment) => ({ ...comment, liked: liked.has(comment.id) })),
    next: selected.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null,
  };
}

/** One comment of `postId` as `viewerId` may see it, and whether its post is hidden; null when there is none. */
export async function getComment(ctx: Ctx, viewerId: string | null, postId: string, commentId: string): Promise<(CommentRow & { postRemoved: boolean }) | null> {
  if (!isUuid(postId) || !isUuid(commentId)) return null;
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  const pr = ctx.t.anonymous_post_removals;
  const [row] = await ctx.db
    .select({ ...commentColumns(ctx, viewerId), postRemoved: pr.post_id })
    .from(c)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .leftJoin(pr, eq(pr.post_id, c.post_id))
    .where(and(eq(c.id, commentId), eq(c.post_id, postId)))
    .limit(1);
  return row ? { ...toComment(row), postRemoved: row.postRemoved !== null } : null;
}

/** How many comments of the post come before `comment` (a range of the post's (created_at, id) index). */
export function commentsBeforeQuery(ctx: Ctx, postId: string, comment: { id: string; createdAt: Date }) {
  const c = ctx.t.anonymous_comment;
  return ctx.db
    .select({ before: count() })
    .from(c)
    .where(and(eq(c.post_id, postId), lte(c.created_at, comment.createdAt), or(lt(c.created_at, comment.createdAt), lt(c.id, comment.id))));
}

/**
 * Where a comment is shown: the post page, or (past its first page) the page of comments that
 * starts at it, with its anchor. Counted on the post's index range.
 */
export async function commentHref(ctx: Ctx, postId: string, comment: { id: string; createdAt: Date }): Promise<string> {
  const [row] = await commentsBeforeQuery(ctx, postId, comment);
  const anchor = `#${commentAnchor(comment.id)}`;
  if (Number(row?.before ?? 0) < COMMENTS_PAGE_SIZE) return `${feedPostPath(postId)}${anchor}`;
  // The position just before the comment's millisecond: the page starts at it (and at any comment of the same millisecond).
  const start = feedCommentsCursor.to({ at: comment.createdAt.getTime() - 1, id: "ffffffff-ffff-ffff-ffff-ffffffffffff" }, "comments");
  return `${feedPostPath(postId)}?after=${start}${anchor}`;
}

export type CreateOutcome =
  | { ok: true; commentId: string; href: string }
  | { ok: false; reason: "not_found" | "hidden" | "needs_anonymous_name" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * A member comments on a post. An anonymous comment needs the member's anonymous name (chosen in
 * /settings/profile). The post's author is told, unless they wrote the comment.
 */
export async function createComment(ctx: Ctx, viewerId: string, postId: string, input: CommentInput, now = new Date()): Promise<CreateOutcome> {
  if (!isUuid(postId)) return { ok: false, reason: "not_found" };
  const { User } = ctx.t;
  const [me] = await ctx.db.select({ name: User.name, anonymousName: User.anonymous_username }).from(User).where(eq(User.id, viewerId)).limit(1);
  if (!me) return { ok: false, reason: "not_found" };
  if (input.is_anonymous && !me.anonymousName?.trim()) return { ok: false, reason: "needs_anonymous_name" };
  const limited = await hit(ctx, `feed-comment:${viewerId}`, FEED_COMMENT_LIMIT, now);
  if (!limited.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: limited.retryAfterSeconds };

  const made = await withTx(ctx, async (tx) => {
    const { anonymous_post: p, anonymous_post_removals: pr, anonymous_comment: c } = tx.t;
    // The count first: it takes the post's row lock and refuses a hidden post in one statement.
    const [post] = await tx.db
      .update(p)
      .set({ comments_count: sql`coalesce(${p.comments_count}, 0) + 1` })
      .where(and(eq(p.id, postId), notExists(tx.db.select({ one: sql`1` }).from(pr).where(eq(pr.post_id, p.id)))))
      .returning({ authorId: p.user_id });
    if (!post) {
      const [exists] = await tx.db.select({ id: p.id }).from(p).where(eq(p.id, postId)).limit(1);
      return { ok: false, reason: exists ? "hidden" : "not_found" } as const;
    }
    const [comment] = await tx.db
      .insert(c)
      .values({ post_id: postId, user_id: viewerId, content: input.content, is_anonymous: input.is_anonymous, likes_count: 0, created_at: now, updated_at: now })
      .returning({ id: c.id });
    if (post.authorId !== viewerId) {
      await tellOfComment(tx, {
        authorId: post.authorId,
        postId,
        commentId: comment.id,
        anonymous: input.is_anonymous,
        commenterName: input.is_anonymous ? null : me.name,
        content: input.content,
        at: now,
      });
    }
    await track(tx, { userId: viewerId, type: "feed_comment_written", at: now });
    return { ok: true, commentId: comment.id } as const;
  });
  if (!made.ok) return made;
  return { ok: true, commentId: made.commentId, href: await commentHref(ctx, postId, { id: made.commentId, createdAt: now }) };
}

export type UpdateOutcome = { ok: true; href: string } | { ok: false; reason: "not_found" | "hidden" };

/** The author changes their comment's text (an "edited" label follows); a hidden comment, or one on a hidden post, stays as it is. */
export async function updateComment(ctx: Ctx, viewerId: string, postId: string, commentId: string, content: string, now = new Date()): Promise<UpdateOutcome> {
  if (!isUuid(postId) || !isUuid(commentId)) return { ok: false, reason: "not_found" };
  const { anonymous_comment: c, anonymous_comment_removals: cr, anonymous_post_removals: pr } = ctx.t;
  const [row] = await ctx.db
    .update(c)
    .set({ content, updated_at: now })
    .where(
      and(
        ownComment(ctx, viewerId, commentId),
        eq(c.post_id, postId),
        notExists(ctx.db.select({ one: sql`1` }).from(cr).where(eq(cr.comment_id, c.id))),
        notExists(ctx.db.select({ one: sql`1` }).from(pr).where(eq(pr.post_id, c.post_id))),
      ),
    )
    .returning({ id: c.id, createdAt: c.created_at });
  if (row) return { ok: true, href: await commentHref(ctx, postId, row) };
  const seen = await getComment(ctx, viewerId, postId, commentId);
  return { ok: false, reason: seen?.mine && (seen.removed || seen.postRemoved) ? "hidden" : "not_found" };
}

/** The author deletes their comment; the post's comments_count goes down in the same transaction. */
export async function deleteComment(ctx: Ctx, viewerId: string, postId: string, commentId: string): Promise<boolean> {
  if (!isUuid(postId) || !isUuid(commentId)) return false;
  return withTx(ctx, async (tx) => {
    const { anonymous_comment: c, anonymous_post: p } = tx.t;
    const [row] = await tx.db
      .delete(c)
      .where(and(ownComment(tx, viewerId, commentId), eq(c.post_id, postId)))
      .returning({ id: c.id });
    if (!row) return false;
    await tx.db
      .update(p)
      .set({ comments_count: sql`coalesce(${p.comments_count}, 1) - 1` })
      .where(eq(p.id, postId));
    return true;
  });
}
