/** The job feeds, the job page and RSS: the module rules and the pages through the real app, on both databases. */
import { expect, it } from "vitest";
import { listFeed } from "../../app/modules/jobs/feed.server";
import type { FeedSlug } from "../../app/modules/jobs/feeds";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeApplication, nextSeq } from "../support/factories";

type Insert<K extends keyof Ctx["t"]> = Ctx["t"][K]["$inferInsert"];

const DAY = 24 * 60 * 60 * 1000;
const TABLE = { general: "jobs", remote: "remote_jobs", "part-time": "part_time_jobs" } as const;

async function job(ctx: Ctx, feed: FeedSlug, values: Partial<Insert<"jobs">> & { status?: "pending" | "approved" | "declined" | "closed"; reason?: string } = {}) {
  const { status, reason, ...rest } = values;
  const job_id = rest.job_id ?? `t${nextSeq()}x${Math.random().toString(36).slice(2, 8)}`;
  const [row] = await ctx.db
    .insert(ctx.t[TABLE[feed]])
    .values({ job_title: "Engineer", employer_name: "Acme", posted_by: status ? "alumni" : "external", created_at: new Date(Date.now() - DAY), ...rest, job_id })
    .returning();
  if (status) await ctx.db.insert(ctx.t.job_postings).values({ feed, job_id, status, decline_reason: reason ?? null });
  return row;
}

const ids = async (ctx: Ctx, feed: FeedSlug, filters: Parameters<typeof listFeed>[2] = {}) => (await listFeed(ctx, feed, filters, { pageSize: 100 })).jobs.map((j) => j.jobId).sort();

