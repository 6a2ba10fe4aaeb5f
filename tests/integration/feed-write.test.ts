/**
 * Writing on the feed through the real app (issue 17, item 2), on both databases: a post with its
 * fields named as the spec's columns, anonymous by default; bad input answered 400 beside the field
 * with what was typed kept (empty, too long, a bad topic, a fake image, an image over 2 MB); images
 * re-encoded without metadata and served with an ETag (404 once hidden); at most 10 posts an hour
 * (429 with Retry-After); the anonymous-name step that keeps the draft (its image too); editing and
 * deleting by the author only.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import sharp from "sharp";
import { expect, it } from "vitest";
import { env } from "../../app/env.server";
import { draftImageToken } from "../../app/modules/feed/image.server";
import { diskStorage } from "../../app/services/storage.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase, describePostgres } from "../support/db";
import { makePost } from "../support/factories";
import { EXE_BYTES, GPS_MARKERS, jpegWithGps, pngBytes } from "../support/images";

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/** The message beside a field, checked to be tied to it (aria-describedby), or null. */
function errorBeside(html: string, field: string): string | null {
  const match = new RegExp(`<p id="${field}-error"[^>]*>([^<]*)</p>`).exec(html);
  if (!match) return null;
  expect(html, `the error of ${field} is tied to its field`).toMatch(new RegExp(`aria-describedby="[^"]*${field}-error`));
  return decode(match[1]);
}

/** The value an input, textarea or select shows again. */
function valueOf(html: string, name: string): string | null {
  const input = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(` name="${name}"`));
  if (input) return decode(/ value="([^"]*)"/.exec(input)?.[1] ?? "");
  const area = new RegExp(`<textarea\\b[^>]* name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  if (area) return decode(area[1]);
  const select = new RegExp(`<select\\b[^>]* name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html);
  return select ? (/<option[^>]* value="([^"]*)"[^>]* selected=""/.exec(select[1])?.[1] ?? null) : null;
}

function postForm(fields: Record<string, string>, image?: { bytes: Uint8Array; name?: string; type?: string }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (image) form.set("image", new File([image.bytes as Uint8Array<ArrayBuffer>], image.name ?? "photo.png", { type: image.type ?? "image/png" }));
  else form.set("image", new File([], "", { type: "application/octet-stream" }));
  return form;
}

const idFrom = (location: string | null) => {
  const id = /^\/feed\/([0-9a-f-]{36})$/.exec(location ?? "")?.[1];
  if (!id) throw new Error(`no post id in ${location}`);
  return id;
};

async function postRow(ctx: Ctx, id: string) {
  const { anonymous_post: p } = ctx.t;
  const [row] = await ctx.db.select().from(p).where(eq(p.id, id));
  return row;
}

const postsOf = (ctx: Ctx, userId: string) => ctx.db.select().from(ctx.t.anonymous_post).where(eq(ctx.t.anonymous_post.user_id, userId));
const stored = (key: string) => diskStorage(path.resolve(env().UPLOADS_DIR)).get(key);

async function withName(ctx: Ctx, member: Member, name: string) {
  await ctx.db.update(ctx.t.User).set({ anonymous_username: name, anonymous_avatar: "falcon" }).where(eq(ctx.t.User.id, member.id));
}

/** A member with an anonymous name, signed in. */
async function writer(ctx: Ctx, name = `writer${Math.floor(Math.random() * 1e6)}`): Promise<{ member: Member; browser: AppClient }> {
  const member = await createMember(ctx, { name: "Real Writer Name" });
  await withName(ctx, member, name);
  return { member, browser: await signedInClient(ctx, member) };
}

