/**
 * Raw latency of the anonymous feed's reads (issue 17), without HTTP or rendering, one call at a time:
 *   DATABASE_URL=file:data/scale.db npx tsx bench/feed-queries.ts [runs]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx bench/feed-queries.ts [runs]
 * On a database seeded with `db:seed --demo --scale 100000` (500,000 posts) and on demo data:
 * p50, p99 and max of the newest page, a page deep in the feed, each filter with a popular and a
 * rare value, "Top this week" (as stated and week first), the 5,000-comment post's first and a
 * middle page, and the reports queue. The shapes are bench/feed-query-shapes.ts; the pages'
 * p99 over HTTP is `npm run bench` (routes "feed", "feed filtered by topic", ...).
 */
import { count, desc, eq, gte, sql } from "drizzle-orm";
import { closeCtx, createCtx } from "../db/client";
import { BIG_FEED_POST_ID, demoEmails } from "../db/seed/demo";
import { commentsPageQuery, feedPageQuery, reportsQueueQuery, topWeekFirstQuery, topWeekQuery, type Dated } from "./feed-query-shapes";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 100);
const ctx = createCtx(url);
const time = queryTimer({ runs, warmup: 5, width: 44 });

async function main() {
  const { User: u, anonymous_post: p, anonymous_comment: c } = ctx.t;
  const [me] = await ctx.db.select({ id: u.id }).from(u).where(eq(u.email, demoEmails.user)).limit(1);
  if (!me) throw new Error(`${demoEmails.user} is not in ${url}: seed it with scripts/seed.ts --demo [--scale 100000]`);
  const [{ n: posts }] = await ctx.db.select({ n: count() }).from(p);
  console.log(`${url} (${ctx.dialect}); ${Number(posts).toLocaleString("en-US")} posts; ${runs} runs each`);

  // Popular and rare values, found in the data: the most common company and one with a single post.
  const companies = await ctx.db
    .select({ name: sql<string>`min(${p.company_name})`, n: count() })
    .from(p)
    .where(sql`${p.company_name} is not null`)
    .groupBy(sql`lower(${p.company_name})`)
    .orderBy(desc(count()));
  const popular = companies[0].name;
  const rare = companies[companies.length - 1].name;
  const industries = await ctx.db.select({ name: sql<string>`min(${p.industry})`, n: count() }).from(p).groupBy(sql`lower(${p.industry})`).orderBy(desc(count()));
  // The week of "Top this week" ends now; the seed's posts end at its midnight.
  const [{ newest }] = await ctx.db.select({ newest: sql<number | string | Date>`max(${p.created_at})` }).from(p);
  const now = Math.max(Date.now(), new Date(typeof newest === "number" ? newest : String(newest)).getTime());
  const since = new Date(now - 7 * 86_400_000);
  const [{ week }] = await ctx.db.select({ week: count() }).from(p).where(gte(p.created_at, since));
  // A position 50 pages (1,000 posts) down the feed, and one in the middle of the big post's comments.
  // (A setup read, not a page: the 1,001st row of a plain ordered read.)
  const deep = (await ctx.db.select({ at: p.created_at, id: p.id }).from(p).orderBy(desc(p.created_at), desc(p.id)).limit(1_001)).at(1_000);
  const [{ comments }] = await ctx.db.select({ comments: count() }).from(c).where(eq(c.post_id, BIG_FEED_POST_ID));
  const half = Math.floor(Number(comments) / 2);
  const middle = (await ctx.db.select({ at: c.created_at, id: c.id }).from(c).where(eq(c.post_id, BIG_FEED_POST_ID)).orderBy(c.created_at, c.id).limit(half + 1)).at(half);
  const page2 = (await topWeekQuery(ctx, me.id, since))[19];
  console.log(`companies: ${companies.length} (popular "${popular}" ${companies[0].n}, rare "${rare}" ${companies[companies.length - 1].n}); this week: ${week} posts; big post: ${comments} comments`);

  await time("feed, newest", () => feedPageQuery(ctx, me.id));
  await time("feed, visitor", () => feedPageQuery(ctx, null));
  if (deep) {
    const at: Dated = { at: deep.at!, id: deep.id };
    await time("feed, 50 pages down", () => feedPageQuery(ctx, me.id, {}, at));
    await time("feed, 50 pages down (unbounded keyset)", () => feedPageQuery(ctx, me.id, {}, at, "unbounded"));
  }
  for (const topic of ["general", "company_culture"] as const) await time(`topic ${topic}`, () => feedPageQuery(ctx, me.id, { topic }));
  await time(`company, popular`, () => feedPageQuery(ctx, me.id, { company: popular!.toLowerCase() }));
  await time(`company, rare`, () => feedPageQuery(ctx, me.id, { company: rare! }));
  await time(`industry, popular`, () => feedPageQuery(ctx, me.id, { industry: industries[0].name }));
  await time(`industry, rare`, () => feedPageQuery(ctx, me.id, { industry: industries[industries.length - 1].name }));
  await time("top this week", () => topWeekQuery(ctx, me.id, since));
  await time("top this week, week first", () => topWeekFirstQuery(ctx, me.id, since));
  if (page2) {
    const after = { likes: page2.likesCount, id: page2.id };
    await time("top this week, page 2", () => topWeekQuery(ctx, me.id, since, after));
    await time("top this week, page 2, week first", () => topWeekFirstQuery(ctx, me.id, since, after));
  }
  // Deep in this week's list: the posts with two likes or fewer (most of the week).
  const low = { likes: 2, id: "ffffffff-ffff-4fff-bfff-ffffffffffff" };
  await time("top this week, deep (likes <= 2)", () => topWeekQuery(ctx, me.id, since, low));
  await time("top this week, deep, week first", () => topWeekFirstQuery(ctx, me.id, since, low));
  await time("big post, first comments", () => commentsPageQuery(ctx, me.id, BIG_FEED_POST_ID));
  if (middle) await time("big post, middle comments", () => commentsPageQuery(ctx, me.id, BIG_FEED_POST_ID, { at: middle.at!, id: middle.id }));
  await time("reports queue", () => reportsQueueQuery(ctx));
  await closeCtx(ctx);
}

void main();
