/**
 * Candidate matching (issue 18, items 4 and 6): the SQL percent of the ranking equals matchOf's for
 * every demo candidate of the demo recruiter's jobs; only findable members are ranked; keyset pages
 * list everyone once; verified skills a member hid show nowhere but their settings; turning
 * "find me" off deletes the cards about them; bad settings are refused whole. On both databases.
 */
import { and, eq, inArray } from "drizzle-orm";
import { expect, it } from "vitest";
import { candidateJob, percentQuery, rankCandidates, type CandidatePosition } from "../../app/modules/hiring/candidates.server";
import { jobTermsOf, matchOf } from "../../app/modules/hiring/match";
import { verifiedSkillsOf } from "../../app/modules/skills/index.server";
import { saveCandidateSettings } from "../../app/modules/skills/candidate-settings.server";
import { updateProfile } from "../../app/modules/profile/profile.server";
import type { Ctx } from "../../db/client";
import { rowsOf } from "../../db/raw-sql";
import { buildMatchTerms } from "../../db/match-terms";
import { demoEmails, seedDemo } from "../../db/seed";
import { createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makePostedJob } from "../support/hiring";

const NOW = new Date("2030-06-15T00:00:00.000Z");

async function findable(ctx: Ctx, member: Member, profile: { skills?: string[]; headline?: string; city?: string; findable?: boolean } = {}) {
  const { User, candidate_settings: cs } = ctx.t;
  await ctx.db.update(User).set({ professional_skills: profile.skills ?? [], headline: profile.headline ?? null }).where(eq(User.id, member.id));
  const terms = buildMatchTerms({ professionalSkills: profile.skills, headline: profile.headline, city: profile.city }, NOW);
  await ctx.db.insert(cs).values({ user_id: member.id, findable: profile.findable ?? true, city: profile.city ?? null, match_terms: terms });
}

async function verifiedSkill(ctx: Ctx, memberId: string, name: string, score = 9, total = 10) {
  const [skill] = await ctx.db.insert(ctx.t.skills).values({ name }).returning({ id: ctx.t.skills.id });
  await ctx.db.insert(ctx.t.skill_bests).values({ user_id: memberId, skill_id: skill.id, best_score: score, best_total: total, attempts: 1, last_attempt_at: NOW });
  return skill.id;
}

