/**
 * /feed (issue 17, items 1 and 2): newest first in keyset pages, the topic, company and industry
 * filters (company and industry whole, whatever their case), "Top this week" (the last seven days,
 * most liked first, keyset on (likes_count, id)) and the filters with it, hidden posts, and the
 * page through the real app for a visitor and a member (the short form, empty states, broken page
 * links, lite mode's image link, no trace of an anonymous author). On both databases.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { listFeed } from "../../app/modules/feed/list.server";
import { NO_FILTERS, type FeedFilters } from "../../app/modules/feed/rules";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makePost } from "../support/factories";

const NOW = new Date("2030-06-15T12:00:00.000Z");
const DAY = 24 * 60 * 60 * 1000;
const at = (daysAgo: number, minutes = 0) => new Date(NOW.getTime() - daysAgo * DAY + minutes * 60_000);
const filters = (changes: Partial<FeedFilters>): FeedFilters => ({ ...NO_FILTERS, ...changes });

async function named(ctx: Ctx, member: Member, name: string) {
  await ctx.db.update(ctx.t.User).set({ anonymous_username: name, anonymous_avatar: "owl" }).where(eq(ctx.t.User.id, member.id));
}

/** Every page of the feed for `f`, `size` posts a page, as lists of contents. */
async function allPages(ctx: Ctx, f: FeedFilters, size: number): Promise<string[][]> {
  const pages: string[][] = [];
  let page = await listFeed(ctx, null, f, { pageSize: size, now: NOW });
  pages.push(page.posts.map((p) => p.content));
  while (page.next || page.nextTop) {
    page = await listFeed(ctx, null, f, { pageSize: size, now: NOW, after: page.next ?? undefined, afterTop: page.nextTop ?? undefined });
    pages.push(page.posts.map((p) => p.content));
  }
  return pages;
}

