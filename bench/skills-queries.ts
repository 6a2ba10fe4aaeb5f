/**
 * Raw latency of issue 18's reads, without HTTP or rendering, one call at a time:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx bench/skills-queries.ts [runs]
 * On a database seeded with `db:seed --demo --scale 100000` (about 1,000,000 skill_attempts) and
 * on demo data: p50, p99 and max of user@demo.test's best scores (/skills reads skill_bests by
 * member), the verified skills of Dina Saleh's profile (verifiedSkillsOf), and the first page of
 * the demo recruiter's archive (listCards). The pages' p99 over HTTP is `npm run bench` (routes
 * "skills", "profile with verified skills", "archive of candidates (recruiter)").
 */
import { count, eq } from "drizzle-orm";
import { listCards } from "../app/modules/hiring/archive.server";
import { verifiedSkillsOf } from "../app/modules/skills/verified.server";
import { closeCtx, createCtx } from "../db/client";
import { demoEmails, LONG_CONVERSATION_PARTNER_INDEX, userId } from "../db/seed/demo";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 100);
const ctx = createCtx(url);
const time = queryTimer({ runs, warmup: 5, width: 44 });

async function main() {
  const { User: u, skill_attempts: a, skill_bests: b } = ctx.t;
  const [me] = await ctx.db.select({ id: u.id }).from(u).where(eq(u.email, demoEmails.user)).limit(1);
  const [recruiter] = await ctx.db.select({ id: u.id, role: u.role }).from(u).where(eq(u.email, demoEmails.recruiter)).limit(1);
  if (!me || !recruiter) throw new Error(`the demo logins are not in ${url}: seed it with scripts/seed.ts --demo [--scale 100000]`);
  const [{ n: attempts }] = await ctx.db.select({ n: count() }).from(a);
  console.log(`${url} (${ctx.dialect}); ${Number(attempts).toLocaleString("en-US")} skill attempts; ${runs} runs each`);
  await time("best scores of user@demo.test (/skills)", () => ctx.db.select().from(b).where(eq(b.user_id, me.id)));
  await time("verified skills of a profile", () => verifiedSkillsOf(ctx, [userId(LONG_CONVERSATION_PARTNER_INDEX)]));
  await time("recruiter's archive, first page", () => listCards(ctx, { id: recruiter.id, role: recruiter.role ?? "recruiter" }));
  await closeCtx(ctx);
}

void main();
