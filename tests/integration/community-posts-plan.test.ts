/**
 * The community page's queries read their rows from their indexes, in order, and stop after a
 * page: the database's own plan for the exact SQL of postsPageQuery (community_posts_community_created_idx)
 * and upcomingEventsQuery (community_events_upcoming_idx), on both databases, over 20,000 posts
 * in 20 communities with 2,000 events.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { beforeAll, expect, it } from "vitest";
import { upcomingEventsQuery } from "../../app/modules/communities/events.server";
import { listPosts, postsPageQuery } from "../../app/modules/communities/posts.server";
import { POSTS_PAGE_SIZE } from "../../app/modules/communities/post-rules";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const COMMUNITIES = 20;
const POSTS = 20_000;
const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

async function fill(ctx: Ctx) {
  const users = Array.from({ length: 50 }, (_, i) => uuid(1, i));
  await ctx.db.insert(ctx.t.User).values(users.map((id, i) => ({ id, email: `cplan${i}@test.ladder`, name: `Plan ${i}`, role: "user" as const, createdAt: new Date() })));
  const communities = Array.from({ length: COMMUNITIES }, (_, i) => uuid(2, i));
  await ctx.db.insert(ctx.t.communities).values(communities.map((id, i) => ({ id, name: `Plan community ${i}`, created_by: users[0] })));
  await ctx.db.insert(ctx.t.community_memberships).values(users.map((u) => ({ community_id: communities[0], user_id: u, status: "approved" as const })));
  const base = Date.UTC(2026, 0, 1);
  const posts = Array.from({ length: POSTS }, (_, i) => ({
    id: uuid(3, i),
    community_id: communities[i % COMMUNITIES],
    user_id: users[i % users.length],
    content: `Post ${i}`,
    type: i % 10 === 0 ? ("event" as const) : ("update" as const),
    created_at: new Date(base + i * 60_000),
  }));
  for (let i = 0; i < posts.length; i += 1_000) await ctx.db.insert(ctx.t.community_posts).values(posts.slice(i, i + 1_000));
  const events = posts.filter((p) => p.type === "event").map((p, i) => ({ post_id: p.id, community_id: p.community_id, starts_at: new Date(base + i * 3_600_000), place: "Hall" }));
  for (let i = 0; i < events.length; i += 1_000) await ctx.db.insert(ctx.t.community_events).values(events.slice(i, i + 1_000));
  return { viewer: { id: users[1], role: "user" }, communityId: communities[0], now: new Date(base + 500 * 3_600_000) };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** The plan of `query` reads `table` only through `index`, with no sort and no scan of the table. */
async function expectIndexRead(ctx: Ctx, query: SQL, table: string, index: string) {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql.raw(`analyze ${table}`));
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const plan = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(plan);
    const text = JSON.stringify(plan);
    const reads = nodes.filter((n) => n["Relation Name"] === table);
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read["Node Type"], text).toMatch(/^Index (Only )?Scan( Backward)?$/);
      expect(read["Index Name"], text).toBe(index);
    }
    expect(nodes.some((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort"), text).toBe(false);
  } else {
    const sqlite = ctx.db as unknown as BetterSQLite3Database;
    sqlite.run(sql`analyze`);
    const rows = sqlite.all<{ id: number; parent: number; detail: string }>(sql`explain query plan ${query}`);
    const text = rows.map((r) => `${r.id}<${r.parent} ${r.detail}`).join("\n");
    const reads = rows.filter((r) => r.detail.startsWith(`SEARCH ${table} `) || r.detail.startsWith(`SCAN ${table}`));
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) expect(read.detail, text).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${index} \\(community_id=\\?`));
    expect(rows.some((r) => r.detail.includes("TEMP B-TREE")), text).toBe(false);
  }
}

describeEachDatabase("The community page's query plans over 20,000 posts", (db) => {
  // One fill for both tests (they only read).
  let filled: Awaited<ReturnType<typeof fill>>;
  beforeAll(async () => {
    filled = await fill(db.ctx);
  });

  it("reads a page of posts from the community's (created_at, id) index in order, the first page and an older one", async () => {
    const { viewer, communityId } = filled;
    await expectIndexRead(db.ctx, postsPageQuery(db.ctx, viewer, communityId).getSQL(), "community_posts", "community_posts_community_created_idx");
    const first = await listPosts(db.ctx, viewer, communityId);
    expect(first.rows).toHaveLength(POSTS_PAGE_SIZE);
    expect(first.rows[0].content).toBe(`Post ${POSTS - COMMUNITIES}`);
    await expectIndexRead(db.ctx, postsPageQuery(db.ctx, viewer, communityId, { after: first.next! }).getSQL(), "community_posts", "community_posts_community_created_idx");
  });

  it("reads the upcoming events from the community's (starts_at) index in order", async () => {
    const { communityId, now } = filled;
    await expectIndexRead(db.ctx, upcomingEventsQuery(db.ctx, communityId, now).getSQL(), "community_events", "community_events_upcoming_idx");
  });
}, { fresh: true, shared: true });
