/**
 * Raw latency of the feed queries, without HTTP or rendering:
 *   DATABASE_URL=file:/tmp/scale.db npx tsx bench/jobs-queries.ts [runs]
 * Times listFeed (first page of 20, and a page 25 pages deep) for each feed, unfiltered and with
 * the filters people use, one call at a time; prints the row counts of each feed first.
 */
import { count } from "drizzle-orm";
import { closeCtx, createCtx } from "../db/client";
import { listFeed } from "../app/modules/jobs/feed.server";
import type { FeedSlug } from "../app/modules/jobs/feeds";
import type { FeedFilters } from "../app/modules/jobs/rules";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 200);
const ctx = createCtx(url);

const time = queryTimer({ runs, warmup: 10, width: 58 });

const cases: [FeedSlug, FeedFilters][] = [
  ["general", {}],
  ["general", { q: "engineer" }],
  ["general", { q: "data analyst" }],
  ["general", { q: "zebra" }],
  ["general", { country: "EG", type: "Full-time" }],
  ["general", { city: "dubai" }],
  ["general", { type: "Internship", remote: "yes" }],
  ["general", { days: "1" }],
  ["general", { by: "career_team", country: "IN" }],
  ["general", { q: "accountant", country: "SA", days: "30" }],
  // A common word with rare filters: the worst case of the keyword path.
  ["general", { q: "engineer", city: "pune", by: "career_team" }],
  ["remote", {}],
  ["remote", { q: "developer" }],
  ["remote", { country: "JO" }],
  ["part-time", {}],
  ["part-time", { city: "Pune" }],
  ["part-time", { q: "tutor" }],
];

async function main() {
  for (const t of [ctx.t.jobs, ctx.t.remote_jobs, ctx.t.part_time_jobs]) {
    const [row] = await ctx.db.select({ n: count() }).from(t);
    process.stdout.write(`${row.n} `);
  }
  console.log(`jobs in ${url} (${ctx.dialect}); ${runs} runs each`);
  for (const [feed, filters] of cases) {
    const label = `${feed} ${JSON.stringify(filters)}`;
    const first = await listFeed(ctx, feed, filters);
    await time(`${label} (${first.jobs.length} rows)`, () => listFeed(ctx, feed, filters));
  }
  // A page deep in the unfiltered general feed and in a keyword search.
  for (const filters of [{}, { q: "engineer" }] as FeedFilters[]) {
    let page = await listFeed(ctx, "general", filters);
    for (let i = 0; i < 25 && page.next; i++) page = await listFeed(ctx, "general", filters, { after: page.next });
    const after = page.next ?? undefined;
    await time(`general ${JSON.stringify(filters)} page 27`, () => listFeed(ctx, "general", filters, { after }));
  }
  await closeCtx(ctx);
}

void main();
