/**
 * Saved jobs through the real app on both databases: save and unsave from the feed and the job
 * page (POST + redirect back with a flash), saving twice is one row, /jobs/saved newest first in
 * keyset pages, and nobody sees or removes another member's saves; visitors are sent to sign in.
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listSaved, saveJob } from "../../app/modules/jobs/saved.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeJob, nextSeq } from "../support/factories";
import { makePostedJob } from "../support/hiring";

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function importedJob(ctx: Ctx, title = "Backend Engineer") {
  const job = await makeJob(ctx, "jobs", { job_id: `sv${nextSeq()}x${Math.random().toString(36).slice(2, 8)}`, job_title: title, employer_name: "Nile Payments", posted_by: "external", created_at: new Date(Date.now() - 60_000) });
  return { feed: "general" as const, jobId: job.job_id, path: `/jobs/general/${job.job_id}` };
}

async function savedRows(ctx: Ctx, userId: string) {
  const s = ctx.t.saved_jobs;
  return ctx.db.select().from(s).where(eq(s.user_id, userId));
}

describeEachDatabase("Saved jobs", (db) => {
  it("a member saves a job from the feed, comes back to the feed with a flash, and sees it marked Saved and listed on /jobs/saved", async () => {
    const member = await createMember(db.ctx);
    const job = await importedJob(db.ctx, "Saved Engineer");
    const browser = await as(db.ctx, member);
    const feed = await browser.get("/jobs");
    expect(feed.html).toContain(`action="${job.path}/save"`);
    const res = await browser.post(`${job.path}/save`, { intent: "save", back: "/jobs?q=saved" });
    expect(res.status).toBe(302);
    expect(res.location).toBe("/jobs?q=saved");
    expect(await savedRows(db.ctx, member.id)).toHaveLength(1);
    const after = await browser.get("/jobs?q=saved");
    expect(textOf(after.html)).toContain("Job saved.");
    expect(after.html).toMatch(/name="intent" value="unsave"/);
    const list = await browser.get("/jobs/saved");
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain("Saved Engineer");
    expect(list.html).toContain(`href="${job.path}"`);
  });

  it("saving the same job twice keeps one row and answers a redirect both times, never an error", async () => {
    const member = await createMember(db.ctx);
    const job = await importedJob(db.ctx);
    const browser = await as(db.ctx, member);
    const first = await browser.post(`${job.path}/save`, { intent: "save", back: job.path });
    const second = await browser.post(`${job.path}/save`, { intent: "save", back: job.path });
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(await savedRows(db.ctx, member.id)).toHaveLength(1);
    expect(textOf((await browser.get(job.path)).html)).toContain("That job was already on your saved jobs.");
    expect(await saveJob(db.ctx, member.id, "general", job.jobId)).toBe("already");
  });

  it("Saved on the job page removes the save, and removing it again changes nothing", async () => {
    const member = await createMember(db.ctx);
    const job = await importedJob(db.ctx);
    const browser = await as(db.ctx, member);
    await browser.post(`${job.path}/save`, { intent: "save", back: job.path });
    const page = await browser.get(job.path);
    expect(page.html).toMatch(/name="intent" value="unsave"/);
    expect(textOf(page.html)).toContain("Saved");
    const res = await browser.post(`${job.path}/save`, { intent: "unsave", back: job.path });
    expect(res.status).toBe(302);
    expect(await savedRows(db.ctx, member.id)).toHaveLength(0);
    expect(textOf((await browser.get(job.path)).html)).toContain("Job removed from your saved jobs.");
    const again = await browser.post(`${job.path}/save`, { intent: "unsave", back: job.path });
    expect(again.status).toBe(302);
    expect(textOf((await browser.get(job.path)).html)).toContain("That job was not on your saved jobs.");
  });

  it("/jobs/saved lists the newest save first in keyset pages of 20, with no job missing or shown twice, also when saves share a moment", async () => {
    const member = await createMember(db.ctx);
    const saved: string[] = [];
    const base = Date.now() - 3_600_000;
    for (let i = 0; i < 45; i++) {
      const job = await importedJob(db.ctx, `Role ${i}`);
      // Pairs of saves share a millisecond: the keyset's (feed, job_id) breaks the tie.
      await saveJob(db.ctx, member.id, "general", job.jobId, new Date(base + Math.floor(i / 2) * 1000));
      saved.push(job.jobId);
    }
    const browser = await as(db.ctx, member);
    const seen: string[] = [];
    let path: string | null = "/jobs/saved";
    let pages = 0;
    while (path) {
      const res = await browser.get(path);
      expect(res.status).toBe(200);
      const ids = [...res.html.matchAll(/action="\/jobs\/general\/([^"/]+)\/save"/g)].map((m) => decodeURIComponent(m[1]));
      seen.push(...ids);
      pages++;
      const next = /href="(\/jobs\/saved\?after=[^"]+)"/.exec(res.html);
      path = next ? next[1].replace(/&amp;/g, "&") : null;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen).size).toBe(45);
    // Newest saved first: the last two saved (same moment) come before every earlier one.
    expect(seen.slice(0, 1)).toEqual([saved[44]]);
    expect(seen.slice(-2).sort()).toEqual([saved[0], saved[1]].sort());
    const direct = await listSaved(db.ctx, member.id, { pageSize: 100 });
    expect(direct.rows.map((r) => r.jobId)).toEqual(seen);
  });

  it("a changed cursor on /jobs/saved is a 400 page, not a 500", async () => {
    const browser = await as(db.ctx, await createMember(db.ctx));
    expect((await browser.get("/jobs/saved?after=abc.def")).status).toBe(400);
  });

  it("another member sees none of my saves and cannot remove them; their unsave touches only their own row", async () => {
    const me = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    const job = await importedJob(db.ctx, "Private Pick");
    await saveJob(db.ctx, me.id, "general", job.jobId);
    const browser = await as(db.ctx, other);
    const list = await browser.get("/jobs/saved");
    expect(textOf(list.html)).not.toContain("Private Pick");
    expect(textOf(list.html)).toContain("No saved jobs yet.");
    expect((await browser.get(job.path)).html).toMatch(/name="intent" value="save"/);
    await browser.post(`${job.path}/save`, { intent: "unsave", back: job.path });
    expect(await savedRows(db.ctx, me.id)).toHaveLength(1);
    // Their own save of the same job is theirs alone.
    await browser.post(`${job.path}/save`, { intent: "save", back: job.path });
    await browser.post(`${job.path}/save`, { intent: "unsave", back: job.path });
    expect(await savedRows(db.ctx, me.id)).toHaveLength(1);
    expect(await savedRows(db.ctx, other.id)).toHaveLength(0);
  });

  it("a job that is not listed cannot be saved (404), and a saved job that leaves its feed stays on the list, marked", async () => {
    const poster = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const posted = await makePostedJob(db.ctx, poster.id, { title: "Closing Soon" });
    const browser = await as(db.ctx, member);
    const path = `/jobs/${posted.feed}/${posted.jobId}`;
    expect((await browser.post(`${path}/save`, { intent: "save", back: path })).status).toBe(302);
    const p = db.ctx.t.job_postings;
    await db.ctx.db.update(p).set({ status: "closed" }).where(and(eq(p.feed, posted.feed), eq(p.job_id, posted.jobId)));
    const list = textOf((await browser.get("/jobs/saved")).html);
    expect(list).toContain("Closing Soon");
    expect(list).toContain("no longer listed");
    await db.ctx.db.delete(db.ctx.t.saved_jobs).where(eq(db.ctx.t.saved_jobs.user_id, member.id));
    expect((await browser.post(`${path}/save`, { intent: "save", back: path })).status).toBe(404);
    expect((await browser.post("/jobs/general/no-such-job/save", { intent: "save" })).status).toBe(404);
    expect(await savedRows(db.ctx, member.id)).toHaveLength(0);
  });

  it("a visitor who presses Save is sent to sign in and then back to the page they were on", async () => {
    const job = await importedJob(db.ctx);
    const visitor = await appClient(db.ctx);
    const res = await visitor.post(`${job.path}/save`, { intent: "save", back: "/jobs?q=backend" });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent("/jobs?q=backend")}`);
    expect((await visitor.get("/jobs/saved")).location).toBe(`/login?redirectTo=${encodeURIComponent("/jobs/saved")}`);
    // A return address to another site is not followed.
    const away = await visitor.post(`${job.path}/save`, { intent: "save", back: "https://evil.example/" });
    expect(away.location).toBe(`/login?redirectTo=${encodeURIComponent(job.path)}`);
  });

  it("a bad intent is a 400, and a GET of the form's address goes to the job", async () => {
    const job = await importedJob(db.ctx);
    const browser = await as(db.ctx, await createMember(db.ctx));
    expect((await browser.post(`${job.path}/save`, { intent: "delete-everything" })).status).toBe(400);
    const get = await browser.get(`${job.path}/save`);
    expect(get.status).toBe(302);
    expect(get.location).toBe(job.path);
  });
});
