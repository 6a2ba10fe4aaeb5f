/**
 * Likes of feed posts and comments (issue 17, item 4): one button that likes or unlikes, where the
 * form says which (so a double submit of "like" stays liked). A member likes a thing at most once
 * (the spec's unique indexes); likes_count changes in the same transaction as the row, and only
 * when a row really came or went:
 * - like: INSERT … ON CONFLICT DO NOTHING RETURNING, and +1 only when a row came back;
 * - unlike: DELETE … RETURNING, and -1 only when a row went.
 * So concurrent likes and unlikes always leave the count equal to the rows (PostgreSQL race tests
 * in tests/integration/feed-likes-race.test.ts). Liking hidden content is refused; taking a like
 * back is not. A new like of a post tells its author, grouped (notices.server.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { track } from "~/modules/analytics/index.server";
import { tellOfLike } from "./notices.server";

export type LikeOutcome = { ok: true; liked: boolean; count: number } | { ok: false; reason: "not_found" | "hidden" };

/** `viewerId` likes (`like` true) or stops liking a post. */
export async function setPostLike(ctx: Ctx, viewerId: string, postId: string, like: boolean, now = new Date()): Promise<LikeOutcome> {
  if (!isUuid(postId)) return { ok: false, reason: "not_found" };
  return withTx(ctx, async (tx): Promise<LikeOutcome> => {
    const { anonymous_post: p, anonymous_post_removals: pr, anonymous_post_like: l } = tx.t;
    const [post] = await tx.db
      .select({ authorId: p.user_id, content: p.content, removed: pr.post_id })
      .from(p)
      .leftJoin(pr, eq(pr.post_id, p.id))
      .where(eq(p.id, postId))
      .limit(1);
    if (!post) return { ok: false, reason: "not_found" };
    const current = async () => {
      const [row] = await tx.db.select({ count: p.likes_count }).from(p).where(eq(p.id, postId));
      return Number(row?.count ?? 0);
    };
    if (like) {
      if (post.removed !== null) return { ok: false, reason: "hidden" };
      const inserted = await tx.db
        .insert(l)
        .values({ post_id: postId, user_id: viewerId, created_at: now })
        .onConflictDoNothing({ target: [l.post_id, l.user_id] })
        .returning({ id: l.id });
      if (inserted.length === 0) return { ok: true, liked: true, count: await current() };
      const [row] = await tx.db
        .update(p)
        .set({ likes_count: sql`coalesce(${p.likes_count}, 0) + 1` })
        .where(eq(p.id, postId))
        .returning({ count: p.likes_count });
      if (post.authorId !== viewerId) await tellOfLike(tx, { authorId: post.authorId, postId, postContent: post.content, at: now });
      await track(tx, { userId: viewerId, type: "feed_post_liked", at: now });
      return { ok: true, liked: true, count: Number(row.count) };
    }
    const deleted = await tx.db
      .delete(l)
      .where(and(eq(l.post_id, postId), eq(l.user_id, viewerId)))
      .returning({ id: l.id });
    if (deleted.length === 0) return { ok: true, liked: false, count: await current() };
    const [row] = await tx.db
      .update(p)
      .set({ likes_count: sql`coalesce(${p.likes_count}, 1) - 1` })
      .where(eq(p.id, postId))
      .returning({ count: p.likes_count });
    return { ok: true, liked: false, count: Number(row.count) };
  });
}

/** `viewerId` likes or stops liking a comment of `postId` (a comment asked for under another post is not found). */
export async function setCommentLike(ctx: Ctx, viewerId: string, postId: string, commentId: string, like: boolean, now = new Date()): Promise<LikeOutcome> {
  if (!isUuid(postId) || !isUuid(commentId)) return { ok: false, reason: "not_found" };
  return withTx(ctx, async (tx): Promise<LikeOutcome> => {
    const { anonymous_comment: c, anonymous_comment_removals: cr, anonymous_post_removals: pr, anonymous_comment_like: l } = tx.t;
    const [comment] = await tx.db
      .select({ removed: cr.comment_id, postRemoved: pr.post_id })
      .from(c)
      .leftJoin(cr, eq(cr.comment_id, c.id))
      .leftJoin(pr, eq(pr.post_id, c.post_id))
      .where(and(eq(c.id, commentId), eq(c.post_id, postId)))
      .limit(1);
    if (!comment) return { ok: false, reason: "not_found" };
    const current = async () => {
      const [row] = await tx.db.select({ count: c.likes_count }).from(c).where(eq(c.id, commentId));
      return Number(row?.count ?? 0);
    };
    if (like) {
      if (comment.removed !== null || comment.postRemoved !== null) return { ok: false, reason: "hidden" };
      const inserted = await tx.db
        .insert(l)
        .values({ comment_id: commentId, user_id: viewerId, created_at: now })
        .onConflictDoNothing({ target: [l.comment_id, l.user_id] })
        .returning({ id: l.id });
      if (inserted.length === 0) return { ok: true, liked: true, count: await current() };
      const [row] = await tx.db
        .update(c)
        .set({ likes_count: sql`coalesce(${c.likes_count}, 0) + 1` })
        .where(eq(c.id, commentId))
        .returning({ count: c.likes_count });
      await track(tx, { userId: viewerId, type: "feed_comment_liked", at: now });
      return { ok: true, liked: true, count: Number(row.count) };
    }
    const deleted = await tx.db
      .delete(l)
      .where(and(eq(l.comment_id, commentId), eq(l.user_id, viewerId)))
      .returning({ id: l.id });
    if (deleted.length === 0) return { ok: true, liked: false, count: await current() };
    const [row] = await tx.db
      .update(c)
      .set({ likes_count: sql`coalesce(${c.likes_count}, 1) - 1` })
      .where(eq(c.id, commentId))
      .returning({ count: c.likes_count });
    return { ok: true, liked: false, count: Number(row.count) };
  });
}