describeEachDatabase("Writing a feed post", (db) => {
  it("a member posts anonymously by default with the spec's fields, and lands on the post's address with a flash", async () => {
    const { member, browser } = await writer(db.ctx, "quietfalcon");
    const page = await browser.get("/feed/new");
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<input type="checkbox" name="is_anonymous" id="is_anonymous"[^>]* checked=""/);
    expect(textOf(page.html)).toContain("Shown as quietfalcon");
    const res = await browser.post(
      "/feed/new",
      postForm({ content: "  Is overtime paid at Acme?\r\nAsking for a friend.  ", topic: "workplace_issues", company_name: "  Acme  ", industry: "Software", is_anonymous: "on", intent: "post" }),
    );
    expect(res.status).toBe(302);
    const id = idFrom(res.location);
    expect(res.headers.get("Set-Cookie")).toContain("ladder_flash=");
    const row = await postRow(db.ctx, id);
    expect(row).toMatchObject({ user_id: member.id, content: "Is overtime paid at Acme?\nAsking for a friend.", topic: "workplace_issues", company_name: "Acme", industry: "Software", is_anonymous: true, image_url: null, likes_count: 0, comments_count: 0 });
    expect(row.updated_at.getTime()).toBe(row.created_at.getTime());
    // The redirect names the post, never its author.
    expect(res.location).not.toContain(member.id);
  });

  it("unticked, the post is under the member's name, and no anonymous name is asked for", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    const res = await browser.post("/feed/new", { content: "Hiring two juniors in Cairo", topic: "career_advice", intent: "post" });
    expect(res.status).toBe(302);
    expect((await postRow(db.ctx, idFrom(res.location))).is_anonymous).toBe(false);
  });

  it("bad input answers 400 with the message beside the field and what was typed kept; nothing is posted", async () => {
    const { member, browser } = await writer(db.ctx);
    const empty = await browser.post("/feed/new", postForm({ content: "   ", topic: "general", company_name: "Kept Co", is_anonymous: "on" }));
    expect(empty.status).toBe(400);
    expect(errorBeside(empty.html, "content")).toBe("Write something to post.");
    expect(valueOf(empty.html, "company_name")).toBe("Kept Co");
    expect(empty.html).toMatch(/<input type="checkbox" name="is_anonymous" id="is_anonymous"[^>]* checked=""/);

    const long = await browser.post("/feed/new", postForm({ content: "x".repeat(5001), topic: "general" }));
    expect(long.status).toBe(400);
    expect(errorBeside(long.html, "content")).toBe("At most 5,000 characters: this has 5,001.");
    // Unticked stays unticked.
    expect(long.html).not.toMatch(/<input type="checkbox" name="is_anonymous" id="is_anonymous"[^>]* checked=""/);

    const topic = await browser.post("/feed/new", postForm({ content: "About pay", topic: "gossip", industry: "Banking" }));
    expect(topic.status).toBe(400);
    expect(errorBeside(topic.html, "topic")).toBe("Choose one of the topics.");
    expect(valueOf(topic.html, "content")).toBe("About pay");
    expect(valueOf(topic.html, "industry")).toBe("Banking");

    const company = await browser.post("/feed/new", postForm({ content: "About pay", topic: "general", company_name: "c".repeat(101) }));
    expect(company.status).toBe(400);
    expect(errorBeside(company.html, "company_name")).toBe("At most 100 characters: this has 101.");

    const fake = await browser.post("/feed/new", postForm({ content: "See this", topic: "general" }, { bytes: EXE_BYTES, name: "photo.png" }));
    expect(fake.status).toBe(400);
    expect(errorBeside(fake.html, "image")).toMatch(/not a PNG, JPEG or WebP image/);
    expect(valueOf(fake.html, "content")).toBe("See this");

    const big = new Uint8Array(3 * 1024 * 1024);
    big.set(pngBytes(10, 10));
    const oversized = await browser.post("/feed/new", postForm({ content: "A big one", topic: "general" }, { bytes: big }));
    expect(oversized.status).toBe(400);
    expect(errorBeside(oversized.html, "image")).toBe("This image is 3.0 MB; it may be at most 2 MB. Choose a smaller one.");
    expect(valueOf(oversized.html, "content")).toBe("A big one");

    // A wrong field and a good image: both said, the image to be chosen again.
    const both = await browser.post("/feed/new", postForm({ content: "", topic: "general" }, { bytes: pngBytes(8, 8) }));
    expect(both.status).toBe(400);
    expect(errorBeside(both.html, "image")).toMatch(/^Choose the image again/);
    expect(await postsOf(db.ctx, member.id)).toEqual([]);
  });

  it("an image is re-encoded as a WebP without metadata under a random key, served with an ETag, and 404 once a moderator hides the post", async () => {
    const { member, browser } = await writer(db.ctx);
    const res = await browser.post("/feed/new", postForm({ content: "Our office", topic: "company_culture", is_anonymous: "on" }, { bytes: jpegWithGps(), name: "office.jpg", type: "image/jpeg" }));
    expect(res.status).toBe(302);
    const id = idFrom(res.location);
    const key = (await postRow(db.ctx, id)).image_url!;
    expect(key).toMatch(/^feed-[0-9a-f]{32}\.webp$/);
    expect(key).not.toContain(member.id.slice(0, 8));
    const file = await stored(key);
    expect(file?.contentType).toBe("image/webp");
    const bytes = Buffer.from(file!.bytes);
    for (const marker of Object.values(GPS_MARKERS)) expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();

    const visitor = await appClient(db.ctx);
    const served = await visitor.get(`/feed/${id}/image`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const etag = served.headers.get("ETag")!;
    expect(etag).toBe(`"${key}"`);
    expect((await visitor.get(`/feed/${id}/image`, { "If-None-Match": etag })).status).toBe(304);

    const moderator = await createMember(db.ctx, { role: "moderator" });
    await db.ctx.db.insert(db.ctx.t.anonymous_post_removals).values({ post_id: id, removed_by: moderator.id });
    expect((await visitor.get(`/feed/${id}/image`)).status).toBe(404);
    const plain = await makePost(db.ctx, member.id);
    expect((await visitor.get(`/feed/${plain.id}/image`)).status).toBe(404);
    expect((await visitor.get("/feed/not-an-id/image")).status).toBe(404);
  });

  it("an eleventh post within the hour is refused with 429 and Retry-After; the ten stand", async () => {
    const { member, browser } = await writer(db.ctx);
    for (let i = 0; i < 10; i++) expect((await browser.post("/feed/new", { content: `Post ${i}`, topic: "general", is_anonymous: "on" })).status).toBe(302);
    const refused = await browser.post("/feed/new", { content: "One more", topic: "general", is_anonymous: "on" });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(refused.html)).toContain("You have written 10 posts in the last hour");
    expect(await postsOf(db.ctx, member.id)).toHaveLength(10);
    // Refused forms do not count against the limit of another member.
    const other = await writer(db.ctx);
    expect((await other.browser.post("/feed/new", { content: "Mine", topic: "general", is_anonymous: "on" })).status).toBe(302);
  });

  it("a visitor is sent to sign in from the write page and its POST", async () => {
    const visitor = await appClient(db.ctx);
    const page = await visitor.get("/feed/new");
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?/);
    const post = await visitor.post("/feed/new", { content: "Hi", topic: "general" });
    expect(post.status).toBe(302);
    expect(post.location).toMatch(/^\/login\?/);
  });
});

