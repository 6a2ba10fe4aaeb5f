/**
 * The moderation queue (issue 16, decision 041): pending requests of every community the viewer
 * moderates (or of one), oldest first, keyset on (joined_at, id) through the queue indexes; the
 * approve and decline that land once; and the header's capped count of waiting requests.
 *
 * A decision is ONE conditional write: `UPDATE … SET status = 'approved'` or `DELETE` (a decline)
 * `WHERE id = ? AND status = 'pending' AND <viewer moderates>`. The row count says who won; the
 * winner records the decision, moves the member count and tells the member in the same
 * transaction. The loser reads the decision row and is told "already approved by …".
 */
import { and, asc, eq, gt, inArray, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { Position } from "~/lib/cursor";
import { createPositionCursor } from "~/lib/cursor.server";
import { translator } from "~/lib/i18n.server";
import { isUuid } from "~/lib/ids";
import { savedLanguage } from "~/modules/accounts/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { adjustMemberCount, isGlobalModerator, moderatesSql, type Viewer } from "./access.server";
import { BULK_MAX, QUEUE_PAGE_SIZE, WAITING_COUNT_LIMIT, type Decision, type DecisionOutcome } from "./moderation-rules";

/** The keyset cursors of the queue and the member list. */
export const moderationCursor = createPositionCursor<"queue" | "members">("community-moderation");

export interface QueueEntry {
  membershipId: string;
  communityId: string;
  communityName: string;
  userId: string;
  name: string | null;
  headline: string | null;
  avatarUrl: string | null;
  askedAt: Date;
  /** Communities the member is an approved member of. */
  communities: number;
}

const truthy = (value: unknown) => value === true || value === 1 || value === "1" || value === "t" || value === "true";

/** The query of one page of waiting requests (its plan is tested: tests/integration/communities-plan.test.ts). */
export function listQueueQuery(ctx: Ctx, viewer: Viewer, options: { communityId?: string; after?: Position; limit: number }) {
  const { community_memberships: m, communities: c, User } = ctx.t;
  const after = options.after;
  const position =
    after && after.at !== null ? or(gt(m.joined_at, new Date(after.at)), and(eq(m.joined_at, new Date(after.at)), gt(m.id, after.id))) : undefined;
  const m2 = sql.identifier("m2");
  return ctx.db
    .select({
      membershipId: m.id,
      communityId: m.community_id,
      communityName: c.name,
      userId: m.user_id,
      name: User.name,
      headline: User.headline,
      avatarUrl: User.avatarUrl,
      askedAt: m.joined_at,
      communities: sql<number>`(select count(*) from ${m} as ${m2} where ${m2}.user_id = ${m.user_id} and ${m2}.status = 'approved')`.mapWith(Number),
    })
    .from(m)
    .innerJoin(c, eq(c.id, m.community_id))
    .innerJoin(User, eq(User.id, m.user_id))
    .where(
      and(
        eq(m.status, "pending"),
        options.communityId ? eq(m.community_id, options.communityId) : undefined,
        moderatesSql(ctx, viewer, m.community_id),
        position,
      ),
    )
    .orderBy(asc(m.joined_at), asc(m.id))
    .limit(options.limit);
}

/** One page of waiting requests, oldest first; `communityId` narrows it to one community. */
export async function listQueue(
  ctx: Ctx,
  viewer: Viewer,
  options: { communityId?: string; after?: Position; pageSize?: number } = {},
): Promise<{ rows: QueueEntry[]; next: Position | null }> {
  const size = options.pageSize ?? QUEUE_PAGE_SIZE;
  const rows = await listQueueQuery(ctx, viewer, { communityId: options.communityId, after: options.after, limit: size + 1 });
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.askedAt.getTime(), id: last.membershipId } : null };
}

/**
 * The header's count: waiting requests the viewer may decide, counted over a LIMITed subquery (a
 * big queue costs no more than 100 index entries), and null for a member who moderates nothing.
 * One statement: a lookup of the member's own row with two scalar subqueries.
 */
export async function waitingRequestCount(ctx: Ctx, viewer: Viewer): Promise<number | null> {
  const { community_memberships: m, community_moderators: mod, User } = ctx.t;
  const global = isGlobalModerator(viewer);
  // A community moderator's count starts from their moderator rows and reads each community's
  // pending requests from the queue index; walking every pending request of every community and
  // asking "moderates?" of each took 80 ms at scale, on every page they open.
  const waiting = global
    ? ctx.db.select({ one: sql`1` }).from(m).where(eq(m.status, "pending")).limit(WAITING_COUNT_LIMIT)
    : ctx.db
        .select({ one: sql`1` })
        .from(mod)
        .innerJoin(m, and(eq(m.community_id, mod.community_id), eq(m.status, "pending")))
        .where(eq(mod.user_id, viewer.id))
        .limit(WAITING_COUNT_LIMIT);
  const [row] = await ctx.db
    .select({
      moderates: (global ? sql`1` : sql`exists (select 1 from ${mod} where ${mod.user_id} = ${viewer.id})`).mapWith(truthy),
      waiting: sql<number>`(select count(*) from (${waiting}) as waiting)`.mapWith(Number),
    })
    .from(User)
    .where(eq(User.id, viewer.id));
  if (!row || !row.moderates) return null;
  return row.waiting;
}

