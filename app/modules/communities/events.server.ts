/**
 * Community events (issue 16): the upcoming ones for the community page (community_events_upcoming_idx:
 * community, start), the "tell me about new events" switch (community_event_subscriptions, approved
 * members only, in the write), and an event as a calendar file's values.
 */
import { and, asc, eq, gte } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { approvedMemberSql, type Viewer } from "./access.server";
import { UPCOMING_EVENTS } from "./post-rules";

export interface UpcomingEvent {
  postId: string;
  content: string;
  startsAt: Date;
  endsAt: Date | null;
}

/** The next events of a community that have not started yet, soonest first. */
export async function upcomingEvents(ctx: Ctx, communityId: string, now = new Date(), limit = UPCOMING_EVENTS): Promise<UpcomingEvent[]> {
  if (!isUuid(communityId)) return [];
  return upcomingEventsQuery(ctx, communityId, now, limit);
}

/** The query of upcomingEvents (community_events_upcoming_idx: community, start), for its plan test. */
export function upcomingEventsQuery(ctx: Ctx, communityId: string, now: Date, limit = UPCOMING_EVENTS) {
  const { community_events: e, community_posts: p } = ctx.t;
  return ctx.db
    .select({ postId: e.post_id, content: p.content, startsAt: e.starts_at, endsAt: e.ends_at })
    .from(e)
    .innerJoin(p, eq(p.id, e.post_id))
    .where(and(eq(e.community_id, communityId), gte(e.starts_at, now)))
    .orderBy(asc(e.starts_at), asc(e.post_id))
    .limit(limit);
}

export async function hearsOfEvents(ctx: Ctx, viewerId: string, communityId: string): Promise<boolean> {
  if (!isUuid(communityId)) return false;
  const { community_event_subscriptions: s } = ctx.t;
  const [row] = await ctx.db
    .select({ id: s.user_id })
    .from(s)
    .where(and(eq(s.community_id, communityId), eq(s.user_id, viewerId)))
    .limit(1);
  return Boolean(row);
}

/**
 * Turns "tell me about new events" on or off for the viewer. On needs an approved membership (in
 * the statement that checks it, inside the transaction of the insert); off always works.
 */
export async function setEventNews(ctx: Ctx, viewer: Viewer, communityId: string, on: boolean): Promise<"done" | "not_member"> {
  if (!isUuid(communityId)) return "not_member";
  const { community_event_subscriptions: s, communities: c } = ctx.t;
  if (!on) {
    await ctx.db.delete(s).where(and(eq(s.community_id, communityId), eq(s.user_id, viewer.id)));
    return "done";
  }
  return withTx(ctx, async (tx) => {
    const [member] = await tx.db
      .select({ id: c.id })
      .from(c)
      .where(and(eq(c.id, communityId), approvedMemberSql(tx, viewer.id, c.id)))
      .limit(1);
    if (!member) return "not_member" as const;
    await tx.db.insert(s).values({ community_id: communityId, user_id: viewer.id }).onConflictDoNothing();
    return "done" as const;
  });
}