describeEachDatabase("Choosing an anonymous name before an anonymous post", (db) => {
  it("from /feed's short form: the name step keeps the draft, a taken name is refused beside its field, then the draft comes back to post", async () => {
    const taken = await createMember(db.ctx);
    await withName(db.ctx, taken, "takenowl");
    const member = await createMember(db.ctx, { name: "Nameless Member" });
    const browser = await signedInClient(db.ctx, member);
    const draft = { content: "Is a 6-day week normal at Globex?\nGenuinely asking.", topic: "workplace_issues", is_anonymous: "on", intent: "post" };
    const step = await browser.post("/feed/new", draft);
    expect(step.status).toBe(200);
    expect(textOf(step.html)).toContain("Choose your anonymous name first");
    expect(step.html).toContain('name="anonymous_username"');
    const pictures = [...step.html.matchAll(/<input\b[^>]*name="anonymous_avatar"[^>]*>/g)].map((m) => m[0]);
    expect(pictures).toHaveLength(20);
    expect(pictures[0]).toMatch(/type="radio"[^>]* checked=""[^>]* value="falcon"|type="radio"[^>]* value="falcon"[^>]* checked=""/);
    expect(valueOf(step.html, "content")).toBe(draft.content);
    expect(valueOf(step.html, "topic")).toBe("workplace_issues");
    expect(await postsOf(db.ctx, member.id)).toEqual([]);

    const refused = await browser.post("/feed/new", { ...draft, intent: "choose-name", anonymous_username: "TakenOwl", anonymous_avatar: "owl" });
    expect(refused.status).toBe(400);
    expect(errorBeside(refused.html, "anonymous_username")).toBe("That name is taken. Try another one.");
    expect(valueOf(refused.html, "anonymous_username")).toBe("TakenOwl");
    expect(valueOf(refused.html, "content")).toBe(draft.content);

    const tooShort = await browser.post("/feed/new", { ...draft, intent: "choose-name", anonymous_username: "ab" });
    expect(tooShort.status).toBe(400);
    expect(errorBeside(tooShort.html, "anonymous_username")).toBe("Use at least 3 characters.");
    const none = await browser.post("/feed/new", { ...draft, intent: "choose-name", anonymous_username: "" });
    expect(errorBeside(none.html, "anonymous_username")).toBe("Choose an anonymous name.");

    const chosen = await browser.post("/feed/new", { ...draft, intent: "choose-name", anonymous_username: "Nightheron", anonymous_avatar: "heron" });
    expect(chosen.status).toBe(200);
    expect(textOf(chosen.html)).toContain("Your anonymous name is saved.");
    expect(textOf(chosen.html)).toContain("Shown as nightheron");
    expect(valueOf(chosen.html, "content")).toBe(draft.content);
    expect(valueOf(chosen.html, "topic")).toBe("workplace_issues");
    expect(chosen.html).toMatch(/<input type="checkbox" name="is_anonymous" id="is_anonymous"[^>]* checked=""/);
    const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, member.id));
    expect(user).toMatchObject({ anonymous_username: "nightheron", anonymous_avatar: "heron" });

    const posted = await browser.post("/feed/new", draft);
    expect(posted.status).toBe(302);
    expect((await postRow(db.ctx, idFrom(posted.location))).is_anonymous).toBe(true);
  });

  it("the draft's image is kept through the step as a token for that member only, and posted with the draft", async () => {
    const member = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, member);
    const step = await browser.post("/feed/new", postForm({ content: "Our new office", topic: "company_culture", company_name: "Initech", is_anonymous: "on", intent: "post" }, { bytes: pngBytes(20, 10, { text: "secret comment" }) }));
    expect(step.status).toBe(200);
    const token = valueOf(step.html, "draft_image");
    expect(token).toBeTruthy();
    // Back to the draft without choosing: the image is still there.
    const back = await browser.post("/feed/new", { content: "Our new office", topic: "company_culture", company_name: "Initech", is_anonymous: "on", draft_image: token!, intent: "back" });
    expect(back.status).toBe(200);
    expect(valueOf(back.html, "draft_image")).toBe(token);
    expect(textOf(back.html)).toContain("Your image is kept with your draft.");
    expect(valueOf(back.html, "company_name")).toBe("Initech");

    const chosen = await browser.post("/feed/new", { content: "Our new office", topic: "company_culture", company_name: "Initech", is_anonymous: "on", draft_image: token!, intent: "choose-name", anonymous_username: "officeibis", anonymous_avatar: "ibis" });
    expect(valueOf(chosen.html, "draft_image")).toBe(token);

    // Another member cannot post that image with the token.
    const { browser: thief, member: thiefMember } = await writer(db.ctx);
    const stolen = await thief.post("/feed/new", postForm({ content: "Mine now", topic: "general", is_anonymous: "on", draft_image: token! }));
    expect(stolen.status).toBe(302);
    expect((await postsOf(db.ctx, thiefMember.id))[0].image_url).toBeNull();

    const posted = await browser.post("/feed/new", postForm({ content: "Our new office", topic: "company_culture", company_name: "Initech", is_anonymous: "on", draft_image: token!, intent: "post" }));
    expect(posted.status).toBe(302);
    const key = (await postRow(db.ctx, idFrom(posted.location))).image_url!;
    expect(key).toMatch(/^feed-[0-9a-f]{32}\.webp$/);
    expect(token).toBe(draftImageToken(key, member.id));
    expect(Buffer.from((await stored(key))!.bytes).includes(Buffer.from("secret comment"))).toBe(false);
  });
});

