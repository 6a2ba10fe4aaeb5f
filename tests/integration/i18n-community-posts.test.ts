/**
 * The community page and its post pages in Arabic and Hindi (issue 16, decision 040), on both
 * databases: every page in the reader's language with no English sentence of the catalog left, a
 * refused form's messages in the reader's language, and a removed post told to its author in the
 * author's saved language.
 */
import { expect, it } from "vitest";
import english from "../../app/locales/en/communityPosts.json";
import { saveLanguage } from "../../app/modules/accounts/language.server";
import { deletePost } from "../../app/modules/communities/posts.server";
import type { Ctx } from "../../db/client";
import { createMember, signedInClient, textOf, type Member } from "../support/app";
import { addCommunityMember, makeModeratedCommunity } from "../support/communities";
import { describeEachDatabase } from "../support/db";
import { makeCommunityPost } from "../support/factories";

const SENTENCES = Object.values(english as Record<string, string>).filter((text) => !text.includes("{") && text.includes(" ") && text.length > 12);

function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toContain(lang === "ar" ? '<html lang="ar" dir="rtl"' : '<html lang="hi" dir="ltr"');
  const text = textOf(html);
  expect(text).not.toMatch(/\bcommunityPosts\.[a-zA-Z]/);
  for (const sentence of SENTENCES) expect(text).not.toContain(sentence);
}

async function speaking(ctx: Ctx, member: Member, lang: "ar" | "hi") {
  const browser = await signedInClient(ctx, member);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

describeEachDatabase("Community posts in Arabic and Hindi", (db) => {
  it("every page of a community and its posts speaks the reader's language", async () => {
    const creator = await createMember(db.ctx, { name: "Salma" });
    const member = await createMember(db.ctx, { name: "Omar" });
    const community = await makeModeratedCommunity(db.ctx, creator.id, { name: "Alumni", description: "Cairo University alumni" });
    await addCommunityMember(db.ctx, community.id, member.id);
    const post = await makeCommunityPost(db.ctx, community.id, member.id, { content: "Hello https://example.com" });
    const event = await makeCommunityPost(db.ctx, community.id, member.id, { content: "Dinner", type: "event" });
    await db.ctx.db.insert(db.ctx.t.community_events).values({ post_id: event.id, community_id: community.id, starts_at: new Date("2030-05-01T17:00:00Z"), place: "Hall" });
    for (const lang of ["ar", "hi"] as const) {
      const asMember = await speaking(db.ctx, member, lang);
      const asCreator = await speaking(db.ctx, creator, lang);
      const base = `/communities/${community.id}`;
      for (const [browser, path] of [
        [asMember, base],
        [asMember, `${base}/posts/new?type=event`],
        [asMember, `${base}/posts/${post.id}`],
        [asMember, `${base}/posts/${event.id}`],
        [asMember, `${base}/posts/${event.id}/edit`],
        [asCreator, `${base}/posts/${post.id}/delete`],
      ] as const) {
        const res = await browser.get(path);
        expect(res.status, path).toBe(200);
        expectTranslated(res.html, lang);
      }
      const refused = await asMember.post(`${base}/posts/new`, { type: "event", content: "", startDate: "2030-05-01", startTime: "18:00", endDate: "2030-05-01", endTime: "17:00" });
      expect(refused.status).toBe(400);
      expectTranslated(refused.html, lang);
      expect(textOf(refused.html)).toContain(lang === "ar" ? "يجب أن تنتهي الفعالية بعد أن تبدأ." : "कार्यक्रम शुरू होने के बाद ही खत्म होना चाहिए।");
    }
    const visitor = await signedInClient(db.ctx, await createMember(db.ctx));
    visitor.cookies.set("ladder_lang", "ar");
    expectTranslated((await visitor.get(`/communities/${community.id}`)).html, "ar");
  });

  it("a moderator's removal is told to the author in the author's saved language", async () => {
    const creator = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    await saveLanguage(db.ctx, member.id, "hi");
    const community = await makeModeratedCommunity(db.ctx, creator.id, { name: "Delhi designers" });
    await addCommunityMember(db.ctx, community.id, member.id);
    const post = await makeCommunityPost(db.ctx, community.id, member.id, { content: "Off-topic" });
    await deletePost(db.ctx, { id: creator.id, role: creator.role }, community.id, post.id);
    const notes = await db.ctx.db.select({ title: db.ctx.t.notification.title }).from(db.ctx.t.notification);
    expect(notes).toEqual([{ title: "Delhi designers में आपकी पोस्ट हटा दी गई" }]);
  });
});
