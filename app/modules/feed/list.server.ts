/**
 * /feed's posts (issue 17): newest first in keyset pages on (created_at, id), or "Top this week"
 * (the last seven days, most liked first, keyset on (likes_count, id)); either filtered by topic,
 * company and industry (both matched whole, whatever their case, through the lower() indexes).
 * Every post is read through access.server.ts, so an anonymous author leaves the database as their
 * anonymous name and picture only, and a hidden post as "removed by a moderator" with no text.
 */
import { and, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import { formatDate, formatNumber } from "~/lib/format";
import type { Language } from "~/lib/i18n";
import { linkParts, type TextPart } from "~/modules/communities/index.server";
import { authorOf, postColumns, postSources, truthy, type FeedAuthor } from "./access.server";
import type { TopPosition } from "./feed-cursor.server";
import { clipText, FEED_PAGE_SIZE, isFeedImageKey, isTopic, postHref, postImageHref, TOP_WINDOW_MS, DEFAULT_TOPIC, type FeedFilters, type Topic } from "./rules";

/** One post as the feed reads it (plain values; never an anonymous author's id). */
export interface FeedPost {
  id: string;
  author: FeedAuthor;
  mine: boolean;
  removed: boolean;
  anonymous: boolean;
  topic: Topic;
  companyName: string | null;
  industry: string | null;
  content: string;
  hasImage: boolean;
  likesCount: number;
  commentsCount: number;
  createdAt: Date;
  edited: boolean;
  /** The viewer likes it (always false for a visitor). */
  liked: boolean;
}

type Selected = Awaited<ReturnType<typeof selectPosts>>[number];

function selectPosts(ctx: Ctx, viewerId: string | null) {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const l = ctx.t.anonymous_post_like;
  // One probe of the (post_id, user_id) unique index per post shown.
  const liked = viewerId === null ? sql`0` : sql`case when exists (select 1 from ${l} where ${l.post_id} = ${p.id} and ${l.user_id} = ${viewerId}) then 1 else 0 end`;
  return ctx.db
    .select({ ...postColumns(ctx, viewerId), liked: liked.mapWith(truthy) })
    .from(p)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin);
}

export function toFeedPost(row: Selected): FeedPost {
  return {
    id: row.id,
    author: authorOf(row),
    mine: row.mine,
    removed: row.removed,
    anonymous: row.anonymous,
    topic: isTopic(row.topic) ? row.topic : DEFAULT_TOPIC,
    companyName: row.companyName,
    industry: row.industry,
    content: row.content,
    hasImage: isFeedImageKey(row.imageKey),
    likesCount: row.likesCount,
    commentsCount: row.commentsCount,
    createdAt: row.createdAt,
    edited: row.edited,
    liked: row.liked,
  };
}

/** The WHERE of the filters (company and industry through lower() on both sides, as the indexes are built). */
function filtersSql(ctx: Ctx, filters: FeedFilters): SQL | undefined {
  const { anonymous_post: p } = ctx.t;
  return and(
    filters.topic ? eq(p.topic, filters.topic) : undefined,
    filters.company ? sql`lower(${p.company_name}) = lower(${filters.company})` : undefined,
    filters.industry ? sql`lower(${p.industry}) = lower(${filters.industry})` : undefined,
  );
}

export interface PageOptions {
  /** Newest first: the position after the last row shown. */
  after?: Position;
  /** Top this week: the position after the last row shown, and the week it read. */
  afterTop?: TopPosition;
  pageSize?: number;
  now?: Date;
}

/**
 * The query of one page, kept apart so a query-plan test reads the plan of exactly this SQL.
 * Newest: ORDER BY created_at DESC, id DESC after (created_at, id). Top: posts since the week's
 * start, ORDER BY likes_count DESC, id DESC after (likes_count, id).
 */
