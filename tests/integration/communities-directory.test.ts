/**
 * Communities through the real app, on both databases (issue 16, the "dir" part): creating one
 * (the creator is its first approved member and moderator, the count is 1), names unique whatever
 * their case, banners checked by their bytes and re-encoded without metadata, the directory's
 * search, keyset pages, counts and the viewer's standing, editing and deleting by the creator or
 * an admin only.
 */
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { expect, it } from "vitest";
import { env } from "../../app/env.server";
import { deleteAccount, removeAccountFiles } from "../../app/modules/profile/delete-account.server";
import { diskStorage } from "../../app/services/storage.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, signedInClient, textOf, type AppClient, type Member } from "../support/app";
import { addCommunityMember, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase, describePostgres } from "../support/db";
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

/** The value a text input or textarea shows again. */
function valueOf(html: string, name: string): string | null {
  const input = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(` name="${name}"`));
  if (input) return decode(/ value="([^"]*)"/.exec(input)?.[1] ?? "");
  const area = new RegExp(`<textarea\\b[^>]* name="${name}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return area ? decode(area[1]) : null;
}

function communityForm(fields: Record<string, string>, banner?: { bytes: Uint8Array; name?: string; type?: string }): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (banner) form.set("banner", new File([banner.bytes as Uint8Array<ArrayBuffer>], banner.name ?? "banner.png", { type: banner.type ?? "image/png" }));
  else form.set("banner", new File([], "", { type: "application/octet-stream" }));
  return form;
}

async function create(browser: AppClient, fields: Record<string, string>, banner?: { bytes: Uint8Array; name?: string; type?: string }) {
  return browser.post("/communities/new", communityForm(fields, banner));
}

const idFrom = (location: string | null) => {
  const id = /^\/communities\/([0-9a-f-]{36})$/.exec(location ?? "")?.[1];
  if (!id) throw new Error(`no community id in ${location}`);
  return id;
};

async function communityRow(ctx: Ctx, id: string) {
  const { communities: c } = ctx.t;
  const [row] = await ctx.db.select().from(c).where(eq(c.id, id));
  return row;
}

async function storedBanner(key: string) {
  return diskStorage(path.resolve(env().UPLOADS_DIR)).get(key);
}

/** The community ids a directory page links to, in order. */
const linkedIds = (html: string) => [...html.matchAll(/href="\/communities\/([0-9a-f-]{36})"/g)].map((m) => m[1]);

describeEachDatabase("creating a community", (db) => {
  it("a member creates a community and becomes its first approved member and moderator, with a member count of 1", async () => {
    const me = await createMember(db.ctx, { name: "Salma Nour" });
    const browser = await signedInClient(db.ctx, me);
    expect((await browser.get("/communities/new")).status).toBe(200);
    const res = await create(browser, { name: "  Cairo   Software Engineers ", description: "Meetups and jobs.\r\nEvery month." });
    expect(res.status).toBe(302);
    const id = idFrom(res.location);
    const row = await communityRow(db.ctx, id);
    expect(row).toMatchObject({ name: "Cairo Software Engineers", description: "Meetups and jobs.\nEvery month.", created_by: me.id, banner_image: null });
    const { community_memberships: m, community_moderators: mod, community_stats: s } = db.ctx.t;
    expect(await db.ctx.db.select({ user: m.user_id, status: m.status }).from(m).where(eq(m.community_id, id))).toEqual([{ user: me.id, status: "approved" }]);
    expect(await db.ctx.db.select({ user: mod.user_id }).from(mod).where(eq(mod.community_id, id))).toEqual([{ user: me.id }]);
    expect(await db.ctx.db.select({ members: s.members }).from(s).where(eq(s.community_id, id))).toEqual([{ members: 1 }]);
    // The directory lists it among the member's own, as a member, with one member.
    const directory = await browser.get("/communities");
    expect(textOf(directory.html)).toMatch(/Your communities Cairo Software Engineers Member 1 member Edit All communities Cairo Software Engineers Member Meetups and jobs\. 1 member Edit/);
  });

  it("visitors are sent to sign in before the form, and to sign in when they post it", async () => {
    const visitor = await appClient(db.ctx);
    const page = await visitor.get("/communities/new");
    expect(page.status).toBe(302);
    expect(page.location).toMatch(/^\/login\?/);
  });

  it("an empty name is refused beside the field with status 400, keeping the typed description", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await create(browser, { name: "   ", description: "Alumni of Ain Shams" });
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "name")).toBe("Enter a name.");
    expect(valueOf(res.html, "description")).toBe("Alumni of Ain Shams");
    expect(await db.ctx.db.select().from(db.ctx.t.communities)).toEqual([]);
  });

  it("a name of two characters, of 81, or with a line break is refused beside the field", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    expect(errorBeside((await create(browser, { name: "AB" })).html, "name")).toBe("A name has at least 3 characters.");
    expect(errorBeside((await create(browser, { name: "x".repeat(81) })).html, "name")).toBe("A name has at most 80 characters; this one has 81.");
    expect(errorBeside((await create(browser, { name: "Two\nlines" })).html, "name")).toMatch(/no line breaks/);
    // 80 characters in Arabic letters are 80 characters, not 160 bytes.
    expect((await create(browser, { name: "ع".repeat(80) })).status).toBe(302);
  });

  it("a name another community has in other letter case is refused beside the field, keeping what was typed", async () => {
    const first = await signedInClient(db.ctx, await createMember(db.ctx));
    expect((await create(first, { name: "Women in Tech Amman" })).status).toBe(302);
    const second = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await create(second, { name: "WOMEN IN TECH amman", description: "Ours" });
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "name")).toMatch(/^Another community already has this name/);
    expect(valueOf(res.html, "name")).toBe("WOMEN IN TECH amman");
    expect(valueOf(res.html, "description")).toBe("Ours");
    expect(await db.ctx.db.select().from(db.ctx.t.communities)).toHaveLength(1);
  });

  it("a banner is re-encoded as a WebP without metadata, served at the community's banner address with an ETag", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await create(browser, { name: "Alumni with a banner" }, { bytes: jpegWithGps(), name: "banner.jpg", type: "image/jpeg" });
    expect(res.status).toBe(302);
    const id = idFrom(res.location);
    const key = (await communityRow(db.ctx, id)).banner_image!;
    expect(key).toMatch(/^banner-[0-9a-f]{32}\.webp$/);
    const stored = await storedBanner(key);
    expect(stored?.contentType).toBe("image/webp");
    const bytes = Buffer.from(stored!.bytes);
    for (const marker of Object.values(GPS_MARKERS)) expect(bytes.includes(Buffer.from(marker))).toBe(false);
    expect((await sharp(bytes).metadata()).exif).toBeUndefined();

    // Anyone may fetch it, a visitor too; an unchanged banner answers 304.
    const visitor = await appClient(db.ctx);
    const served = await visitor.get(`/communities/${id}/banner`);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/webp");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    const etag = served.headers.get("ETag")!;
    expect(etag).toBe(`"${key}"`);
    expect((await visitor.get(`/communities/${id}/banner`, { "If-None-Match": etag })).status).toBe(304);
  });

  it("a banner of 6 MB is refused beside its field with status 400, the name and description kept, nothing stored", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set(pngBytes(10, 10));
    const res = await create(browser, { name: "Too big a banner", description: "Kept" }, { bytes: big });
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "banner")).toBe("This image is 6.0 MB; a banner may be at most 2 MB. Choose a smaller one.");
    expect(valueOf(res.html, "name")).toBe("Too big a banner");
    expect(valueOf(res.html, "description")).toBe("Kept");
    expect(await db.ctx.db.select().from(db.ctx.t.communities)).toEqual([]);
  });

  it("an executable renamed .png is refused as not a picture, beside the banner field, with status 400", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await create(browser, { name: "Renamed program" }, { bytes: EXE_BYTES, name: "banner.png" });
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "banner")).toMatch(/PNG, JPEG or WebP/);
    expect(valueOf(res.html, "name")).toBe("Renamed program");
  });

  it("with a wrong name and a good banner, the page says both what is wrong and to choose the banner again", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await create(browser, { name: "" }, { bytes: pngBytes(30, 10) });
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "name")).toBe("Enter a name.");
    expect(errorBeside(res.html, "banner")).toMatch(/^Choose the banner image again/);
  });

  it("a forged form without its CSRF token changes nothing", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    const res = await browser.post("/communities/new", communityForm({ name: "Forged" }), { csrf: false });
    expect(res.status).toBe(403);
    expect(await db.ctx.db.select().from(db.ctx.t.communities)).toEqual([]);
  });
});

describeEachDatabase("the directory", (db) => {
  it("visitors browse it; search finds names and descriptions whatever their case, and takes % and _ literally", async () => {
    const owner = await createMember(db.ctx);
    await makeModeratedCommunity(db.ctx, owner.id, { name: "Alexandria Alumni", description: "Graduates of Alexandria University" });
    await makeModeratedCommunity(db.ctx, owner.id, { name: "Pune Developers", description: "100% remote friendly" });
    await makeModeratedCommunity(db.ctx, owner.id, { name: "Designers of Dubai", description: "UX and UI" });
    const visitor = await appClient(db.ctx);
    const all = await visitor.get("/communities");
    expect(all.status).toBe(200);
    expect(textOf(all.html)).toMatch(/All communities Alexandria Alumni .* Designers of Dubai .* Pune Developers/);
    expect(textOf(all.html)).toContain("Sign in to start a community");
    expect(textOf(all.html)).not.toContain("Your communities");

    expect(textOf((await visitor.get("/communities?q=ALEXANDRIA+univ")).html)).toContain("Alexandria Alumni");
    const byDescription = textOf((await visitor.get("/communities?q=ux")).html);
    expect(byDescription).toContain("Designers of Dubai");
    expect(byDescription).not.toContain("Pune Developers");
    const percent = textOf((await visitor.get("/communities?q=100%25")).html);
    expect(percent).toContain("Pune Developers");
    expect(percent).not.toContain("Alexandria");
    expect(textOf((await visitor.get("/communities?q=%25")).html)).toContain("Pune Developers");
    expect(textOf((await visitor.get("/communities?q=_")).html)).toContain("No community matches “_”.");
  });

  it("pages go on by keyset in name order, each community once, and a made-up page link answers 400", async () => {
    const owner = await createMember(db.ctx);
    const names = Array.from({ length: 23 }, (_, i) => `Group ${String.fromCharCode(97 + i)}${i % 2 ? "" : " (even)"}`);
    // Created out of order, and one in capitals: the directory sorts by lower(name).
    for (const name of [...names].reverse()) await makeModeratedCommunity(db.ctx, owner.id, { name: name === "Group c (even)" ? "GROUP C (even)" : name });
    const visitor = await appClient(db.ctx);
    const first = await visitor.get("/communities");
    const firstIds = linkedIds(first.html);
    expect(firstIds).toHaveLength(20);
    const next = /href="(\/communities\?after=[^"]+)"/.exec(first.html)?.[1];
    expect(next).toBeTruthy();
    const second = await visitor.get(decode(next!));
    expect(second.status).toBe(200);
    const secondIds = linkedIds(second.html);
    expect(secondIds).toHaveLength(3);
    expect(new Set([...firstIds, ...secondIds]).size).toBe(23);
    expect(textOf(second.html)).toMatch(/Group u \(even\) .* Group v .* Group w \(even\)/);
    expect(textOf(first.html)).toMatch(/Group b .* GROUP C \(even\) .* Group d/);
    expect(textOf(second.html)).not.toContain("More communities");

    expect((await visitor.get("/communities?after=made-up")).status).toBe(400);
    // A link whose last community was deleted since cannot say where it was: 400, start again.
    const lastOfFirst = firstIds[firstIds.length - 1];
    await db.ctx.db.delete(db.ctx.t.communities).where(eq(db.ctx.t.communities.id, lastOfFirst));
    const stale = await visitor.get(decode(next!));
    expect(stale.status).toBe(400);
    expect(textOf(stale.html)).toContain("Start again from /communities");
  });

  it("a signed-in member sees their communities first, and on every row whether they are a member, waiting, or neither, with the member count", async () => {
    const owner = await createMember(db.ctx);
    const me = await createMember(db.ctx);
    const joined = await makeModeratedCommunity(db.ctx, owner.id, { name: "Bangalore Backend" });
    const asked = await makeModeratedCommunity(db.ctx, owner.id, { name: "Amman Analysts" });
    await makeModeratedCommunity(db.ctx, owner.id, { name: "Cairo Cloud" });
    await addCommunityMember(db.ctx, joined.id, me.id, "approved");
    await addCommunityMember(db.ctx, asked.id, me.id, "pending");
    for (let i = 0; i < 3; i++) await addCommunityMember(db.ctx, joined.id, (await createMember(db.ctx)).id, "approved");
    const page = textOf((await (await signedInClient(db.ctx, me)).get("/communities")).html);
    expect(page).toMatch(/Your communities Amman Analysts Request sent 1 member Bangalore Backend Member 5 members All communities/);
    expect(page).toMatch(/All communities Amman Analysts Request sent 1 member Bangalore Backend Member 5 members Cairo Cloud 1 member/);
  });

  it("speaks Arabic with Arabic plurals to a reader who chose it", async () => {
    const owner = await createMember(db.ctx);
    const community = await makeModeratedCommunity(db.ctx, owner.id, { name: "خريجو جامعة القاهرة" });
    await addCommunityMember(db.ctx, community.id, (await createMember(db.ctx)).id);
    const visitor = await appClient(db.ctx);
    visitor.cookies.set("ladder_lang", "ar");
    const page = await visitor.get("/communities");
    expect(page.html).toContain('dir="rtl"');
    expect(textOf(page.html)).toContain("كل المجتمعات");
    expect(textOf(page.html)).toContain("عضوان");
  });
});

describeEachDatabase("editing and deleting a community", (db) => {
  async function ownersCommunity(): Promise<{ owner: Member; browser: AppClient; id: string }> {
    const owner = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, owner);
    const res = await create(browser, { name: "Riyadh Product People", description: "First" }, { bytes: pngBytes(60, 20) });
    return { owner, browser, id: idFrom(res.location) };
  }

  it("the creator changes the name and description and replaces the banner; the old banner file is removed", async () => {
    const { browser, id } = await ownersCommunity();
    const page = await browser.get(`/communities/${id}/edit`);
    expect(page.status).toBe(200);
    expect(valueOf(page.html, "name")).toBe("Riyadh Product People");
    expect(page.html).toContain(`src="/communities/${id}/banner"`);
    const before = (await communityRow(db.ctx, id)).banner_image!;
    const res = await browser.post(`/communities/${id}/edit`, communityForm({ name: "Riyadh Product Managers", description: "Second" }, { bytes: pngBytes(90, 30) }));
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/communities/${id}`);
    const after = await communityRow(db.ctx, id);
    expect(after).toMatchObject({ name: "Riyadh Product Managers", description: "Second" });
    expect(after.banner_image).not.toBe(before);
    expect(await storedBanner(before)).toBeNull();
    expect(await storedBanner(after.banner_image!)).not.toBeNull();
  });

  it("the creator keeps the banner by saving without a file, and removes it with the box", async () => {
    const { browser, id } = await ownersCommunity();
    const key = (await communityRow(db.ctx, id)).banner_image!;
    expect((await browser.post(`/communities/${id}/edit`, communityForm({ name: "Riyadh Product People", description: "" }))).status).toBe(302);
    expect(await communityRow(db.ctx, id)).toMatchObject({ banner_image: key, description: null });
    expect((await browser.post(`/communities/${id}/edit`, communityForm({ name: "Riyadh Product People", removeBanner: "on" }))).status).toBe(302);
    expect((await communityRow(db.ctx, id)).banner_image).toBeNull();
    expect(await storedBanner(key)).toBeNull();
    expect((await browser.get(`/communities/${id}/banner`)).status).toBe(404);
  });

  it("renaming to its own name in another case is allowed; to another community's name is refused beside the field", async () => {
    const { owner, browser, id } = await ownersCommunity();
    await makeModeratedCommunity(db.ctx, owner.id, { name: "Jeddah Juniors" });
    expect((await browser.post(`/communities/${id}/edit`, communityForm({ name: "RIYADH product people" }))).status).toBe(302);
    const res = await browser.post(`/communities/${id}/edit`, communityForm({ name: "jeddah JUNIORS", description: "typed" }));
    expect(res.status).toBe(400);
    expect(errorBeside(res.html, "name")).toMatch(/^Another community already has this name/);
    expect(valueOf(res.html, "description")).toBe("typed");
  });

  it("another member, a community moderator and a global moderator get 403 on edit and delete and change nothing; an admin may edit", async () => {
    const { id } = await ownersCommunity();
    const appointed = await createMember(db.ctx);
    await addCommunityMember(db.ctx, id, appointed.id);
    await db.ctx.db.insert(db.ctx.t.community_moderators).values({ community_id: id, user_id: appointed.id });
    for (const member of [await createMember(db.ctx), appointed, await createMember(db.ctx, { role: "moderator" })]) {
      const browser = await signedInClient(db.ctx, member);
      expect((await browser.get(`/communities/${id}/edit`)).status).toBe(403);
      expect((await browser.post(`/communities/${id}/edit`, communityForm({ name: "Taken over" }))).status).toBe(403);
      expect((await browser.get(`/communities/${id}/delete`)).status).toBe(403);
      expect((await browser.post(`/communities/${id}/delete`, {})).status).toBe(403);
    }
    expect((await communityRow(db.ctx, id)).name).toBe("Riyadh Product People");
    const admin = await signedInClient(db.ctx, await createMember(db.ctx, { role: "admin" }));
    expect((await admin.post(`/communities/${id}/edit`, communityForm({ name: "Renamed by an admin" }))).status).toBe(302);
    expect((await communityRow(db.ctx, id)).name).toBe("Renamed by an admin");
  });

  it("unknown and malformed ids answer 404", async () => {
    const browser = await signedInClient(db.ctx, await createMember(db.ctx));
    for (const path of ["/communities/00000000-0000-4000-8000-000000000000/edit", "/communities/not-an-id/edit", "/communities/not-an-id/delete", "/communities/not-an-id/banner"]) {
      expect((await browser.get(path)).status, path).toBe(404);
    }
  });

  it("the creator deletes after the confirmation page: memberships, moderators and posts go with it, and the banner file", async () => {
    const { owner, browser, id } = await ownersCommunity();
    const member = await createMember(db.ctx);
    await addCommunityMember(db.ctx, id, member.id);
    await db.ctx.db.insert(db.ctx.t.community_posts).values({ community_id: id, user_id: owner.id, content: "Hello", type: "update" });
    const key = (await communityRow(db.ctx, id)).banner_image!;
    const confirm = await browser.get(`/communities/${id}/delete`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain("Delete “Riyadh Product People”?");
    const res = await browser.post(`/communities/${id}/delete`, {});
    expect(res.status).toBe(302);
    expect(res.location).toBe("/communities");
    expect(await communityRow(db.ctx, id)).toBeUndefined();
    const { community_memberships: m, community_moderators: mod, community_posts: p, community_stats: s } = db.ctx.t;
    expect(await db.ctx.db.select().from(m).where(eq(m.community_id, id))).toEqual([]);
    expect(await db.ctx.db.select().from(mod).where(eq(mod.community_id, id))).toEqual([]);
    expect(await db.ctx.db.select().from(p).where(eq(p.community_id, id))).toEqual([]);
    expect(await db.ctx.db.select().from(s).where(eq(s.community_id, id))).toEqual([]);
    expect(await storedBanner(key)).toBeNull();
    const directory = await browser.get("/communities");
    expect(textOf(directory.html)).toContain("“Riyadh Product People” is deleted.");
    expect((await browser.post(`/communities/${id}/delete`, {})).status).toBe(404);
  });
});

