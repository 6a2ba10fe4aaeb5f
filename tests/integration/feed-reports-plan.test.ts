/**
 * The feed's reports queue reads anonymous_reports through its indexes and never scans the table
 * (issue 17, item 6): the database's own plan for the exact SQL of a queue page, on both databases,
 * over about 17,000 reports of which one in fifty is still open. The page's rows walk
 * `anonymous_reports_queue_idx` (status, created_at, id) in order; "is there an older open report of
 * the same thing" looks the thing up through its post or comment index.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { queueHeadsQuery } from "../../app/modules/feed/moderation.server";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const USERS = 60;
const POSTS = 300;
const COMMENTS = 200;
const id = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;

async function fill(ctx: Ctx) {
  const users = Array.from({ length: USERS }, (_, i) => id("50000000", i));
  const posts = Array.from({ length: POSTS }, (_, i) => id("60000000", i));
  const comments = Array.from({ length: COMMENTS }, (_, i) => id("70000000", i));
  await ctx.db.insert(ctx.t.User).values(users.map((u, i) => ({ id: u, email: `fplan${i}@test.ladder`, name: `Plan ${i}`, role: i === 0 ? ("moderator" as const) : ("user" as const), createdAt: new Date() })));
  await ctx.db.insert(ctx.t.anonymous_post).values(posts.map((p, i) => ({ id: p, user_id: users[i % USERS], content: `Plan post ${i}` })));
  await ctx.db.insert(ctx.t.anonymous_comment).values(comments.map((c, i) => ({ id: c, post_id: posts[i % POSTS], user_id: users[(i + 1) % USERS], content: `Plan comment ${i}` })));
  const base = Date.UTC(2026, 0, 1);
  const rows: { post_id: string | null; comment_id: string | null; reporter_id: string; reason: string; status: string; created_at: Date }[] = [];
  let n = 0;
  const status = () => (n % 50 === 0 ? "open" : n % 2 === 0 ? "dismissed" : "hidden");
  posts.forEach((p, pi) => {
    for (let k = 0; k < 45; k++, n++) rows.push({ post_id: p, comment_id: null, reporter_id: users[(pi + k) % USERS], reason: "spam", status: status(), created_at: new Date(base + n * 1_000) });
  });
  comments.forEach((c, ci) => {
    for (let k = 0; k < 15; k++, n++) rows.push({ post_id: null, comment_id: c, reporter_id: users[(ci + k) % USERS], reason: "other", status: status(), created_at: new Date(base + n * 1_000) });
  });
  for (let i = 0; i < rows.length; i += 1_000) await ctx.db.insert(ctx.t.anonymous_reports).values(rows.slice(i, i + 1_000));
  return { moderatorId: users[0], reports: rows.length };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Alias?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** How the plan reads anonymous_reports (the page's rows and the "older open report" lookups). */
async function plan(ctx: Ctx, query: SQL): Promise<{ scans: string[]; indexes: string[]; text: string }> {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql`analyze`);
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const root = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const reads = pgNodes(root).filter((node) => node["Relation Name"] === "anonymous_reports");
    return { scans: reads.map((node) => node["Node Type"]), indexes: reads.map((node) => node["Index Name"] ?? ""), text: JSON.stringify(root) };
  }
  const db = ctx.db as unknown as BetterSQLite3Database;
  db.run(sql`analyze`);
  const rows = db.all<{ detail: string }>(sql`explain query plan ${query}`);
  const reads = rows.map((row) => row.detail).filter((detail) => /^(SEARCH|SCAN) (anonymous_reports|older)\b/.test(detail));
  return {
    scans: reads.map((detail) => (detail.startsWith("SEARCH") ? "Index Scan" : detail.includes("INDEX") ? "Index Scan (full)" : "Seq Scan")),
    indexes: reads.map((detail) => / INDEX (\w+)/.exec(detail)?.[1] ?? ""),
    text: rows.map((row) => row.detail).join("\n"),
  };
}

describeEachDatabase("Feed reports queue plan", (db) => {
  it("a page of the queue walks the queue index and looks older reports up by post or comment, never scanning the reports", async () => {
    const { moderatorId, reports } = await fill(db.ctx);
    expect(reports).toBeGreaterThan(15_000);
    const query = queueHeadsQuery(db.ctx, moderatorId, { limit: 21 }).getSQL();
    const seen = await plan(db.ctx, query);
    expect(seen.scans.length, seen.text).toBeGreaterThanOrEqual(3);
    expect(seen.scans.filter((scan) => scan === "Seq Scan"), seen.text).toEqual([]);
    expect(seen.indexes, seen.text).toContain("anonymous_reports_queue_idx");
    expect(seen.indexes.some((index) => index === "anonymous_reports_post_reporter_unique"), seen.text).toBe(true);
    expect(seen.indexes.some((index) => index === "anonymous_reports_comment_idx" || index === "anonymous_reports_comment_reporter_unique"), seen.text).toBe(true);
    // And the page itself: the open reports' heads, oldest first.
    const rows = await queueHeadsQuery(db.ctx, moderatorId, { limit: 21 });
    expect(rows.length).toBe(21);
    expect(rows.map((row) => row.at.getTime())).toEqual([...rows.map((row) => row.at.getTime())].sort((a, b) => a - b));
  });
});
