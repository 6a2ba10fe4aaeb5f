/**
 * Home, network, messages and notifications in Arabic and Hindi (issue 15, decision 040): the pages
 * speak the reader's language from the ladder_lang cookie, right to left in Arabic, with no English
 * sentence of their catalogs and no raw message id left; a bad form answers in Arabic; a connection
 * notification is stored in the recipient's saved language and shown in the reader's.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { saveLanguage } from "../../app/modules/accounts/language.server";
import { sendMessage } from "../../app/modules/messages/messages.server";
import { connect } from "../../app/modules/network/connections.server";
import en from "../../app/locales/en/home.json";
import enMessages from "../../app/locales/en/messages.json";
import enNetwork from "../../app/locales/en/network.json";
import enNotifications from "../../app/locales/en/notifications.json";
import { appClient, connectedMembers, createMember, textOf, type AppClient, type Member } from "../support/app";
import type { Ctx } from "../../db/client";
import { describeEachDatabase } from "../support/db";
import { makePostedJob, makeApplicationTo } from "../support/hiring";

/** Sentences of the area's English catalogs (three words or more, no placeholder): none may show on an Arabic or Hindi page. */
const ENGLISH = [en, enMessages, enNetwork, enNotifications]
  .flatMap((catalog) => Object.values(catalog as Record<string, string>))
  .filter((text) => !text.includes("{") && text.split(" ").length >= 3);

const RAW_ID = /\b(?:home|network|messages|notifications|common)\.[a-zA-Z]/;

async function reader(ctx: Ctx, member: Member, lang: "ar" | "hi"): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

