/**
 * The keyword search reads a page by one of several paths on PostgreSQL (decision 030): the newest
 * 2,000 search rows, every match through the GIN index when those rows say the words are rare, a
 * wider window for a common word the filters thin out. Whichever it takes, the page is the same:
 * the newest matching listed jobs. Also the home's "jobs that fit": whole words first, the start
 * of words when those find too few.
 */
import { sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { countFeed, listFeed } from "../../app/modules/jobs/feed.server";
import type { Ctx } from "../../db/client";
import { FEED_PAGE_SIZE } from "../../app/modules/jobs/rules";
import { describeEachDatabase } from "../support/db";
import { nextSeq } from "../support/factories";

const HOUR = 3_600_000;

/** `n` jobs, each a second older than the one before, starting `start` ms ago; their ids newest first. */
async function jobs(ctx: Ctx, n: number, start: number, values: { job_title: string; job_country: string }): Promise<string[]> {
  const rows = Array.from({ length: n }, (_, i) => ({
    job_id: `path${nextSeq()}x${i}`,
    job_title: values.job_title,
    employer_name: "Acme",
    job_country: values.job_country,
    posted_by: "external" as const,
    created_at: new Date(Date.now() - start - i * 1000),
  }));
  for (let i = 0; i < rows.length; i += 200) await ctx.db.insert(ctx.t.jobs).values(rows.slice(i, i + 200));
  return rows.map((r) => r.job_id);
}

const page = async (ctx: Ctx, q: string, country?: string) => (await listFeed(ctx, "general", { q, country })).jobs.map((j) => j.jobId);

describeEachDatabase("The keyword search's paths", (db) => {
  it("gives the newest matching jobs whether the words are common, rare, or common but filtered out of the newest rows", async () => {
    const newest = await jobs(db.ctx, 2_000, HOUR, { job_title: "Support Agent", job_country: "EG" });
    const welders = await jobs(db.ctx, 5, HOUR + 2_100_000, { job_title: "Certified Welder", job_country: "EG" });
    const older = await jobs(db.ctx, 45, HOUR + 2_200_000, { job_title: "Support Agent", job_country: "AE" });
    // PostgreSQL sizes the table from its statistics (pg_class.reltuples) to call words rare.
    if (db.ctx.dialect === "pg") await db.ctx.db.execute(sql`analyze jobs_search`);
    expect(await page(db.ctx, "support")).toEqual(newest.slice(0, FEED_PAGE_SIZE));
    expect(await page(db.ctx, "weld")).toEqual(welders);
    expect(await page(db.ctx, "support", "AE")).toEqual(older.slice(0, FEED_PAGE_SIZE));
    expect(await page(db.ctx, "support agent", "AE")).toEqual(older.slice(0, FEED_PAGE_SIZE));
    expect(await page(db.ctx, "welder", "AE")).toEqual([]);
    expect(await countFeed(db.ctx, "general", { q: "support", country: "AE" })).toEqual({ count: 45, capped: false });
    expect(await countFeed(db.ctx, "general", { q: "welder" })).toEqual({ count: 5, capped: false });
  });

  it("matches whole words only when asked, and the start of words otherwise", async () => {
    const analysts = await jobs(db.ctx, 2, HOUR, { job_title: "Data Analyst", job_country: "EG" });
    const analytics = await jobs(db.ctx, 2, HOUR + 10_000, { job_title: "Database Analytics Lead", job_country: "EG" });
    const whole = await listFeed(db.ctx, "general", { q: "data analyst" }, { match: "whole" });
    expect(whole.jobs.map((j) => j.jobId)).toEqual(analysts);
    expect(await page(db.ctx, "data analy")).toEqual([...analysts, ...analytics]);
  });
}, { fresh: true }); // the plan depends on the planner's view of the tables: a new copy, not an emptied one