/** The member's words for a decision, in their language, with the community page as the link. */
async function tellMember(tx: Ctx, input: { userId: string; communityId: string; communityName: string; decision: Decision; reason: string | null; at: Date }) {
  const t = translator(await savedLanguage(tx, input.userId));
  const approved = input.decision === "approve";
  await insertLinkedNotification(tx, {
    userId: input.userId,
    title: t(approved ? "moderation.notify.approvedTitle" : "moderation.notify.declinedTitle", { community: input.communityName }),
    message: approved
      ? t("moderation.notify.approved", { community: input.communityName })
      : input.reason
        ? t("moderation.notify.declinedReason", { community: input.communityName, reason: input.reason })
        : t("moderation.notify.declined", { community: input.communityName }),
    href: `/communities/${input.communityId}`,
    at: input.at,
  });
}

/** What happened to a request this viewer lost: the decision row (with its decider), or nothing to see. */
async function lostTo(tx: Ctx, viewer: Viewer, membershipId: string): Promise<DecisionOutcome> {
  const { community_decisions: d, community_memberships: m, User } = tx.t;
  const decider = sql.identifier("decider");
  const member = sql.identifier("member");
  const [decided] = await tx.db
    .select({
      decision: d.decision,
      by: sql<string | null>`(select ${decider}.name from ${User} as ${decider} where ${decider}.id = ${d.decided_by})`,
      memberName: sql<string | null>`(select ${member}.name from ${User} as ${member} where ${member}.id = ${d.user_id})`,
    })
    .from(d)
    .where(and(eq(d.membership_id, membershipId), inArray(d.decision, ["approved", "declined"]), moderatesSql(tx, viewer, d.community_id)))
    .limit(1);
  if (decided) return { membershipId, kind: "already", decision: decided.decision === "approved" ? "approve" : "decline", by: decided.by, memberName: decided.memberName };
  // Approved without a recorded decision (a membership written by the seed): still "already approved".
  const [row] = await tx.db
    .select({ status: m.status, memberName: User.name })
    .from(m)
    .innerJoin(User, eq(User.id, m.user_id))
    .where(and(eq(m.id, membershipId), moderatesSql(tx, viewer, m.community_id)))
    .limit(1);
  if (row?.status === "approved") return { membershipId, kind: "already", decision: "approve", by: null, memberName: row.memberName };
  return { membershipId, kind: "not_found" };
}

/** One request, in the caller's transaction. */
async function decideOne(tx: Ctx, viewer: Viewer, membershipId: string, decision: Decision, reason: string | null, now: Date): Promise<DecisionOutcome> {
  const { community_memberships: m, community_decisions: d, communities: c, User } = tx.t;
  const mine: SQL = and(eq(m.id, membershipId), eq(m.status, "pending"), moderatesSql(tx, viewer, m.community_id))!;
  const landed =
    decision === "approve"
      ? await tx.db.update(m).set({ status: "approved" }).where(mine).returning({ communityId: m.community_id, userId: m.user_id })
      : await tx.db.delete(m).where(mine).returning({ communityId: m.community_id, userId: m.user_id });
  const [row] = landed;
  if (!row) return lostTo(tx, viewer, membershipId);
  await tx.db.insert(d).values({
    membership_id: membershipId,
    community_id: row.communityId,
    user_id: row.userId,
    decision: decision === "approve" ? "approved" : "declined",
    reason: decision === "decline" ? reason : null,
    decided_by: viewer.id,
    decided_at: now,
  });
  if (decision === "approve") {
    await adjustMemberCount(tx, row.communityId, 1);
    await track(tx, { userId: viewer.id, type: "community_join_approved", metadata: { communityId: row.communityId, memberId: row.userId }, at: now });
  }
  const [names] = await tx.db
    .select({ community: c.name, member: User.name })
    .from(c)
    .innerJoin(User, eq(User.id, row.userId))
    .where(eq(c.id, row.communityId))
    .limit(1);
  const communityName = names?.community ?? "";
  await tellMember(tx, { userId: row.userId, communityId: row.communityId, communityName, decision, reason, at: now });
  return { membershipId, kind: "done", decision, memberName: names?.member ?? null, communityName };
}

/**
 * Approves or declines requests (one, or a ticked batch, each landing at most once), each in its
 * own transaction so one lost race does not undo the others. Ids that are not UUIDs, requests of
 * communities the viewer does not moderate and requests already decided change nothing.
 */
export async function decideRequests(
  ctx: Ctx,
  viewer: Viewer,
  input: { membershipIds: readonly string[]; decision: Decision; reason?: string | null },
  now = new Date(),
): Promise<DecisionOutcome[]> {
  const ids = [...new Set(input.membershipIds.map((id) => id.toLowerCase()))].slice(0, BULK_MAX);
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const outcomes: DecisionOutcome[] = [];
  for (const id of ids) {
    if (!isUuid(id)) {
      outcomes.push({ membershipId: id, kind: "not_found" });
      continue;
    }
    outcomes.push(await withTx(ctx, (tx) => decideOne(tx, viewer, id, input.decision, reason, now)));
  }
  return outcomes;
}
