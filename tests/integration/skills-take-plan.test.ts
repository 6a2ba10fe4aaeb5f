/**
 * The queries of /skills and of a test's result read skill_bests, skill_attempts and skill_draws
 * through their indexes on both databases (the database's own plan for the exact SQL), over
 * 40 skills, 600 members, 6,000 attempts with their draws and their skill_bests rows: the list
 * reads the member's best per skill by an index on both columns, the daily limit reads the
 * member's attempts at a skill by (userId, skillId), and the result page reads its attempt by id,
 * its draw by the unique attempt_id and the best by both its key columns. No scan of those tables.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { attemptQuery, listSkillsQuery, recentAttemptsQuery } from "../../app/modules/skills/tests.server";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const SKILLS = 40;
const MEMBERS = 600;
const ATTEMPTS = 6_000;
const uuid = (i: number) => `5a000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const BASE = Date.UTC(2030, 0, 1);

async function fill(ctx: Ctx) {
  const { User, skills, skill_attempts, skill_draws, skill_bests } = ctx.t;
  const users = Array.from({ length: MEMBERS }, (_, i) => uuid(i));
  for (let i = 0; i < users.length; i += 300) {
    await ctx.db.insert(User).values(users.slice(i, i + 300).map((id, j) => ({ id, email: `splan${i + j}@test.ladder`, name: `Plan ${i + j}`, role: "user" as const, createdAt: new Date(BASE) })));
  }
  const skillIds = (await ctx.db.insert(skills).values(Array.from({ length: SKILLS }, (_, i) => ({ name: `Plan skill ${i}` }))).returning({ id: skills.id })).map((r) => r.id);
  const attempts = Array.from({ length: ATTEMPTS }, (_, i) => ({
    userId: users[i % MEMBERS],
    skillId: skillIds[(i * 7) % SKILLS],
    score: i % 11,
    total: 10,
    selectedAnswers: [],
    createdAt: new Date(BASE + i * 60_000),
  }));
  const ids: number[] = [];
  for (let i = 0; i < attempts.length; i += 500) ids.push(...(await ctx.db.insert(skill_attempts).values(attempts.slice(i, i + 500)).returning({ id: skill_attempts.id })).map((r) => r.id));
  for (let i = 0; i < ids.length; i += 500) {
    await ctx.db.insert(skill_draws).values(ids.slice(i, i + 500).map((id, j) => ({ user_id: attempts[i + j].userId, skill_id: attempts[i + j].skillId, questions: [], attempt_id: id, created_at: attempts[i + j].createdAt })));
  }
  const bests = new Map<string, { user_id: string; skill_id: number; best_score: number; best_total: number; best_attempt_id: number; attempts: number; last_attempt_at: Date }>();
  attempts.forEach((a, i) => {
    const key = `${a.userId}/${a.skillId}`;
    const row = bests.get(key);
    if (!row) bests.set(key, { user_id: a.userId, skill_id: a.skillId, best_score: a.score, best_total: 10, best_attempt_id: ids[i], attempts: 1, last_attempt_at: a.createdAt });
    else Object.assign(row, { attempts: row.attempts + 1, last_attempt_at: a.createdAt }, a.score > row.best_score ? { best_score: a.score, best_attempt_id: ids[i] } : {});
  });
  const rows = [...bests.values()];
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(skill_bests).values(rows.slice(i, i + 500));
  return { userId: users[17], skillId: attempts[17].skillId, attemptId: ids[17] };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** Each named table is read only through one of its listed indexes (PostgreSQL names, SQLite names). */
async function expectIndexReads(ctx: Ctx, query: SQL, tables: Record<string, { pg: string[]; sqlite: string[] }>) {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql.raw(`analyze ${Object.keys(tables).join(", ")}`));
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const plan = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(plan);
    const text = JSON.stringify(plan);
    for (const [table, { pg }] of Object.entries(tables)) {
      const reads = nodes.filter((n) => n["Relation Name"] === table);
      expect(reads.length, `${table}: ${text}`).toBeGreaterThan(0);
      for (const read of reads) {
        expect(read["Node Type"], `${table}: ${text}`).toMatch(/^(Index (Only )?Scan|Bitmap Heap Scan)$/);
        if (read["Node Type"] !== "Bitmap Heap Scan") expect(pg, `${table}: ${text}`).toContain(read["Index Name"]);
      }
    }
  } else {
    const sqlite = ctx.db as unknown as BetterSQLite3Database;
    sqlite.run(sql`analyze`);
    const rows = sqlite.all<{ detail: string }>(sql`explain query plan ${query}`);
    const text = rows.map((r) => r.detail).join("\n");
    for (const [table, { sqlite: indexes }] of Object.entries(tables)) {
      const reads = rows.filter((r) => r.detail.startsWith(`SEARCH ${table} `) || r.detail.startsWith(`SCAN ${table}`));
      expect(reads.length, `${table}: ${text}`).toBeGreaterThan(0);
      for (const read of reads) expect(indexes.some((index) => read.detail.startsWith(`SEARCH ${table} USING ${index}`)), `${table}: ${text}`).toBe(true);
    }
  }
}

/** skill_bests by both its columns: the primary key (user_id, skill_id), or (skill_id, user_id), which SQLite may prefer. */
const BESTS_BY_KEY = {
  pg: ["skill_bests_user_id_skill_id_pk", "skill_bests_skill_idx"],
  sqlite: ["INDEX sqlite_autoindex_skill_bests_1", "COVERING INDEX sqlite_autoindex_skill_bests_1", "INDEX skill_bests_skill_idx", "COVERING INDEX skill_bests_skill_idx"],
};

describeEachDatabase("The plans of /skills and of a test's result", (db) => {
  it("read the member's bests, attempts and draws through their indexes", async () => {
    const { userId, skillId, attemptId } = await fill(db.ctx);
    await expectIndexReads(db.ctx, listSkillsQuery(db.ctx, userId).getSQL(), { skill_bests: BESTS_BY_KEY });
    await expectIndexReads(db.ctx, recentAttemptsQuery(db.ctx, userId, skillId, new Date(BASE + ATTEMPTS * 60_000)).getSQL(), {
      skill_attempts: { pg: ["skill_attempts_user_skill_idx"], sqlite: ["INDEX skill_attempts_user_skill_idx"] },
    });
    await expectIndexReads(db.ctx, attemptQuery(db.ctx, userId, attemptId).getSQL(), {
      skill_attempts: { pg: ["skill_attempts_pkey"], sqlite: ["INTEGER PRIMARY KEY"] },
      skill_draws: { pg: ["skill_draws_attempt_unique"], sqlite: ["INDEX skill_draws_attempt_unique", "COVERING INDEX skill_draws_attempt_unique"] },
      skill_bests: BESTS_BY_KEY,
    });
  });
});
