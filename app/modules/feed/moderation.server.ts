/**
 * The feed's reports queue and what moderators do with it (issue 17, item 6;
 * docs/decisions/043-anonymous-feed.md).
 *
 * - Who: global moderators and admins (`isFeedModerator`). Every read and write of the queue has
 *   `feedModeratorSql` in its WHERE: the viewer's own `User` row must hold one of those roles, so a
 *   forged form from anyone else changes nothing, whatever the route checked.
 * - The queue: one row per reported post or comment, placed by its oldest open report, oldest
 *   first; keyset on that report's (created_at, id) through `anonymous_reports_queue_idx`. A row
 *   counts the thing's open reports and their reasons and quotes the first few reporters' words.
 *   The thing is read through `postColumns` / `commentColumns`, so moderators see the text and,
 *   for anonymous words, the anonymous name, like any reader: never the author's id, real name or
 *   email, and never who reported.
 * - Hide: `INSERT INTO anonymous_*_removals … SELECT … WHERE <moderator> ON CONFLICT DO NOTHING`.
 *   The insert that lands closes the thing's open reports as 'hidden' and tells the author, in
 *   the same transaction; two moderators hiding at once hide once and notify once. The post or
 *   comment keeps its row, so every counter still equals its rows.
 * - Dismiss: the thing's open reports become 'dismissed' (one UPDATE; the row count says whether
 *   anything was still open).
 */
