/**
 * The calendar in Arabic and Hindi (issue 15, decision 040) through the real app on both
 * databases: the week page from the member's own first day with Intl's day and month names, a
 * meeting, an .ics file, a refused form, and the messages and notifications written to the other
 * member in their saved language.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addBlock } from "../../app/modules/calendar/calendar.server";
import { createMeeting } from "../../app/modules/calendar/meetings.server";
import { saveLanguage } from "../../app/modules/accounts/language.server";
import english from "../../app/locales/en/calendar.json";
import type { Ctx } from "../../db/client";
import { connectedMembers, createMember, signedInClient, textOf, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";

/** Monday 3 June 2030; a Saturday-first week holding it starts on Saturday 1 June. */
const WEEK = "2030-06-03";
const week = new Date(`${WEEK}T00:00:00.000Z`);

/** The catalog's English sentences (no placeholders): none may show on an Arabic or Hindi page. */
const SENTENCES = Object.values(english as Record<string, string>).filter((text) => !text.includes("{") && text.includes(" ") && text.length > 12);

function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toContain(lang === "ar" ? '<html lang="ar" dir="rtl"' : '<html lang="hi" dir="ltr"');
  const text = textOf(html);
  expect(text).not.toMatch(/\bcalendar\.[a-zA-Z]/);
  for (const sentence of SENTENCES) expect(text).not.toContain(sentence);
}