describeEachDatabase("Candidate matching", (db) => {
  it("ranks every demo candidate of the demo recruiter's jobs with the SQL percent matchOf gives", async () => {
    const ctx = db.ctx;
    await seedDemo(ctx, { now: NOW });
    const { User } = ctx.t;
    const [recruiter] = await ctx.db.select({ id: User.id, role: User.role }).from(User).where(eq(User.email, demoEmails.recruiter));
    const viewer = { id: recruiter.id, role: recruiter.role ?? "user" };
    let checked = 0;
    let scored = 0;
    for (const feed of ["general", "remote", "part-time"] as const) {
      const table = feed === "general" ? ctx.t.jobs : feed === "remote" ? ctx.t.remote_jobs : ctx.t.part_time_jobs;
      const jobs = await ctx.db.select({ id: table.job_id }).from(table).where(eq(table.posted_by_user_id, recruiter.id)).limit(3);
      for (const { id } of jobs) {
        const job = (await candidateJob(ctx, viewer, feed, id))!;
        const terms = jobTermsOf(job.match);
        const sqlRows = await rowsOf<{ user_id: string; percent: number | string }>(ctx, await percentQuery(ctx, terms, null));
        const ids = sqlRows.map((r) => r.user_id);
        const members = await ctx.db
          .select({ id: User.id, skills: User.professional_skills, headline: User.headline, experience: User.experience, city: ctx.t.candidate_settings.city })
          .from(User)
          .innerJoin(ctx.t.candidate_settings, eq(ctx.t.candidate_settings.user_id, User.id))
          .where(inArray(User.id, ids));
        const verified = await verifiedSkillsOf(ctx, ids);
        const expected = new Map(members.map((m) => [m.id, matchOf(terms, { verified: verified.get(m.id) ?? [], skills: m.skills, headline: m.headline, experience: m.experience, city: m.city }, NOW).percent]));
        for (const r of sqlRows) {
          expect({ user: r.user_id, job: id, percent: Number(r.percent) }).toEqual({ user: r.user_id, job: id, percent: expected.get(r.user_id) });
          checked++;
          if (Number(r.percent) > 0) scored++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(scored).toBeGreaterThan(5);
  });

  it("ranks only members who let recruiters find them, best match first, each once across keyset pages", async () => {
    const ctx = db.ctx;
    const poster = await createMember(ctx, { role: "recruiter" });
    const job = await makePostedJob(ctx, poster.id, { title: "Data Analyst" });
    await ctx.db.update(ctx.t.jobs).set({ job_description: "SQL, Excel and Power BI.", job_city: "Cairo" }).where(eq(ctx.t.jobs.job_id, job.jobId));
    const members: Member[] = [];
    for (let i = 0; i < 11; i++) {
      const m = await createMember(ctx, { name: `Candidate ${i}` });
      await findable(ctx, m, { skills: i % 2 ? ["SQL", "Excel"] : ["Cooking"], headline: i % 3 ? "Data analyst" : "Chef", city: i % 4 ? "Cairo" : "Giza" });
      members.push(m);
    }
    const hidden = await createMember(ctx, { name: "Not findable" });
    await findable(ctx, hidden, { skills: ["SQL", "Excel", "Power BI"], headline: "Data analyst", city: "Cairo", findable: false });
    const full = (await candidateJob(ctx, { id: poster.id, role: "recruiter" }, "general", job.jobId))!;
    const seen: { userId: string; percent: number }[] = [];
    let after: CandidatePosition | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await rankCandidates(ctx, full, { after, pageSize: 3, except: poster.id, now: NOW });
      seen.push(...page.rows.map((r) => ({ userId: r.userId, percent: r.percent })));
      if (!page.next) break;
      after = page.next;
    }
    const mine = seen.filter((s) => members.some((m) => m.id === s.userId));
    expect(new Set(mine.map((s) => s.userId)).size).toBe(11);
    expect(seen.length).toBe(new Set(seen.map((s) => s.userId)).size);
    expect(seen.some((s) => s.userId === hidden.id || s.userId === poster.id)).toBe(false);
    for (let i = 1; i < seen.length; i++) expect(seen[i - 1].percent >= seen[i].percent).toBe(true);
    // Candidate 1: SQL and Excel (10), headline (10), Cairo (10).
    expect(seen.find((s) => s.userId === members[1].id)?.percent).toBe(30);
  });

  it("shows verified skills on the profile and in people search, never the ones the member hid", async () => {
    const ctx = db.ctx;
    const member = await createMember(ctx, { name: "Verified Member" });
    const shown = await verifiedSkill(ctx, member.id, `Shown skill ${member.id.slice(0, 6)}`);
    const hiddenId = await verifiedSkill(ctx, member.id, `Hidden skill ${member.id.slice(0, 6)}`, 8, 10);
    await verifiedSkill(ctx, member.id, `Failed skill ${member.id.slice(0, 6)}`, 6, 10);
    await ctx.db.insert(ctx.t.verified_skill_hidden).values({ user_id: member.id, skill_id: hiddenId });
    const viewer = await signedInClient(ctx, await createMember(ctx));
    const profile = textOf((await viewer.get(`/u/${member.id}`)).html);
    expect(profile).toContain(`Verified: Shown skill ${member.id.slice(0, 6)} 9/10`);
    expect(profile).not.toContain("Hidden skill");
    expect(profile).not.toContain("Failed skill");
    const people = textOf((await viewer.get(`/people?q=${encodeURIComponent("Verified Member")}`)).html);
    expect(people).toContain(`Verified: Shown skill ${member.id.slice(0, 6)} 9/10`);
    expect(people).not.toContain("Hidden skill");
    const own = await signedInClient(ctx, member);
    const settings = textOf((await own.get("/settings/candidates")).html);
    expect(settings).toContain(`Show Hidden skill ${member.id.slice(0, 6)} 8/10`);
    // Showing it again from the settings puts it back on the profile.
    const form = new FormData();
    form.append("show", String(shown));
    form.append("show", String(hiddenId));
    const saved = await own.post("/settings/candidates", form);
    expect(saved.status).toBe(302);
    expect(textOf((await viewer.get(`/u/${member.id}`)).html)).toContain("Hidden skill");
  });

  it("turns find-me off, deletes every card about the member in the same save, and says so", async () => {
    const ctx = db.ctx;
    const member = await createMember(ctx);
    const recruiter = await createMember(ctx, { role: "recruiter" });
    await findable(ctx, member, { skills: ["SQL"] });
    const [card] = await ctx.db.insert(ctx.t.archive_card).values({ name: "x", email: member.email, matchPercentage: "40", desc: "note" }).returning({ id: ctx.t.archive_card.id });
    await ctx.db.insert(ctx.t.archive_card_owners).values({ card_id: card.id, recruiter_user_id: recruiter.id, member_user_id: member.id, feed: "general", job_id: "j1" });
    const own = await signedInClient(ctx, member);
    const res = await own.post("/settings/candidates", { city: "Amman" });
    expect(res.status).toBe(302);
    const page = textOf((await own.get("/settings/candidates")).html);
    expect(page).toContain("the 1 card they kept about you is deleted");
    expect(await ctx.db.select().from(ctx.t.archive_card).where(eq(ctx.t.archive_card.id, card.id))).toEqual([]);
    const [settings] = await ctx.db.select().from(ctx.t.candidate_settings).where(eq(ctx.t.candidate_settings.user_id, member.id));
    expect(settings).toMatchObject({ findable: false, city: "Amman" });
    expect(settings.match_terms).toContain(" c:amman ");
    const usage = await ctx.db.select().from(ctx.t.feature_usage).where(and(eq(ctx.t.feature_usage.user_id, member.id), eq(ctx.t.feature_usage.feature_name, "candidates")));
    expect(usage.map((u) => u.action)).toEqual(["candidate_settings_saved"]);
  });

  it("refuses a city over 100 characters or a forged checkbox with 400, keeps what was typed, and saves nothing", async () => {
    const ctx = db.ctx;
    const member = await createMember(ctx);
    const own = await signedInClient(ctx, member);
    const long = await own.post("/settings/candidates", { city: "C".repeat(101), findable: "on" });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("Keep the city to 100 characters or fewer.");
    expect(long.html).toContain("C".repeat(101));
    const forged = await own.post("/settings/candidates", { city: "Cairo", findable: "yes" });
    expect(forged.status).toBe(400);
    expect(await ctx.db.select().from(ctx.t.candidate_settings).where(eq(ctx.t.candidate_settings.user_id, member.id))).toEqual([]);
  });

  it("rebuilds match_terms when the member saves their profile or these settings", async () => {
    const ctx = db.ctx;
    const member = await createMember(ctx);
    await saveCandidateSettings(ctx, member.id, { findable: true, sharePhone: false, city: "Rabat", shown: [] }, NOW);
    await updateProfile(ctx, member.id, { professional_skills: ["Tableau"], headline: "Data analyst" });
    const [row] = await ctx.db.select({ terms: ctx.t.candidate_settings.match_terms }).from(ctx.t.candidate_settings).where(eq(ctx.t.candidate_settings.user_id, member.id));
    expect(row.terms.endsWith(" s:tableau h:data h:analyst c:rabat ")).toBe(true);
  });
});