import { and, asc, eq, gt, inArray, isNotNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import type { Position } from "~/lib/cursor";
import type { Translate } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { authorOf, commentColumns, commentSources, FEED_MODERATOR_ROLES, isFeedModerator, postColumns, postSources, type FeedAuthor, type FeedViewer } from "./access.server";
import {
  excerpt,
  isReportReason,
  OPEN_REPORTS_COUNT_LIMIT,
  openCountLabel,
  PARENT_EXCERPT_MAX,
  REPORT_DETAILS_SHOWN,
  REPORT_QUEUE_PAGE_SIZE,
  type ModerationOutcome,
  type ReportReason,
  type ReportTarget,
} from "./report-rules";

/** WHERE: the viewer's own row says they are a global moderator or an admin (read now, not from the session). */
export function feedModeratorSql(ctx: Ctx, viewerId: string): SQL {
  const { User } = ctx.t;
  const mod = sql.identifier("feed_moderator");
  const roles = sql.join(
    FEED_MODERATOR_ROLES.map((role) => sql`${role}`),
    sql`, `,
  );
  return sql`exists (select 1 from ${User} as ${mod} where ${mod}.${sql.identifier(User.id.name)} = ${viewerId} and ${mod}.${sql.identifier(User.role.name)} in (${roles}))`;
}

/** One row of the queue: a reported post or comment with its open reports. */
export interface QueueEntry {
  /** The thing's oldest open report: the row's key and its place in the queue. */
  reportId: string;
  target: ReportTarget;
  firstReportedAt: Date;
  lastReportedAt: Date;
  /** Open reports of the thing. */
  reports: number;
  reasons: { reason: ReportReason; count: number }[];
  /** The first REPORT_DETAILS_SHOWN reporters' words, oldest first (never who wrote them). */
  details: { reason: ReportReason; text: string }[];
  /** As any reader sees it: the anonymous name for anonymous words; nobody when hidden. */
  author: FeedAuthor;
  /** The whole text; empty when a moderator already hid it (a report that raced the hide). */
  content: string;
  removed: boolean;
  createdAt: Date;
  edited: boolean;
  /** A post's topic, company and industry (null for a comment). */
  post: { topic: string | null; companyName: string | null; industry: string | null; hasImage: boolean } | null;
  /** A comment's post, quoted for context (null for a post). */
  parent: { quote: string; removed: boolean } | null;
}

/** The page's rows: each thing's oldest open report, oldest first, after `after`. Its plan is tested (tests/integration/feed-reports-plan.test.ts). */
export function queueHeadsQuery(ctx: Ctx, viewerId: string, options: { after?: Position; limit: number }) {
  const { anonymous_reports: r } = ctx.t;
  const after = options.after;
  const position =
    after && after.at !== null ? or(gt(r.created_at, new Date(after.at)), and(eq(r.created_at, new Date(after.at)), gt(r.id, after.id))) : undefined;
  const older = sql.identifier("older");
  const col = (name: string) => sql`${older}.${sql.identifier(name)}`;
  const noOlderOpen = (target: "post_id" | "comment_id", outer: SQL | typeof r.post_id) =>
    sql`not exists (select 1 from ${r} as ${older} where ${col(target)} = ${outer} and ${col(r.status.name)} = 'open' and (${col(r.created_at.name)} < ${r.created_at} or (${col(r.created_at.name)} = ${r.created_at} and ${col(r.id.name)} < ${r.id})))`;
  return ctx.db
    .select({ reportId: r.id, postId: r.post_id, commentId: r.comment_id, at: r.created_at })
    .from(r)
    .where(and(eq(r.status, "open"), position, noOlderOpen("post_id", r.post_id), noOlderOpen("comment_id", r.comment_id), feedModeratorSql(ctx, viewerId)))
    .orderBy(asc(r.created_at), asc(r.id))
    .limit(options.limit);
}

/** One page of the queue for `viewer` (empty for anyone who is not a feed moderator). */
export async function listReportQueue(
  ctx: Ctx,
  viewer: FeedViewer,
  options: { after?: Position; pageSize?: number } = {},
): Promise<{ rows: QueueEntry[]; next: Position | null }> {
  const size = options.pageSize ?? REPORT_QUEUE_PAGE_SIZE;
  const heads = await queueHeadsQuery(ctx, viewer.id, { after: options.after, limit: size + 1 });
  const page = heads.slice(0, size);
  const last = page[page.length - 1];
  const next = heads.length > size && last ? { at: last.at.getTime(), id: last.reportId } : null;
  if (page.length === 0) return { rows: [], next: null };

  const postIds = page.filter((h) => h.postId !== null).map((h) => h.postId!);
  const commentIds = page.filter((h) => h.commentId !== null).map((h) => h.commentId!);
  const { anonymous_reports: r } = ctx.t;

  const comments = commentIds.length === 0 ? [] : await readComments(ctx, viewer.id, commentIds);
  const commentById = new Map(comments.map((c) => [c.id, c]));
  const posts = await readPosts(ctx, viewer.id, [...new Set([...postIds, ...comments.map((c) => c.postId)])]);
  const postById = new Map(posts.map((p) => [p.id, p]));

  const targets = or(postIds.length ? inArray(r.post_id, postIds) : undefined, commentIds.length ? inArray(r.comment_id, commentIds) : undefined)!;
  const key = (postId: string | null, commentId: string | null) => (commentId ? `c:${commentId}` : `p:${postId}`);
  const reasonRows = await ctx.db
    .select({
      postId: r.post_id,
      commentId: r.comment_id,
      reason: r.reason,
      count: sql<number>`count(*)`.mapWith(Number),
      last: sql<Date>`max(${r.created_at})`.mapWith(r.created_at),
    })
    .from(r)
    .where(and(eq(r.status, "open"), targets))
    .groupBy(r.post_id, r.comment_id, r.reason);
  const ranked = ctx.db
    .select({
      postId: r.post_id,
      commentId: r.comment_id,
      reason: r.reason,
      details: r.details,
      rank: sql<number>`row_number() over (partition by ${r.post_id}, ${r.comment_id} order by ${r.created_at}, ${r.id})`.as("rank"),
    })
    .from(r)
    .where(and(eq(r.status, "open"), isNotNull(r.details), targets))
    .as("ranked");
  const detailRows = await ctx.db.select().from(ranked).where(lte(ranked.rank, REPORT_DETAILS_SHOWN)).orderBy(asc(ranked.rank));

  const rows: QueueEntry[] = [];
  for (const head of page) {
    const k = key(head.postId, head.commentId);
    const reasons = reasonRows.filter((row) => key(row.postId, row.commentId) === k && isReportReason(row.reason));
    const details = detailRows
      .filter((row) => key(row.postId, row.commentId) === k && row.details && isReportReason(row.reason))
      .map((row) => ({ reason: row.reason as ReportReason, text: row.details! }));
    const base = {
      reportId: head.reportId,
      firstReportedAt: head.at,
      lastReportedAt: reasons.reduce((latest, row) => (row.last > latest ? row.last : latest), head.at),
      reports: reasons.reduce((sum, row) => sum + row.count, 0),
      reasons: reasons.map((row) => ({ reason: row.reason as ReportReason, count: row.count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
      details,
    };
    if (head.commentId) {
      const comment = commentById.get(head.commentId);
      if (!comment) continue;
      const parent = postById.get(comment.postId);
      rows.push({
        ...base,
        target: { kind: "comment", postId: comment.postId, commentId: comment.id },
        author: authorOf(comment),
        content: comment.content,
        removed: comment.removed,
        createdAt: comment.createdAt,
        edited: comment.edited,
        post: null,
        parent: parent ? { quote: excerpt(parent.content, PARENT_EXCERPT_MAX), removed: parent.removed } : null,
      });
    } else {
      const post = postById.get(head.postId!);
      if (!post) continue;
      rows.push({
        ...base,
        target: { kind: "post", postId: post.id },
        author: authorOf(post),
        content: post.content,
        removed: post.removed,
        createdAt: post.createdAt,
        edited: post.edited,
        post: { topic: post.topic, companyName: post.companyName, industry: post.industry, hasImage: post.imageKey !== null },
        parent: null,
      });
    }
  }
  return { rows, next };
}

function readPosts(ctx: Ctx, viewerId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  return ctx.db.select(postColumns(ctx, viewerId)).from(p).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(inArray(p.id, ids));
}

function readComments(ctx: Ctx, viewerId: string, ids: string[]) {
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  return ctx.db.select(commentColumns(ctx, viewerId)).from(c).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(inArray(c.id, ids));
}

/**
 * Open reports, counted up to OPEN_REPORTS_COUNT_LIMIT (a long queue costs no more than 100 index
 * entries); null for a viewer who is not a feed moderator.
 */
export async function openReportCount(ctx: Ctx, viewer: FeedViewer): Promise<number | null> {
  if (!isFeedModerator(viewer)) return null;
  const { anonymous_reports: r } = ctx.t;
  const open = ctx.db.select({ one: sql`1` }).from(r).where(eq(r.status, "open")).limit(OPEN_REPORTS_COUNT_LIMIT);
  const [row] = await ctx.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(open.as("open_reports"));
  return row?.n ?? 0;
}

export interface ModerationTab {
  href: string;
  label: string;
  current: boolean;
}

/**
 * The tabs at the top of /moderation and /moderation/reports, in the reader's words: join requests
 * and feed reports (with the open count). Null for anyone who is not a feed moderator (community
 * moderators see only their join requests, as before).
 */
export async function moderationTabs(
  ctx: Ctx,
  viewer: FeedViewer,
  t: Translate,
  current: "requests" | "reports",
): Promise<{ label: string; tabs: ModerationTab[] } | null> {
  const open = await openReportCount(ctx, viewer);
  if (open === null) return null;
  return {
    label: t("feedReports.tabs.label"),
    tabs: [
      { href: "/moderation", label: t("feedReports.tabs.requests"), current: current === "requests" },
      { href: "/moderation/reports", label: t("feedReports.tabs.reports", { count: open, shown: openCountLabel(open) }), current: current === "reports" },
    ],
  };
}

/** A value for a uuid column in a SELECT list (PostgreSQL types a bare parameter there as text). */
const uuidValue = (ctx: Ctx, id: string): SQL => (ctx.dialect === "pg" ? sql`cast(${id} as uuid)` : sql`${id}`);
/** A timestamp for a SELECT list: UTC wall time on PostgreSQL (timestamp without time zone), epoch ms on SQLite. */
const timeValue = (ctx: Ctx, at: Date): SQL => (ctx.dialect === "pg" ? sql`cast(${at.toISOString()} as timestamp(3))` : sql`${at.getTime()}`);

/** WHERE of a target's reports. */
function reportsOf(ctx: Ctx, target: ReportTarget): SQL {
  const { anonymous_reports: r } = ctx.t;
  return target.kind === "post" ? eq(r.post_id, target.postId) : eq(r.comment_id, target.commentId);
}

/** Does the target exist (a comment on that post) and may the viewer moderate it? Read in the caller's transaction. */
async function exists(tx: Ctx, viewerId: string, target: ReportTarget): Promise<{ removed: boolean } | null> {
  if (target.kind === "post") {
    const { anonymous_post: p, anonymous_post_removals: removals } = tx.t;
    const [row] = await tx.db
      .select({ removed: removals.post_id })
      .from(p)
      .leftJoin(removals, eq(removals.post_id, p.id))
      .where(and(eq(p.id, target.postId), feedModeratorSql(tx, viewerId)))
      .limit(1);
    return row ? { removed: row.removed !== null } : null;
  }
  const { anonymous_comment: c, anonymous_comment_removals: removals } = tx.t;
  const [row] = await tx.db
    .select({ removed: removals.comment_id })
    .from(c)
    .leftJoin(removals, eq(removals.comment_id, c.id))
    .where(and(eq(c.id, target.commentId), eq(c.post_id, target.postId), feedModeratorSql(tx, viewerId)))
    .limit(1);
  return row ? { removed: row.removed !== null } : null;
}

/** Inserts the removal row when the viewer moderates and it is not there yet; says whether it landed. */
async function insertRemoval(tx: Ctx, viewerId: string, target: ReportTarget, now: Date): Promise<boolean> {
  const guard = feedModeratorSql(tx, viewerId);
  if (target.kind === "post") {
    const { anonymous_post: p, anonymous_post_removals: removals } = tx.t;
    const landed = await tx.db
      .insert(removals)
      .select(
        tx.db
          .select({ post_id: p.id, removed_by: uuidValue(tx, viewerId).as("removed_by"), removed_at: timeValue(tx, now).as("removed_at") })
          .from(p)
          .where(and(eq(p.id, target.postId), guard)),
      )
      .onConflictDoNothing()
      .returning({ id: removals.post_id });
    return landed.length > 0;
  }
  const { anonymous_comment: c, anonymous_comment_removals: removals } = tx.t;
  const landed = await tx.db
    .insert(removals)
    .select(
      tx.db
        .select({ comment_id: c.id, removed_by: uuidValue(tx, viewerId).as("removed_by"), removed_at: timeValue(tx, now).as("removed_at") })
        .from(c)
        .where(and(eq(c.id, target.commentId), eq(c.post_id, target.postId), guard)),
    )
    .onConflictDoNothing()
    .returning({ id: removals.comment_id });
  return landed.length > 0;
}

/** Tells the author, in their language, that a moderator removed their post or comment (no one is named). */
async function tellAuthor(tx: Ctx, target: ReportTarget, now: Date): Promise<void> {
  const { anonymous_post: p, anonymous_comment: c } = tx.t;
  const [row] =
    target.kind === "post"
      ? await tx.db.select({ userId: p.user_id, content: p.content }).from(p).where(eq(p.id, target.postId)).limit(1)
      : await tx.db.select({ userId: c.user_id, content: c.content }).from(c).where(eq(c.id, target.commentId)).limit(1);
  if (!row) return;
  const t = translator(await savedLanguage(tx, row.userId));
  const kind = target.kind === "post" ? "post" : "comment";
  await insertLinkedNotification(tx, {
    userId: row.userId,
    title: t(`feedReports.notify.${kind}Title`),
    message: t(`feedReports.notify.${kind}`, { quote: excerpt(row.content, 80) }),
    href: `/feed/${target.postId}`,
    at: now,
  });
}

/**
 * Hides a reported post or comment: the removal row, the thing's open reports closed as 'hidden'
 * (decided by the viewer) and the author's notification, in one transaction. Lands once: a second
 * moderator (or a second click) reads "already hidden" and closes whatever was still open.
 */
export async function hideReported(ctx: Ctx, viewer: FeedViewer, target: ReportTarget, now = new Date()): Promise<ModerationOutcome> {
  return withTx(ctx, async (tx) => {
    const landed = await insertRemoval(tx, viewer.id, target, now);
    // Not landed: no such post or comment (or not on that post), not a moderator, or hidden already.
    if (!landed && !(await exists(tx, viewer.id, target))?.removed) return "not_found";
    const { anonymous_reports: r } = tx.t;
    await tx.db
      .update(r)
      .set({ status: "hidden", decided_by: viewer.id, decided_at: now })
      .where(and(reportsOf(tx, target), eq(r.status, "open"), feedModeratorSql(tx, viewer.id)));
    if (!landed) return "already_hidden";
    await tellAuthor(tx, target, now);
    return "hidden";
  });
}

/** Dismisses the open reports of a post or comment (it stays as it is). */
export async function dismissReports(ctx: Ctx, viewer: FeedViewer, target: ReportTarget, now = new Date()): Promise<ModerationOutcome> {
  return withTx(ctx, async (tx) => {
    if (!(await exists(tx, viewer.id, target))) return "not_found";
    const { anonymous_reports: r } = tx.t;
    const closed = await tx.db
      .update(r)
      .set({ status: "dismissed", decided_by: viewer.id, decided_at: now })
      .where(and(reportsOf(tx, target), eq(r.status, "open"), feedModeratorSql(tx, viewer.id)))
      .returning({ id: r.id });
    return closed.length > 0 ? "dismissed" : "nothing_open";
  });
}

/** The queue's one write: hide or dismiss. */
export function decideReport(ctx: Ctx, viewer: FeedViewer, action: "hide" | "dismiss", target: ReportTarget, now = new Date()): Promise<ModerationOutcome> {
  return action === "hide" ? hideReported(ctx, viewer, target, now) : dismissReports(ctx, viewer, target, now);
}

