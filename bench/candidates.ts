/**
 * The candidates page's ranking at scale (issue 18: "ranks 100,000 members in under 1 s on
 * PostgreSQL"):
 *   TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:candidates -- [members] [runs] [--reuse]
 * Makes a scratch database on TEST_DATABASE_URL's server (ladder_bench_candidates, dropped and made
 * again), migrates it, seeds the demo data, then adds `members` (default 100,000) findable members
 * with profiles of the demo's tracks (skills, headline, two experience entries, a city), their
 * match_terms from the app's builder, and 0 to 10 best scores each (skill_bests, about 5 a member;
 * the ranking reads bests, not attempts). Then it times the ranking as the page runs it
 * (rankCandidates: the SQL percent over every findable member, then the 20 shown rows' reasons)
 * for a few of the demo recruiter's jobs: the first page and a page 50 pages (1,000 members) down.
 * Prints p50, p99 and max per job and page, and the plan of one first page. --reuse times the
 * database an earlier run filled (after a change to the query) without filling it again.
 */
import { eq, sql } from "drizzle-orm";
import { Client } from "pg";
import { candidateJob, percentQuery, rankCandidates, type CandidatePosition } from "../app/modules/hiring/candidates.server";
import { jobTermsOf } from "../app/modules/hiring/match";
import { closeCtx, createCtx, type Ctx } from "../db/client";
import { buildMatchTerms } from "../db/match-terms";
import { migrateDatabase } from "../db/migrate";
import { rowsOf } from "../db/raw-sql";
import { demoEmails, seedDemo } from "../db/seed";
import { tracks } from "../db/seed/content/people";
import { Rng, uuidFor } from "../db/seed/random";

const server = process.env.TEST_DATABASE_URL;
if (!server?.startsWith("postgres")) throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server (postgres://...): the bench makes a scratch database there.");
const REUSE = process.argv.includes("--reuse");
const [membersArg, runsArg] = process.argv.slice(2).filter((a) => a !== "--reuse");
const MEMBERS = Number(membersArg ?? 100_000);
const RUNS = Number(runsArg ?? 30);
const NAME = "ladder_bench_candidates";
const CITIES = ["Cairo", "Amman", "Dubai", "Riyadh", "Casablanca", "Beirut", "Tunis", "Algiers", "Doha", "Muscat", "Kuwait City", "Manama", "Bengaluru", "Mumbai", "Delhi", "Alexandria"];
const BATCH = 2_000;

async function scratchDatabase(): Promise<string> {
  const url = new URL(server!);
  url.pathname = `/${NAME}`;
  if (REUSE) return url.toString();
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`drop database if exists ${NAME} with (force)`);
  await admin.query(`create database ${NAME}`);
  await admin.end();
  return url.toString();
}

async function fill(ctx: Ctx) {
  const rng = new Rng("bench-candidates");
  const now = new Date();
  const skills = await ctx.db.select({ id: ctx.t.skills.id }).from(ctx.t.skills);
  const names = Object.keys(tracks) as (keyof typeof tracks)[];
  const started = Date.now();
  let bests = 0;
  for (let from = 0; from < MEMBERS; from += BATCH) {
    const users: (typeof ctx.t.User.$inferInsert)[] = [];
    const settings: (typeof ctx.t.candidate_settings.$inferInsert)[] = [];
    const best: (typeof ctx.t.skill_bests.$inferInsert)[] = [];
    for (let i = from; i < Math.min(MEMBERS, from + BATCH); i++) {
      const track = tracks[names[i % names.length]];
      const title = track.titles[i % track.titles.length];
      const earlier = track.titles[(i + 1) % track.titles.length];
      const id = uuidFor(`bench-candidate:${i}`);
      const startYear = 2014 + (i % 11);
      const experience = [
        { title: earlier, company: "Earlier Co", startDate: `${startYear}-0${1 + (i % 9)}`, endDate: `${startYear + 1 + (i % 3)}-0${1 + ((i + 4) % 9)}` },
        { title, company: "Current Co", startDate: `${startYear + 2 + (i % 3)}-0${1 + ((i + 2) % 9)}` },
      ];
      const professional_skills = rng.sample(track.skills, rng.int(3, 6));
      const headline = `${title} ${i % 3 === 0 ? "looking for a new role" : `with ${1 + (i % 8)} years of experience`}`;
      const city = CITIES[i % CITIES.length];
      users.push({ id, email: `bench-candidate-${i}@bench.test`, name: `Candidate ${i}`, headline, professional_skills, experience, role: "user", createdAt: now });
      settings.push({ user_id: id, findable: true, share_phone: i % 2 === 0, city, match_terms: buildMatchTerms({ professionalSkills: professional_skills, headline, experience, city }, now), updated_at: now });
      for (const s of rng.sample(skills, Math.min(skills.length, rng.int(0, 10)))) {
        const total = 10;
        best.push({ user_id: id, skill_id: s.id, best_score: rng.int(3, 10), best_total: total, attempts: rng.int(1, 4), last_attempt_at: now });
      }
    }
    await ctx.db.insert(ctx.t.User).values(users);
    await ctx.db.insert(ctx.t.candidate_settings).values(settings);
    for (let k = 0; k < best.length; k += 5_000) await ctx.db.insert(ctx.t.skill_bests).values(best.slice(k, k + 5_000));
    bests += best.length;
    if ((from / BATCH) % 10 === 0) process.stdout.write(`  ${from + users.length} members, ${bests} bests (${Math.round((Date.now() - started) / 1000)} s)\r`);
  }
  await rowsOf(ctx, sql`analyze`);
  console.log(`\n  filled: ${MEMBERS.toLocaleString("en-US")} findable members, ${bests.toLocaleString("en-US")} skill_bests in ${Math.round((Date.now() - started) / 1000)} s`);
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`  ${label.padEnd(58)} p50 ${pct(ms, 50).toFixed(1).padStart(7)} ms   p99 ${pct(ms, 99).toFixed(1).padStart(7)} ms   max ${ms[ms.length - 1].toFixed(1).padStart(7)} ms`);
  return ms;
}

