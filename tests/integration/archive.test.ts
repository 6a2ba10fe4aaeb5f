/**
 * Archive cards through the real app on both databases (issue 18, item 6): who may archive whom,
 * rewriting a card, the list's keyset pages and search, the CSV, deleting a card, and a member's
 * or recruiter's account deletion taking the cards with it.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { removeCardsOf } from "../../app/modules/skills/index.server";
import { deleteAccount } from "../../app/modules/profile/delete-account.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { makeCard, makeFindable } from "../support/archive";
import { describeEachDatabase } from "../support/db";
import { makePostedJob } from "../support/hiring";

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function cardsAbout(ctx: Ctx, memberId: string) {
  const { archive_card: c, archive_card_owners: o } = ctx.t;
  return ctx.db.select({ id: c.id, name: c.name, email: c.email, phone: c.phone, match: c.matchPercentage, desc: c.desc, recruiter: o.recruiter_user_id, feed: o.feed, jobId: o.job_id }).from(o).innerJoin(c, eq(c.id, o.card_id)).where(eq(o.member_user_id, memberId));
}

const countCards = async (ctx: Ctx) => (await ctx.db.select({ id: ctx.t.archive_card.id }).from(ctx.t.archive_card)).length;

/** A poster with a job titled "SQL Data Analyst" and a findable member. */
async function setup(ctx: Ctx, member: { sharePhone?: boolean; findable?: boolean } = {}) {
  const poster = await createMember(ctx, { name: "Rana Recruiter", role: "recruiter" });
  const candidate = await createMember(ctx, { name: "Salma Candidate" });
  await makeFindable(ctx, candidate.id, member);
  const job = await makePostedJob(ctx, poster.id, { title: "SQL Data Analyst" });
  const path = `/hiring/${job.feed}/${job.jobId}/candidates/${candidate.id}/archive`;
  return { poster, candidate, job, path };
}

/** Cards of one recruiter, made directly, with distinct times. */
async function manyCards(ctx: Ctx, recruiter: Member, count: number, name = (i: number) => `Person ${i}`) {
  const job = await makePostedJob(ctx, recruiter.id);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const member = await createMember(ctx);
    ids.push(await makeCard(ctx, { recruiterId: recruiter.id, memberId: member.id, job, name: name(i), email: `p${i}@example.test`, createdAt: new Date(Date.UTC(2026, 10, 1, 9, 0, i % 3)) }));
  }
  return ids;
}

