/**
 * Every read of the home dashboards comes from an index range that starts with what the query
 * knows (the member, the recruiter's jobs, a status, a moment), never from a scan of a table:
 * the database's own plan for the exact SQL each block runs, on both databases.
 *
 * PostgreSQL is asked with sequential scans, hash and merge joins turned off, so the plan shows
 * whether an index CAN serve each read by key (at this test's few thousand rows a scan would often be as cheap, and the
 * planner would rightly take it; the bench at --scale 100000 measures the real thing). An index
 * read counts only when its condition names the index's first column: a full walk of an index
 * is a scan too. SQLite plans without statistics, as a fresh database does.
 */
import { sql, type SQL } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { beforeAll, expect, it } from "vitest";
import { applicationsQuery, peopleQuery, requestsQuery, unreadQuery } from "../../app/modules/home/member.server";
import { jobsQuery, roundsQuery } from "../../app/modules/home/recruiter.server";
import { decisionsQuery, queueQuery, todayQuery } from "../../app/modules/home/staff.server";
import type { Ctx } from "../../db/client";
import { withTx } from "../../db/tx";
import { describeEachDatabase } from "../support/db";

const MEMBERS = 400;
const id = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${i.toString(16).padStart(12, "0")}`;
const member = (i: number) => id("30000000", i);

/** A small network: members in a ring of connections, messages, jobs with applicants and rounds, posts to review. */
async function fill(ctx: Ctx) {
  const t = ctx.t;
  const now = Date.now();
  const at = (i: number) => new Date(now - (i % 90) * 86_400_000 - i * 1000);
  const insert = async <R,>(rows: R[], write: (batch: R[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 500) await write(rows.slice(i, i + 500));
  };
  await insert(
    Array.from({ length: MEMBERS }, (_, i) => ({ id: member(i), email: `plan${i}@test.ladder`, name: `Plan ${i}`, role: (i % 50 === 1 ? "recruiter" : "user") as "user" | "recruiter", createdAt: at(i) })),
    (batch) => ctx.db.insert(t.User).values(batch),
  );
  await insert(
    Array.from({ length: MEMBERS * 3 }, (_, n) => {
      const i = Math.floor(n / 3);
      const k = (n % 3) + 1;
      return { id: id("31000000", n), sender_id: member(i), receiver_id: member((i + k) % MEMBERS), status: (k === 3 ? "pending" : "accepted") as "pending" | "accepted", created_at: at(n), updated_at: at(n) };
    }),
    (batch) => ctx.db.insert(t.connection).values(batch),
  );
  await insert(
    Array.from({ length: 4_000 }, (_, n) => ({ id: id("32000000", n), sender_id: member(n % MEMBERS), receiver_id: member((n + 1) % MEMBERS), message: `m${n}`, is_read: n % 4 !== 0, created_at: at(n), updated_at: at(n) })),
    (batch) => ctx.db.insert(t.user_messages).values(batch),
  );
  const feeds = [["general", t.jobs], ["remote", t.remote_jobs], ["part-time", t.part_time_jobs]] as const;
  const jobs: { feed: "general" | "remote" | "part-time"; jobId: string }[] = [];
  for (const [feed, table] of feeds) {
    const rows = Array.from({ length: 600 }, (_, j) => ({ job_id: `plan-${feed}-${j}`, job_title: `Job ${j}`, employer_name: "Plan Co", posted_by: "alumni" as const, posted_by_user_id: member(j % MEMBERS), created_at: at(j) }));
    await insert(rows, (batch) => ctx.db.insert(table).values(batch));
    await insert(
      rows.map((r, j) => ({ feed, job_id: r.job_id, status: j % 20 === 0 ? "pending" : "approved", decided_at: j % 20 === 0 ? null : at(j), created_at: at(j) })),
      (batch) => ctx.db.insert(t.job_postings).values(batch),
    );
    jobs.push(...rows.map((r) => ({ feed, jobId: r.job_id })));
  }
  const applications = Array.from({ length: 1_500 }, (_, n) => ({ n, job: jobs[(n * 7) % jobs.length], user: member((n * 13) % MEMBERS) }));
  await insert(
    applications.map(({ n, job }) => ({ id: id("33000000", n), jobId: job.jobId, name: `Applicant ${n}`, email: `a${n}@test.ladder`, coverLetter: "Hello", status: "interviewing" as const, createdAt: at(n), updatedAt: at(n) })),
    (batch) => ctx.db.insert(t.job_applications).values(batch),
  );
  await insert(
    applications.map(({ n, job, user }) => ({ application_id: id("33000000", n), user_id: user, feed: job.feed, job_id: job.jobId, live: true, created_at: at(n) })),
    (batch) => ctx.db.insert(t.job_applicants).values(batch),
  );
  await insert(
    applications.map(({ n }) => ({ id: id("34000000", n), applicationId: id("33000000", n), roundNumber: 1, roundType: "hr" as const, status: "scheduled" as const, scheduledDate: new Date(now + (n % 30) * 86_400_000) })),
    (batch) => ctx.db.insert(t.interview_rounds).values(batch),
  );
  if (ctx.dialect === "pg") await ctx.db.execute(sql`analyze`);
}

type PgNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Index Cond"?: string; Plans?: PgNode[] };
const pgNodes = (node: PgNode): PgNode[] => [node, ...(node.Plans ?? []).flatMap(pgNodes)];

/** The tables a query reads without an index condition on the index's first column (PostgreSQL). */
async function pgUnindexedReads(ctx: Ctx, query: SQL): Promise<string[]> {
  const indexes = await ctx.db.execute(sql`
    select c.relname as index_name, t.relname as table_name, a.attname as first_column
    from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
    left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where t.relnamespace = 'public'::regnamespace`);
  const lead = new Map((indexes.rows as { index_name: string; table_name: string; first_column: string | null }[]).map((r) => [r.index_name, r]));
  const plan = await withTx(ctx, async (tx) => {
    // Nested loops only: each inner read must then find its rows by key, as at scale (with
    // hash or merge joins allowed, a few thousand rows make a full index walk look as cheap).
    await tx.db.execute(sql`set local enable_seqscan = off`);
    await tx.db.execute(sql`set local enable_hashjoin = off`);
    await tx.db.execute(sql`set local enable_mergejoin = off`);
    const result = await tx.db.execute(sql`explain (format json) ${query}`);
    return ((result.rows[0] as Record<string, unknown>)["QUERY PLAN"] as { Plan: PgNode }[])[0].Plan;
  });
  const unindexed = new Set<string>();
  for (const node of pgNodes(plan)) {
    if (node["Node Type"] === "Seq Scan") unindexed.add(node["Relation Name"]!);
    const name = node["Index Name"];
    if (!name) continue;
    const index = lead.get(name);
    const first = index?.first_column;
    if (!first || !new RegExp(`\\b${first}\\b`).test(node["Index Cond"] ?? "")) unindexed.add(index?.table_name ?? name);
  }
  return [...unindexed].sort();
}

/** The names among `tables` (tables or their aliases in the query) that SQLite's plan scans. */
function sqliteScans(ctx: Ctx, query: SQL, tables: string[]): string[] {
  const rows = (ctx.db as unknown as BetterSQLite3Database).all<{ detail: string }>(sql`explain query plan ${query}`);
  const scanned = rows.map((r) => /^SCAN (\S+)/.exec(r.detail)?.[1]).filter((name): name is string => name !== undefined);
  return [...new Set(scanned.filter((name) => tables.includes(name)))].sort();
}

async function unindexed(ctx: Ctx, query: SQL, tables: string[]): Promise<string[]> {
  return ctx.dialect === "pg" ? pgUnindexedReads(ctx, query) : sqliteScans(ctx, query, tables);
}

const FEED_TABLES = ["jobs", "remote_jobs", "part_time_jobs"];

describeEachDatabase("the home dashboards' query plans", (db) => {
  // One fill for the four tests (they only read).
  beforeAll(async () => {
    await fill(db.ctx);
  });

  it("read a member's applications, messages, requests and people they may know through indexes that start with the member", async () => {
    const me = member(7);
    expect(await unindexed(db.ctx, applicationsQuery(db.ctx, me), ["job_applicants", "job_applications", "ja", "a", "jg", "jr", "jp"])).toEqual([]);
    expect(await unindexed(db.ctx, unreadQuery(me), ["user_messages"])).toEqual([]);
    expect(await unindexed(db.ctx, requestsQuery(me), ["connection", "User", "c", "u"])).toEqual([]);
    expect(await unindexed(db.ctx, peopleQuery(me), ["connection", "User", "c", "x", "u"])).toEqual([]);
  });

  it("read a recruiter's jobs through each feed's poster index, and their applicants and rounds by job and application", async () => {
    const recruiter = member(1);
    expect(await unindexed(db.ctx, jobsQuery(recruiter), [...FEED_TABLES, "job_applicants", "job_applications", "ja", "a"])).toEqual([]);
    expect(await unindexed(db.ctx, roundsQuery(db.ctx, recruiter, new Date()), [...FEED_TABLES, "job_applicants", "job_applications", "interview_rounds", "ja", "a", "r"])).toEqual([]);
  });

  it("read the review queue and the decisions through the posts' status index", async () => {
    const tables = ["job_postings", ...FEED_TABLES, "User", "jg", "jr", "jp", "u"];
    expect(await unindexed(db.ctx, queueQuery(db.ctx), tables)).toEqual([]);
    expect(await unindexed(db.ctx, decisionsQuery(db.ctx), tables)).toEqual([]);
  });

  it("count today's sign-ups, sessions, messages and pending posts by index; applications have no index on time and are counted by a scan", async () => {
    const tables = ["User", "user_sessions", "job_applicants", "user_messages", "job_postings"];
    // user_sessions_started_idx came with the daily analytics summary (decision 048).
    expect(await unindexed(db.ctx, todayQuery(db.ctx, new Date()), tables)).toEqual(["job_applicants"]);
  });
}, { fresh: true, shared: true }); // the plan depends on the planner's view of the tables: a new copy, not an emptied one
