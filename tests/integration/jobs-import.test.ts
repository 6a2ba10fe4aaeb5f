/** The job importer on both databases: counts, searchedat, posting order, Ladder posts kept, and the command's refusal of bad files. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { importJobs } from "../../app/modules/jobs/importer.server";
import { closeCtx, createCtx, type Ctx } from "../../db/client";
import { migrateDatabase } from "../../db/migrate";
import { describeEachDatabase } from "../support/db";

const run = promisify(execFile);
const NOW = new Date("2026-11-26T12:00:00.000Z");

const job = (id: string, extra: Record<string, unknown> = {}) => ({ job_id: id, job_title: `Title ${id}`, employer_name: "Acme", job_posted_at_datetime_utc: "2026-11-20T08:00:00.000Z", ...extra });

async function rowOf(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(ctx.t.jobs).where(eq(ctx.t.jobs.job_id, id));
  return row;
}

describeEachDatabase("Importing jobs", (db) => {
  it("new rows are inserted, known ones updated, bad ones rejected with their index and reason", async () => {
    const first = await importJobs(db.ctx, "general", [job("a"), job("b"), { job_title: "no id" }], { now: NOW });
    expect(first).toEqual({ inserted: 2, updated: 0, rejected: [{ index: 2, jobId: null, reason: "job_id is missing" }] });
    const second = await importJobs(db.ctx, "general", [job("a", { job_title: "Renamed" }), job("c"), job("a"), job("d", { job_is_remote: "no" })], { now: NOW, batchSize: 2 });
    expect(second).toEqual({
      inserted: 1,
      updated: 1,
      rejected: [
        { index: 2, jobId: "a", reason: "the same job_id as row 0 of this file" },
        { index: 3, jobId: "d", reason: "job_is_remote must be true or false" },
      ],
    });
    expect((await rowOf(db.ctx, "a")).job_title).toBe("Renamed");
    const [{ n }] = await db.ctx.db.select({ n: count() }).from(db.ctx.t.jobs);
    expect(n).toBe(3);
  });

  it("every imported row gets searchedat = now, posted_by external, and the posting time as its place in the feed", async () => {
    await importJobs(db.ctx, "general", [job("a"), job("future", { job_posted_at_datetime_utc: "2027-01-01T00:00:00Z" }), job("undated", { job_posted_at_datetime_utc: null })], { now: NOW });
    const a = await rowOf(db.ctx, "a");
    expect(a).toMatchObject({ searchedat: NOW, posted_by: "external", posted_by_user_id: null, created_at: new Date("2026-11-20T08:00:00.000Z") });
    expect((await rowOf(db.ctx, "future")).created_at).toEqual(NOW);
    expect((await rowOf(db.ctx, "undated")).created_at).toEqual(NOW);
    const later = new Date("2026-11-27T12:00:00.000Z");
    await importJobs(db.ctx, "general", [job("undated", { job_posted_at_datetime_utc: null, job_title: "Again" })], { now: later });
    const undated = await rowOf(db.ctx, "undated");
    expect(undated).toMatchObject({ searchedat: later, job_title: "Again", created_at: NOW });
  });

  it("a remote import is remote unless it says otherwise, and a part-time import is part-time unless it says otherwise", async () => {
    await importJobs(db.ctx, "remote", [job("r1"), job("r2", { job_is_remote: false })], { now: NOW });
    const remote = await db.ctx.db.select({ id: db.ctx.t.remote_jobs.job_id, remote: db.ctx.t.remote_jobs.job_is_remote }).from(db.ctx.t.remote_jobs).orderBy(db.ctx.t.remote_jobs.job_id);
    expect(remote).toEqual([{ id: "r1", remote: true }, { id: "r2", remote: false }]);
    await importJobs(db.ctx, "part-time", [job("p1"), job("p2", { job_employment_type: "INTERN" })], { now: NOW });
    const partTime = await db.ctx.db.select({ id: db.ctx.t.part_time_jobs.job_id, type: db.ctx.t.part_time_jobs.job_employment_type }).from(db.ctx.t.part_time_jobs).orderBy(db.ctx.t.part_time_jobs.job_id);
    expect(partTime).toEqual([{ id: "p1", type: "Part-time" }, { id: "p2", type: "Internship" }]);
  });

  it("a job posted in Ladder is never overwritten: its row is rejected and left as it was", async () => {
    await db.ctx.db.insert(db.ctx.t.jobs).values([
      { job_id: "ladder-post", job_title: "Alumni post", posted_by: "alumni" },
      { job_id: "pending-post", job_title: "Waiting", posted_by: "career_team" },
    ]);
    await db.ctx.db.insert(db.ctx.t.job_postings).values({ feed: "general", job_id: "pending-post", status: "pending" });
    const result = await importJobs(db.ctx, "general", [job("ladder-post"), job("pending-post"), job("fresh")], { now: NOW });
    expect(result.inserted).toBe(1);
    expect(result.updated).toBe(0);
    expect(result.rejected).toEqual([
      { index: 0, jobId: "ladder-post", reason: "this job_id is a job posted in Ladder; imports never overwrite it" },
      { index: 1, jobId: "pending-post", reason: "this job_id is a job posted in Ladder; imports never overwrite it" },
    ]);
    expect(await rowOf(db.ctx, "ladder-post")).toMatchObject({ job_title: "Alumni post", posted_by: "alumni", searchedat: null });
    expect(await rowOf(db.ctx, "pending-post")).toMatchObject({ job_title: "Waiting", posted_by: "career_team" });
  });

  it("imported jobs are found by the feed's keyword search at once, and an update replaces their words", async () => {
    const { listFeed } = await import("../../app/modules/jobs/feed.server");
    await importJobs(db.ctx, "general", [job("k1", { job_title: "Pharmacist" })], { now: NOW });
    expect((await listFeed(db.ctx, "general", { q: "pharma" })).jobs.map((j) => j.jobId)).toEqual(["k1"]);
    await importJobs(db.ctx, "general", [job("k1", { job_title: "Chemist" })], { now: NOW });
    expect((await listFeed(db.ctx, "general", { q: "pharma" })).jobs).toEqual([]);
    expect((await listFeed(db.ctx, "general", { q: "chemist" })).jobs.map((j) => j.jobId)).toEqual(["k1"]);
  });
});

describeEachDatabase("The jobs:import command", (db) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-import-"));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  /** A database the command can open by URL: PostgreSQL's test database, or a migrated SQLite file. */
  async function target(): Promise<{ url: string; ctx: Ctx; done: () => Promise<void> }> {
    if (db.url) return { url: db.url, ctx: db.ctx, done: async () => {} };
    const url = `file:${path.join(dir, `db-${Math.random().toString(36).slice(2)}.db`)}`;
    const ctx = createCtx(url);
    await migrateDatabase(ctx);
    return { url, ctx, done: () => closeCtx(ctx) };
  }

  const command = (url: string, ...args: string[]) =>
    run(process.execPath, ["--import", "tsx", "scripts/import-jobs.ts", ...args], { env: { ...process.env, DATABASE_URL: url } }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  const jobCount = async (ctx: Ctx) => (await ctx.db.select({ n: count() }).from(ctx.t.jobs))[0].n;

  it("prints the counts and one line per rejected row", async () => {
    const t = await target();
    try {
      const file = write("good.json", JSON.stringify({ status: "OK", data: [job("a"), job("b", { job_is_remote: 1 })] }));
      const result = await command(t.url, "--feed", "jobs", file);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe('inserted 1, updated 0, rejected 1\nrejected row 1 (job_id "b"): job_is_remote must be true or false\n');
      expect(await jobCount(t.ctx)).toBe(1);
    } finally {
      await t.done();
    }
  }, 60_000);

  it("a file that is not JSON, not a list of jobs, or missing gets one clear line, exit code 1, and changes nothing", async () => {
    const t = await target();
    try {
      await importJobs(t.ctx, "general", [job("kept")], { now: NOW });
      const cases: [string, RegExp][] = [
        [write("broken.json", '[{"job_id": "x"},'), /broken\.json: The file is not valid JSON \(.+\)\. Nothing was imported\.\n$/],
        [write("object.json", '{"jobs": [{"job_id": "x"}]}'), /object\.json: The file must hold a JSON array of jobs.+Nothing was imported\.\n$/],
        [path.join(dir, "missing.json"), /Cannot read .+missing\.json: no such file\. Nothing was imported\.\n$/],
      ];
      // Each case is its own process and changes nothing, so they run side by side.
      const results = await Promise.all(cases.map(([file]) => command(t.url, "--feed", "remote", file)));
      for (const [i, [, message]] of cases.entries()) {
        const result = results[i];
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
        expect(result.stdout).toBe("");
      }
      expect(await jobCount(t.ctx)).toBe(1);
      expect((await t.ctx.db.select({ n: count() }).from(t.ctx.t.remote_jobs))[0].n).toBe(0);
    } finally {
      await t.done();
    }
  }, 60_000);

  // It never reaches a database, so it is declared once (on SQLite), not skipped on PostgreSQL.
  if (db.dialect === "sqlite") it("an unknown feed is refused with the usage", async () => {
    const result = await command("file:/nonexistent/never.db", "--feed", "everything", write("x.json", "[]"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Say which feed with --feed jobs, --feed remote or --feed part-time.");
  }, 60_000);
});