/** The page is in `lang`, says `known`, and has no English sentence of the catalogs and no message id. */
function expectSpoken(html: string, lang: "ar" | "hi", known: string) {
  expect(html).toContain(lang === "ar" ? '<html lang="ar" dir="rtl"' : '<html lang="hi" dir="ltr"');
  const text = textOf(html);
  expect(text).toContain(known);
  expect(ENGLISH.filter((sentence) => text.includes(sentence))).toEqual([]);
  expect(text).not.toMatch(RAW_ID);
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("home, network, messages and notifications in Arabic and Hindi", (db) => {
  it("a member's home in Arabic: greeting, blocks, statuses and counts", async () => {
    const poster = await createMember(db.ctx, { name: "Poster Person" });
    const me = await createMember(db.ctx, { name: "Layla Member" });
    const job = await makePostedJob(db.ctx, poster.id, { title: "Data Analyst" });
    await makeApplicationTo(db.ctx, job, me, { status: "interviewing" });
    const res = await (await reader(db.ctx, me, "ar")).get("/");
    expect(res.status).toBe(200);
    expectSpoken(res.html, "ar", "أهلًا بعودتك يا Layla");
    const text = textOf(res.html);
    expect(text).toContain("طلباتك");
    expect(text).toContain("في مرحلة المقابلات 1");
    expect(res.html).toMatch(/آخر تحديث <time dateTime="[^"]+">/);
    expect(text).toContain("لا توجد رسائل غير مقروءة.");
    expect(res.html).toContain("<title>صفحتك الرئيسية | لادر</title>");
    expect(res.html).toContain('dir="auto"');
  });

  it("a visitor's home in Hindi, and the page carries only the public words", async () => {
    const browser = await appClient(db.ctx);
    browser.cookies.set("ladder_lang", "hi");
    const res = await browser.get("/");
    expect(res.status).toBe(200);
    expectSpoken(res.html, "hi", "आपका अगला क़दम, किसी भी इंटरनेट कनेक्शन पर");
    expect(res.html).not.toContain("home.member.");
  });

  it("a conversation with a message, and the list of conversations, in Arabic", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    await sendMessage(db.ctx, { senderId: b.id, receiverId: a.id, text: "مرحبًا يا ليلى، هل أنت في المعرض؟" });
    const layla = await reader(db.ctx, a, "ar");
    const list = await layla.get("/messages");
    expect(list.status).toBe(200);
    expectSpoken(list.html, "ar", "رسالة واحدة غير مقروءة");
    const page = await layla.get(`/messages/${b.id}`);
    expect(page.status).toBe(200);
    expectSpoken(page.html, "ar", "محادثة مع Dina Saleh");
    expect(textOf(page.html)).toContain("هذه بداية محادثتكما.");
    expect(page.html).toMatch(/<p class="whitespace-pre-wrap break-words" dir="auto">مرحبًا يا ليلى/);
  });

  it("an empty message answers its error in Arabic", async () => {
    const { a, b } = await connectedMembers(db.ctx);
    const res = await (await reader(db.ctx, a, "ar")).post(`/messages/${b.id}`, { message: "   " });
    expect(res.status).toBe(400);
    expectSpoken(res.html, "ar", "اكتب رسالة قبل الإرسال.");
    const long = await (await reader(db.ctx, a, "ar")).post(`/messages/${b.id}`, { message: "x".repeat(5001) });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("في رسالتك 5,001 حرف، أي أكثر من الحد الأقصى (5,000) بـ1.");
  });

  it("a connection request with a too-long message answers in Arabic; a sent one flashes in Arabic", async () => {
    const a = await createMember(db.ctx, { name: "Amira Haddad" });
    const b = await createMember(db.ctx, { name: "Bilal Rao" });
    const amira = await reader(db.ctx, a, "ar");
    const refused = await amira.post("/network", { intent: "connect", userId: b.id, message: "x".repeat(301), back: "/network" });
    expect(refused.status).toBe(400);
    expectSpoken(refused.html, "ar", "اجعل الرسالة في حدود 300 حرف أو أقل.");
    const sent = await amira.post("/network", { intent: "connect", userId: b.id, message: "", back: "/network" });
    expect(sent.status).toBe(302);
    const network = await amira.get("/network");
    expectSpoken(network.html, "ar", "أُرسل الطلب.");
    expect(textOf(network.html)).toContain("طلبات أرسلتها");
  });

  it("the network page in Hindi", async () => {
    const { a } = await connectedMembers(db.ctx);
    const res = await (await reader(db.ctx, a, "hi")).get("/network");
    expect(res.status).toBe(200);
    expectSpoken(res.html, "hi", "आपका नेटवर्क");
    expect(textOf(res.html)).toContain("आपके कनेक्शन");
  });

  it("notifications are stored in the recipient's saved language and shown in the reader's", async () => {
    const a = await createMember(db.ctx, { name: "Amira Haddad" });
    const b = await createMember(db.ctx, { name: "Bilal Rao" });
    await saveLanguage(db.ctx, b.id, "hi");
    await connect(db.ctx, { me: a.id, otherId: b.id });
    const n = db.ctx.t.notification;
    const [stored] = await db.ctx.db.select({ title: n.title, message: n.message }).from(n).where(eq(n.user_id, b.id));
    expect(stored).toEqual({ title: "नया कनेक्शन अनुरोध", message: "Amira Haddad आपसे जुड़ना चाहते हैं।" });
    // Bilal's saved language is Hindi: the page speaks Hindi whatever the cookie says.
    const bilal = await reader(db.ctx, b, "ar");
    expectSpoken((await bilal.get("/notifications")).html, "hi", "Amira Haddad आपसे जुड़ना चाहते हैं।");
    // He switches to Arabic: the same stored notification is said again in Arabic.
    await saveLanguage(db.ctx, b.id, "ar");
    const page = await bilal.get("/notifications");
    expectSpoken(page.html, "ar", "يودّ Amira Haddad التواصل معك.");
    expect(textOf(page.html)).toContain("طلب تواصل جديد");
    expect(textOf(page.html)).toContain("ردّ على الطلب");
  });
}, { dialects: ["sqlite"] });
