/**
 * Community posts (issue 16, decision 041): approved members write updates and events; the
 * author edits and deletes their own; moderators of the community (and global moderators and
 * admins) delete any. Who may act is in each statement's WHERE (approvedMemberSql, moderatesSql),
 * so a forged form cannot write to a community the viewer is not in. A new event tells the
 * members who asked for it (community_event_subscriptions) in the same transaction, each in their
 * own language and zone; nobody else is told of a new post.
 */
import { and, desc, eq, lt, lte, ne, or, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { Position } from "~/lib/cursor";
import { formatDateTime } from "~/lib/format";
import { isLanguage } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { normalizeZone } from "~/modules/calendar";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { displayName } from "~/modules/network";
import { approvedMemberSql, moderatesSql, type Viewer } from "./access.server";
import type { EventInput, PostInput } from "./post-forms.server";
import { eventTitle, POSTS_PAGE_SIZE, type PostType } from "./post-rules";

export interface PostRow {
  id: string;
  communityId: string;
  authorId: string;
  authorName: string | null;
  content: string;
  type: PostType;
  createdAt: Date;
  event: EventInput | null;
}

export const postHref = (communityId: string, postId: string) => `/communities/${communityId}/posts/${postId}`;

function selection(ctx: Ctx) {
  const { community_posts: p, community_events: e, User } = ctx.t;
  return {
    id: p.id,
    communityId: p.community_id,
    authorId: p.user_id,
    authorName: User.name,
    content: p.content,
    type: p.type,
    createdAt: p.created_at,
    startsAt: e.starts_at,
    endsAt: e.ends_at,
    place: e.place,
    onlineUrl: e.online_url,
  };
}

type Selected = {
  id: string;
  communityId: string;
  authorId: string;
  authorName: string | null;
  content: string;
  type: string;
  createdAt: Date;
  startsAt: Date | null;
  endsAt: Date | null;
  place: string | null;
  onlineUrl: string | null;
};

function toPost(row: Selected): PostRow {
  const type: PostType = row.type === "event" ? "event" : "update";
  return {
    id: row.id,
    communityId: row.communityId,
    authorId: row.authorId,
    authorName: row.authorName,
    content: row.content,
    type,
    createdAt: row.createdAt,
    event: type === "event" && row.startsAt ? { startsAt: row.startsAt, endsAt: row.endsAt, place: row.place, onlineUrl: row.onlineUrl } : null,
  };
}

/** Who may read a community's posts: its approved members, and whoever moderates it. */
function readsPosts(ctx: Ctx, viewer: Viewer, communityId: SQL | unknown): SQL {
  return or(approvedMemberSql(ctx, viewer.id, communityId), moderatesSql(ctx, viewer, communityId))!;
}

export type CreateOutcome = { ok: true; postId: string } | { ok: false; reason: "not_member" };

/** An approved member posts to the community; a new event tells its subscribers (not the author). */
export async function createPost(ctx: Ctx, viewer: Viewer, communityId: string, input: PostInput, now = new Date()): Promise<CreateOutcome> {
  if (!isUuid(communityId)) return { ok: false, reason: "not_member" };
  return withTx(ctx, async (tx) => {
    const { communities: c, community_posts: p, community_events: e, User } = tx.t;
    const [community] = await tx.db
      .select({ name: c.name, author: User.name })
      .from(c)
      .innerJoin(User, eq(User.id, viewer.id))
      .where(and(eq(c.id, communityId), approvedMemberSql(tx, viewer.id, c.id)))
      .limit(1);
    if (!community) return { ok: false, reason: "not_member" } as const;
    const [post] = await tx.db
      .insert(p)
      .values({ community_id: communityId, user_id: viewer.id, content: input.content, type: input.type, created_at: now })
      .returning({ id: p.id });
    if (input.type === "event") {
      await tx.db.insert(e).values({ post_id: post.id, community_id: communityId, starts_at: input.event.startsAt, ends_at: input.event.endsAt, place: input.event.place, online_url: input.event.onlineUrl });
      await tellSubscribers(tx, { communityId, communityName: community.name, authorId: viewer.id, authorName: community.author, postId: post.id, content: input.content, startsAt: input.event.startsAt, now });
    }
    await track(tx, { userId: viewer.id, type: "community_post_written", metadata: { communityId, postId: post.id, type: input.type }, at: now });
    return { ok: true, postId: post.id } as const;
  });
}

/** One notification per subscriber who is still an approved member, in their language and zone. */
async function tellSubscribers(
  tx: Ctx,
  input: { communityId: string; communityName: string; authorId: string; authorName: string | null; postId: string; content: string; startsAt: Date; now: Date },
) {
  const { community_event_subscriptions: s, community_memberships: m, member_settings: ms } = tx.t;
  const subscribers = await tx.db
    .select({ id: s.user_id, language: ms.language, zone: ms.time_zone })
    .from(s)
    .innerJoin(m, and(eq(m.community_id, s.community_id), eq(m.user_id, s.user_id), eq(m.status, "approved")))
    .leftJoin(ms, eq(ms.user_id, s.user_id))
    .where(and(eq(s.community_id, input.communityId), ne(s.user_id, input.authorId)));
  for (const sub of subscribers) {
    // Their saved language (read with the subscription, as savedLanguage would), else English.
    const lang = isLanguage(sub.language) ? sub.language : "en";
    const t = translator(lang);
    const zone = normalizeZone(sub.zone) ?? "UTC";
    await insertLinkedNotification(tx, {
      userId: sub.id,
      title: t("communityPosts.notify.title", { community: input.communityName }),
      message: t("communityPosts.notify.message", {
        name: displayName(input.authorName, t),
        title: eventTitle(input.content),
        when: formatDateTime(input.startsAt, zone, { lang }),
      }),
      href: postHref(input.communityId, input.postId),
      at: input.now,
    });
  }
}

/** One post, for its community's members and moderators only (null for everyone else: a 404). */
export async function getPost(ctx: Ctx, viewer: Viewer, communityId: string, postId: string): Promise<PostRow | null> {
  if (!isUuid(communityId) || !isUuid(postId)) return null;
  const { community_posts: p, community_events: e, User } = ctx.t;
  const [row] = await ctx.db
    .select(selection(ctx))
    .from(p)
    .innerJoin(User, eq(User.id, p.user_id))
    .leftJoin(e, eq(e.post_id, p.id))
    .where(and(eq(p.id, postId), eq(p.community_id, communityId), readsPosts(ctx, viewer, p.community_id)))
    .limit(1);
  return row ? toPost(row) : null;
}

/**
 * The query of one page of a community's posts, newest first, keyset on (created_at, id) through
 * community_posts_community_created_idx; the viewer's right to read them is in its WHERE. Kept
 * apart so the query-plan test reads the plan of exactly this SQL.
 */
export function postsPageQuery(ctx: Ctx, viewer: Viewer, communityId: string, options: { after?: Position; pageSize?: number } = {}) {
  const size = options.pageSize ?? POSTS_PAGE_SIZE;
  const { community_posts: p, community_events: e, User } = ctx.t;
  const after = options.after;
  const position =
    after && after.at !== null
      ? and(lte(p.created_at, new Date(after.at)), or(lt(p.created_at, new Date(after.at)), lt(p.id, after.id)))
      : undefined;
  return ctx.db
    .select(selection(ctx))
    .from(p)
    .innerJoin(User, eq(User.id, p.user_id))
    .leftJoin(e, eq(e.post_id, p.id))
    .where(and(eq(p.community_id, communityId), readsPosts(ctx, viewer, communityId), position))
    .orderBy(desc(p.created_at), desc(p.id))
    .limit(size + 1);
}

/** A page of the community's posts, newest first; empty for a non-member. */
export async function listPosts(
  ctx: Ctx,
  viewer: Viewer,
  communityId: string,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: PostRow[]; next: Position | null }> {
  if (!isUuid(communityId)) return { rows: [], next: null };
  const size = options.pageSize ?? POSTS_PAGE_SIZE;
  const rows = await postsPageQuery(ctx, viewer, communityId, options);
  const page = rows.slice(0, size).map(toPost);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** The author changes their post (its type stays); they must still be an approved member. */
export async function updatePost(ctx: Ctx, viewer: Viewer, communityId: string, postId: string, input: PostInput): Promise<"done" | "not_found"> {
  if (!isUuid(communityId) || !isUuid(postId)) return "not_found";
  return withTx(ctx, async (tx) => {
    const { community_posts: p, community_events: e } = tx.t;
    const [row] = await tx.db
      .update(p)
      .set({ content: input.content })
      .where(and(eq(p.id, postId), eq(p.community_id, communityId), eq(p.user_id, viewer.id), eq(p.type, input.type), approvedMemberSql(tx, viewer.id, p.community_id)))
      .returning({ id: p.id });
    if (!row) return "not_found" as const;
    if (input.type === "event") {
      const values = { starts_at: input.event.startsAt, ends_at: input.event.endsAt, place: input.event.place, online_url: input.event.onlineUrl };
      await tx.db
        .insert(e)
        .values({ post_id: postId, community_id: communityId, ...values })
        .onConflictDoUpdate({ target: e.post_id, set: values });
    }
    return "done" as const;
  });
}

export type DeleteOutcome = { ok: true; byModerator: boolean } | { ok: false };

/**
 * The author, or a moderator of the community, deletes a post (its event goes with it). A post a
 * moderator removes tells its author, in their language, in the same transaction.
 */
export async function deletePost(ctx: Ctx, viewer: Viewer, communityId: string, postId: string, now = new Date()): Promise<DeleteOutcome> {
  if (!isUuid(communityId) || !isUuid(postId)) return { ok: false };
  return withTx(ctx, async (tx) => {
    const { community_posts: p, communities: c } = tx.t;
    const [row] = await tx.db
      .delete(p)
      .where(and(eq(p.id, postId), eq(p.community_id, communityId), or(eq(p.user_id, viewer.id), moderatesSql(tx, viewer, p.community_id))))
      .returning({ authorId: p.user_id, content: p.content });
    if (!row) return { ok: false } as const;
    const byModerator = row.authorId !== viewer.id;
    if (byModerator) {
      const [community] = await tx.db.select({ name: c.name }).from(c).where(eq(c.id, communityId)).limit(1);
      const t = translator(await savedLanguage(tx, row.authorId));
      await insertLinkedNotification(tx, {
        userId: row.authorId,
        title: t("communityPosts.notify.removedTitle", { community: community?.name ?? "" }),
        message: t("communityPosts.notify.removedMessage", { community: community?.name ?? "", excerpt: eventTitle(row.content) }),
        href: `/communities/${communityId}`,
        at: now,
      });
    }
    return { ok: true, byModerator } as const;
  });
}