describeEachDatabase("The feed's list", (db) => {
  it("lists posts newest first in keyset pages, posts of the same moment in a stable order, each exactly once", async () => {
    const author = await createMember(db.ctx);
    for (let i = 0; i < 5; i++) await makePost(db.ctx, author.id, { content: `Post ${i}`, created_at: at(0, -i * 10) });
    // Three posts at one moment: the id decides their order, and paging never skips or repeats one.
    for (const name of ["Tie a", "Tie b", "Tie c"]) await makePost(db.ctx, author.id, { content: name, created_at: at(1) });
    const pages = await allPages(db.ctx, NO_FILTERS, 2);
    expect(pages.slice(0, 2)).toEqual([
      ["Post 0", "Post 1"],
      ["Post 2", "Post 3"],
    ]);
    expect(pages.flat()).toHaveLength(8);
    expect(new Set(pages.flat()).size).toBe(8);
    expect(pages.flat().slice(5).sort()).toEqual(["Tie a", "Tie b", "Tie c"]);
    expect(pages.at(-1)!.length).toBeGreaterThan(0);
  });

  it("filters by topic, by company and by industry whole whatever their case, and by all three at once", async () => {
    const author = await createMember(db.ctx);
    await makePost(db.ctx, author.id, { content: "Culture at Acme", topic: "company_culture", company_name: "Acme", industry: "Software", created_at: at(0, -1) });
    await makePost(db.ctx, author.id, { content: "Advice at ACME", topic: "career_advice", company_name: "ACME", industry: "software", created_at: at(0, -2) });
    await makePost(db.ctx, author.id, { content: "Acme Corp is another", topic: "career_advice", company_name: "Acme Corp", industry: "Banking", created_at: at(0, -3) });
    await makePost(db.ctx, author.id, { content: "No company", topic: "general", created_at: at(0, -4) });
    const contents = async (f: FeedFilters) => (await listFeed(db.ctx, null, f, { now: NOW })).posts.map((p) => p.content);
    expect(await contents(filters({ topic: "career_advice" }))).toEqual(["Advice at ACME", "Acme Corp is another"]);
    expect(await contents(filters({ company: "acme" }))).toEqual(["Culture at Acme", "Advice at ACME"]);
    expect(await contents(filters({ industry: "SOFTWARE" }))).toEqual(["Culture at Acme", "Advice at ACME"]);
    expect(await contents(filters({ topic: "career_advice", company: "Acme", industry: "software" }))).toEqual(["Advice at ACME"]);
    expect(await contents(filters({ company: "Acm" }))).toEqual([]);
  });

  it("'Top this week' lists the last seven days' posts most liked first, ties by id, in keyset pages that keep their week", async () => {
    const author = await createMember(db.ctx);
    await makePost(db.ctx, author.id, { content: "Old but loved", likes_count: 99, created_at: at(8) });
    await makePost(db.ctx, author.id, { content: "Five", likes_count: 5, created_at: at(1) });
    await makePost(db.ctx, author.id, { content: "Nine", likes_count: 9, created_at: at(6) });
    await makePost(db.ctx, author.id, { content: "Zero", likes_count: 0, created_at: at(0) });
    for (const name of ["Three a", "Three b", "Three c"]) await makePost(db.ctx, author.id, { content: name, likes_count: 3, created_at: at(2) });
    const pages = await allPages(db.ctx, filters({ sort: "top" }), 2);
    const flat = pages.flat();
    expect(flat.slice(0, 2)).toEqual(["Nine", "Five"]);
    expect(flat.slice(2, 5).sort()).toEqual(["Three a", "Three b", "Three c"]);
    expect(flat.at(-1)).toBe("Zero");
    expect(flat).toHaveLength(6);
    expect(flat).not.toContain("Old but loved");
    // The three tied posts come in id order, descending.
    const ids = (await listFeed(db.ctx, null, filters({ sort: "top" }), { now: NOW })).posts.filter((p) => p.likesCount === 3).map((p) => p.id);
    expect(ids).toEqual([...ids].sort().reverse());
    // The second page reads the first page's week even when asked a day later.
    const first = await listFeed(db.ctx, null, filters({ sort: "top" }), { pageSize: 2, now: NOW });
    const later = await listFeed(db.ctx, null, filters({ sort: "top" }), { pageSize: 10, afterTop: first.nextTop!, now: new Date(NOW.getTime() + 5 * DAY) });
    expect(later.posts.map((p) => p.content)).toContain("Zero");
    expect(later.posts.map((p) => p.content)).toHaveLength(4);
  });

  it("'Top this week' combines with the filters", async () => {
    const author = await createMember(db.ctx);
    await makePost(db.ctx, author.id, { content: "Acme advice", topic: "career_advice", company_name: "Acme", likes_count: 2, created_at: at(1) });
    await makePost(db.ctx, author.id, { content: "Acme culture", topic: "company_culture", company_name: "acme", likes_count: 7, created_at: at(1) });
    await makePost(db.ctx, author.id, { content: "Other advice", topic: "career_advice", company_name: "Globex", likes_count: 9, created_at: at(1) });
    const contents = async (f: FeedFilters) => (await listFeed(db.ctx, null, f, { now: NOW })).posts.map((p) => p.content);
    expect(await contents(filters({ sort: "top", company: "ACME" }))).toEqual(["Acme culture", "Acme advice"]);
    expect(await contents(filters({ sort: "top", topic: "career_advice" }))).toEqual(["Other advice", "Acme advice"]);
  });

  it("a post a moderator hid stays in its place as removed, with no text, company, image or author", async () => {
    const author = await createMember(db.ctx, { name: "Hidden Author" });
    await named(db.ctx, author, "quietheron");
    const moderator = await createMember(db.ctx, { role: "moderator" });
    const post = await makePost(db.ctx, author.id, { content: "Something rude", company_name: "Acme", image_url: "feed-0123456789abcdef0123456789abcdef.webp", created_at: at(0) });
    await db.ctx.db.insert(db.ctx.t.anonymous_post_removals).values({ post_id: post.id, removed_by: moderator.id });
    const [seen] = (await listFeed(db.ctx, moderator.id, NO_FILTERS, { now: NOW })).posts;
    expect(seen).toMatchObject({ id: post.id, removed: true, content: "", companyName: null, hasImage: false, author: { kind: "removed" } });
  });
});