describeEachDatabase("Job feeds", (db) => {
  it("a feed lists imported jobs and approved posts, never pending, declined or closed ones", async () => {
    const external = await job(db.ctx, "general");
    const approved = await job(db.ctx, "general", { status: "approved" });
    await job(db.ctx, "general", { status: "pending" });
    await job(db.ctx, "general", { status: "declined", reason: "Too vague" });
    await job(db.ctx, "general", { status: "closed" });
    await job(db.ctx, "remote", {});
    expect(await ids(db.ctx, "general")).toEqual([external.job_id, approved.job_id].sort());
    const page = await (await appClient(db.ctx)).get("/jobs");
    expect(page.status).toBe(200);
    const links = [...page.html.matchAll(/href="\/jobs\/general\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    expect(links.sort()).toEqual([external.job_id, approved.job_id].sort());
  });

  it("keywords match words at the start in the title, the employer or the description, every word required", async () => {
    const title = await job(db.ctx, "general", { job_title: "Backend Engineer", employer_name: "Nile Payments", job_description: "Node and PostgreSQL" });
    const employer = await job(db.ctx, "general", { job_title: "Analyst", employer_name: "Cedar Digital", job_description: "Spreadsheets" });
    const description = await job(db.ctx, "general", { job_title: "Designer", employer_name: "Olive", job_description: "Figma, accessibility and Arabic layouts" });
    expect(await ids(db.ctx, "general", { q: "backend" })).toEqual([title.job_id]);
    expect(await ids(db.ctx, "general", { q: "engin" })).toEqual([title.job_id]);
    expect(await ids(db.ctx, "general", { q: "cedar" })).toEqual([employer.job_id]);
    expect(await ids(db.ctx, "general", { q: "ARABIC layout" })).toEqual([description.job_id]);
    expect(await ids(db.ctx, "general", { q: "arabic spreadsheets" })).toEqual([]);
    // Search syntax of either database is just punctuation here.
    expect(await ids(db.ctx, "general", { q: `node & !(postgres:* | "x") OR NOT -*` })).toEqual([]);
    expect(await ids(db.ctx, "general", { q: "node: postgresql!" })).toEqual([title.job_id]);
  });

  it("keywords follow a job's edits: the changed title is found and the old one is not", async () => {
    const row = await job(db.ctx, "remote", { job_title: "Support agent" });
    expect(await ids(db.ctx, "remote", { q: "support" })).toEqual([row.job_id]);
    const { eq } = await import("drizzle-orm");
    await db.ctx.db.update(db.ctx.t.remote_jobs).set({ job_title: "Translator" }).where(eq(db.ctx.t.remote_jobs.job_id, row.job_id));
    expect(await ids(db.ctx, "remote", { q: "support" })).toEqual([]);
    expect(await ids(db.ctx, "remote", { q: "translator" })).toEqual([row.job_id]);
    await db.ctx.db.delete(db.ctx.t.remote_jobs).where(eq(db.ctx.t.remote_jobs.job_id, row.job_id));
    expect(await ids(db.ctx, "remote", { q: "translator" })).toEqual([]);
  });

  it("city (any case), country, job type, remote, posted within and posted by each narrow the feed", async () => {
    const cairo = await job(db.ctx, "general", { job_city: "Cairo", job_country: "EG", job_employment_type: "Full-time", job_is_remote: false, created_at: new Date(Date.now() - 2 * DAY) });
    const dubai = await job(db.ctx, "general", { job_city: "Dubai", job_country: "AE", job_employment_type: "Contractor", job_is_remote: true, created_at: new Date(Date.now() - 10 * DAY) });
    const old = await job(db.ctx, "general", { job_city: "Cairo", job_country: "EG", job_employment_type: "Internship", created_at: new Date(Date.now() - 40 * DAY), status: "approved", posted_by: "career_team" });
    expect(await ids(db.ctx, "general", { city: "cairo" })).toEqual([cairo.job_id, old.job_id].sort());
    expect(await ids(db.ctx, "general", { country: "AE" })).toEqual([dubai.job_id]);
    expect(await ids(db.ctx, "general", { type: "Internship" })).toEqual([old.job_id]);
    expect(await ids(db.ctx, "general", { remote: "yes" })).toEqual([dubai.job_id]);
    expect(await ids(db.ctx, "general", { days: "3" })).toEqual([cairo.job_id]);
    expect(await ids(db.ctx, "general", { days: "14" })).toEqual([cairo.job_id, dubai.job_id].sort());
    expect(await ids(db.ctx, "general", { by: "career_team" })).toEqual([old.job_id]);
    expect(await ids(db.ctx, "general", { by: "external" })).toEqual([cairo.job_id, dubai.job_id].sort());
    expect(await ids(db.ctx, "general", { country: "EG", type: "Full-time", city: "CAIRO" })).toEqual([cairo.job_id]);
  });

  it("keyset pages go newest first with no job missing or shown twice, also when jobs share a time", async () => {
    const base = Date.now() - 5 * DAY;
    const made: { id: string; at: number }[] = [];
    for (let i = 0; i < 23; i++) {
      const at = base + Math.floor(i / 3) * 60_000; // three jobs per minute
      const row = await job(db.ctx, "part-time", { job_id: `k${String(i).padStart(3, "0")}`, created_at: new Date(at) });
      made.push({ id: row.job_id, at });
    }
    const expected = made.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1)).map((m) => m.id);
    const seen: string[] = [];
    let after: Awaited<ReturnType<typeof listFeed>>["next"] | undefined;
    do {
      const page = await listFeed(db.ctx, "part-time", {}, { pageSize: 5, after: after ?? undefined });
      seen.push(...page.jobs.map((j) => j.jobId));
      after = page.next;
    } while (after);
    expect(seen).toEqual(expected);

    // The same through the pages' "Next page" links, with a filter kept on every page.
    const browser = await appClient(db.ctx);
    let path: string | null = "/jobs/part-time?q=engineer";
    const viaPages: string[] = [];
    while (path) {
      const res = await browser.get(path);
      expect(res.status).toBe(200);
      viaPages.push(...[...res.html.matchAll(/href="\/jobs\/part-time\/(k\d+)"/g)].map((m) => decodeURIComponent(m[1])));
      const next: RegExpMatchArray | null = res.html.match(/href="([^"]+)">Next page/);
      path = next ? next[1].replace(/&amp;/g, "&") : null;
      if (path) expect(path).toContain("q=engineer");
    }
    expect(viaPages).toEqual(expected);
  });

  it("bad filter values answer 400 with the form, the typed values and a message, never a 500", async () => {
    const browser = await appClient(db.ctx);
    const res = await browser.get("/jobs?q=data&days=2&type=Astronaut&country=Egypt%21");
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("Choose 1, 3, 7, 14 or 30 days.");
    expect(text).toContain("Choose a job type from the list.");
    expect(text).toContain("Choose a country from the list.");
    expect(res.html).toMatch(/name="q"[^>]*value="data"|value="data"[^>]*name="q"/);
    expect((await browser.get(`/jobs/remote?q=${"x".repeat(101)}`)).status).toBe(400);
    expect((await browser.get("/jobs?remote=no")).status).toBe(400);
    expect((await browser.get("/jobs?by=robots")).status).toBe(400);
  });

  it("a changed cursor, or one from another feed, is a 400 page with a way back", async () => {
    for (let i = 0; i < 3; i++) await job(db.ctx, "general", { created_at: new Date(Date.now() - i * DAY) });
    const page = await listFeed(db.ctx, "general", {}, { pageSize: 1 });
    const browser = await appClient(db.ctx);
    const first = await browser.get("/jobs");
    expect(first.status).toBe(200);
    const { jobCursor } = await import("../../app/modules/jobs/cursor.server");
    const good = jobCursor.to(page.next!, "general");
    expect((await browser.get(`/jobs?cursor=${good}`)).status).toBe(200);
    const tampered = await browser.get(`/jobs?cursor=${good.slice(0, -2)}xx`);
    expect(tampered.status).toBe(400);
    expect(textOf(tampered.html)).toContain("Start again from /jobs");
    expect((await browser.get(`/jobs/remote?cursor=${good}`)).status).toBe(400);
    expect((await browser.get("/jobs?cursor=%00%00")).status).toBe(400);
  });

  it("RSS lists the feed's newest listed jobs for the same filters, escaped, with absolute links and cache headers", async () => {
    await job(db.ctx, "remote", { job_title: `Dev <script>alert("x")</script> & Co`, job_country: "JO", job_description: "Line one\nLine two" });
    await job(db.ctx, "remote", { job_title: "Accountant", job_country: "EG" });
    await job(db.ctx, "remote", { job_title: "Hidden", job_country: "JO", status: "pending" });
    const res = await (await appClient(db.ctx)).get("/jobs/remote/rss?country=JO");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    expect(res.html.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"')).toBe(true);
    const items = res.html.match(/<item>/g) ?? [];
    expect(items).toHaveLength(1);
    expect(res.html).toContain("<title>Dev &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co at Acme</title>");
    expect(res.html).not.toContain("<script>");
    expect(res.html).toMatch(/<link>http:\/\/[^<]+\/jobs\/remote\/t[^<]+<\/link>/);
    expect(res.html).toMatch(/<atom:link href="http:\/\/[^"]+\/jobs\/remote\/rss\?country=JO"/);
    expect(res.html).not.toContain("Hidden");
    const bad = await (await appClient(db.ctx)).get("/jobs/rss?days=9");
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Choose 1, 3, 7, 14 or 30 days.");
  });

  it("RSS carries at most the 50 newest jobs", async () => {
    for (let i = 0; i < 53; i++) await job(db.ctx, "general", { job_id: `r${String(i).padStart(2, "0")}`, created_at: new Date(Date.now() - (60 - i) * 60_000) });
    const res = await (await appClient(db.ctx)).get("/jobs/rss");
    expect(res.html.match(/<item>/g)).toHaveLength(50);
    expect(res.html).toContain("/jobs/general/r52</link>");
    expect(res.html).not.toContain("/jobs/general/r02</link>");
  });

  it("the home page's newest jobs are listed ones only, each linking to its page", async () => {
    const shown = await job(db.ctx, "general", { job_title: "Shown on home" });
    await job(db.ctx, "general", { job_title: "Pending on home", status: "pending", created_at: new Date() });
    const res = await (await appClient(db.ctx)).get("/");
    expect(res.html).toContain(`href="/jobs/general/${shown.job_id}"`);
    expect(textOf(res.html)).toContain("Shown on home");
    expect(textOf(res.html)).not.toContain("Pending on home");
  });

  it("the feed page links its RSS for the current filters, in the head and visibly", async () => {
    const res = await (await appClient(db.ctx)).get("/jobs/part-time?city=Pune&type=Part-time");
    expect(res.html).toMatch(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="\/jobs\/part-time\/rss\?city=Pune&amp;type=Part-time"/);
    expect(res.html).toMatch(/<a href="\/jobs\/part-time\/rss\?city=Pune&amp;type=Part-time"[^>]*>RSS/);
  });
});

