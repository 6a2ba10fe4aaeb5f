/**
 * Who wrote what on the anonymous feed, decided in the query (issue 17,
 * docs/decisions/043-anonymous-feed.md). Every read of a post or comment selects through
 * `postColumns` / `commentColumns`, so:
 * - the author's id, real name and real picture leave the database only for a post or comment
 *   that is not anonymous; an anonymous one carries the anonymous name and picture, and `mine`
 *   (computed in SQL against the viewer) instead of an id;
 * - a hidden post or comment ("removed by a moderator") leaves with no text, image or author at all;
 * - moderators read the same columns: they hide content without learning who wrote it.
 * Writes by an author put `authoredBy` in their WHERE, not only in the page that shows the button.
 */
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";

/** The viewer the checks are about; `null` is a visitor. */
export interface FeedViewer {
  id: string;
  role: string | null;
}

/** Global roles that work the feed's reports queue and hide content. */
export const FEED_MODERATOR_ROLES: readonly string[] = ["moderator", "admin"];

export function isFeedModerator(viewer: FeedViewer | null): boolean {
  return viewer !== null && FEED_MODERATOR_ROLES.includes(viewer.role ?? "");
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
export const truthy = (value: unknown): boolean => value === true || value === 1 || value === "1" || value === "t" || value === "true";

/** How an author shows next to their words. */
export type FeedAuthor =
  /** An anonymous post or comment: the anonymous name (null when the author has cleared it) and picture. */
  | { kind: "anonymous"; name: string | null; picture: string | null }
  /** The author turned "post anonymously" off: their name links to /u/<id>. */
  | { kind: "member"; id: string; name: string | null; avatarUrl: string | null }
  /** Hidden by a moderator: nobody is named. */
  | { kind: "removed" };

/** The columns `authorOf` reads (raw, as they come out of the database). */
export interface AuthorColumns {
  removed: boolean;
  anonymous: boolean;
  authorId: string | null;
  authorName: string | null;
  authorPicture: string | null;
  authorAvatarUrl: string | null;
}

/** Turns the selected author columns into what a page shows. */
export function authorOf(row: AuthorColumns): FeedAuthor {
  if (row.removed) return { kind: "removed" };
  if (row.anonymous || row.authorId === null) return { kind: "anonymous", name: row.authorName, picture: row.authorPicture };
  return { kind: "member", id: row.authorId, name: row.authorName, avatarUrl: row.authorAvatarUrl };
}

/**
 * The author columns of a row whose table has `user_id` and `is_anonymous`, joined to `User` and
 * to its removal row (`removedId` is the removal's key, null when not removed). A NULL
 * `is_anonymous` counts as anonymous: the safe reading.
 */
function authorColumns(ctx: Ctx, table: { user_id: unknown; is_anonymous: unknown }, removedId: unknown, viewerId: string | null) {
  const { User: u } = ctx.t;
  const anonymous = sql`coalesce(${table.is_anonymous}, ${sql.raw(ctx.dialect === "pg" ? "true" : "1")})`;
  const shown = sql`(${removedId} is null and not ${anonymous})`;
  return {
    removed: sql`case when ${removedId} is null then 0 else 1 end`.mapWith(truthy),
    anonymous: sql`case when ${anonymous} then 1 else 0 end`.mapWith(truthy),
    authorId: sql<string | null>`case when ${shown} then ${table.user_id} end`,
    authorName: sql<string | null>`case when ${removedId} is not null then null when ${anonymous} then ${u.anonymous_username} else ${u.name} end`,
    authorPicture: sql<string | null>`case when ${removedId} is null and ${anonymous} then ${u.anonymous_avatar} end`,
    authorAvatarUrl: sql<string | null>`case when ${shown} then ${u.avatarUrl} end`,
    mine: (viewerId === null ? sql`0` : sql`case when ${table.user_id} = ${viewerId} then 1 else 0 end`).mapWith(truthy),
  };
}

/**
 * A post's columns as `viewerId` may see them. Use with `fromPosts`. The text and image of a
 * hidden post never leave the database.
 */
export function postColumns(ctx: Ctx, viewerId: string | null) {
  const { anonymous_post: p, anonymous_post_removals: r } = ctx.t;
  return {
    id: p.id,
    content: sql<string>`case when ${r.post_id} is null then ${p.content} else '' end`,
    imageKey: sql<string | null>`case when ${r.post_id} is null then ${p.image_url} end`,
    companyName: sql<string | null>`case when ${r.post_id} is null then ${p.company_name} end`,
    industry: sql<string | null>`case when ${r.post_id} is null then ${p.industry} end`,
    topic: p.topic,
    likesCount: sql<number>`coalesce(${p.likes_count}, 0)`.mapWith(Number),
    commentsCount: sql<number>`coalesce(${p.comments_count}, 0)`.mapWith(Number),
    createdAt: p.created_at,
    edited: sql`case when ${p.updated_at} > ${p.created_at} then 1 else 0 end`.mapWith(truthy),
    ...authorColumns(ctx, p, r.post_id, viewerId),
  };
}

/** `select(postColumns(...))` then `fromPosts(ctx, query)`: posts joined to their author and removal. */
export function postSources(ctx: Ctx) {
  const { anonymous_post: p, anonymous_post_removals: r, User: u } = ctx.t;
  return { p, r, u, authorJoin: eq(u.id, p.user_id), removalJoin: eq(r.post_id, p.id) };
}

/** A comment's columns as `viewerId` may see them; join `User` on the comment's author and its removal row. */
export function commentColumns(ctx: Ctx, viewerId: string | null) {
  const { anonymous_comment: c, anonymous_comment_removals: r } = ctx.t;
  return {
    id: c.id,
    postId: c.post_id,
    content: sql<string>`case when ${r.comment_id} is null then ${c.content} else '' end`,
    likesCount: sql<number>`coalesce(${c.likes_count}, 0)`.mapWith(Number),
    createdAt: c.created_at,
    edited: sql`case when ${c.updated_at} > ${c.created_at} then 1 else 0 end`.mapWith(truthy),
    ...authorColumns(ctx, c, r.comment_id, viewerId),
  };
}

export function commentSources(ctx: Ctx) {
  const { anonymous_comment: c, anonymous_comment_removals: r, User: u } = ctx.t;
  return { c, r, u, authorJoin: eq(u.id, c.user_id), removalJoin: eq(r.comment_id, c.id) };
}

/** WHERE for a write only the author may make: the post `postId` written by `userId`. */
export function ownPost(ctx: Ctx, userId: string, postId: string): SQL {
  const { anonymous_post: p } = ctx.t;
  return and(eq(p.id, postId), eq(p.user_id, userId))!;
}

/** WHERE for a write only the author may make: the comment `commentId` written by `userId`. */
export function ownComment(ctx: Ctx, userId: string, commentId: string): SQL {
  const { anonymous_comment: c } = ctx.t;
  return and(eq(c.id, commentId), eq(c.user_id, userId))!;
}
