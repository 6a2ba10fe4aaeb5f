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
import { and, asc, desc, eq, gt, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { commentColumns, commentSources, postColumns, postSources } from "../../app/modules/feed/access.server";
import type { Ctx } from "../../db/client";
import { openBulkWriter, type BulkRow, type BulkTable } from "../../db/seed/bulk";
import { feedTables } from "../../db/seed/scale-feed";
import { describeEachDatabase } from "../support/db";

const USERS = 20_000;
const POSTS = 30_000;
const COMMENTS = 30_000;
const BIG_POST_COMMENTS = 3_000;
const REPORTS = 3_000;
const PAGE = 21; // a page of 20 and one more to know there is a next page
const COMMENTS_PAGE = 31;
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

/** The feed list: the access module's columns and joins, a WHERE, newest first or by likes. */
function postsQuery(ctx: Ctx, viewer: string | null, where: SQL | undefined, order: "new" | "top") {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  return ctx.db
    .select(postColumns(ctx, viewer))
    .from(p)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(where)
    .orderBy(...(order === "new" ? [desc(p.created_at), desc(p.id)] : [desc(p.likes_count), desc(p.id)]))
    .limit(PAGE)
    .getSQL();
}

/**
 * Older than the position (created_at, id), newest first. Written as the communities write it
 * (posts.server.ts, decision 037): `created_at <= at and (created_at < at or id < id)`, so both
 * databases start the index search at the position. The same condition written only as
 * `created_at < at or (created_at = at and id < id)` is not a bound on either database: SQLite
 * and PostgreSQL walk the index from the newest post and filter, reading every newer post first
 * (an OFFSET in disguise; measured in this test's data: SQLite "SCAN ... USING INDEX", PostgreSQL
 * "Index Scan" with only a Filter).
 */
function olderThan(ctx: Ctx, at: Date, id: string): SQL {
  const { p } = postSources(ctx);
  return and(lte(p.created_at, at), or(lt(p.created_at, at), lt(p.id, id)))!;
}

/** Newer than the comment position (created_at, id), oldest first; bounded the same way. */
function newerThan(ctx: Ctx, at: Date, id: string): SQL {
  const { c } = commentSources(ctx);
  return and(gte(c.created_at, at), or(gt(c.created_at, at), gt(c.id, id)))!;
}

/** The position of post i, as a "more" link carries it. */
const positionOf = (i: number) => ({ at: new Date(NOW - 730 * DAY + Math.floor(((i + unit(i)) / POSTS) * 730 * DAY)), id: postId(i) });

describeEachDatabase("The feed's query plans over 30,000 posts, 33,000 comments, 3,000 reports and 20,000 members", (db) => {
  it("reads the newest posts from the (created_at, id) index in order, the first page and a page deep in the feed", async () => {
    const { viewer } = await fill(db.ctx);
    const first = await planOf(db.ctx, postsQuery(db.ctx, viewer, undefined, "new"));
    expectReads(first, "anonymous_post", "anonymous_post_created_idx");
    expect(first.sorted, first.text).toBe(false);
    // A visitor's page is the same query.
    expectReads(await planOf(db.ctx, postsQuery(db.ctx, null, undefined, "new")), "anonymous_post", "anonymous_post_created_idx");
    // Halfway down: the position bounds the search, it does not read the 15,000 newer posts first.
    const { at, id } = positionOf(POSTS / 2);
    const later = await planOf(db.ctx, postsQuery(db.ctx, viewer, olderThan(db.ctx, at, id), "new"));
    expectReads(later, "anonymous_post", "anonymous_post_created_idx", ["index"]);
    expect(later.sorted, later.text).toBe(false);
  });

  it("reads a topic's, a company's and an industry's posts from their own indexes, newest first, popular and rare values alike", async () => {
    const { viewer } = await fill(db.ctx);
    const { p } = postSources(db.ctx);
    const { at, id } = positionOf(POSTS / 3);
    /**
     * A rare value is read from its own index. For a popular one (a tenth of the posts or more)
     * the planner may as well walk (created_at, id) from the newest post, or from the position,
     * and keep the matching ones: a page costs a few dozen rows either way, and never sorts. Never the table.
     */
    const check = async (where: SQL, own: string, popular: boolean) => {
      for (const query of [postsQuery(db.ctx, viewer, where, "new"), postsQuery(db.ctx, viewer, and(where, olderThan(db.ctx, at, id)), "new")]) {
        const plan = await planOf(db.ctx, query);
        if (popular) {
          expectReads(plan, "anonymous_post", new RegExp(`^(${own}|anonymous_post_created_idx)$`));
          expect(plan.sorted, plan.text).toBe(false);
        } else expectReads(plan, "anonymous_post", own, ["index"]); // sorting a rare value's few rows is fine
      }
    };
    await check(eq(p.topic, "general"), "anonymous_post_topic_created_idx", true); // 40% of the posts
    await check(eq(p.topic, "company_culture"), "anonymous_post_topic_created_idx", true); // 10%
    // "company 0" is the most common company (18% of the posts), "Company 59" among the rarest; typed in any case.
    await check(sql`lower(${p.company_name}) = lower(${"company 0"})`, "anonymous_post_company_created_idx", true);
    await check(sql`lower(${p.company_name}) = lower(${"COMPANY 59"})`, "anonymous_post_company_created_idx", false);
    await check(sql`lower(${p.company_name}) = lower(${"Nobody Ltd"})`, "anonymous_post_company_created_idx", false);
    await check(sql`lower(${p.industry}) = lower(${"technology"})`, "anonymous_post_industry_created_idx", true);
    await check(sql`lower(${p.industry}) = lower(${"Mining"})`, "anonymous_post_industry_created_idx", false);
  });

  it("reads this week's top posts through an index, never the whole table, the first page and the next", async () => {
    const { viewer } = await fill(db.ctx);
    const { p } = postSources(db.ctx);
    const week = gte(p.created_at, new Date(NOW - 7 * DAY));
    // SQLite reads the week's posts through (created_at, id) and sorts them by likes; PostgreSQL may
    // instead walk (likes_count, id) from the top and keep this week's. Either stays off the table.
    const first = await planOf(db.ctx, postsQuery(db.ctx, viewer, week, "top"));
    expectReads(first, "anonymous_post", /^anonymous_post_(created|likes)_idx$/);
    const next = and(week, or(lt(p.likes_count, 3), and(eq(p.likes_count, 3), lt(p.id, postId(POSTS - 50)))));
    const later = await planOf(db.ctx, postsQuery(db.ctx, viewer, next, "top"));
    expectReads(later, "anonymous_post", /^anonymous_post_(created|likes)_idx$/);
  });

  it("reads a post's comments oldest first from the (post_id, created_at, id) index, the first page and one deep in 3,000", async () => {
    const { viewer } = await fill(db.ctx);
    const { c, r, u, authorJoin, removalJoin } = commentSources(db.ctx);
    const page = (where: SQL) =>
      db.ctx.db.select(commentColumns(db.ctx, viewer)).from(c).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(where).orderBy(asc(c.created_at), asc(c.id)).limit(COMMENTS_PAGE).getSQL();
    const post = eq(c.post_id, postId(BIG_POST));
    const first = await planOf(db.ctx, page(post));
    expectReads(first, "anonymous_comment", "anonymous_comment_post_created_idx", ["index"]);
    expect(first.sorted, first.text).toBe(false);
    const [row] = await db.ctx.db.select({ at: c.created_at, id: c.id }).from(c).where(eq(c.id, uuid(4, 1500)));
    const later = await planOf(db.ctx, page(and(post, newerThan(db.ctx, row.at!, row.id))!));
    expectReads(later, "anonymous_comment", "anonymous_comment_post_created_idx", ["index"]);
    expect(later.text).toMatch(db.dialect === "pg" ? /post_id = .* AND \(?created_at >/ : /\(post_id=\? AND created_at>\?\)/);
  });

  it("reads the open reports oldest first from the queue index, the first page and the next, and their posts by key", async () => {
    await fill(db.ctx);
    const { anonymous_reports: rep, anonymous_post: p, anonymous_comment: c } = db.ctx.t;
    const queue = (where: SQL) =>
      db.ctx.db
        .select({ id: rep.id, reason: rep.reason, details: rep.details, createdAt: rep.created_at, postId: rep.post_id, commentId: rep.comment_id, post: p.content, comment: c.content })
        .from(rep)
        .leftJoin(p, eq(p.id, rep.post_id))
        .leftJoin(c, eq(c.id, rep.comment_id))
        .where(where)
        .orderBy(asc(rep.created_at), asc(rep.id))
        .limit(PAGE)
        .getSQL();
    const open = eq(rep.status, "open");
    const first = await planOf(db.ctx, queue(open));
    expectReads(first, "anonymous_reports", "anonymous_reports_queue_idx", ["index"]);
    expect(first.sorted, first.text).toBe(false);
    const at = new Date(NOW - 365 * DAY);
    const later = await planOf(db.ctx, queue(and(open, gte(rep.created_at, at), or(gt(rep.created_at, at), gt(rep.id, uuid(5, 0))))!));
    expectReads(later, "anonymous_reports", "anonymous_reports_queue_idx", ["index"]);
    expect(later.sorted, later.text).toBe(false);
  });
}, { fresh: true });
