/**
 * npm run analytics:scale -- [PAGE_VIEWS] [DAYS]   (defaults 10000000 and 400)
 *
 * On a scratch database already seeded with the demo (npm run db:seed -- --demo): adds analytics
 * rows at scale (db/seed/scale-analytics.ts), then times figuresForDay(today) and
 * summarizeRange over every day. Prints the timings.
 */
import { figuresForDay, utcDay } from "../db/analytics/day-figures";
import { seedAnalyticsScale } from "../db/seed/scale-analytics";
import { summarizeRange } from "../app/modules/analytics/summaries.server";
import { withScriptDatabase } from "./script-database";

const pageViews = Number(process.argv[2] ?? 10_000_000);
const days = Number(process.argv[3] ?? 400);
if (!Number.isInteger(pageViews) || pageViews < 1 || !Number.isInteger(days) || days < 1 || days > 1000) {
  console.error("Usage: npm run analytics:scale -- [PAGE_VIEWS (whole number)] [DAYS (1 to 1000)]");
  process.exit(2);
}

await withScriptDatabase(async (ctx) => {
  const now = new Date();
  let started = performance.now();
  await seedAnalyticsScale(ctx, { pageViews, days, now });
  console.log(`Seeded in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  if (ctx.dialect === "pg" && ctx.raw.kind === "pg") await ctx.raw.pool.query("analyze");
  started = performance.now();
  await figuresForDay(ctx, utcDay(now));
  console.log(`figuresForDay(today): ${(performance.now() - started).toFixed(0)} ms`);
  started = performance.now();
  const today = utcDay(now).getTime();
  await summarizeRange(ctx, new Date(today - (days - 1) * 86_400_000), new Date(today - 86_400_000), (day, done, total) => {
    if (done % 50 === 0 || done === total) console.log(`${day.toISOString().slice(0, 10)}  ${done}/${total} days`);
  });
  console.log(`summarizeRange (${days - 1} days): ${((performance.now() - started) / 1000).toFixed(1)} s`);
}, (message) => `Analytics scale seed failed: ${message}`);
