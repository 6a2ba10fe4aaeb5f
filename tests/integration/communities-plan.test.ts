/**
 * The moderation queue and the member list read community_memberships through their indexes, in
 * order, and stop after a page (issue 16): the database's own plan for the exact SQL listQueue and
 * listMembers run, on both databases, over 100 communities and about 25,000 memberships.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { listMembersQuery } from "../../app/modules/communities/members.server";
import { listQueueQuery } from "../../app/modules/communities/moderation.server";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const USERS = 300;
const COMMUNITIES = 100;

async function fill(ctx: Ctx) {
  const users = Array.from({ length: USERS }, (_, i) => `30000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
  const communities = Array.from({ length: COMMUNITIES }, (_, i) => `40000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
  await ctx.db.insert(ctx.t.User).values(users.map((id, i) => ({ id, email: `cplan${i}@test.ladder`, name: `Plan ${i}`, role: "user" as const, createdAt: new Date() })));
  await ctx.db.insert(ctx.t.communities).values(communities.map((id, i) => ({ id, name: `Plan community ${i}`, created_by: users[i] })));
  await ctx.db.insert(ctx.t.community_moderators).values(communities.map((id, i) => ({ community_id: id, user_id: users[i] })));
  const base = Date.UTC(2026, 0, 1);
  const rows: { community_id: string; user_id: string; status: "pending" | "approved"; joined_at: Date }[] = [];
  communities.forEach((c, ci) =>
    users.forEach((u, ui) => {
      const k = (ci * 7 + ui * 13) % 100;
      if (k < 80) rows.push({ community_id: c, user_id: u, status: "approved", joined_at: new Date(base + (ci * USERS + ui) * 1_000) });
      else if (k < 84) rows.push({ community_id: c, user_id: u, status: "pending", joined_at: new Date(base + (ci * USERS + ui) * 1_000) });
    }),
  );
  for (let i = 0; i < rows.length; i += 1_000) await ctx.db.insert(ctx.t.community_memberships).values(rows.slice(i, i + 1_000));
  return { users, communities };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Alias?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

async function plan(ctx: Ctx, query: SQL): Promise<{ scans: string[]; indexes: string[]; text: string }> {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql`analyze`);
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const root = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const reads = pgNodes(root).filter((n) => n["Relation Name"] === "community_memberships" && n.Alias === "community_memberships");
    return {
      scans: reads.map((n) => n["Node Type"]),
      indexes: reads.map((n) => n["Index Name"] ?? ""),
      text: JSON.stringify(root),
    };
  }
  const db = ctx.db as unknown as BetterSQLite3Database;
  db.run(sql`analyze`);
  const rows = db.all<{ detail: string }>(sql`explain query plan ${query}`);
  const reads = rows.map((r) => r.detail).filter((d) => /^(SEARCH|SCAN) community_memberships\b/.test(d));
  return {
    scans: reads.map((d) => (d.startsWith("SEARCH") ? "Index Scan" : d.includes("INDEX") ? "Index Scan (full)" : "Seq Scan")),
    indexes: reads.map((d) => / INDEX (\w+)/.exec(d)?.[1] ?? ""),
    text: rows.map((r) => r.detail).join("\n"),
  };
}

describeEachDatabase("The plans of the moderation queue and the member list", (db) => {
  it("read community_memberships through the queue indexes, never the whole table", async () => {
    const { users, communities } = await fill(db.ctx);
    const global = { id: users[0], role: "moderator" };
    const creator = { id: users[5], role: "user" };

    const everything = await plan(db.ctx, listQueueQuery(db.ctx, global, { limit: 31 }).getSQL());
    expect(everything.scans, everything.text).toEqual(["Index Scan"]);
    expect(["community_memberships_status_joined_idx", "community_memberships_queue_idx"], everything.text).toContain(everything.indexes[0]);

    const mine = await plan(db.ctx, listQueueQuery(db.ctx, creator, { limit: 31 }).getSQL());
    expect(mine.scans.every((s) => s !== "Seq Scan"), mine.text).toBe(true);

    const one = await plan(db.ctx, listQueueQuery(db.ctx, creator, { communityId: communities[5], limit: 31 }).getSQL());
    expect(one.scans, one.text).toEqual(["Index Scan"]);
    expect(one.indexes[0], one.text).toMatch(/^community_memberships_(queue_idx|member_unique|community_idx)$/);

    const members = await plan(db.ctx, listMembersQuery(db.ctx, communities[5], { limit: 31 }).getSQL());
    expect(members.scans, members.text).toEqual(["Index Scan"]);
    expect(members.indexes[0], members.text).toBe("community_memberships_queue_idx");
  });
});