describeEachDatabase("The feed through the app", (db) => {
  it("a visitor reads the feed with a link to sign in and no form; a member gets the short form posting to /feed/new", async () => {
    const author = await createMember(db.ctx);
    await named(db.ctx, author, "braveibis");
    await makePost(db.ctx, author.id, { content: "Is the Cairo office hiring? https://example.com/jobs", topic: "career_advice", company_name: "Acme", industry: "Software" });
    const visitor = await appClient(db.ctx);
    const page = await visitor.get("/feed");
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain("Is the Cairo office hiring?");
    expect(text).toContain("braveibis");
    expect(text).toContain("Career advice");
    expect(text).toContain("0 likes");
    expect(text).toContain("0 comments");
    expect(page.html).toContain('<a href="https://example.com/jobs" rel="nofollow noopener noreferrer ugc"');
    expect(page.html).toContain('href="/login?redirectTo=%2Ffeed%2Fnew"');
    expect(page.html).not.toContain('action="/feed/new"');
    expect(page.html).toContain('href="/feed?company=Acme"');
    expect(page.html).toContain('href="/feed?industry=Software"');

    const member = await signedInClient(db.ctx, await createMember(db.ctx));
    const asMember = await member.get("/feed");
    expect(asMember.html).toContain('action="/feed/new"');
    expect(asMember.html).toMatch(/<input type="checkbox" name="is_anonymous" id="quick-anonymous"[^>]* checked=""/);
    expect(textOf(asMember.html)).toContain("Anonymously (you choose a name first)");
  });

  it("the page of an anonymous post carries no trace of its author, for a visitor, another member, and as loader data", async () => {
    const author = await createMember(db.ctx, { name: "Secret Sara Salem", email: "sara.secret@example.com" });
    await named(db.ctx, author, "hiddenlynx");
    await makePost(db.ctx, author.id, { content: "Pay is late again", company_name: "Globex" });
    const other = await signedInClient(db.ctx, await createMember(db.ctx));
    for (const browser of [await appClient(db.ctx), other]) {
      for (const path of ["/feed", "/feed.data", "/feed.data?company=globex", "/feed?company=globex", "/feed?sort=top"]) {
        const res = await browser.get(path);
        expect(res.status, path).toBe(200);
        expect(res.html, path).toContain("hiddenlynx");
        for (const secret of [author.id, "Secret Sara", "sara.secret"]) expect(res.html, `${path} names ${secret}`).not.toContain(secret);
      }
    }
    // The author reads their own post marked as theirs, with its edit and delete links.
    const mine = await signedInClient(db.ctx, author);
    const own = await mine.get("/feed");
    expect(textOf(own.html)).toContain("(you, anonymously)");
    expect(own.html).toMatch(/href="\/feed\/[0-9a-f-]{36}\/edit"/);
  });

  it("filters and 'Top this week' are links; each empty filter says what it found nothing for; pages go on by keyset", async () => {
    const author = await createMember(db.ctx);
    for (let i = 0; i < 23; i++) await makePost(db.ctx, author.id, { content: `Question number ${i}`, topic: i % 2 ? "general" : "career_advice", created_at: new Date(Date.now() - i * 60_000) });
    const browser = await appClient(db.ctx);
    const first = await browser.get("/feed");
    const shown = (html: string) => [...textOf(html).matchAll(/Question number (\d+)/g)].map((m) => Number(m[1]));
    expect(shown(first.html)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const older = /href="(\/feed\?after=[^"]+)"/.exec(first.html)?.[1];
    expect(older).toBeTruthy();
    const second = await browser.get(older!.replace(/&amp;/g, "&"));
    expect(shown(second.html)).toEqual([20, 21, 22]);
    expect(textOf(second.html)).toContain("Back to the first page");

    const topic = await browser.get("/feed?topic=career_advice");
    expect(shown(topic.html).every((n) => n % 2 === 0)).toBe(true);
    // The header's Feed, then the order (Newest) and the topic chosen.
    const current = [...topic.html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes('aria-current="page"'));
    expect(current.map((tag) => /href="([^"]*)"/.exec(tag)?.[1])).toEqual(["/feed", "/feed?topic=career_advice", "/feed?topic=career_advice"]);
    expect(textOf((await browser.get("/feed?topic=workplace_issues")).html)).toContain("No posts in Workplace issues yet.");
    expect(textOf((await browser.get("/feed?company=Initech")).html)).toContain("No posts about Initech yet.");
    expect(textOf((await browser.get("/feed?industry=Mining")).html)).toContain("No posts in Mining yet.");
    expect(textOf((await browser.get("/feed?topic=general&company=Initech")).html)).toContain("No posts match these filters.");
    expect(textOf((await browser.get("/feed?sort=top&company=Initech")).html)).toContain("No post of the last 7 days matches these filters.");
    // An unknown topic is no filter.
    expect(shown((await browser.get("/feed?topic=gossip")).html)).toHaveLength(20);
    const top = await browser.get("/feed?sort=top");
    expect(textOf(top.html)).toContain("Top posts of the last 7 days");
    expect(top.html).toMatch(/href="\/feed\?sort=top&amp;after=/);

    expect((await browser.get("/feed?after=broken")).status).toBe(400);
    expect((await browser.get("/feed?sort=top&after=broken")).status).toBe(400);
    // A newest-first cursor is no "top" cursor.
    expect((await browser.get(`${older!.replace(/&amp;/g, "&")}&sort=top`)).status).toBe(400);
  });

  it("a long post is clipped with 'Read more'; its image is a picture, and a link in lite mode", async () => {
    const author = await createMember(db.ctx);
    const long = `${"word ".repeat(200)}the end`;
    const post = await makePost(db.ctx, author.id, { content: long, image_url: "feed-0123456789abcdef0123456789abcdef.webp" });
    const browser = await appClient(db.ctx);
    const page = await browser.get("/feed");
    expect(page.html).not.toContain("the end");
    expect(textOf(page.html)).toContain("Read more");
    expect(page.html).toContain(`href="/feed/${post.id}"`);
    expect(page.html).toContain(`<img src="/feed/${post.id}/image"`);
    const lite = await browser.get("/feed", { "Save-Data": "on" });
    expect(lite.html).not.toContain(`<img src="/feed/${post.id}/image"`);
    expect(lite.html).toMatch(new RegExp(`<a href="/feed/${post.id}/image">See the image</a>`));
    expect(lite.html).not.toContain("<script");
  });
});
