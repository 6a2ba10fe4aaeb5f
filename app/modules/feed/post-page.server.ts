/**
 * What /feed/<id> shows (issue 17, item 3), as plain values for the route's data: the post and a
 * page of its comments, each with its author as access.server.ts decided (an anonymous author's id
 * and real name never reach this file), its text as parts with links made clickable, its time in
 * the viewer's zone and language, its likes and whether the viewer likes it. The flags (`mine`,
 * `removed`) only decide which links the page shows; the writes check again in their WHERE.
 */
import { and, eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import { formatDateTime } from "~/lib/format";
import type { Language } from "~/lib/i18n";
import { isUuid } from "~/lib/ids";
import { linkParts, type TextPart } from "~/modules/communities/index.server";
import { authorOf, postColumns, postSources, type FeedAuthor } from "./access.server";
import { excerpt } from "./comment-rules";
import { DEFAULT_TOPIC, isTopic, type Topic } from "./rules";
import { listComments } from "./comments.server";

export interface FeedPostView {
  id: string;
  author: FeedAuthor;
  mine: boolean;
  removed: boolean;
  companyName: string | null;
  industry: string | null;
  topic: Topic;
  when: string;
  edited: boolean;
  parts: TextPart[];
  /** The text's first line, cut (the page's title); empty when hidden. */
  summary: string;
  hasImage: boolean;
  likesCount: number;
  commentsCount: number;
  liked: boolean;
}

export interface FeedCommentView {
  id: string;
  author: FeedAuthor;
  mine: boolean;
  removed: boolean;
  when: string;
  edited: boolean;
  parts: TextPart[];
  likesCount: number;
  liked: boolean;
}

export interface PostPage {
  post: FeedPostView;
  comments: FeedCommentView[];
  /** The position after the last comment shown, when there are more. */
  next: Position | null;
}

interface Reader {
  viewerId: string | null;
  zone: string;
  lang: Language;
}

/** One post as `viewerId` may see it, with whether they like it; null when there is no such post. */
export async function readPost(ctx: Ctx, postId: string, reader: Reader): Promise<FeedPostView | null> {
  if (!isUuid(postId)) return null;
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const [row] = await ctx.db.select(postColumns(ctx, reader.viewerId)).from(p).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(p.id, postId)).limit(1);
  if (!row) return null;
  let liked = false;
  if (reader.viewerId) {
    const l = ctx.t.anonymous_post_like;
    const [like] = await ctx.db
      .select({ id: l.id })
      .from(l)
      .where(and(eq(l.post_id, postId), eq(l.user_id, reader.viewerId)))
      .limit(1);
    liked = Boolean(like);
  }
  return {
    id: row.id,
    author: authorOf(row),
    mine: row.mine,
    removed: row.removed,
    companyName: row.companyName,
    industry: row.industry,
    topic: isTopic(row.topic) ? row.topic : DEFAULT_TOPIC,
    when: formatDateTime(row.createdAt, reader.zone, { lang: reader.lang }),
    edited: row.edited && !row.removed,
    parts: row.removed ? [] : linkParts(row.content),
    summary: row.removed ? "" : excerpt(row.content),
    hasImage: row.imageKey !== null && row.imageKey !== "",
    likesCount: row.likesCount,
    commentsCount: row.commentsCount,
    liked,
  };
}

/** The post page: the post and one page of its comments (after `after`); null when there is no such post. */
export async function postPage(ctx: Ctx, postId: string, reader: Reader & { after?: Position }): Promise<PostPage | null> {
  const post = await readPost(ctx, postId, reader);
  if (!post) return null;
  const page = await listComments(ctx, reader.viewerId, post.id, { after: reader.after });
  return {
    post,
    comments: page.rows.map((comment) => ({
      id: comment.id,
      author: comment.author,
      mine: comment.mine,
      removed: comment.removed,
      when: formatDateTime(comment.createdAt, reader.zone, { lang: reader.lang }),
      edited: comment.edited && !comment.removed,
      parts: comment.removed ? [] : linkParts(comment.content),
      likesCount: comment.likesCount,
      liked: comment.liked,
    })),
    next: page.next,
  };
}

/** The viewer's own anonymous name (what an anonymous comment of theirs shows), or null when they have none. */
export async function anonymousNameOf(ctx: Ctx, userId: string): Promise<string | null> {
  const { User } = ctx.t;
  const [row] = await ctx.db.select({ name: User.anonymous_username }).from(User).where(eq(User.id, userId)).limit(1);
  return row?.name?.trim() ? row.name : null;
}
