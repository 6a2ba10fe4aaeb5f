/**
 * Members for the admin pages: search, keyset pages, counts, and role changes (logged).
 * Newest first on (createdAt desc, id desc), read through the User_createdAt_idx index. Members
 * without a createdAt (rows written before it was set) come after all dated ones, by id.
 */
import { and, count, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { likePattern } from "~/lib/like-pattern";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { Position } from "~/lib/cursor";
import type { UserRole } from "./roles";

export const MEMBERS_PAGE_SIZE = 50;

export const SEARCH_MAX = 100;

export interface MemberRow {
  id: string;
  name: string | null;
  email: string;
  role: string | null;
  createdAt: Date | null;
}

export interface Page<T> {
  rows: T[];
  /** Where the next page starts, or null on the last page. */
  next: Position | null;
}

function searchCondition(ctx: Ctx, q: string): SQL | undefined {
  const text = q.trim().slice(0, SEARCH_MAX);
  if (!text) return undefined;
  const { User } = ctx.t;
  const pattern = likePattern(text);
  // lower() on both sides: LIKE is case-sensitive on PostgreSQL and (beyond ASCII) on SQLite; ilike is pg-only.
  return or(sql`lower(${User.name}) like ${pattern} escape '\\'`, sql`lower(${User.email}) like ${pattern} escape '\\'`);
}

export async function listMembers(
  ctx: Ctx,
  options: { q?: string; after?: Position; pageSize?: number } = {},
): Promise<Page<MemberRow>> {
  const { User } = ctx.t;
  const size = options.pageSize ?? MEMBERS_PAGE_SIZE;
  const search = searchCondition(ctx, options.q ?? "");
  const after = options.after;
  const columns = { id: User.id, name: User.name, email: User.email, role: User.role, createdAt: User.createdAt };
  let rows: MemberRow[] = [];

  if (!after || after.at !== null) {
    // Dated members. createdAt <= t bounds the index range; the OR picks up after the last row.
    const position = after
      ? and(lte(User.createdAt, new Date(after.at!)), or(lt(User.createdAt, new Date(after.at!)), lt(User.id, after.id)))
      : undefined;
    rows = await ctx.db
      .select(columns)
      .from(User)
      .where(and(isNotNull(User.createdAt), position, search))
      .orderBy(desc(User.createdAt), desc(User.id))
      .limit(size + 1);
  }
  if (rows.length <= size) {
    // Then the undated ones, by id.
    const undated = await ctx.db
      .select(columns)
      .from(User)
      .where(and(isNull(User.createdAt), after?.at === null ? lt(User.id, after.id) : undefined, search))
      .orderBy(desc(User.id))
      .limit(size + 1 - rows.length);
    rows = rows.concat(undated);
  }
  const pageRows = rows.slice(0, size);
  const last = pageRows[pageRows.length - 1];
  const next = rows.length > size && last ? { at: last.createdAt ? last.createdAt.getTime() : null, id: last.id } : null;
  return { rows: pageRows, next };
}

export async function findMember(ctx: Ctx, id: string): Promise<MemberRow | null> {
  if (!isUuid(id)) return null;
  const { User } = ctx.t;
  const [row] = await ctx.db
    .select({ id: User.id, name: User.name, email: User.email, role: User.role, createdAt: User.createdAt })
    .from(User)
    .where(eq(User.id, id))
    .limit(1);
  return row ?? null;
}

/** How many members hold each role (members without a role count as "user"). */
export async function countMembersByRole(ctx: Ctx): Promise<{ total: number; byRole: Record<string, number> }> {
  const { User } = ctx.t;
  const role = sql<string>`coalesce(${User.role}, 'user')`;
  const rows = await ctx.db.select({ role, n: count() }).from(User).groupBy(role);
  const byRole: Record<string, number> = {};
  let total = 0;
  for (const row of rows) {
    byRole[row.role] = Number(row.n);
    total += Number(row.n);
  }
  return { total, byRole };
}

export type RoleChange =
  | { kind: "changed"; from: string; to: UserRole; member: MemberRow }
  | { kind: "unchanged"; member: MemberRow }
  | { kind: "not_found" }
  | { kind: "own_admin_role" }
  /** The acting admin lost the role meanwhile. */
  | { kind: "not_admin" };

/**
 * Gives `targetId` the role `to`, logged on the target's activity with {from, to, by}. An admin
 * cannot take away their own admin role: with every admin able to do it, Ladder could end up
 * with no admin at all and no way to name one from the app.
 */
export async function changeRole(
  ctx: Ctx,
  input: { actorId: string; targetId: string; to: UserRole; ip?: string | null; userAgent?: string | null; sessionId?: string | null },
): Promise<RoleChange> {
  if (input.actorId === input.targetId && input.to !== "admin") return { kind: "own_admin_role" };
  if (!isUuid(input.targetId)) return { kind: "not_found" };
  return withTx(ctx, async (tx) => {
    const { User } = tx.t;
    // Both rows, locked in id order on PostgreSQL (SQLite's BEGIN IMMEDIATE already serialises
    // writers): two admins demoting each other at once cannot both succeed and leave no admin.
    const select = tx.db
      .select({ id: User.id, name: User.name, email: User.email, role: User.role, createdAt: User.createdAt })
      .from(User)
      .where(inArray(User.id, [input.actorId, input.targetId]))
      .orderBy(User.id);
    const rows = tx.dialect === "pg" ? await select.for("update") : await select;
    const actor = rows.find((row) => row.id === input.actorId);
    const member = rows.find((row) => row.id === input.targetId);
    if (actor?.role !== "admin") return { kind: "not_admin" } as const;
    if (!member) return { kind: "not_found" } as const;
    const from = member.role ?? "user";
    if (from === input.to) return { kind: "unchanged", member } as const;
    await tx.db.update(User).set({ role: input.to }).where(eq(User.id, member.id));
    await track(tx, {
      userId: member.id,
      type: "role_changed",
      resource: { type: "user", id: member.id },
      metadata: { from, to: input.to, by: input.actorId },
      ip: input.ip,
      userAgent: input.userAgent,
      sessionId: input.sessionId,
    });
    return { kind: "changed", from, to: input.to, member: { ...member, role: input.to } } as const;
  });
}
