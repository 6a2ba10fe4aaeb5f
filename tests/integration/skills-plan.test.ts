/**
 * Issue 18's reads that must stay fast at scale (about 1,000,000 attempts at --scale 100000) read
 * their rows from an index on both databases, over a small fill: the member's best scores
 * (/skills: skill_bests by user, its primary key), a profile's verified skills (the query of
 * verifiedSkillsOf, same shape, with verifiedCondition), and a recruiter's archive of candidates
 * (cardsPageQuery: archive_card_owners_recruiter_idx, in order, first page and a later one, no sort).
 */
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { expect, it } from "vitest";
import { cardsPageQuery } from "../../app/modules/hiring/archive.server";
import { verifiedCondition } from "../../app/modules/skills/index.server";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";

const USERS = 300;
const SKILLS = 6;
const RECRUITERS = 10;
/** Cards per recruiter: the one the test reads has many (a page is a small part of them), the others a few. */
const cardsOf = (r: number) => (r === 3 ? 1_500 : 20);
const uuid = (prefix: number, i: number) => `${prefix}0000000-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const BASE = Date.UTC(2030, 0, 1);

async function fill(ctx: Ctx) {
  const users = Array.from({ length: USERS }, (_, i) => uuid(1, i));
  for (let i = 0; i < users.length; i += 100) {
    await ctx.db.insert(ctx.t.User).values(users.slice(i, i + 100).map((id, k) => ({ id, email: `splan${i + k}@test.ladder`, name: `Plan ${i + k}`, role: "user" as const, createdAt: new Date() })));
  }
  const skills = await ctx.db
    .insert(ctx.t.skills)
    .values(Array.from({ length: SKILLS }, (_, s) => ({ name: `Plan skill ${s}` })))
    .returning({ id: ctx.t.skills.id });
  const bests = users.flatMap((user_id, u) =>
    skills.map((s, k) => ({ user_id, skill_id: s.id, best_score: (u + k) % 11, best_total: 10, attempts: 1 + (u % 3), last_attempt_at: new Date(BASE + u * 60_000) })),
  );
  for (let i = 0; i < bests.length; i += 300) await ctx.db.insert(ctx.t.skill_bests).values(bests.slice(i, i + 300));
  const recruiters = users.slice(0, RECRUITERS);
  for (let r = 0; r < RECRUITERS; r++) {
    for (let from = 0; from < cardsOf(r); from += 250) {
      const count = Math.min(250, cardsOf(r) - from);
      const cards = await ctx.db
        .insert(ctx.t.archive_card)
        .values(Array.from({ length: count }, (_, c) => ({ name: `Card ${r}/${from + c}`, email: `c${r}-${from + c}@example.test`, matchPercentage: "50%", desc: "note" })))
        .returning({ id: ctx.t.archive_card.id });
      // One card per member and job: the members repeat over jobs of 250.
      await ctx.db.insert(ctx.t.archive_card_owners).values(
        cards.map((card, c) => ({ card_id: card.id, recruiter_user_id: recruiters[r], member_user_id: users[RECRUITERS + c], feed: "general", job_id: `ladder-plan${r}x${from}`, created_at: new Date(BASE + (from + c) * 60_000) })),
      );
    }
  }
  return { member: users[42], recruiter: recruiters[3] };
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** The plan of `query` reads `table` only through one of `indexes` (no scan of the table); `sorted: false` also refuses a sort. */
async function expectIndexRead(ctx: Ctx, table: string, query: SQL, indexes: string[], options: { sorted?: boolean } = {}) {
  if (ctx.dialect === "pg") {
    await ctx.db.execute(sql.raw(`analyze ${table}`));
    const result = await ctx.db.execute(sql`explain (format json) ${query}`);
    const plan = ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
    const nodes = pgNodes(plan);
    const text = JSON.stringify(plan);
    const reads = nodes.filter((n) => n["Relation Name"] === table);
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read["Node Type"], text).toMatch(/^(Index (Only )?Scan( Backward)?|Bitmap Heap Scan)$/);
      if (read["Node Type"] !== "Bitmap Heap Scan") expect(indexes, text).toContain(read["Index Name"]);
    }
    for (const bitmap of nodes.filter((n) => n["Node Type"] === "Bitmap Index Scan" && n["Index Name"]?.startsWith(table))) expect(indexes, text).toContain(bitmap["Index Name"]);
    if (options.sorted === false) expect(nodes.some((n) => n["Node Type"] === "Sort" || n["Node Type"] === "Incremental Sort"), text).toBe(false);
  } else {
    const sqlite = ctx.db as unknown as BetterSQLite3Database;
    sqlite.run(sql`analyze`);
    const rows = sqlite.all<{ id: number; parent: number; detail: string }>(sql`explain query plan ${query}`);
    const text = rows.map((r) => `${r.id}<${r.parent} ${r.detail}`).join("\n");
    const reads = rows.filter((r) => r.detail.startsWith(`SEARCH ${table} `) || r.detail.startsWith(`SCAN ${table}`));
    expect(reads.length, text).toBeGreaterThan(0);
    for (const read of reads) expect(indexes.some((index) => new RegExp(`^SEARCH ${table} USING (COVERING |PRIMARY KEY )?INDEX ${index}\\b`).test(read.detail)), text).toBe(true);
    if (options.sorted === false) expect(rows.some((r) => r.detail.includes("TEMP B-TREE")), text).toBe(false);
  }
}

const BESTS_PK = ["skill_bests_user_id_skill_id_pk", "sqlite_autoindex_skill_bests_1"];

describeEachDatabase("Skills and archive query plans over a small fill", (db) => {
  it("reads a member's best scores (/skills) and a profile's verified skills from skill_bests' primary key, not the whole table", async () => {
    const { member } = await fill(db.ctx);
    const { skill_bests: b, skills: s, verified_skill_hidden: h } = db.ctx.t;
    const mine = db.ctx.db.select({ skillId: b.skill_id, score: b.best_score, total: b.best_total, attempts: b.attempts, last: b.last_attempt_at }).from(b).where(eq(b.user_id, member));
    await expectIndexRead(db.ctx, "skill_bests", mine.getSQL(), BESTS_PK);
    // verifiedSkillsOf's query (app/modules/skills/verified.server.ts) for one profile.
    const verified = db.ctx.db
      .select({ userId: b.user_id, skillId: b.skill_id, name: s.name, score: b.best_score, total: b.best_total, hiddenSkill: h.skill_id })
      .from(b)
      .innerJoin(s, eq(s.id, b.skill_id))
      .leftJoin(h, and(eq(h.user_id, b.user_id), eq(h.skill_id, b.skill_id)))
      .where(and(inArray(b.user_id, [member]), verifiedCondition(db.ctx), isNull(h.skill_id)))
      .orderBy(asc(b.user_id), sql`${b.best_score} * 1.0 / ${b.best_total} desc`, asc(s.name));
    await expectIndexRead(db.ctx, "skill_bests", verified.getSQL(), BESTS_PK);
    expect((await mine).length).toBe(SKILLS);
  });

  it("reads a recruiter's archive newest first from archive_card_owners_recruiter_idx, in order, on the first page and a later one", async () => {
    const { recruiter } = await fill(db.ctx);
    const viewer = { id: recruiter, role: "recruiter" };
    const first = await cardsPageQuery(db.ctx, viewer, { size: 20 });
    expect(first).toHaveLength(21);
    await expectIndexRead(db.ctx, "archive_card_owners", cardsPageQuery(db.ctx, viewer, { size: 20 }).getSQL(), ["archive_card_owners_recruiter_idx"], { sorted: false });
    const last = first[19];
    const after = { at: last.createdAt.getTime(), id: last.id };
    await expectIndexRead(db.ctx, "archive_card_owners", cardsPageQuery(db.ctx, viewer, { size: 20, after }).getSQL(), ["archive_card_owners_recruiter_idx"], { sorted: false });
    const o = db.ctx.t.archive_card_owners;
    const expected = await db.ctx.db.select({ id: o.card_id }).from(o).where(eq(o.recruiter_user_id, recruiter)).orderBy(desc(o.created_at), desc(o.card_id)).limit(21);
    expect(first.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });
});