async function speaking(ctx: Ctx, member: Member, lang: "ar" | "hi") {
  const browser = await signedInClient(ctx, member);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

/** Two connected members in UTC, Layla (a) with her week starting on Saturday. */
async function members(ctx: Ctx) {
  const { a, b } = await connectedMembers(ctx);
  await ctx.db.insert(ctx.t.member_settings).values([
    { user_id: a.id, time_zone: "UTC", week_start: 6 },
    { user_id: b.id, time_zone: "UTC" },
  ]);
  return { a, b };
}

describeEachDatabase("The calendar in Arabic and Hindi", (db) => {
  it("shows the week in Arabic from the member's own first day, with Intl's day and month names", async () => {
    const { a, b } = await members(db.ctx);
    await addBlock(db.ctx, { userId: a.id, week, dayOfWeek: 0, range: { start: 540, end: 600 }, isBlocked: true, zone: "UTC" });
    await createMeeting(db.ctx, { proposerId: b.id, inviteeId: a.id, startsAt: new Date("2030-06-03T09:30:00Z"), endsAt: new Date("2030-06-03T10:00:00Z") });
    const res = await (await speaking(db.ctx, a, "ar")).get(`/calendar?week=${WEEK}`);
    expect(res.status).toBe(200);
    expectTranslated(res.html, "ar");
    const text = textOf(res.html);
    expect(text).toContain("تقويمك | لادر");
    expect(text).toContain("يبدأ أسبوعك يوم السبت.");
    // The week shown starts on Saturday 1 June (member_settings.week_start), not on the locale's first day.
    expect(text).toContain("أسبوع السبت، 1 يونيو 2030");
    const days = text.slice(text.indexOf("أسبوع السبت، 1 يونيو 2030"));
    expect(days.indexOf("السبت، 1 يونيو")).toBeLessThan(days.indexOf("الأحد، 2 يونيو"));
    expect(days.indexOf("الأحد، 2 يونيو")).toBeLessThan(days.indexOf("الاثنين، 3 يونيو"));
    expect(text).toContain("09:00–10:00 GMT · مشغول");
    expect(text).toContain("اجتماعات تنتظر ردًا");
    expect(text).toContain("يقترح Dina Saleh موعدًا يوم الاثنين، 3 يونيو، 09:30–10:00 GMT.");
    expect(text).toContain("اعثر على وقت مع Dina Saleh");
  });

  it("shows the week in Hindi", async () => {
    const { a } = await members(db.ctx);
    const res = await (await speaking(db.ctx, a, "hi")).get(`/calendar?week=${WEEK}`);
    expect(res.status).toBe(200);
    expectTranslated(res.html, "hi");
    const text = textOf(res.html);
    expect(text).toContain("आपका कैलेंडर");
    expect(text).toContain("आपका हफ़्ता शनिवार से शुरू होता है।");
    expect(text).toContain("शनिवार, 1 जून");
  });

  it("shows a meeting, its list and its cancel page in Arabic, and answers it with an Arabic flash", async () => {
    const { a, b } = await members(db.ctx);
    const id = await createMeeting(db.ctx, { proposerId: a.id, inviteeId: b.id, startsAt: new Date("2030-06-03T09:30:00Z"), endsAt: new Date("2030-06-03T10:00:00Z") });
    const dina = await speaking(db.ctx, b, "ar");
    const page = await dina.get(`/calendar/meetings/${id}`);
    expect(page.status).toBe(200);
    expectTranslated(page.html, "ar");
    expect(textOf(page.html)).toContain("اجتماع مع Layla Haddad");
    expect(textOf(page.html)).toContain("الاثنين، 3 يونيو، 09:30–10:00 GMT اقترحه عليك Layla Haddad.");
    expect(textOf(page.html)).toContain("بانتظار الرد");
    const list = await dina.get("/calendar/meetings");
    expectTranslated(list.html, "ar");
    expect(textOf(list.html)).toContain("مقترحة عليك");
    const cancel = await dina.get(`/calendar/meetings/${id}/cancel`);
    expectTranslated(cancel.html, "ar");
    expect(textOf(cancel.html)).toContain("إلغاء الاجتماع مع Layla Haddad؟");
    const accepted = await dina.post(`/calendar/meetings/${id}`, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect(textOf((await dina.get(accepted.location!)).html)).toContain("قبلت الاجتماع مع Layla Haddad. إنه الآن في تقويميكما.");
    // Someone else's meeting: the error page and its way back in Arabic.
    const stranger = await speaking(db.ctx, await createMember(db.ctx), "ar");
    const missing = await stranger.get(`/calendar/meetings/${id}`);
    expect(missing.status).toBe(404);
    expect(textOf(missing.html)).toContain("لا يوجد اجتماع لك بهذا العنوان.");
    expect(missing.html).toMatch(/<a [^>]*href="\/calendar">تقويمك<\/a>/);
  });

  it("writes the .ics file's summary and description in the requester's language", async () => {
    const { a, b } = await members(db.ctx);
    const file = await (await speaking(db.ctx, a, "ar")).get(`/calendar/find/${b.id}/ics?start=2030-06-03T09:30:00.000Z&minutes=30`);
    expect(file.status).toBe(200);
    const unfolded = file.html.replace(/\r\n /g, "");
    expect(unfolded).toContain("SUMMARY:لادر: Layla Haddad وDina Saleh");
    expect(unfolded).toContain("DESCRIPTION:اقترحه Layla Haddad على لادر.\\nLayla Haddad: الاثنين، 3 يونيو 2030، 09:30–10:00 (UTC، GMT).");
    const bad = await (await speaking(db.ctx, a, "ar")).get(`/calendar/find/${b.id}/ics?start=nope&minutes=30`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('<html lang="ar" dir="rtl">');
    expect(bad.html).toContain("تعذّر إنشاء ملف التقويم هذا");
  });

  it("answers a bad add-block form, an unknown form and a broken week in Arabic", async () => {
    const me = await createMember(db.ctx);
    const browser = await speaking(db.ctx, me, "ar");
    const inverted = await browser.post(`/calendar?week=${WEEK}`, { intent: "add", week: WEEK, day: "0", start: "10:00", end: "09:00", kind: "available" });
    expect(inverted.status).toBe(400);
    expectTranslated(inverted.html, "ar");
    expect(textOf(inverted.html)).toContain("يجب أن تكون النهاية (09:00) بعد البداية (10:00).");
    const kind = await browser.post(`/calendar?week=${WEEK}`, { intent: "add", week: WEEK, day: "0", start: "09:00", end: "10:00", kind: "maybe" });
    expect(textOf(kind.html)).toContain("اختر «مشغول» أو «متاح».");
    const unknown = await browser.post("/calendar", { intent: "dance", week: WEEK });
    expect(unknown.status).toBe(400);
    expect(textOf(unknown.html)).toContain("هذا النموذج ليس من نماذج لادر.");
    expect(textOf(unknown.html)).not.toContain("discriminator");
    const broken = await browser.get("/calendar?week=next-tuesday");
    expect(broken.status).toBe(400);
    expect(textOf(broken.html)).toContain("الأسبوع المذكور في العنوان ليس تاريخًا صحيحًا.");
  });

  it("writes the proposal and the answer's notification in each recipient's saved language", async () => {
    const { a, b } = await members(db.ctx);
    await saveLanguage(db.ctx, a.id, "ar");
    await saveLanguage(db.ctx, b.id, "hi");
    for (const id of [a.id, b.id]) await addBlock(db.ctx, { userId: id, week, dayOfWeek: 0, range: { start: 540, end: 720 }, isBlocked: false, zone: "UTC" });
    // Layla (Arabic) proposes to Dina, who reads Hindi.
    const layla = await signedInClient(db.ctx, a);
    const sent = await layla.post(`/calendar/find/${b.id}?week=${WEEK}&duration=30`, { week: WEEK, duration: "30", start: "2030-06-03T09:30:00.000Z" });
    expect(sent.status).toBe(302);
    const m = db.ctx.t.user_messages;
    const [message] = await db.ctx.db.select({ text: m.message }).from(m).where(eq(m.sender_id, a.id));
    expect(message.text).toContain("नमस्ते Dina Saleh, क्या हम 30 मिनट के लिए मिल सकते हैं?");
    // Her own confirmation page is in Arabic.
    expectTranslated((await layla.get(sent.location!)).html, "ar");
    // Dina accepts; Layla's notification is in Arabic.
    const mt = db.ctx.t.meetings;
    const [meeting] = await db.ctx.db.select({ id: mt.id }).from(mt).where(eq(mt.proposer_id, a.id));
    expect((await (await signedInClient(db.ctx, b)).post(`/calendar/meetings/${meeting.id}`, { intent: "accept" })).status).toBe(302);
    const n = db.ctx.t.notification;
    const notes = await db.ctx.db.select({ title: n.title, message: n.message }).from(n).where(eq(n.user_id, a.id));
    expect(notes).toContainEqual({ title: "قُبل الاجتماع", message: "قبل Dina Saleh الاجتماع الذي اقترحته. إنه الآن في تقويميكما." });
  });
});
