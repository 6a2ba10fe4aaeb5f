/**
 * The conversation query reads each half of a conversation from a pair index, in order, and
 * stops after a page: the database's own plan for the exact SQL conversationPage runs, on both
 * databases, over 20,000 messages.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { conversationPage, conversationPageQuery } from "../../app/modules/messages/conversations.server";
import { CONVERSATION_PAGE_SIZE } from "../../app/modules/messages/rules";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const PAIR_INDEXES = ["user_messages_pair_time_idx", "user_messages_reverse_pair_time_idx"];
const MEMBERS = 200;
const MESSAGES = 20_000;
const LONG = 3_000;

/** 200 members; a long conversation between the first two, the rest spread over many pairs. */
async function fill(ctx: Ctx): Promise<string[]> {
  const ids = Array.from({ length: MEMBERS }, (_, i) => `10000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`);
  await ctx.db.insert(ctx.t.User).values(ids.map((id, i) => ({ id, email: `plan${i}@test.ladder`, name: `Plan ${i}`, role: "user" as const, createdAt: new Date() })));
  const base = Date.UTC(2026, 0, 1);
  const rows = Array.from({ length: MESSAGES }, (_, i) => {
    // Every 20th message of the first 60,000 seconds belongs to the long conversation, as in life: spread over time.
    const long = i % Math.floor(MESSAGES / LONG) === 0;
    const [from, to] = long ? ((i / Math.floor(MESSAGES / LONG)) % 2 ? [0, 1] : [1, 0]) : [2 + (i % (MEMBERS - 2)), 2 + ((i * 7 + 3) % (MEMBERS - 2)) === 2 + (i % (MEMBERS - 2)) ? 2 + ((i + 1) % (MEMBERS - 2)) : 2 + ((i * 7 + 3) % (MEMBERS - 2))];
    const at = new Date(base + i * 1_000);
    return { id: `20000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`, sender_id: ids[from], receiver_id: ids[to], message: `m${i}`, is_read: true, created_at: at, updated_at: at };
  });
  for (let i = 0; i < rows.length; i += 1_000) await ctx.db.insert(ctx.t.user_messages).values(rows.slice(i, i + 1_000));
  return ids;
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Plan Rows"?: number; Plans?: PgNode[] };

/** Every node of a PostgreSQL JSON plan, each with its parent. */
function pgNodes(node: PgNode, parent: PgNode | null = null): { node: PgNode; parent: PgNode | null }[] {
  return [{ node, parent }, ...(node.Plans ?? []).flatMap((child) => pgNodes(child, node))];
}

async function pgPlan(ctx: Ctx, query: SQL): Promise<PgNode> {
  await ctx.db.execute(sql`analyze user_messages`);
  const result = await ctx.db.execute(sql`explain (format json) ${query}`);
  const plan = (result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[];
  return plan[0].Plan;
}

type SqliteRow = { id: number; parent: number; detail: string };

async function sqlitePlan(ctx: Ctx, query: SQL): Promise<SqliteRow[]> {
  (ctx.db as unknown as BetterSQLite3Database).run(sql`analyze`);
  return (ctx.db as unknown as BetterSQLite3Database).all<SqliteRow>(sql`explain query plan ${query}`);
}

/**
 * What the plan must show: each read of user_messages is a range of a pair index (never a
 * scan of the table) that feeds a LIMIT directly, with no sort between the index and the limit;
 * so at most 2 x (page + 1) rows reach the one sort at the top that merges the two halves.
 */
async function expectIndexOrderedHalves(ctx: Ctx, query: SQL, limit: number) {
  if (ctx.dialect === "pg") {
    const nodes = pgNodes(await pgPlan(ctx, query));
    const reads = nodes.filter(({ node }) => node["Relation Name"] === "user_messages");
    expect(reads).toHaveLength(2);
    for (const { node, parent } of reads) {
      expect(node["Node Type"], JSON.stringify(node)).toMatch(/^Index (Only )?Scan$/);
      expect(PAIR_INDEXES).toContain(node["Index Name"]);
      expect(parent?.["Node Type"], "each half is limited straight off its index").toBe("Limit");
    }
    for (const { node } of nodes.filter(({ node }) => node["Node Type"] === "Sort" || node["Node Type"] === "Incremental Sort")) {
      const below = pgNodes(node).map(({ node: n }) => n["Node Type"]);
      expect(below.filter((type) => type === "Limit")).toHaveLength(2);
      expect(node["Plan Rows"]).toBeLessThanOrEqual(2 * limit);
    }
    expect(nodes.some(({ node }) => node["Node Type"] === "Seq Scan")).toBe(false);
  } else {
    const rows = await sqlitePlan(ctx, query);
    const text = rows.map((r) => `${r.id}<${r.parent} ${r.detail}`).join("\n");
    const reads = rows.filter((r) => /\buser_messages\b/.test(r.detail));
    expect(reads, text).toHaveLength(2);
    for (const read of reads) {
      expect(read.detail, text).toMatch(new RegExp(`^SEARCH user_messages USING (COVERING )?INDEX (${PAIR_INDEXES.join("|")}) \\(sender_id=\\? AND receiver_id=\\?|^SEARCH user_messages USING (COVERING )?INDEX user_messages_reverse_pair_time_idx \\(receiver_id=\\? AND sender_id=\\?`));
      // A sort in the same select as the read would be a sort of the whole pair: none allowed.
      const siblings = rows.filter((r) => r.parent === read.parent && r.id !== read.id);
      expect(siblings.map((r) => r.detail).filter((d) => /TEMP B-TREE/.test(d)), text).toEqual([]);
    }
    expect(rows.some((r) => /^SCAN user_messages\b/.test(r.detail)), text).toBe(false);
  }
}

describeEachDatabase("The conversation query's plan over 20,000 messages", (db) => {
  it("reads each half of a long conversation from a pair index in order and sorts only the merged page", async () => {
    const ids = await fill(db.ctx);
    const limit = CONVERSATION_PAGE_SIZE + 1;
    await expectIndexOrderedHalves(db.ctx, conversationPageQuery(db.ctx, ids[0], ids[1], limit), limit);
    // The same for an older page (the keyset condition stays inside the index range).
    const first = await conversationPage(db.ctx, ids[0], ids[1]);
    expect(first.messages).toHaveLength(CONVERSATION_PAGE_SIZE);
    expect(first.older).not.toBeNull();
    await expectIndexOrderedHalves(db.ctx, conversationPageQuery(db.ctx, ids[0], ids[1], limit, first.older!), limit);
  });
}, { fresh: true }); // the plan depends on the planner's view of the tables: a new copy, not an emptied one