export function feedPageQuery(ctx: Ctx, viewerId: string | null, filters: FeedFilters, options: PageOptions = {}) {
  const size = options.pageSize ?? FEED_PAGE_SIZE;
  const { anonymous_post: p } = ctx.t;
  if (filters.sort === "top") {
    const since = options.afterTop?.since ?? (options.now ?? new Date()).getTime() - TOP_WINDOW_MS;
    const after = options.afterTop;
    // The page's ids come from the week's posts alone (created_at index, then the top few kept),
    // whatever the page's depth: walking a likes index from the top and skipping older posts took
    // 170 ms on deep pages at 500,000 posts, and joining authors first let SQLite start from User.
    const likes = sql`coalesce(${p.likes_count}, 0)`;
    const position = after ? and(sql`${likes} <= ${after.likes}`, or(sql`${likes} < ${after.likes}`, lt(p.id, after.id))) : undefined;
    const week = ctx.db
      .select({ id: p.id })
      .from(p)
      .where(and(filtersSql(ctx, filters), gte(p.created_at, new Date(since)), position))
      .orderBy(desc(likes), desc(p.id))
      .limit(size + 1);
    return {
      since,
      query: selectPosts(ctx, viewerId)
        .where(inArray(p.id, week))
        .orderBy(desc(likes), desc(p.id))
        .limit(size + 1),
    };
  }
  const after = options.after;
  const position =
    after && after.at !== null ? and(lte(p.created_at, new Date(after.at)), or(lt(p.created_at, new Date(after.at)), lt(p.id, after.id))) : undefined;
  return {
    since: null,
    query: selectPosts(ctx, viewerId)
      .where(and(filtersSql(ctx, filters), position))
      .orderBy(desc(p.created_at), desc(p.id))
      .limit(size + 1),
  };
}

export interface FeedPage {
  posts: FeedPost[];
  /** Where the next page starts (newest first), or null. */
  next: Position | null;
  /** Where the next page starts (top this week), or null. */
  nextTop: TopPosition | null;
}

/** One page of /feed for `viewerId` (null: a visitor). */
export async function listFeed(ctx: Ctx, viewerId: string | null, filters: FeedFilters, options: PageOptions = {}): Promise<FeedPage> {
  const size = options.pageSize ?? FEED_PAGE_SIZE;
  const { since, query } = feedPageQuery(ctx, viewerId, filters, options);
  const rows = await query;
  const posts = rows.slice(0, size).map(toFeedPost);
  const last = posts[posts.length - 1];
  const more = rows.length > size && last !== undefined;
  return {
    posts,
    next: more && since === null ? { at: last.createdAt.getTime(), id: last.id } : null,
    nextTop: more && since !== null ? { likes: last.likesCount, id: last.id, since } : null,
  };
}

/** One post through the same columns (the edit and delete pages' own post, the image route), or null. */
export async function readFeedPost(ctx: Ctx, viewerId: string | null, postId: string, where?: SQL): Promise<(FeedPost & { imageKey: string | null }) | null> {
  const { anonymous_post: p } = ctx.t;
  const [row] = await selectPosts(ctx, viewerId)
    .where(and(eq(p.id, postId), where))
    .limit(1);
  return row ? { ...toFeedPost(row), imageKey: isFeedImageKey(row.imageKey) ? row.imageKey : null } : null;
}

/** What a card shows of a post: plain values for the route's data. */
export interface FeedCardData {
  id: string;
  href: string;
  author: FeedAuthor;
  mine: boolean;
  removed: boolean;
  topic: Topic;
  company: string | null;
  industry: string | null;
  /** The day it was posted, in the reader's language (a day, not a minute: less to match an author by). */
  date: string;
  edited: boolean;
  likes: number;
  likesShown: string;
  liked: boolean;
  comments: number;
  commentsShown: string;
  /** The text (clipped on a card) with its links as parts. */
  parts: TextPart[];
  clipped: boolean;
  /** Where the image is served, or null. */
  image: string | null;
}

export function feedCardView(post: FeedPost, options: { lang: Language; clip?: boolean }): FeedCardData {
  const { text, clipped } = options.clip === false ? { text: post.content, clipped: false } : clipText(post.content);
  return {
    id: post.id,
    href: postHref(post.id),
    author: post.author,
    mine: post.mine,
    removed: post.removed,
    topic: post.topic,
    company: post.companyName,
    industry: post.industry,
    date: formatDate(post.createdAt, options.lang),
    edited: post.edited,
    likes: post.likesCount,
    likesShown: formatNumber(post.likesCount, options.lang),
    liked: post.liked,
    comments: post.commentsCount,
    commentsShown: formatNumber(post.commentsCount, options.lang),
    parts: post.removed ? [] : linkParts(text),
    clipped: !post.removed && clipped,
    image: post.hasImage && !post.removed ? postImageHref(post.id) : null,
  };
}
