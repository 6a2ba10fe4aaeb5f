/**
 * Feed posts, comments and removals for the post page's tests (issue 17), written as the app
 * writes them: a comment made here also counts in its post's comments_count, so the counters equal
 * the rows as they do in the app.
 */
import { desc, eq, sql } from "drizzle-orm";
import type { Ctx } from "../../db/client";
import { createMember, type Member } from "./app";

type Insert<K extends keyof Ctx["t"]> = Ctx["t"][K]["$inferInsert"];

let anonymousCounter = 0;

/** A member with an anonymous name and picture chosen (as in /settings/profile). */
export async function anonymousMember(ctx: Ctx, options: { name?: string; anonymousName?: string } = {}): Promise<Member & { anonymousName: string }> {
  const member = await createMember(ctx, options.name ? { name: options.name } : {});
  const anonymousName = options.anonymousName ?? `quietfox${++anonymousCounter}x${member.id.slice(0, 6)}`;
  await ctx.db.update(ctx.t.User).set({ anonymous_username: anonymousName, anonymous_avatar: "fox" }).where(eq(ctx.t.User.id, member.id));
  return { ...member, anonymousName };
}

export async function makeFeedPost(ctx: Ctx, authorId: string, values: Partial<Insert<"anonymous_post">> = {}) {
  const [row] = await ctx.db
    .insert(ctx.t.anonymous_post)
    .values({ user_id: authorId, content: "Our team lead takes credit for our work. How do you handle that?", company_name: "Acme Egypt", industry: "Software", topic: "workplace_issues", ...values })
    .returning();
  return row;
}

/** A comment, counted in its post's comments_count as the app counts it. */
export async function makeFeedComment(ctx: Ctx, postId: string, userId: string, values: Partial<Insert<"anonymous_comment">> = {}) {
  const { anonymous_comment: c, anonymous_post: p } = ctx.t;
  const [row] = await ctx.db
    .insert(c)
    .values({ post_id: postId, user_id: userId, content: "Same here. Write down what you did, and share it in the weekly update.", ...values })
    .returning();
  await ctx.db
    .update(p)
    .set({ comments_count: sql`coalesce(${p.comments_count}, 0) + 1` })
    .where(eq(p.id, postId));
  return row;
}

export async function hidePost(ctx: Ctx, postId: string, moderatorId: string | null = null) {
  await ctx.db.insert(ctx.t.anonymous_post_removals).values({ post_id: postId, removed_by: moderatorId });
}

export async function hideComment(ctx: Ctx, commentId: string, moderatorId: string | null = null) {
  await ctx.db.insert(ctx.t.anonymous_comment_removals).values({ comment_id: commentId, removed_by: moderatorId });
}

/** A member's notifications, newest first, with their links. */
export async function notesOf(ctx: Ctx, userId: string) {
  const { notification: n, notification_links: l } = ctx.t;
  const rows = await ctx.db
    .select({ id: n.id, title: n.title, message: n.message, relatedUserId: n.related_user_id, type: n.type, isRead: n.is_read, href: l.href })
    .from(n)
    .leftJoin(l, eq(l.notification_id, n.id))
    .where(eq(n.user_id, userId))
    .orderBy(desc(n.created_at), desc(n.id));
  return rows.map((row) => ({ ...row, isRead: Boolean(row.isRead) }));
}

/** A post's counters and the rows they count. */
export async function postCounts(ctx: Ctx, postId: string) {
  const { anonymous_post: p, anonymous_post_like: l, anonymous_comment: c } = ctx.t;
  const [post] = await ctx.db.select({ likes: p.likes_count, comments: p.comments_count }).from(p).where(eq(p.id, postId));
  const likeRows = await ctx.db.select({ id: l.id }).from(l).where(eq(l.post_id, postId));
  const commentRows = await ctx.db.select({ id: c.id }).from(c).where(eq(c.post_id, postId));
  return { likes: Number(post.likes), comments: Number(post.comments), likeRows: likeRows.length, commentRows: commentRows.length };
}

/** A comment's counter and the rows it counts. */
export async function commentCounts(ctx: Ctx, commentId: string) {
  const { anonymous_comment: c, anonymous_comment_like: l } = ctx.t;
  const [comment] = await ctx.db.select({ likes: c.likes_count }).from(c).where(eq(c.id, commentId));
  const rows = await ctx.db.select({ id: l.id }).from(l).where(eq(l.comment_id, commentId));
  return { likes: Number(comment.likes), likeRows: rows.length };
}