describeEachDatabase("deleting the creator's account", (db) => {
  it("takes the communities they created and removes their banner files after the transaction", async () => {
    const owner = await createMember(db.ctx);
    const browser = await signedInClient(db.ctx, owner);
    const id = idFrom((await create(browser, { name: "Banner goes with the account" }, { bytes: pngBytes(60, 20) })).location);
    const key = (await communityRow(db.ctx, id)).banner_image!;
    expect(await storedBanner(key)).not.toBeNull();
    const result = await deleteAccount(db.ctx, owner.id);
    expect(result.deleted && result.fileUrls).toContain(key);
    if (result.deleted) await removeAccountFiles(result.fileUrls);
    expect(await communityRow(db.ctx, id)).toBeUndefined();
    expect(await storedBanner(key)).toBeNull();
  });
});

describePostgres("community names under races", (db) => {
  it("ten members creating the same name in different cases at once make one community; the others are told beside the field", async () => {
    const members = await Promise.all(Array.from({ length: 10 }, () => createMember(db.ctx)));
    const browsers = await Promise.all(members.map((m) => signedInClient(db.ctx, m)));
    await Promise.all(browsers.map((b) => b.csrfToken()));
    const answers = await Promise.all(browsers.map((b, i) => create(b, { name: i % 2 ? "Muscat Makers" : "MUSCAT makers" })));
    expect(answers.filter((a) => a.status === 302)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.status !== 302)) {
      expect(refused.status).toBe(400);
      expect(errorBeside(refused.html, "name")).toMatch(/^Another community already has this name/);
    }
    const { communities: c, community_stats: s } = db.ctx.t;
    expect(await db.ctx.db.select().from(c)).toHaveLength(1);
    expect(await db.ctx.db.select().from(s).where(and(eq(s.members, 1)))).toHaveLength(1);
  });
}, { poolSize: 10 });