describeEachDatabase("The job page", (db) => {
  it("an imported job shows its facts, its description with line breaks, and the employer's apply link", async () => {
    const row = await job(db.ctx, "general", {
      job_title: "Data analyst", employer_name: "Levant Telecom", job_city: "Amman", job_country: "JO", job_employment_type: "Full-time",
      job_min_salary: "800", job_max_salary: "1,200", job_salary_period: "MONTH", job_description: "First line\nSecond line",
      job_apply_link: "https://careers.example/jobs/1",
    });
    const res = await (await appClient(db.ctx)).get(`/jobs/general/${row.job_id}`);
    expect(res.status).toBe(200);
    const text = textOf(res.html);
    expect(text).toContain("Data analyst");
    expect(text).toContain("Levant Telecom");
    expect(text).toContain("Amman, Jordan");
    expect(text).toContain("JOD 800–1,200 a month");
    expect(text).toContain("Posted yesterday");
    expect(res.html).toContain("First line\nSecond line");
    expect(res.html).toMatch(/<a href="https:\/\/careers.example\/jobs\/1" rel="noopener noreferrer nofollow">/);
    expect(res.html).not.toContain(`/jobs/general/${row.job_id}/apply`);
  });

  it("an imported job without a usable apply link says so instead of linking", async () => {
    const row = await job(db.ctx, "general", { job_apply_link: "javascript:alert(1)" });
    const res = await (await appClient(db.ctx)).get(`/jobs/general/${row.job_id}`);
    expect(res.html).not.toContain("javascript:alert");
    expect(textOf(res.html)).toContain("This job came without an apply link.");
  });

  it("a listed Ladder post offers Apply, and a member with a live application is sent to it instead", async () => {
    const poster = await createMember(db.ctx);
    const row = await job(db.ctx, "remote", { status: "approved", posted_by_user_id: poster.id });
    const browser = await appClient(db.ctx);
    const anonymous = await browser.get(`/jobs/remote/${row.job_id}`);
    // A visitor is asked to sign in or sign up, and comes back to the apply form (issue 13 item 6).
    const back = encodeURIComponent(`/jobs/remote/${row.job_id}/apply`);
    expect(anonymous.html).toContain(`href="/login?redirectTo=${back}"`);
    expect(anonymous.html).toContain(`href="/signup?redirectTo=${back}"`);
    expect(textOf(anonymous.html)).toContain("Sign in or create an account to apply.");
    expect(anonymous.html).not.toContain(">Edit<");
    const applicant = await createMember(db.ctx);
    const application = await makeApplication(db.ctx, { jobId: row.job_id });
    await db.ctx.db.insert(db.ctx.t.job_applicants).values({ application_id: application.id, user_id: applicant.id, feed: "remote", job_id: row.job_id, live: true });
    await browser.signIn(applicant);
    const signedIn = await browser.get(`/jobs/remote/${row.job_id}`);
    expect(signedIn.html).toContain(`href="/applications/${application.id}"`);
    expect(textOf(signedIn.html)).toContain("You applied: see your application");
    expect(signedIn.html).not.toContain(`/jobs/remote/${row.job_id}/apply`);
  });

  it("a pending post is a 404 for visitors and other members, and shows its status to its poster and the career team", async () => {
    const poster = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const career = await createMember(db.ctx, { role: "career_team" });
    const admin = await createMember(db.ctx, { role: "admin" });
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const row = await job(db.ctx, "general", { status: "pending", posted_by_user_id: poster.id });
    const path = `/jobs/general/${row.job_id}`;
    const visitor = await appClient(db.ctx);
    expect((await visitor.get(path)).status).toBe(404);
    for (const member of [other, recruiter]) {
      const b = await appClient(db.ctx);
      await b.signIn(member);
      expect((await b.get(path)).status).toBe(404);
    }
    for (const member of [poster, career, admin]) {
      const b = await appClient(db.ctx);
      await b.signIn(member);
      const res = await b.get(path);
      expect(res.status).toBe(200);
      expect(textOf(res.html)).toContain("Waiting for career-team approval");
      // "you" is the poster; the career team reads who else can see it.
      expect(textOf(res.html)).toContain(member === poster ? "Only you and the career team can see this job." : "Only the poster and the career team can see this job.");
      // Only the poster edits (decision 014.3; the career team's Edit link was a 404, decision 027).
      if (member === poster) expect(res.html).toContain(`href="${path}/edit"`);
      else expect(res.html).not.toContain(`href="${path}/edit"`);
      expect(res.html).toContain(`href="${path}/close"`);
      expect(res.html).toContain(`href="/hiring/general/${row.job_id}"`);
      expect(res.html).not.toContain(`href="${path}/apply"`);
    }
  });

  it("a declined post shows its poster the reason, and a closed one says it is closed", async () => {
    const poster = await createMember(db.ctx);
    const declined = await job(db.ctx, "part-time", { status: "declined", reason: "Add the hours per week.", posted_by_user_id: poster.id });
    const closed = await job(db.ctx, "part-time", { status: "closed", posted_by_user_id: poster.id });
    const b = await appClient(db.ctx);
    await b.signIn(poster);
    expect(textOf((await b.get(`/jobs/part-time/${declined.job_id}`)).html)).toContain("Declined: Add the hours per week. Only you");
    const closedPage = await b.get(`/jobs/part-time/${closed.job_id}`);
    expect(textOf(closedPage.html)).toContain("Closed: this job no longer takes applications");
    expect(closedPage.html).not.toContain(`/jobs/part-time/${closed.job_id}/close"`);
  });

  it("an unknown feed, an unknown job, an over-long id or a job asked for under another feed is a 404", async () => {
    const row = await job(db.ctx, "general");
    const b = await appClient(db.ctx);
    expect((await b.get(`/jobs/general/${row.job_id}`)).status).toBe(200);
    expect((await b.get(`/jobs/remote/${row.job_id}`)).status).toBe(404);
    expect((await b.get(`/jobs/nowhere/${row.job_id}`)).status).toBe(404);
    expect((await b.get("/jobs/general/no-such-job")).status).toBe(404);
    expect((await b.get(`/jobs/general/${"a".repeat(33)}`)).status).toBe(404);
  });
});
