/**
 * The post page's comment queries read their rows from the post's (created_at, id) index, in
 * order, and stop after a page (issue 17: a post with 5,000 comments answers like a small one):
 * the database's own plan for the exact SQL of commentsPageQuery (the first page and a later one)
 * and commentsBeforeQuery (where a new comment is shown), on both databases, over 20,000 comments
 * on 16 posts, one of them with 5,000.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { beforeAll, expect, it } from "vitest";
import { COMMENTS_PAGE_SIZE } from "../../app/modules/feed/comment-rules";
import { commentsBeforeQuery, commentsPageQuery, listComments } from "../../app/modules/feed/comments.server";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const POSTS = 16;
const COMMENTS = 20_000;
const BIG = 5_000;
const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

async function fill(ctx: Ctx) {
  const users = Array.from({ length: 50 }, (_, i) => uuid(1, i));
  await ctx.db.insert(ctx.t.User).values(users.map((id, i) => ({ id, email: `fplan${i}@test.ladder`, name: `Plan ${i}`, role: "user" as const, createdAt: new Date(), anonymous_username: `plan${i}` })));
  const posts = Array.from({ length: POSTS }, (_, i) => uuid(2, i));
  const base = Date.UTC(2026, 0, 1);
  await ctx.db.insert(ctx.t.anonymous_post).values(posts.map((id, i) => ({ id, user_id: users[i], content: `Post ${i}`, created_at: new Date(base) })));
  // The first post has BIG comments; the rest share the others.
  const comments = Array.from({ length: COMMENTS }, (_, i) => ({
    id: uuid(3, i),
    post_id: i < BIG ? posts[0] : posts[1 + (i % (POSTS - 1))],
    user_id: users[i % users.length],
    content: `Comment ${i}`,
    created_at: new Date(base + i * 60_000),
  }));
  for (let i = 0; i < comments.length; i += 1_000) await ctx.db.insert(ctx.t.anonymous_comment).values(comments.slice(i, i + 1_000));
  return { viewerId: users[1], postId: posts[0], last: comments[BIG - 1] };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/**
 * The plan of `query` reads `table` only through `index`, with no sort and no scan of the table.
 * `bitmap`: PostgreSQL may also read the range as a bitmap of that index (a count of a range).
 */
async function expectIndexRead(ctx: Ctx, query: SQL, table: string, index: string, options: { bitmap?: boolean } = {}) {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql.raw(`analyze ${table}`));
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const plan = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(plan);
    const text = JSON.stringify(plan);
    const reads = nodes.filter((n) => n["Relation Name"] === table);
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) {
      if (options.bitmap && read["Node Type"] === "Bitmap Heap Scan") {
        expect(read.Plans?.map((n) => [n["Node Type"], n["Index Name"]]), text).toEqual([["Bitmap Index Scan", index]]);
        continue;
      }
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
    for (const read of reads) expect(read.detail, text).toMatch(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${index} \\(post_id=\\?`));
    expect(rows.some((r) => r.detail.includes("TEMP B-TREE")), text).toBe(false);
  }
}

describeEachDatabase(
  "The post page's comment query plans over 20,000 comments",
  (db) => {
    // One fill for both tests (they only read).
    let filled: Awaited<ReturnType<typeof fill>>;
    beforeAll(async () => {
      filled = await fill(db.ctx);
    });

    it("reads a page of a post's comments from its (created_at, id) index in order, the first page and a later one", async () => {
      const { viewerId, postId } = filled;
      const index = "anonymous_comment_post_created_idx";
      await expectIndexRead(db.ctx, commentsPageQuery(db.ctx, viewerId, postId).getSQL(), "anonymous_comment", index);
      const first = await listComments(db.ctx, viewerId, postId);
      expect(first.rows).toHaveLength(COMMENTS_PAGE_SIZE);
      expect(first.rows[0].content).toBe("Comment 0");
      await expectIndexRead(db.ctx, commentsPageQuery(db.ctx, null, postId, { after: first.next! }).getSQL(), "anonymous_comment", index);
      const second = await listComments(db.ctx, null, postId, { after: first.next! });
      expect(second.rows[0].content).toBe(`Comment ${COMMENTS_PAGE_SIZE}`);
    });

    it("counts the comments before one (where a new comment is shown) on the same index", async () => {
      const { postId, last } = filled;
      await expectIndexRead(db.ctx, commentsBeforeQuery(db.ctx, postId, { id: last.id, createdAt: last.created_at }).getSQL(), "anonymous_comment", "anonymous_comment_post_created_idx", { bitmap: true });
      const [row] = await commentsBeforeQuery(db.ctx, postId, { id: last.id, createdAt: last.created_at });
      expect(Number(row.before)).toBe(BIG - 1);
    });
  },
  { fresh: true, shared: true },
);
