/**
 * One member as an admin sees them (/admin/users/<id>, issue 20 item 5): who they are, their
 * sessions, activity log, feature usage and page views. Admins only: the route checks the role,
 * and every query here has the member's id in its WHERE, so a page of one member never holds a
 * row of another. Decision 053.
 *
 * What is never read, so it can never reach the page: the password hash, session token hashes,
 * reset tokens, API keys, IP addresses and user agents, and the logs' metadata (free-form JSON
 * that other areas fill, where a secret could one day land).
 *
 * Every list is newest first on (time, id), in keyset pages over the (user_id, time) indexes
 * (user_sessions: its (user_id, is_active) index narrows to the member, whose sessions are few).
 */
import { and, count, desc, eq, gte, lt, max, or, type Column, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { createCursor } from "~/lib/cursor.server";
import { decodeDatedPosition, encodePosition } from "~/lib/cursor";
import { isUuid } from "~/lib/ids";
import { SESSION_IDLE_MS, SESSION_MAX_MS } from "~/modules/accounts/index.server";
import { findMember, type MemberRow } from "./members.server";
import { sessionState, type MemberListName, type SessionState } from "./member-view";

export const PAGE_SIZES: Record<MemberListName, number> = { sessions: 10, activity: 20, usage: 10, views: 20 };

/** Feature usage is counted over this many days back from now. */
export const USAGE_DAYS = 30;
/** At most this many (feature, action) counts: a member uses a few dozen at most. */
export const USAGE_COUNTS_MAX = 50;

export interface DatedPosition {
  at: number;
  id: string;
}

/** The lists' cursors: a dated position, scoped to its list (one list's cursor is refused by another). */
export const memberCursor = createCursor<DatedPosition, MemberListName>({
  name: "admin-member",
  encode: encodePosition,
  decode: decodeDatedPosition,
});

export interface Page<T> {
  rows: T[];
  next: DatedPosition | null;
}

/** Rows strictly after `after` in (time desc, id desc) order. */
function olderThan(at: Column, id: Column, after: DatedPosition | undefined): SQL | undefined {
  if (!after) return undefined;
  const when = new Date(after.at);
  return or(lt(at, when), and(eq(at, when), lt(id, after.id)));
}

function pageOf<T extends { id: string }>(rows: T[], size: number, at: (row: T) => Date): Page<T> {
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return { rows: shown, next: rows.length > size && last ? { at: at(last).getTime(), id: last.id } : null };
}

export interface MemberSummary extends MemberRow {
  /** When their newest session started (each sign-in starts one); null when none is kept. */
  lastSignInAt: Date | null;
}

/** The member, or null for an unknown or malformed id. */
export async function memberSummary(ctx: Ctx, id: string): Promise<MemberSummary | null> {
  const member = await findMember(ctx, id);
  if (!member) return null;
  const s = ctx.t.user_sessions;
  const [row] = await ctx.db.select({ at: max(s.started_at) }).from(s).where(eq(s.user_id, member.id));
  // max() of a column reads through the column's own mapping: a Date on both databases.
  return { ...member, lastSignInAt: row?.at ?? null };
}

export interface MemberSession {
  id: string;
  deviceType: string | null;
  browser: string | null;
  os: string | null;
  startedAt: Date;
  lastActivityAt: Date;
  endedAt: Date | null;
  state: SessionState;
}

export async function memberSessions(ctx: Ctx, userId: string, after?: DatedPosition, now = new Date()): Promise<Page<MemberSession>> {
  if (!isUuid(userId)) return { rows: [], next: null };
  const s = ctx.t.user_sessions;
  const size = PAGE_SIZES.sessions;
  const rows = await ctx.db
    .select({
      id: s.id,
      deviceType: s.device_type,
      browser: s.browser,
      os: s.os,
      startedAt: s.started_at,
      lastActivityAt: s.last_activity_at,
      endedAt: s.ended_at,
      isActive: s.is_active,
    })
    .from(s)
    .where(and(eq(s.user_id, userId), olderThan(s.started_at, s.id, after)))
    .orderBy(desc(s.started_at), desc(s.id))
    .limit(size + 1);
  return pageOf(
    rows.map(({ isActive, ...r }) => ({ ...r, state: sessionState({ ...r, isActive: isActive ?? false }, now, { idleMs: SESSION_IDLE_MS, maxMs: SESSION_MAX_MS }) })),
    size,
    (r) => r.startedAt,
  );
}

export interface MemberActivity {
  id: string;
  actionType: string;
  category: string;
  /** The activity type's description (activity_types), when the type is known there. */
  description: string | null;
  resourceType: string | null;
  createdAt: Date;
}

export async function memberActivity(ctx: Ctx, userId: string, after?: DatedPosition): Promise<Page<MemberActivity>> {
  if (!isUuid(userId)) return { rows: [], next: null };
  const { user_activity_logs: l, activity_types: types } = ctx.t;
  const size = PAGE_SIZES.activity;
  const rows = await ctx.db
    .select({
      id: l.id,
      actionType: l.action_type,
      category: l.action_category,
      description: types.description,
      resourceType: l.resource_type,
      createdAt: l.created_at,
    })
    .from(l)
    .leftJoin(types, eq(types.name, l.action_type))
    .where(and(eq(l.user_id, userId), olderThan(l.created_at, l.id, after)))
    .orderBy(desc(l.created_at), desc(l.id))
    .limit(size + 1);
  return pageOf(rows, size, (r) => r.createdAt);
}

export interface UsageCount {
  feature: string;
  action: string;
  count: number;
}

/** How often the member used each feature and action since `since`, most used first. */
export async function memberUsageCounts(ctx: Ctx, userId: string, since: Date): Promise<UsageCount[]> {
  if (!isUuid(userId)) return [];
  const f = ctx.t.feature_usage;
  const n = count();
  const rows = await ctx.db
    .select({ feature: f.feature_name, action: f.action, count: n })
    .from(f)
    .where(and(eq(f.user_id, userId), gte(f.created_at, since)))
    .groupBy(f.feature_name, f.action)
    .orderBy(desc(n), f.feature_name, f.action)
    .limit(USAGE_COUNTS_MAX);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export interface UsageRow {
  id: string;
  feature: string;
  action: string;
  createdAt: Date;
}

export async function memberUsage(ctx: Ctx, userId: string, after?: DatedPosition): Promise<Page<UsageRow>> {
  if (!isUuid(userId)) return { rows: [], next: null };
  const f = ctx.t.feature_usage;
  const size = PAGE_SIZES.usage;
  const rows = await ctx.db
    .select({ id: f.id, feature: f.feature_name, action: f.action, createdAt: f.created_at })
    .from(f)
    .where(and(eq(f.user_id, userId), olderThan(f.created_at, f.id, after)))
    .orderBy(desc(f.created_at), desc(f.id))
    .limit(size + 1);
  return pageOf(rows, size, (r) => r.createdAt);
}

export interface PageViewRow {
  id: string;
  path: string;
  title: string | null;
  timeOnPage: number | null;
  createdAt: Date;
}

export async function memberPageViews(ctx: Ctx, userId: string, after?: DatedPosition): Promise<Page<PageViewRow>> {
  if (!isUuid(userId)) return { rows: [], next: null };
  const v = ctx.t.page_views;
  const size = PAGE_SIZES.views;
  const rows = await ctx.db
    .select({ id: v.id, path: v.page_path, title: v.page_title, timeOnPage: v.time_on_page, createdAt: v.created_at })
    .from(v)
    .where(and(eq(v.user_id, userId), olderThan(v.created_at, v.id, after)))
    .orderBy(desc(v.created_at), desc(v.id))
    .limit(size + 1);
  return pageOf(rows, size, (r) => r.createdAt);
}
