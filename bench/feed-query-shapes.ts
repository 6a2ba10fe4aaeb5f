/**
 * The SQL shapes of the anonymous feed's reads (issue 17), for bench/feed-queries.ts (their latency
 * at scale, without HTTP). Not the app's code: the feed's modules (app/modules/feed/list.server.ts,
 * comments.server.ts, the reports queue) write the real queries, whose plans the feed-list-plan,
 * feed-comments-plan and feed-reports-plan tests check; the app's "Top this week" is the week-first
 * shape (topWeekFirstQuery). `npm run bench` times the real pages.
 *
 * Shapes: the access module's columns and joins (postColumns / commentColumns), filters
 * `topic = ?`, `lower(company_name) = lower(?)`, `lower(industry) = lower(?)`, pages of 20 (+1)
 * posts and 30 (+1) comments, keyset positions written as bounds (`olderThan`), "Top this week"
 * ordered by `likes_count desc, id desc` after `created_at >= ?`.
 */
import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import { commentColumns, commentSources, postColumns, postSources } from "../app/modules/feed/access.server";
import type { Ctx } from "../db/client";

export const POSTS_PAGE = 21;
export const COMMENTS_PAGE = 31;

export interface Dated {
  at: Date;
  id: string;
}

export interface Liked {
  likes: number;
  id: string;
}

export interface FeedFilter {
  topic?: "company_culture" | "workplace_issues" | "career_advice" | "general";
  company?: string;
  industry?: string;
}

/**
 * Older than the position (created_at, id), newest first, written as the communities write it
 * (posts.server.ts, decision 037): `created_at <= at and (created_at < at or id < id)`, so both
 * databases start the index search at the position. Written only as `created_at < at or
 * (created_at = at and id < id)` the same condition bounds nothing on either database: SQLite
 * ("SCAN ... USING INDEX") and PostgreSQL (an index scan with only a Filter) walk the index from
 * the newest post and read every newer post first: an OFFSET in disguise.
 */
export function olderThan(ctx: Ctx, position: Dated): SQL {
  const { p } = postSources(ctx);
  return and(lte(p.created_at, position.at), or(lt(p.created_at, position.at), lt(p.id, position.id)))!;
}

/** The unbounded spelling of the same position (for the plan test's evidence and the bench's comparison). */
export function olderThanUnbounded(ctx: Ctx, position: Dated): SQL {
  const { p } = postSources(ctx);
  return or(lt(p.created_at, position.at), and(eq(p.created_at, position.at), lt(p.id, position.id)))!;
}

export function filterWhere(ctx: Ctx, filter: FeedFilter): SQL | undefined {
  const { p } = postSources(ctx);
  return and(
    filter.topic ? eq(p.topic, filter.topic) : undefined,
    filter.company ? sql`lower(${p.company_name}) = lower(${filter.company})` : undefined,
    filter.industry ? sql`lower(${p.industry}) = lower(${filter.industry})` : undefined,
  );
}

/** A page of the feed, newest first: /feed, /feed?topic=, ?company=, ?industry= and their "more" pages. */
export function feedPageQuery(ctx: Ctx, viewerId: string | null, filter: FeedFilter = {}, after?: Dated, keyset: "bounded" | "unbounded" = "bounded") {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const position = after ? (keyset === "bounded" ? olderThan(ctx, after) : olderThanUnbounded(ctx, after)) : undefined;
  return ctx.db
    .select(postColumns(ctx, viewerId))
    .from(p)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(and(filterWhere(ctx, filter), position))
    .orderBy(desc(p.created_at), desc(p.id))
    .limit(POSTS_PAGE);
}

/** After the position (likes_count, id), most liked first: `likes_count < ? or (likes_count = ? and id < ?)`. */
export function fewerLikesThan(ctx: Ctx, position: Liked): SQL {
  const { p } = postSources(ctx);
  return or(lt(p.likes_count, position.likes), and(eq(p.likes_count, position.likes), lt(p.id, position.id)))!;
}

/**
 * "Top this week" as the issue states it: posts since `since`, most liked first, keyset on
 * (likes_count, id). PostgreSQL may walk (likes_count, id) from the top and keep this week's
 * posts (one in a hundred at scale), SQLite reads the week through (created_at, id) and sorts.
 */
export function topWeekQuery(ctx: Ctx, viewerId: string | null, since: Date, after?: Liked) {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  return ctx.db
    .select(postColumns(ctx, viewerId))
    .from(p)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(and(gte(p.created_at, since), after ? fewerLikesThan(ctx, after) : undefined))
    .orderBy(desc(p.likes_count), desc(p.id))
    .limit(POSTS_PAGE);
}

/**
 * "Top this week", the week first: the ids of the page are chosen from the week's posts only
 * (a materialized CTE read through (created_at, id), so neither database can walk the likes
 * index instead), then joined to their authors. Costs the week's posts (about 1% of the feed),
 * whatever the likes of older posts.
 */
export function topWeekFirstQuery(ctx: Ctx, viewerId: string | null, since: Date, after?: Liked) {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const sinceValue = ctx.dialect === "pg" ? since.toISOString() : since.getTime();
  const keyset = after ? sql`where likes_count < ${after.likes} or (likes_count = ${after.likes} and id < ${after.id})` : sql``;
  const ids = sql`(with week as materialized (select id, likes_count from ${p} where created_at >= ${sinceValue}) select id from week ${keyset} order by likes_count desc, id desc limit ${POSTS_PAGE})`;
  return ctx.db
    .select(postColumns(ctx, viewerId))
    .from(p)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(sql`${p.id} in ${ids}`)
    .orderBy(desc(p.likes_count), desc(p.id))
    .limit(POSTS_PAGE);
}

/** Newer than the comment position (created_at, id), oldest first; bounded the same way. */
export function newerThan(ctx: Ctx, position: Dated): SQL {
  const { c } = commentSources(ctx);
  return and(gte(c.created_at, position.at), or(gt(c.created_at, position.at), gt(c.id, position.id)))!;
}

/** A page of a post's comments, oldest first (/feed/<id> and its "more comments"). */
export function commentsPageQuery(ctx: Ctx, viewerId: string | null, postId: string, after?: Dated) {
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  return ctx.db
    .select(commentColumns(ctx, viewerId))
    .from(c)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(and(eq(c.post_id, postId), after ? newerThan(ctx, after) : undefined))
    .orderBy(asc(c.created_at), asc(c.id))
    .limit(COMMENTS_PAGE);
}

/** The moderators' queue: open reports oldest first, with the reported text (never its author). */
export function reportsQueueQuery(ctx: Ctx, after?: Dated) {
  const { anonymous_reports: rep, anonymous_post: p, anonymous_comment: c } = ctx.t;
  const position = after ? and(gte(rep.created_at, after.at), or(gt(rep.created_at, after.at), gt(rep.id, after.id))) : undefined;
  return ctx.db
    .select({ id: rep.id, reason: rep.reason, details: rep.details, createdAt: rep.created_at, postId: rep.post_id, commentId: rep.comment_id, post: p.content, comment: c.content })
    .from(rep)
    .leftJoin(p, eq(p.id, rep.post_id))
    .leftJoin(c, eq(c.id, rep.comment_id))
    .where(and(eq(rep.status, "open"), position))
    .orderBy(asc(rep.created_at), asc(rep.id))
    .limit(POSTS_PAGE);
}