describeEachDatabase("archive cards", (db) => {
  it("lets the job's poster archive a findable member with a note: one card with name, email, no unshared phone and the server's match percent, its owner row and a usage row", async () => {
    const { poster, candidate, job, path } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const page = await browser.get(path);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Salma Candidate");
    expect(text).toContain(candidate.email);
    expect(text).toContain("Not shared with recruiters");
    expect(text).not.toContain("+20 100 555 0101");
    // matchOf, as the candidates page counts it: only the headline shares a word of the title (10);
    // the test job has no city and is not remote, and the member has no skills or experience.
    expect(text).toContain("10%");

    const res = await browser.post(path, { desc: "Strong SQL; call back in March.", percent: "100" });
    expect(res.status).toBe(302);
    const cards = await cardsAbout(db.ctx, candidate.id);
    expect(cards).toEqual([{ id: expect.any(Number), name: "Salma Candidate", email: candidate.email, phone: null, match: "10%", desc: "Strong SQL; call back in March.", recruiter: poster.id, feed: job.feed, jobId: job.jobId }]);
    expect(res.location).toBe(`/hiring/archive/${cards[0].id}`);
    const usage = await db.ctx.db.select().from(db.ctx.t.feature_usage).where(eq(db.ctx.t.feature_usage.user_id, poster.id));
    expect(usage.map((u) => [u.feature_name, u.action])).toEqual([["archive", "candidate_archived"]]);

    const card = await browser.get(res.location!);
    expect(card.status).toBe(200);
    expect(textOf(card.html)).toContain("Card archived.");
    expect(textOf(card.html)).toContain("Strong SQL; call back in March.");
    expect(textOf(card.html)).toContain("SQL Data Analyst");
  });

  it("keeps the phone on the card only when the member shares it with recruiters", async () => {
    const { poster, candidate, path } = await setup(db.ctx, { sharePhone: true });
    const browser = await as(db.ctx, poster);
    expect(textOf((await browser.get(path)).html)).toContain("+20 100 555 0101");
    expect((await browser.post(path, { desc: "Shares a phone." })).status).toBe(302);
    expect((await cardsAbout(db.ctx, candidate.id))[0].phone).toBe("+20 100 555 0101");
  });

  it("answers 404 and writes nothing to another member, a recruiter who did not post the job, and for a member who is not findable; the career team may archive", async () => {
    const { candidate, path, job, poster } = await setup(db.ctx);
    for (const someone of [await createMember(db.ctx), await createMember(db.ctx, { role: "recruiter" })]) {
      const browser = await as(db.ctx, someone);
      expect((await browser.get(path)).status).toBe(404);
      expect((await browser.post(path, { desc: "Not mine." })).status).toBe(404);
    }
    const hidden = await createMember(db.ctx);
    await makeFindable(db.ctx, hidden.id, { findable: false });
    const noSettings = await createMember(db.ctx);
    const owner = await as(db.ctx, poster);
    for (const member of [hidden, noSettings]) {
      const p = `/hiring/${job.feed}/${job.jobId}/candidates/${member.id}/archive`;
      expect((await owner.get(p)).status).toBe(404);
      expect((await owner.post(p, { desc: "Hidden." })).status).toBe(404);
    }
    expect((await owner.get(`/hiring/${job.feed}/ladder-nosuch/candidates/${candidate.id}/archive`)).status).toBe(404);
    expect((await owner.get(`/hiring/${job.feed}/${job.jobId}/candidates/not-a-uuid/archive`)).status).toBe(404);
    expect(await countCards(db.ctx)).toBe(0);

    const career = await as(db.ctx, await createMember(db.ctx, { role: "career_team" }));
    expect((await career.post(path, { desc: "From the career team." })).status).toBe(302);
    expect(await cardsAbout(db.ctx, candidate.id)).toHaveLength(1);
  });

  it("refuses an empty or over-long note with 400, the message beside the field and the typed text back, and writes nothing", async () => {
    const { poster, path } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const empty = await browser.post(path, { desc: "   " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Write a note about this candidate.");
    const long = "x".repeat(2001);
    const tooLong = await browser.post(path, { desc: long });
    expect(tooLong.status).toBe(400);
    expect(textOf(tooLong.html)).toContain("Keep the note to 2000 characters or fewer.");
    expect(tooLong.html).toContain(long);
    expect(await countCards(db.ctx)).toBe(0);
    expect((await browser.post(path, { desc: "y".repeat(2000) })).status).toBe(302);
  });

  it("rewrites the same card when the recruiter archives the same member for the same job again, and makes another for another job", async () => {
    const { poster, candidate, path } = await setup(db.ctx);
    const browser = await as(db.ctx, poster);
    const first = await browser.post(path, { desc: "First note." });
    const page = await browser.get(path);
    expect(textOf(page.html)).toContain("You archived this member for this job before");
    expect(page.html).toContain("First note.");
    const second = await browser.post(path, { desc: "Second note." });
    expect(second.location).toBe(first.location);
    const cards = await cardsAbout(db.ctx, candidate.id);
    expect(cards.map((c) => c.desc)).toEqual(["Second note."]);
    expect(await countCards(db.ctx)).toBe(1);

    const otherJob = await makePostedJob(db.ctx, poster.id, { title: "Report Writer" });
    expect((await browser.post(`/hiring/${otherJob.feed}/${otherJob.jobId}/candidates/${candidate.id}/archive`, { desc: "Other job." })).status).toBe(302);
    expect(await cardsAbout(db.ctx, candidate.id)).toHaveLength(2);
  });

  it("lists only the recruiter's own cards, 20 a page by keyset, every card once; admins see every card; a broken cursor is 400", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const other = await createMember(db.ctx, { role: "recruiter" });
    const ids = await manyCards(db.ctx, recruiter, 45);
    const [foreign] = await manyCards(db.ctx, other, 1, () => "Foreign Person");
    const browser = await as(db.ctx, recruiter);
    const seen: number[] = [];
    let path: string | null = "/hiring/archive";
    let pages = 0;
    while (path) {
      const res = await browser.get(path);
      expect(res.status).toBe(200);
      seen.push(...[...res.html.matchAll(/href="\/hiring\/archive\/(\d+)"/g)].map((m) => Number(m[1])));
      path = /href="(\/hiring\/archive\?[^"]*after=[^"]+)"/.exec(res.html)?.[1].replace(/&amp;/g, "&") ?? null;
      pages++;
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(45);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen).not.toContain(foreign);
    expect((await browser.get("/hiring/archive?after=broken")).status).toBe(400);

    const admin = await as(db.ctx, await createMember(db.ctx, { role: "admin" }));
    const adminPage = await admin.get("/hiring/archive?q=foreign");
    expect(adminPage.html).toContain(`href="/hiring/archive/${foreign}"`);

    const empty = await (await as(db.ctx, await createMember(db.ctx, { role: "recruiter" }))).get("/hiring/archive");
    expect(empty.status).toBe(200);
    expect(textOf(empty.html)).toContain("No archived candidates yet");
  });

  it("searches name, email and note case-insensitively, taking % and _ literally", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const job = await makePostedJob(db.ctx, recruiter.id);
    const make = async (name: string, email: string, desc: string) => makeCard(db.ctx, { recruiterId: recruiter.id, memberId: (await createMember(db.ctx)).id, job, name, email, desc });
    const byName = await make("Hoda Sami", "h@example.test", "plain");
    const byEmail = await make("Someone", "omar.SQL@example.test", "plain");
    const byNote = await make("Another", "a@example.test", "Knows SQL window functions, 100% remote");
    const browser = await as(db.ctx, recruiter);
    const found = async (q: string) => [...(await browser.get(`/hiring/archive?q=${encodeURIComponent(q)}`)).html.matchAll(/href="\/hiring\/archive\/(\d+)"/g)].map((m) => Number(m[1])).sort();
    expect(await found("HODA")).toEqual([byName]);
    expect(await found("sql")).toEqual([byEmail, byNote].sort());
    expect(await found("100%")).toEqual([byNote]);
    expect(await found("%")).toEqual([byNote]);
    expect(await found("_")).toEqual([]);
    const none = await browser.get("/hiring/archive?q=nobody");
    expect(textOf(none.html)).toContain("No card matches “nobody”.");
  });

  it("exports the viewer's cards, with the list's filter, as CSV with the header row, formulas neutralised and quotes doubled", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const job = await makePostedJob(db.ctx, recruiter.id);
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: (await createMember(db.ctx)).id, job, name: "=HYPERLINK(\"x\")", email: "f@example.test", phone: "+20 100", desc: 'Said "yes", then left', match: "82%" });
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: (await createMember(db.ctx)).id, job, name: "Plain Person", email: "plain@example.test", desc: "ok" });
    const other = await createMember(db.ctx, { role: "recruiter" });
    await makeCard(db.ctx, { recruiterId: other.id, memberId: (await createMember(db.ctx)).id, job, name: "Not Yours", email: "no@example.test" });
    const browser = await as(db.ctx, recruiter);
    const res = await browser.get("/hiring/archive.csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="ladder-archive-\d{4}-\d{2}-\d{2}\.csv"$/);
    const lines = res.html.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Name,Email,Phone,Match,Note,Job,Archived at");
    expect(res.html).toContain(`"'=HYPERLINK(""x"")",f@example.test,'+20 100,82%,"Said ""yes"", then left",general/${job.jobId},`);
    expect(res.html).toContain("Plain Person");
    expect(res.html).not.toContain("Not Yours");
    const filtered = await browser.get("/hiring/archive.csv?q=plain");
    expect(filtered.html).toContain("Plain Person");
    expect(filtered.html).not.toContain("HYPERLINK");
    const usage = await db.ctx.db.select().from(db.ctx.t.feature_usage).where(eq(db.ctx.t.feature_usage.user_id, recruiter.id));
    expect(usage.map((u) => u.action)).toEqual(["archive_exported", "archive_exported"]);
  });

  it("deletes a card after a confirmation page, only for the recruiter who archived it or an admin; anyone else gets 404 and the card stays", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const [id, second] = await manyCards(db.ctx, recruiter, 2);
    for (const someone of [await createMember(db.ctx, { role: "recruiter" }), await createMember(db.ctx, { role: "career_team" })]) {
      const browser = await as(db.ctx, someone);
      expect((await browser.get(`/hiring/archive/${id}`)).status).toBe(404);
      expect((await browser.get(`/hiring/archive/${id}/delete`)).status).toBe(404);
      expect((await browser.post(`/hiring/archive/${id}/delete`)).status).toBe(404);
    }
    expect(await countCards(db.ctx)).toBe(2);
    const browser = await as(db.ctx, recruiter);
    const confirm = await browser.get(`/hiring/archive/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Delete this card?");
    const res = await browser.post(`/hiring/archive/${id}/delete`);
    expect(res.status).toBe(302);
    expect(res.location).toBe("/hiring/archive");
    expect(textOf((await browser.get("/hiring/archive")).html)).toContain("Card deleted.");
    expect(await countCards(db.ctx)).toBe(1);
    expect((await browser.get(`/hiring/archive/${id}`)).status).toBe(404);
    expect((await browser.get("/hiring/archive/01")).status).toBe(404);

    const admin = await as(db.ctx, await createMember(db.ctx, { role: "admin" }));
    expect((await admin.post(`/hiring/archive/${second}/delete`)).status).toBe(302);
    expect(await countCards(db.ctx)).toBe(0);
  });

  it("removeCardsOf deletes every card about the member (card rows and owner rows) and no one else's", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const job = await makePostedJob(db.ctx, recruiter.id);
    const member = await createMember(db.ctx);
    const other = await createMember(db.ctx);
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: member.id, job });
    await makeCard(db.ctx, { recruiterId: (await createMember(db.ctx)).id, memberId: member.id, job });
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: other.id, job });
    expect(await removeCardsOf(db.ctx, member.id)).toBe(2);
    expect(await cardsAbout(db.ctx, member.id)).toEqual([]);
    expect(await countCards(db.ctx)).toBe(1);
    expect(await db.ctx.db.select().from(db.ctx.t.archive_card_owners)).toHaveLength(1);
  });

  it("leaves no card behind when a member deletes their account, and takes a recruiter's own cards when the recruiter deletes theirs", async () => {
    const recruiter = await createMember(db.ctx, { role: "recruiter" });
    const job = await makePostedJob(db.ctx, recruiter.id);
    const member = await createMember(db.ctx);
    const stays = await createMember(db.ctx);
    // The card's email differs from the account's: it goes by the owner row, not by email.
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: member.id, job, email: "old-address@example.test" });
    const kept = await makeCard(db.ctx, { recruiterId: (await createMember(db.ctx)).id, memberId: stays.id, job });
    await makeCard(db.ctx, { recruiterId: recruiter.id, memberId: stays.id, job });
    expect((await deleteAccount(db.ctx, member.id)).deleted).toBe(true);
    expect(await cardsAbout(db.ctx, member.id)).toEqual([]);
    expect(await countCards(db.ctx)).toBe(2);
    expect((await deleteAccount(db.ctx, recruiter.id)).deleted).toBe(true);
    const left = await db.ctx.db.select({ id: db.ctx.t.archive_card.id }).from(db.ctx.t.archive_card);
    expect(left).toEqual([{ id: kept }]);
  });
});
