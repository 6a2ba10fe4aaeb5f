/**
 * The feed's result count (decision 028): exact up to its cap, "more than" beyond it, counted
 * through the same access paths as the page (filters, keywords), on both databases.
 */
import { expect, it } from "vitest";
import { countFeed } from "../../app/modules/jobs/feed.server";
import type { Ctx } from "../../db/client";
import { appClient, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { nextSeq } from "../support/factories";

const HOUR = 3_600_000;

async function jobs(ctx: Ctx, n: number, values: { job_title?: string; job_country?: string; job_is_remote?: boolean } = {}) {
  const rows = Array.from({ length: n }, (_, i) => ({
    job_id: `cnt${nextSeq()}x${i}`,
    job_title: values.job_title ?? "Engineer",
    employer_name: "Acme",
    job_country: values.job_country ?? "EG",
    job_is_remote: values.job_is_remote ?? false,
    posted_by: "external" as const,
    created_at: new Date(Date.now() - HOUR - i * 1000),
  }));
  for (let i = 0; i < rows.length; i += 100) await ctx.db.insert(ctx.t.jobs).values(rows.slice(i, i + 100));
}

describeEachDatabase("The feed's result count", (db) => {
  it("counts exactly under the cap and stops at it, for plain filters and for keywords", async () => {
    await jobs(db.ctx, 12, { job_title: "Data Analyst", job_country: "AE" });
    await jobs(db.ctx, 7, { job_title: "Backend Engineer", job_country: "EG", job_is_remote: true });
    expect(await countFeed(db.ctx, "general", {})).toEqual({ count: 19, capped: false });
    expect(await countFeed(db.ctx, "general", { country: "AE" })).toEqual({ count: 12, capped: false });
    expect(await countFeed(db.ctx, "general", { remote: "yes" })).toEqual({ count: 7, capped: false });
    expect(await countFeed(db.ctx, "general", { q: "analy" })).toEqual({ count: 12, capped: false });
    expect(await countFeed(db.ctx, "general", { q: "backend", country: "AE" })).toEqual({ count: 0, capped: false });
    expect(await countFeed(db.ctx, "general", {}, { cap: 10 })).toEqual({ count: 10, capped: true });
    expect(await countFeed(db.ctx, "general", { q: "data" }, { cap: 10 })).toEqual({ count: 10, capped: true });
    expect(await countFeed(db.ctx, "general", { q: "data" }, { cap: 12 })).toEqual({ count: 12, capped: false });
    expect(await countFeed(db.ctx, "remote", {})).toEqual({ count: 0, capped: false });
  });

  it("leaves out jobs that are not listed, as the page does", async () => {
    await jobs(db.ctx, 3);
    const pending = `cnt-pending-${nextSeq()}`;
    await db.ctx.db.insert(db.ctx.t.jobs).values({ job_id: pending, job_title: "Engineer", posted_by: "alumni", created_at: new Date() });
    await db.ctx.db.insert(db.ctx.t.job_postings).values({ feed: "general", job_id: pending, status: "pending" });
    expect(await countFeed(db.ctx, "general", {})).toEqual({ count: 3, capped: false });
    expect(await countFeed(db.ctx, "general", { q: "engineer" })).toEqual({ count: 3, capped: false });
  });

  it("the feed page says how many jobs match, 'More than 1,000 jobs' past the cap, and folds the filters into a disclosure that names how many are chosen", async () => {
    await jobs(db.ctx, 1_001, { job_title: "Support Agent" });
    await jobs(db.ctx, 2, { job_title: "Designer", job_country: "AE" });
    const browser = await appClient(db.ctx);
    const all = await browser.get("/jobs");
    expect(textOf(all.html)).toContain("More than 1,000 jobs");
    expect(all.html).toMatch(/<summary[^>]*>Filters<\/summary>/);
    const some = await browser.get("/jobs?q=design&country=AE");
    const text = textOf(some.html);
    expect(text).toContain("2 jobs");
    expect(some.html).toMatch(/<summary[^>]*>Filters \(2\)<\/summary>/);
    // Each chosen filter is a link to the same feed without it.
    expect(some.html).toContain('href="/jobs?country=AE"');
    expect(some.html).toContain('href="/jobs?q=design"');
    expect(text).toContain("Keywords: design");
    expect(text).toContain("Country: United Arab Emirates");
    // A refused value opens the disclosure so its message is seen beside the field.
    const bad = await browser.get("/jobs?days=2");
    expect(bad.status).toBe(400);
    expect(bad.html).toMatch(/<details open=""/);
  });
});