describeEachDatabase("Editing and deleting a feed post", (db) => {
  it("the author edits text, topic, company and industry; the post is marked edited; nobody else can open or send the edit", async () => {
    const { member, browser } = await writer(db.ctx);
    const post = await makePost(db.ctx, member.id, { content: "First words", topic: "general", created_at: new Date(Date.now() - 60_000), updated_at: new Date(Date.now() - 60_000) });
    const form = await browser.get(`/feed/${post.id}/edit`);
    expect(form.status).toBe(200);
    expect(valueOf(form.html, "content")).toBe("First words");
    const saved = await browser.post(`/feed/${post.id}/edit`, postForm({ content: "Better words", topic: "career_advice", company_name: "Acme", industry: "" }));
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/feed/${post.id}`);
    const row = await postRow(db.ctx, post.id);
    expect(row).toMatchObject({ content: "Better words", topic: "career_advice", company_name: "Acme", industry: null, is_anonymous: true });
    expect(row.updated_at.getTime()).toBeGreaterThan(row.created_at.getTime());
    expect(textOf((await browser.get("/feed")).html)).toContain("edited");

    const bad = await browser.post(`/feed/${post.id}/edit`, postForm({ content: "", topic: "career_advice", company_name: "Kept" }));
    expect(bad.status).toBe(400);
    expect(errorBeside(bad.html, "content")).toBe("Write something to post.");
    expect(valueOf(bad.html, "company_name")).toBe("Kept");

    const other = await signedInClient(db.ctx, await createMember(db.ctx));
    expect((await other.get(`/feed/${post.id}/edit`)).status).toBe(404);
    expect((await other.post(`/feed/${post.id}/edit`, postForm({ content: "Hijack", topic: "general" }))).status).toBe(404);
    expect((await postRow(db.ctx, post.id)).content).toBe("Better words");
    expect((await browser.get("/feed/not-an-id/edit")).status).toBe(404);
  });

  it("the image is kept, replaced (the old file removed) or removed (its file removed)", async () => {
    const { browser } = await writer(db.ctx);
    const res = await browser.post("/feed/new", postForm({ content: "With a picture", topic: "general", is_anonymous: "on" }, { bytes: pngBytes(30, 20) }));
    const id = idFrom(res.location);
    const first = (await postRow(db.ctx, id)).image_url!;
    expect((await browser.post(`/feed/${id}/edit`, postForm({ content: "Kept picture", topic: "general" }))).status).toBe(302);
    expect((await postRow(db.ctx, id)).image_url).toBe(first);
    expect((await browser.post(`/feed/${id}/edit`, postForm({ content: "New picture", topic: "general" }, { bytes: pngBytes(40, 20) }))).status).toBe(302);
    const second = (await postRow(db.ctx, id)).image_url!;
    expect(second).not.toBe(first);
    expect(await stored(first)).toBeNull();
    expect(await stored(second)).not.toBeNull();
    expect((await browser.post(`/feed/${id}/edit`, postForm({ content: "No picture", topic: "general", remove_image: "on" }))).status).toBe(302);
    expect((await postRow(db.ctx, id)).image_url).toBeNull();
    expect(await stored(second)).toBeNull();
  });

  it("a post a moderator hid cannot be edited (409), and its author may still delete it", async () => {
    const { member, browser } = await writer(db.ctx);
    const post = await makePost(db.ctx, member.id, { content: "Rude words" });
    const moderator = await createMember(db.ctx, { role: "moderator" });
    await db.ctx.db.insert(db.ctx.t.anonymous_post_removals).values({ post_id: post.id, removed_by: moderator.id });
    const page = await browser.get(`/feed/${post.id}/edit`);
    expect(page.status).toBe(409);
    expect(textOf(page.html)).toContain("A moderator removed this post: it cannot be edited.");
    expect((await browser.post(`/feed/${post.id}/edit`, postForm({ content: "Nice words", topic: "general" }))).status).toBe(409);
    expect((await postRow(db.ctx, post.id)).content).toBe("Rude words");
    expect((await browser.post(`/feed/${post.id}/delete`, {})).status).toBe(302);
  });

  it("the author deletes after a confirmation page; the row, its comments and its image file go; nobody else can", async () => {
    const { member, browser } = await writer(db.ctx);
    const res = await browser.post("/feed/new", postForm({ content: "Soon gone", topic: "general", is_anonymous: "on" }, { bytes: pngBytes(30, 20) }));
    const id = idFrom(res.location);
    const key = (await postRow(db.ctx, id)).image_url!;
    const commenter = await createMember(db.ctx);
    await db.ctx.db.insert(db.ctx.t.anonymous_comment).values({ post_id: id, user_id: commenter.id, content: "A reply" });

    const other = await signedInClient(db.ctx, await createMember(db.ctx));
    expect((await other.get(`/feed/${id}/delete`)).status).toBe(404);
    expect((await other.post(`/feed/${id}/delete`, {})).status).toBe(404);
    expect(await postRow(db.ctx, id)).toBeDefined();

    const confirm = await browser.get(`/feed/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Delete your post?");
    expect(textOf(confirm.html)).toContain("Soon gone");
    const gone = await browser.post(`/feed/${id}/delete`, {});
    expect(gone.status).toBe(302);
    expect(gone.location).toBe("/feed");
    expect(textOf((await browser.get("/feed")).html)).toContain("Your post is deleted.");
    expect(await postRow(db.ctx, id)).toBeUndefined();
    expect(await db.ctx.db.select().from(db.ctx.t.anonymous_comment).where(eq(db.ctx.t.anonymous_comment.post_id, id))).toEqual([]);
    expect(await stored(key)).toBeNull();
    expect(await postsOf(db.ctx, member.id)).toEqual([]);
    expect((await browser.post(`/feed/${id}/delete`, {})).status).toBe(404);
  });
});

