/**
 * Raw latency of issue 19's reads, without HTTP or rendering, one call at a time:
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx bench/interviews-queries.ts [runs]
 * On a database seeded with `db:seed --demo --scale 100000` (about 400,000 daily_interviews and
 * 1.9M interview_progress rows) and on demo data: p50, p99 and max of what /interviews reads
 * (today's interview by userId + interviewDate, the streak) and of /interviews/history's first and
 * second pages (keyset on userId + interviewDate), one interview in full (/interviews/<id>) and a
 * profile's streak, all as user@demo.test. The pages over HTTP: `npm run bench` (routes
 * "interviews today", "interview history").
 */
import { and, count, eq } from "drizzle-orm";
import { historyPage, interviewInFull, profileStreak } from "../app/modules/interviews/history.server";
import { streakFor } from "../app/modules/interviews/streak.server";
import { closeCtx, createCtx } from "../db/client";
import { demoEmails, utcMidnight } from "../db/seed/demo";
import { uuidFor } from "../db/seed/random";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 100);
const ctx = createCtx(url);
const time = queryTimer({ runs, warmup: 5, width: 44 });

async function main() {
  const { User: u, daily_interviews: d, interview_progress: p } = ctx.t;
  const [me] = await ctx.db.select({ id: u.id }).from(u).where(eq(u.email, demoEmails.user)).limit(1);
  if (!me) throw new Error(`the demo logins are not in ${url}: seed it with scripts/seed.ts --demo [--scale 100000]`);
  const [{ n: interviews }] = await ctx.db.select({ n: count() }).from(d);
  const [{ n: answers }] = await ctx.db.select({ n: count() }).from(p);
  console.log(`${url} (${ctx.dialect}); ${Number(interviews).toLocaleString("en-US")} interviews, ${Number(answers).toLocaleString("en-US")} answers; ${runs} runs each`);
  const today = utcMidnight();
  await time("today's interview (userId + interviewDate)", () => ctx.db.select().from(d).where(and(eq(d.userId, me.id), eq(d.interviewDate, today))).limit(1));
  await time("streak of user@demo.test", () => streakFor(ctx, me.id, today));
  const first = await historyPage(ctx, me.id, undefined);
  await time("history, first page", () => historyPage(ctx, me.id, undefined));
  await time("history, second page", () => historyPage(ctx, me.id, first.next ?? undefined));
  await time("one interview in full", () => interviewInFull(ctx, me.id, uuidFor("daily_interview:0:0")));
  await time("a profile's streak (allowed or not)", () => profileStreak(ctx, me.id));
  await closeCtx(ctx);
}

void main();
