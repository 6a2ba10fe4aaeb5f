/**
 * Raw latency of each block of the home dashboards, without HTTP or rendering, one call at a time:
 *   DATABASE_URL=file:data/scale.db npx tsx bench/dashboard-queries.ts [runs]
 * For the demo job seeker, moderator, recruiter and career team (and the admin's numbers): p50, p99 and max
 * of each block's function, and the /jobs search with a few words. The page's p99 is
 * `npm run bench:dashboards`; this says which block.
 */
import { eq } from "drizzle-orm";
import { closeCtx, createCtx } from "../db/client";
import { demoEmails } from "../db/seed/demo";
import { messagesLeft } from "../app/modules/coach/quota.server";
import { listFeed } from "../app/modules/jobs/feed.server";
import { jobsThatFit, myApplications, peopleYouMayKnow, pendingRequests, unreadMessages } from "../app/modules/home/member.server";
import { jobsWithApplications, nextRounds } from "../app/modules/home/recruiter.server";
import { recentDecisions, reviewQueue, todaysNumbers } from "../app/modules/home/staff.server";
import { queryTimer } from "./query-timer";

const url = process.env.DATABASE_URL ?? "file:data/ladder.db";
const runs = Number(process.argv[2] ?? 100);
const ctx = createCtx(url);

const time = queryTimer({ runs, warmup: 5, width: 36 });

async function idOf(email: string): Promise<string> {
  const [row] = await ctx.db.select({ id: ctx.t.User.id }).from(ctx.t.User).where(eq(ctx.t.User.email, email)).limit(1);
  if (!row) throw new Error(`${email} is not in ${url}: seed it with scripts/seed.ts --demo --scale 100000`);
  return row.id;
}

async function main() {
  console.log(`${url} (${ctx.dialect}); ${runs} runs each`);
  const now = new Date();
  for (const [role, email] of [["job seeker", demoEmails.user], ["moderator", demoEmails.moderator]] as const) {
    const member = await idOf(email);
    await time(`${role}: applications`, () => myApplications(ctx, member));
    await time(`${role}: unread messages`, () => unreadMessages(ctx, member));
    await time(`${role}: connection requests`, () => pendingRequests(ctx, member));
    await time(`${role}: coach messages left`, () => messagesLeft(ctx, member, now));
    await time(`${role}: jobs that fit (${(await jobsThatFit(ctx, member, now)).words.join(" ")})`, () => jobsThatFit(ctx, member, now));
    await time(`${role}: people you may know`, () => peopleYouMayKnow(ctx, member));
  }
  // The /jobs search box with the same words (start of words, a page of 21): decision 030's
  // PostgreSQL paths (window, GIN index) must keep it fast too.
  for (const q of ["data analyst", "community moderator", "engineer", "zzzz"]) {
    await time(`/jobs search: ${q}`, () => listFeed(ctx, "general", { q }, { now }));
  }
  const recruiter = await idOf(demoEmails.recruiter);
  await time("recruiter: jobs with applications", () => jobsWithApplications(ctx, recruiter));
  await time("recruiter: next rounds", () => nextRounds(ctx, recruiter, now));
  await time("career team: review queue", () => reviewQueue(ctx));
  await time("career team: recent decisions", () => recentDecisions(ctx));
  await time("admin: today's numbers", () => todaysNumbers(ctx, now));
  await closeCtx(ctx);
}

void main();