async function main() {
  const url = await scratchDatabase();
  const ctx = createCtx(url);
  try {
    if (REUSE) console.log(`${url}: reusing the members of an earlier run (--reuse)`);
    else {
      await migrateDatabase(ctx);
      await seedDemo(ctx);
      console.log(`${url}: demo data seeded; adding ${MEMBERS.toLocaleString("en-US")} members…`);
      await fill(ctx);
    }
    const { User } = ctx.t;
    const [recruiter] = await ctx.db.select({ id: User.id, role: User.role }).from(User).where(eq(User.email, demoEmails.recruiter));
    const viewer = { id: recruiter.id, role: recruiter.role ?? "recruiter" };
    const jobs: { feed: "general" | "remote" | "part-time"; id: string }[] = [];
    for (const [feed, table] of [["general", ctx.t.jobs], ["remote", ctx.t.remote_jobs], ["part-time", ctx.t.part_time_jobs]] as const) {
      const rows = await ctx.db.select({ id: table.job_id }).from(table).where(eq(table.posted_by_user_id, recruiter.id)).limit(feed === "general" ? 2 : 1);
      jobs.push(...rows.map((r) => ({ feed, id: r.id })));
    }
    console.log(`${RUNS} runs each (after 3 warm-up runs); PostgreSQL ${((await rowsOf<{ v: string }>(ctx, sql`select version() as v`))[0].v).split(" ").slice(0, 2).join(" ")}`);
    let worst = 0;
    for (const j of jobs) {
      const job = (await candidateJob(ctx, viewer, j.feed, j.id))!;
      const first = await rankCandidates(ctx, job, { except: viewer.id });
      const top = first.rows.slice(0, 3).map((r) => `${r.percent}%`).join(", ");
      const title = `${job.title ?? "?"} (${j.feed})`.slice(0, 40);
      worst = Math.max(worst, ...(await time(`${title}: first page [top ${top}]`, () => rankCandidates(ctx, job, { except: viewer.id }))));
      // The position 1,000 members down: the 1,001st row of the ranking (a setup read).
      const inner = await percentQuery(ctx, jobTermsOf(job.match), viewer.id);
      const [deep] = await rowsOf<{ user_id: string; percent: number }>(ctx, sql`select y.user_id, y.percent from (${inner}) y order by y.percent desc, y.user_id asc limit 1 offset 1000`);
      const after: CandidatePosition = { percent: Number(deep.percent), userId: deep.user_id };
      worst = Math.max(worst, ...(await time(`${title}: 50 pages down`, () => rankCandidates(ctx, job, { after, except: viewer.id }))));
    }
    const job = (await candidateJob(ctx, viewer, jobs[0].feed, jobs[0].id))!;
    const inner = await percentQuery(ctx, jobTermsOf(job.match), viewer.id);
    const plan = await rowsOf<{ "QUERY PLAN": string }>(ctx, sql`explain (analyze, buffers off) select y.user_id, y.percent from (${inner}) y order by y.percent desc, y.user_id asc limit 21`);
    console.log(plan.map((r) => `    ${r["QUERY PLAN"]}`).join("\n"));
    console.log(`worst single run: ${worst.toFixed(1)} ms (${worst < 1000 ? "under" : "OVER"} 1 s)`);
  } finally {
    await closeCtx(ctx);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
