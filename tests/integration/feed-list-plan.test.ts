/**
 * /feed's queries read their posts from the indexes of migration 0009, on both databases, over
 * 20,000 posts: the database's own plan for the exact SQL of feedPageQuery. Newest first, and
 * filtered by topic, company or industry, each page is read in order from its (…, created_at, id)
 * index and stops after a page (no sort, no scan of the table), the first page and a later one.
 * "Top this week" reads only the week's posts through an index (it sorts that week by likes).
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { beforeAll, expect, it } from "vitest";
import { feedPageQuery, listFeed } from "../../app/modules/feed/list.server";
import { FEED_PAGE_SIZE, NO_FILTERS, TOPICS, type FeedFilters } from "../../app/modules/feed/rules";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const POSTS = 20_000;
const COMPANIES = 200;
const INDUSTRIES = 40;
const MINUTE = 60_000;
/** Posts 15 minutes apart: 20,000 posts over about 208 days, about 3% of them in the last week (the scale seed has 1%). */
const GAP = 15 * MINUTE;
const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const BASE = Date.UTC(2030, 0, 1);
/** "now" is just after the last post. */
const NOW = new Date(BASE + POSTS * GAP);

async function fill(ctx: Ctx) {
  const users = Array.from({ length: 50 }, (_, i) => uuid(1, i));
  await ctx.db.insert(ctx.t.User).values(users.map((id, i) => ({ id, email: `fplan${i}@test.ladder`, name: `Plan ${i}`, anonymous_username: `plan${i}`, role: "user" as const, createdAt: new Date() })));
  const posts = Array.from({ length: POSTS }, (_, i) => ({
    id: uuid(3, i),
    user_id: users[i % users.length],
    content: `Post ${i}`,
    topic: TOPICS[i % TOPICS.length],
    company_name: `Company ${i % COMPANIES}`,
    industry: `Industry ${i % INDUSTRIES}`,
    likes_count: (i * 7) % 50,
    comments_count: 0,
    created_at: new Date(BASE + i * GAP),
    updated_at: new Date(BASE + i * GAP),
  }));
  for (let i = 0; i < posts.length; i += 1_000) await ctx.db.insert(ctx.t.anonymous_post).values(posts.slice(i, i + 1_000));
  return { viewerId: users[1] };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];
const TABLE = "anonymous_post";

/** The plan of `query` reads anonymous_post only through one of `indexes`; `sorted: false` also refuses a sort. */
async function expectIndexRead(ctx: Ctx, query: SQL, indexes: string[], options: { sorted?: boolean } = {}) {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql.raw(`analyze ${TABLE}`));
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const plan = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(plan);
    const text = JSON.stringify(plan);
    const reads = nodes.filter((n) => n["Relation Name"] === TABLE);
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read["Node Type"], text).toMatch(/^(Index (Only )?Scan( Backward)?|Bitmap Heap Scan)$/);
      if (read["Node Type"] !== "Bitmap Heap Scan") expect(indexes, text).toContain(read["Index Name"]);
    }
    // The viewer's own likes (the "liked" column) are read by their own index: only the posts' bitmaps count here.
    const ofPosts = (name: string | undefined) => name !== undefined && name.startsWith(`${TABLE}_`) && !name.startsWith(`${TABLE}_like`) && !name.startsWith(`${TABLE}_removals`);
    const bitmaps = nodes.filter((n) => n["Node Type"] === "Bitmap Index Scan" && ofPosts(n["Index Name"]));
    for (const bitmap of bitmaps) expect(indexes, text).toContain(bitmap["Index Name"]);
    if (!options.sorted) expect(nodes.some((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort" || (n["Node Type"] === "Bitmap Heap Scan" && n["Relation Name"] === TABLE)), text).toBe(false);
  } else {
    const sqlite = ctx.db as unknown as BetterSQLite3Database;
    sqlite.run(sql`analyze`);
    const rows = sqlite.all<{ id: number; parent: number; detail: string }>(sql`explain query plan ${query}`);
    const text = rows.map((r) => `${r.id}<${r.parent} ${r.detail}`).join("\n");
    const reads = rows.filter((r) => r.detail.startsWith(`SEARCH ${TABLE} `) || r.detail.startsWith(`SCAN ${TABLE}`));
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) expect(indexes.some((index) => new RegExp(`^(SEARCH|SCAN) ${TABLE} USING (COVERING )?INDEX ${index}\\b`).test(read.detail)), text).toBe(true);
    if (!options.sorted) expect(rows.some((r) => r.detail.includes("TEMP B-TREE")), text).toBe(false);
  }
}

const filters = (changes: Partial<FeedFilters>): FeedFilters => ({ ...NO_FILTERS, ...changes });

describeEachDatabase("The feed's query plans over 20,000 posts", (db) => {
  // One fill for both tests (they only read): 20,000 posts take most of the file's time.
  let filled: Awaited<ReturnType<typeof fill>>;
  beforeAll(async () => {
    filled = await fill(db.ctx);
  });

  it("reads newest-first pages, unfiltered and filtered by topic, company or industry, in order from their indexes", async () => {
    const { viewerId } = filled;
    const cases: [FeedFilters, string[]][] = [
      [NO_FILTERS, ["anonymous_post_created_idx"]],
      // A topic holds a quarter of the posts: PostgreSQL may as well walk the newest-first index and skip the others.
      [filters({ topic: "career_advice" }), ["anonymous_post_topic_created_idx", "anonymous_post_created_idx"]],
      [filters({ company: "company 7" }), ["anonymous_post_company_created_idx"]],
      [filters({ industry: "INDUSTRY 3" }), ["anonymous_post_industry_created_idx"]],
    ];
    for (const [f, indexes] of cases) {
      await expectIndexRead(db.ctx, feedPageQuery(db.ctx, viewerId, f, { now: NOW }).query.getSQL(), indexes);
      const first = await listFeed(db.ctx, viewerId, f, { now: NOW });
      expect(first.posts, JSON.stringify(f)).toHaveLength(FEED_PAGE_SIZE);
      await expectIndexRead(db.ctx, feedPageQuery(db.ctx, viewerId, f, { now: NOW, after: first.next! }).query.getSQL(), indexes);
    }
  });

  it("reads 'Top this week' from an index over the week only, never the whole table", async () => {
    const { viewerId } = filled;
    const top = filters({ sort: "top" });
    await expectIndexRead(db.ctx, feedPageQuery(db.ctx, viewerId, top, { now: NOW }).query.getSQL(), ["anonymous_post_created_idx", "anonymous_post_pkey", "sqlite_autoindex_anonymous_post_1"], { sorted: true });
    const first = await listFeed(db.ctx, viewerId, top, { now: NOW });
    expect(first.posts.map((p) => p.likesCount)).toEqual([...first.posts.map((p) => p.likesCount)].sort((a, b) => b - a));
    await expectIndexRead(db.ctx, feedPageQuery(db.ctx, viewerId, top, { now: NOW, afterTop: first.nextTop! }).query.getSQL(), ["anonymous_post_created_idx", "anonymous_post_pkey", "sqlite_autoindex_anonymous_post_1"], { sorted: true });
  });
}, { shared: true });
