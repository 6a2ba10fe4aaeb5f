/**
 * Seeders: demo data for a fresh database and scale data for benchmarks.
 *   seedDemo(ctx)          every table, a small believable network, demo logins (password "ladder-demo")
 *   seedScale(ctx, users)  N extra users with ~10 direct messages and ~10 jobs each
 *   seedIfFresh(ctx)       the server's first start: demo data into an empty SQLite file, never PostgreSQL
 */
import type { Ctx } from "../client";
import { isEmpty } from "../migrate";
import { seedDemo } from "./demo";

export { seedDemo, buildDemoRows, demoEmails, utcMidnight, mondayOf, type SeedDemoOptions } from "./demo";
export { seedScale, type SeedScaleOptions, type ScaleSummary } from "./scale";
export { countAll, type SeedSummary } from "./insert";
export { DEMO_PASSWORD } from "./content/people";

/** Seeds the demo data when the database is SQLite and has no users. True when it seeded. */
export async function seedIfFresh(ctx: Ctx): Promise<boolean> {
  if (ctx.dialect !== "sqlite") return false;
  if (!(await isEmpty(ctx))) return false;
  await seedDemo(ctx);
  return true;
}
