/**
 * The directory, /communities (issue 16): every community by name, searched over name and
 * description (lower() LIKE on both databases, % and _ taken literally), in keyset pages on
 * (lower(name), id), which the index communities_name_lower_id_idx serves in order. Each row has
 * its member count (community_stats, kept with every membership change) and where the viewer
 * stands (member, pending, neither), read in the same query. A signed-in member also gets "Your
 * communities" (approved or pending) above the first page.
 */
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { createCursor } from "~/lib/cursor.server";
import { isUuid } from "~/lib/ids";
import { likePattern } from "~/lib/like-pattern";
import { DIRECTORY_PAGE_SIZE, DIRECTORY_QUERY_MAX, directoryStatus, isBannerKey, summaryOf, YOURS_MAX, type DirectoryStatus } from "./rules";

/** The directory's cursor holds the last row's id; its lower(name) is read back with it (names are too long for a link). */
export const directoryCursor = createCursor<string, "directory">({ name: "communities", encode: (id) => id, decode: (payload) => (isUuid(payload) ? payload : null) });

export interface DirectoryRow {
  id: string;
  name: string;
  summary: string;
  members: number;
  status: DirectoryStatus;
  hasBanner: boolean;
  /** The viewer created it (the row links to its edit page). */
  created: boolean;
}

export interface DirectoryPage {
  rows: DirectoryRow[];
  /** The last row's id when another page follows. */
  nextId: string | null;
}

/** The search as the directory uses it: trimmed and cut to DIRECTORY_QUERY_MAX characters. */
export const directoryQuery = (raw: string | null | undefined) => [...(raw ?? "").trim()].slice(0, DIRECTORY_QUERY_MAX).join("");

function searchOf(ctx: Ctx, q: string): SQL | undefined {
  if (!q) return undefined;
  const { communities: c } = ctx.t;
  const pattern = likePattern(q);
  return or(sql`lower(${c.name}) like ${pattern} escape '\\'`, sql`lower(${c.description}) like ${pattern} escape '\\'`);
}

function columns(ctx: Ctx) {
  const { communities: c, community_stats: s, community_memberships: m } = ctx.t;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    banner: c.banner_image,
    createdBy: c.created_by,
    members: sql<number>`coalesce(${s.members}, 0)`.mapWith(Number),
    membership: m.status,
  };
}

type Read = { id: string; name: string; description: string | null; banner: string | null; createdBy: string | null; members: number; membership: string | null };
const toRow = (viewerId: string | null) => (r: Read): DirectoryRow => ({
  id: r.id,
  name: r.name,
  summary: summaryOf(r.description),
  members: r.members,
  status: directoryStatus(r.membership),
  hasBanner: isBannerKey(r.banner),
  created: viewerId !== null && r.createdBy === viewerId,
});

/**
 * One page of the directory after the community `afterId` (none: the first page). `null` when the
 * cursor's community has gone (the page link can no longer say where it was).
 */
export async function directoryPage(
  ctx: Ctx,
  viewerId: string | null,
  options: { q?: string; afterId?: string; pageSize?: number } = {},
): Promise<DirectoryPage | null> {
  const { communities: c, community_stats: s, community_memberships: m } = ctx.t;
  const size = options.pageSize ?? DIRECTORY_PAGE_SIZE;
  let after: SQL | undefined;
  if (options.afterId) {
    const [anchor] = await ctx.db.select({ lower: sql<string>`lower(${c.name})` }).from(c).where(eq(c.id, options.afterId)).limit(1);
    if (!anchor) return null;
    // (lower(name), id) > (the last row's): one range on the index, on both databases.
    after = or(sql`lower(${c.name}) > ${anchor.lower}`, and(sql`lower(${c.name}) = ${anchor.lower}`, sql`${c.id} > ${options.afterId}`));
  }
  const rows = await ctx.db
    .select(columns(ctx))
    .from(c)
    .leftJoin(s, eq(s.community_id, c.id))
    // For a visitor the join matches nothing through the (community_id, user_id) key; a bare
    // `1 = 0` made SQLite scan every membership for each row (0.76 s at scale).
    .leftJoin(m, and(eq(m.community_id, c.id), viewerId ? eq(m.user_id, viewerId) : isNull(m.user_id)))
    .where(and(searchOf(ctx, options.q ?? ""), after))
    .orderBy(sql`lower(${c.name})`, asc(c.id))
    .limit(size + 1);
  const page = rows.slice(0, size).map(toRow(viewerId));
  return { rows: page, nextId: rows.length > size ? page[page.length - 1].id : null };
}

/** The viewer's own communities (approved or pending) that match the search, by name; at most YOURS_MAX, and whether there are more. */
export async function yourCommunities(ctx: Ctx, viewerId: string, q = ""): Promise<{ rows: DirectoryRow[]; more: boolean }> {
  const { communities: c, community_stats: s, community_memberships: m } = ctx.t;
  const rows = await ctx.db
    .select(columns(ctx))
    .from(m)
    .innerJoin(c, eq(c.id, m.community_id))
    .leftJoin(s, eq(s.community_id, c.id))
    .where(and(eq(m.user_id, viewerId), searchOf(ctx, q)))
    .orderBy(sql`lower(${c.name})`, asc(c.id))
    .limit(YOURS_MAX + 1);
  return { rows: rows.slice(0, YOURS_MAX).map(toRow(viewerId)), more: rows.length > YOURS_MAX };
}