describePostgres(
  "Writing on the feed at once",
  (db) => {
    it("twenty posts sent at once by one member make ten posts; the rest are refused with 429", async () => {
      const { member, browser } = await writer(db.ctx);
      await browser.csrfToken();
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => browser.post("/feed/new", { content: `Burst ${i}`, topic: "general", is_anonymous: "on" })));
      expect(answers.filter((a) => a.status === 302)).toHaveLength(10);
      expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
      expect(await postsOf(db.ctx, member.id)).toHaveLength(10);
    });

    it("five edits replacing the image at once leave one stored image, the one the row names", async () => {
      const { browser } = await writer(db.ctx);
      const res = await browser.post("/feed/new", postForm({ content: "Picture race", topic: "general", is_anonymous: "on" }, { bytes: pngBytes(30, 20) }));
      const id = idFrom(res.location);
      const first = (await postRow(db.ctx, id)).image_url!;
      const feedFiles = async () => new Set((await fs.readdir(path.resolve(env().UPLOADS_DIR))).filter((name) => name.startsWith("feed-")));
      const before = await feedFiles();
      const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => browser.post(`/feed/${id}/edit`, postForm({ content: `Edit ${i}`, topic: "general" }, { bytes: pngBytes(30 + i, 20) }))));
      expect(answers.map((a) => a.status).every((s) => s === 302 || s === 409)).toBe(true);
      expect(answers.some((a) => a.status === 302)).toBe(true);
      const kept = (await postRow(db.ctx, id)).image_url!;
      expect(await stored(kept)).not.toBeNull();
      expect(await stored(first)).toBeNull();
      // Of the files the five edits stored, only the one the row names is left.
      const added = [...(await feedFiles())].filter((name) => !before.has(name));
      expect(added).toEqual([kept]);
      for (const answer of answers.filter((a) => a.status === 409)) expect(textOf(answer.html)).toContain("The post changed while you were editing it.");
    });
  },
  { poolSize: 8 },
);
