/**
 * The feed's queries read anonymous_post, anonymous_comment and anonymous_reports through their
 * indexes and stop after a page (issue 17, Scale): the database's own plan, on both databases,
 * over 30,000 posts (two years; skewed topics, companies, industries and likes), 33,000 comments
 * (3,000 on one post), 3,000 reports and 20,000 members.
 *
 * The SQL has the shape the feed's modules run: the access module's columns and joins
 * (postColumns / commentColumns), the filters `topic = ?`, `lower(company_name) = lower(?)`,
 * `lower(industry) = lower(?)`, "Top this week" `created_at >= ?` ordered by `likes_count desc,
 * id desc` with the keyset `likes_count < ? or (likes_count = ? and id < ?)`, a post's comments
 * oldest first, and the open reports oldest first. Keyset positions are written as bounds (see
 * `olderThan`). TODO(merge): point these at app/modules/feed/list.server.ts, comments.server.ts
 * and the reports queue's query builders.
 */
import { eq, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { commentsPageQuery, feedPageQuery, filterWhere, reportsQueueQuery, topWeekFirstQuery, topWeekQuery, type FeedFilter } from "../../bench/feed-query-shapes";
import type { Ctx } from "../../db/client";
import { openBulkWriter, type BulkRow, type BulkTable } from "../../db/seed/bulk";
import { feedTables } from "../../db/seed/scale-feed";
import { describeEachDatabase } from "../support/db";

const USERS = 20_000;
const POSTS = 30_000;
const COMMENTS = 30_000;
const BIG_POST_COMMENTS = 3_000;
const REPORTS = 3_000;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const TOPICS = ["general", "general", "general", "general", "career_advice", "career_advice", "career_advice", "workplace_issues", "workplace_issues", "company_culture"];
const INDUSTRIES = ["Technology", "Banking", "Retail", "Education", "Healthcare", "Energy", "Logistics", "Design", "Legal", "Mining"];

const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
/** A hash in [0, 1): picks that do not follow the row number. */
const unit = (x: number) => {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
};
/** Skewed index in [0, n): the first values are common, the last rare. */
const skewed = (u: number, n: number) => Math.min(n - 1, Math.floor(u * u * u * n));

const companyOf = (i: number) => (unit(i * 3 + 1) < 0.3 ? null : `Company ${skewed(unit(i * 3 + 2), 60)}`);
const postId = (i: number) => uuid(2, i);
const userId = (i: number) => uuid(1, i);
const BIG_POST = POSTS - 500;

async function fill(ctx: Ctx) {
  const writer = await openBulkWriter(ctx, () => {});
  try {
    const users: BulkTable = { name: "User", columns: [["id", "uuid"], ["email", "text"], ["name", "text"], ["anonymous_username", "text"], ["role", "text"], ["createdAt", "ts"]] };
    await writer.write(users, (function* (): Generator<BulkRow> {
      for (let i = 0; i < USERS; i++) yield [userId(i), `fplan${i}@test.ladder`, `Plan ${i}`, `PlanFox${i}`, "user", NOW - 800 * DAY];
    })());
    const created = (i: number) => NOW - 730 * DAY + Math.floor(((i + unit(i)) / POSTS) * 730 * DAY);
    await writer.write(feedTables.anonymous_post, (function* (): Generator<BulkRow> {
      for (let i = 0; i < POSTS; i++) {
        const at = created(i);
        const company = companyOf(i);
        // Mixed case: the filter matches lower(company_name).
        const shown = company && i % 2 === 0 ? company.toUpperCase() : company;
        yield [postId(i), userId(i % USERS), `Post ${i}`, i % 7 !== 0, shown, INDUSTRIES[skewed(unit(i * 3 + 3), INDUSTRIES.length)], TOPICS[Math.floor(unit(i * 3 + 4) * TOPICS.length)], Math.floor(Math.pow(unit(i * 3 + 5), 6) * 500), i === BIG_POST ? BIG_POST_COMMENTS : 1, at, at];
      }
    })());
    await writer.write(feedTables.anonymous_comment, (function* (): Generator<BulkRow> {
      for (let i = 0; i < COMMENTS; i++) {
        if (i === BIG_POST) continue;
        const at = created(i) + 3_600_000;
        yield [uuid(3, i), postId(i), userId((i * 7) % USERS), `Comment ${i}`, true, 0, at, at];
      }
      for (let k = 0; k < BIG_POST_COMMENTS; k++) {
        const at = created(BIG_POST) + k * 60_000;
        yield [uuid(4, k), postId(BIG_POST), userId((k * 11) % USERS), `Big ${k}`, k % 3 !== 0, 0, at, at];
      }
    })());
    const statuses = ["dismissed", "dismissed", "dismissed", "hidden", "open"];
    await writer.write(feedTables.anonymous_reports, (function* (): Generator<BulkRow> {
      for (let k = 0; k < REPORTS; k++) {
        const target = (k * 9) % POSTS;
        const at = created(target) + 7_200_000;
        const status = statuses[k % statuses.length];
        yield [uuid(5, k), postId(target), null, userId((target + 1) % USERS), "spam", null, status, status === "open" ? null : userId(0), status === "open" ? null : at + DAY, at];
      }
    })());
    await writer.write(feedTables.anonymous_post_removals, (function* (): Generator<BulkRow> {
      for (let k = 3; k < REPORTS; k += 5) yield [postId((k * 9) % POSTS), userId(0), created((k * 9) % POSTS) + DAY];
    })());
    const commentRemovals: BulkTable = { name: "anonymous_comment_removals", columns: [["comment_id", "uuid"], ["removed_by", "uuid"], ["removed_at", "ts"]] };
    await writer.write(commentRemovals, (function* (): Generator<BulkRow> {
      for (let i = 1; i < COMMENTS; i += 97) if (i !== BIG_POST) yield [uuid(3, i), userId(0), created(i) + DAY];
      for (let k = 50; k < BIG_POST_COMMENTS; k += 400) yield [uuid(4, k), userId(0), created(BIG_POST) + DAY];
    })());
  } finally {
    await writer.close();
  }
  await analyze(ctx);
  return { viewer: userId(5) };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

interface Read {
  table: string;
  /** "index" (a bounded search), "ordered" (an index from one end, in order, stopped by the LIMIT), "scan" (the whole table) */
  how: "index" | "ordered" | "scan";
  index: string;
}

interface Plan {
  reads: Read[];
  sorted: boolean;
  text: string;
}

/** How the plan of `query` reads each table, and whether it sorts. */
async function planOf(ctx: Ctx, query: SQL): Promise<Plan> {
  if (ctx.dialect === "pg") {
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const root = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(root);
    const reads: Read[] = [];
    for (const n of nodes) {
      const table = n["Relation Name"];
      if (!table) continue;
      if (/^Index (Only )?Scan( Backward)?$/.test(n["Node Type"])) reads.push({ table, how: n["Index Cond"] ? "index" : "ordered", index: n["Index Name"] ?? "" });
      else if (n["Node Type"] === "Bitmap Heap Scan") {
        for (const b of pgNodes(n).filter((x) => x["Node Type"] === "Bitmap Index Scan")) reads.push({ table, how: "index", index: b["Index Name"] ?? "" });
      } else reads.push({ table, how: "scan", index: n["Node Type"] });
    }
    const text = nodes.map((n) => [n["Node Type"], n["Relation Name"], n["Index Name"], n["Index Cond"], (n as { Filter?: string }).Filter].filter(Boolean).join(" ")).join("\n");
    return { reads, sorted: nodes.some((n) => /Sort/.test(n["Node Type"])), text };
  }
  const db = ctx.db as unknown as BetterSQLite3Database;
  const rows = db.all<{ detail: string }>(sql`explain query plan ${query}`);
  const reads: Read[] = [];
  for (const { detail } of rows) {
    const m = /^(SEARCH|SCAN) (\w+)/.exec(detail);
    if (!m) continue;
    reads.push({
      table: m[2],
      how: m[1] === "SEARCH" ? "index" : / USING (COVERING )?INDEX /.test(detail) ? "ordered" : "scan",
      index: / INDEX (\w+)/.exec(detail)?.[1] ?? (/PRIMARY KEY/.test(detail) ? "pk" : ""),
    });
  }
  return { reads, sorted: rows.some((r) => r.detail.includes("TEMP B-TREE")), text: rows.map((r) => r.detail).join("\n") };
}

/**
 * `table` is read only through `index` (a bounded search, or also from one end in order when
 * "ordered" is allowed), and the authors (User) and any other big table only by their keys.
 */
function expectReads(plan: Plan, table: string, index: string | RegExp, how: Read["how"][] = ["index", "ordered"]) {
  const mine = plan.reads.filter((r) => r.table === table);
  expect(mine.length, plan.text).toBeGreaterThan(0);
  for (const read of mine) {
    expect(how, plan.text).toContain(read.how);
    if (typeof index === "string") expect(read.index, plan.text).toBe(index);
    else expect(read.index, plan.text).toMatch(index);
  }
  // The removal tables stay small (a few hidden posts): hashing one whole is fine.
  for (const read of plan.reads.filter((r) => r.table !== table && !r.table.endsWith("_removals"))) expect(read.how, `${read.table}\n${plan.text}`).toBe("index");
}

async function analyze(ctx: Ctx) {
  if (ctx.dialect === "pg") await ctx.db.execute(sql`analyze`);
  else (ctx.db as unknown as BetterSQLite3Database).run(sql`analyze`);
}

/** The position of post i, as a "more" link carries it. */
const positionOf = (i: number) => ({ at: new Date(NOW - 730 * DAY + Math.floor(((i + unit(i)) / POSTS) * 730 * DAY)), id: postId(i) });

describeEachDatabase("The feed's query plans over 30,000 posts, 33,000 comments, 3,000 reports and 20,000 members", (db) => {
  it("reads the newest posts from the (created_at, id) index in order, the first page and a page deep in the feed", async () => {
    const { viewer } = await fill(db.ctx);
    const first = await planOf(db.ctx, feedPageQuery(db.ctx, viewer).getSQL());
    expectReads(first, "anonymous_post", "anonymous_post_created_idx");
    expect(first.sorted, first.text).toBe(false);
    // A visitor's page is the same query.
    expectReads(await planOf(db.ctx, feedPageQuery(db.ctx, null).getSQL()), "anonymous_post", "anonymous_post_created_idx");
    // Halfway down: the position bounds the search, it does not read the 15,000 newer posts first.
    const later = await planOf(db.ctx, feedPageQuery(db.ctx, viewer, {}, positionOf(POSTS / 2)).getSQL());
    expectReads(later, "anonymous_post", "anonymous_post_created_idx", ["index"]);
    expect(later.sorted, later.text).toBe(false);
  });

  it("reads a topic's, a company's and an industry's posts from their own indexes, newest first, popular and rare values alike", async () => {
    const { viewer } = await fill(db.ctx);
    const position = positionOf(POSTS / 3);
    /**
     * A rare value is read from its own index. For a popular one (a tenth of the posts or more)
     * the planner may as well walk (created_at, id) from the newest post, or from the position,
     * and keep the matching ones: a page costs a few dozen rows either way, and never sorts. Never the table.
     */
    const check = async (filter: FeedFilter, own: string, popular: boolean) => {
      for (const query of [feedPageQuery(db.ctx, viewer, filter), feedPageQuery(db.ctx, viewer, filter, position)]) {
        const plan = await planOf(db.ctx, query.getSQL());
        if (popular) {
          expectReads(plan, "anonymous_post", new RegExp(`^(${own}|anonymous_post_created_idx)$`));
          expect(plan.sorted, plan.text).toBe(false);
        } else expectReads(plan, "anonymous_post", own, ["index"]); // sorting a rare value's few rows is fine
      }
    };
    await check({ topic: "general" }, "anonymous_post_topic_created_idx", true); // 40% of the posts
    await check({ topic: "company_culture" }, "anonymous_post_topic_created_idx", true); // 10%
    // "company 0" is the most common company (18% of the posts), "Company 59" among the rarest; typed in any case.
    await check({ company: "company 0" }, "anonymous_post_company_created_idx", true);
    await check({ company: "COMPANY 59" }, "anonymous_post_company_created_idx", false);
    await check({ company: "Nobody Ltd" }, "anonymous_post_company_created_idx", false);
    await check({ industry: "technology" }, "anonymous_post_industry_created_idx", true);
    await check({ industry: "Mining" }, "anonymous_post_industry_created_idx", false);
    expect(filterWhere(db.ctx, {})).toBeUndefined();
  });

  it("reads this week's top posts through an index, never the whole table, the first page and the next", async () => {
    const { viewer } = await fill(db.ctx);
    const since = new Date(NOW - 7 * DAY);
    const next = { likes: 3, id: postId(POSTS - 50) };
    // As the issue states it: SQLite reads the week's posts through (created_at, id) and sorts them
    // by likes; PostgreSQL may instead walk (likes_count, id) from the top and keep this week's.
    // (At scale that walk grows with the pages: bench/feed-queries.ts; and with full statistics
    // SQLite may drive it from the authors through anonymous_post_user_idx.)
    for (const query of [topWeekQuery(db.ctx, viewer, since), topWeekQuery(db.ctx, viewer, since, next)]) {
      expectReads(await planOf(db.ctx, query.getSQL()), "anonymous_post", /^anonymous_post_(created|likes)_idx$/);
    }
    // Week first: the week's posts through (created_at, id) on both databases, then the page's 21 by key.
    for (const query of [topWeekFirstQuery(db.ctx, viewer, since), topWeekFirstQuery(db.ctx, viewer, since, next)]) {
      const plan = await planOf(db.ctx, query.getSQL());
      const reads = plan.reads.filter((r) => r.table === "anonymous_post");
      expect(reads.map((r) => r.how).sort(), plan.text).toEqual(["index", "index"]);
      expect(reads.map((r) => r.index).sort(), plan.text).toEqual(["anonymous_post_created_idx", db.dialect === "pg" ? "anonymous_post_pkey" : "sqlite_autoindex_anonymous_post_1"]);
    }
  });

  it("reads a post's comments oldest first from the (post_id, created_at, id) index, the first page and one deep in 3,000", async () => {
    const { viewer } = await fill(db.ctx);
    const first = await planOf(db.ctx, commentsPageQuery(db.ctx, viewer, postId(BIG_POST)).getSQL());
    expectReads(first, "anonymous_comment", "anonymous_comment_post_created_idx", ["index"]);
    expect(first.sorted, first.text).toBe(false);
    const { anonymous_comment: c } = db.ctx.t;
    const [row] = await db.ctx.db.select({ at: c.created_at, id: c.id }).from(c).where(eq(c.id, uuid(4, 1500)));
    const later = await planOf(db.ctx, commentsPageQuery(db.ctx, viewer, postId(BIG_POST), { at: row.at!, id: row.id }).getSQL());
    expectReads(later, "anonymous_comment", "anonymous_comment_post_created_idx", ["index"]);
    expect(later.text).toMatch(db.dialect === "pg" ? /post_id = .* AND \(?created_at >/ : /\(post_id=\? AND created_at>\?\)/);
  });

  it("reads the open reports oldest first from the queue index, the first page and the next, and their posts by key", async () => {
    await fill(db.ctx);
    const first = await planOf(db.ctx, reportsQueueQuery(db.ctx).getSQL());
    expectReads(first, "anonymous_reports", "anonymous_reports_queue_idx", ["index"]);
    expect(first.sorted, first.text).toBe(false);
    const later = await planOf(db.ctx, reportsQueueQuery(db.ctx, { at: new Date(NOW - 365 * DAY), id: uuid(5, 0) }).getSQL());
    expectReads(later, "anonymous_reports", "anonymous_reports_queue_idx", ["index"]);
    expect(later.sorted, later.text).toBe(false);
  });
}, { fresh: true });
