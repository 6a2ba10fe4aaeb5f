/**
 * The hiring pipeline and the applicant's pages in Arabic and Hindi (decision 040): the words come
 * from the hiring and applications catalogs, the page is right to left in Arabic, no English
 * sentence of those catalogs and no raw message id is left, a bad form answers in Arabic, and the
 * applicant's notification speaks the applicant's saved language, not the recruiter's.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { readCatalogs } from "../../app/lib/i18n.server";
import { saveLanguage } from "../../app/modules/accounts/index.server";
import { appClient, createMember, textOf, type AppClient, type Member } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { makeApplicationTo, makePostedJob } from "../support/hiring";

const catalogs = readCatalogs();
/** English sentences of the area's catalogs (several words, no placeholder): none may be left on a translated page. */
const englishSentences = ["hiring", "applications"].flatMap((ns) =>
  Object.values(catalogs.en[ns]).filter((text) => !text.includes("{") && text.split(" ").length >= 4),
);

async function as(ctx: Ctx, member: Member, lang: "ar" | "hi"): Promise<AppClient> {
  const browser = await appClient(ctx);
  browser.cookies.set("ladder_lang", lang);
  await browser.signIn(member);
  return browser;
}

function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toContain(`lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"`);
  const text = textOf(html);
  expect(text).not.toMatch(/\b(?:hiring|applications)\.[a-zA-Z]/);
  for (const sentence of englishSentences) expect(text, sentence).not.toContain(sentence);
}

async function setup(ctx: Ctx) {
  const poster = await createMember(ctx, { name: "Poster Person" });
  const applicant = await createMember(ctx, { name: "Amal Applicant" });
  const job = await makePostedJob(ctx, poster.id, { title: "Data Analyst", employer: "Nile Analytics" });
  const app = await makeApplicationTo(ctx, job, { id: applicant.id, email: applicant.email, name: "Amal Applicant" });
  return { poster, applicant, job, app };
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("hiring and applications in Arabic and Hindi", (db) => {
  it("shows the pipeline pages in Arabic, right to left", async () => {
    const { poster, job, app } = await setup(db.ctx);
    const browser = await as(db.ctx, poster, "ar");

    const list = await browser.get("/hiring");
    expect(list.status).toBe(200);
    expectTranslated(list.html, "ar");
    expect(textOf(list.html)).toContain("الوظائف التي نشرتها، الأحدث أولًا.");
    expect(textOf(list.html)).toContain("قيد الانتظار: 1");

    const pipeline = await browser.get(`/hiring/general/${job.jobId}`);
    expect(pipeline.status).toBe(200);
    expectTranslated(pipeline.html, "ar");
    expect(textOf(pipeline.html)).toContain("كل الطلبات");

    const one = await browser.get(`/hiring/applications/${app.id}`);
    expect(one.status).toBe(200);
    expectTranslated(one.html, "ar");
    expect(textOf(one.html)).toContain("جولات المقابلات");
    expect(one.html).toMatch(/<title>Amal Applicant: طلب \| لادر<\/title>/);
  });

  it("shows the applicant's pages in Hindi", async () => {
    const { applicant, app } = await setup(db.ctx);
    const browser = await as(db.ctx, applicant, "hi");

    const list = await browser.get("/applications");
    expect(list.status).toBe(200);
    expectTranslated(list.html, "hi");
    expect(textOf(list.html)).toContain("आपके आवेदन");

    const one = await browser.get(`/applications/${app.id}`);
    expect(one.status).toBe(200);
    expectTranslated(one.html, "hi");
    expect(textOf(one.html)).toContain("अभी तक कोई फ़ीडबैक नहीं।");

    const withdraw = await browser.get(`/applications/${app.id}/withdraw`);
    expect(withdraw.status).toBe(200);
    expectTranslated(withdraw.html, "hi");
    expect(textOf(withdraw.html)).toContain("मेरा आवेदन रहने दें");
  });

  it("shows the applicant's pages in Arabic, right to left", async () => {
    const { applicant, app } = await setup(db.ctx);
    const browser = await as(db.ctx, applicant, "ar");
    const one = await browser.get(`/applications/${app.id}`);
    expect(one.status).toBe(200);
    expectTranslated(one.html, "ar");
    expect(textOf(one.html)).toContain("خطاب التقديم الخاص بك");
    const missing = await browser.get("/applications/00000000-0000-4000-8000-000000000000");
    expect(missing.status).toBe(404);
    expect(textOf(missing.html)).toContain("لا يوجد طلب لك على هذا العنوان.");
  });

  it("answers a bad round form in Arabic", async () => {
    const { poster, app } = await setup(db.ctx);
    const browser = await as(db.ctx, poster, "ar");
    const res = await browser.post(`/hiring/applications/${app.id}`, { intent: "add-round", roundType: "hr", date: "2026-12-03", time: "", interviewerName: "", interviewerEmail: "nope" });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("اختر الوقت إلى جانب اليوم.");
    expect(text).toContain("اكتب عنوان بريد إلكتروني كاملًا");
    expectTranslated(res.html, "ar");
  });

  it("tells the applicant of a new status in the applicant's saved language, and the recruiter in theirs", async () => {
    const { poster, applicant, app } = await setup(db.ctx);
    await saveLanguage(db.ctx, applicant.id, "hi");
    const browser = await as(db.ctx, poster, "ar");
    const page = await browser.get(`/hiring/applications/${app.id}`);
    const version = /name="updatedAt" value="(\d+)"/.exec(page.html)?.[1] ?? "";
    const res = await browser.post(`/hiring/applications/${app.id}`, { intent: "status", status: "shortlisted", feedback: "", updatedAt: version });
    expect(res.status).toBe(302);
    const n = db.ctx.t.notification;
    const [notice] = await db.ctx.db.select().from(n).where(eq(n.user_id, applicant.id));
    expect(notice.message).toBe("Nile Analytics में Data Analyst के लिए आपके आवेदन की स्थिति अब “शॉर्टलिस्ट किया गया” है।");
    const after = await browser.get(`/hiring/applications/${app.id}`);
    expect(textOf(after.html)).toContain("تغيّرت الحالة إلى «في القائمة المختصرة».");
  });
}, { dialects: ["sqlite"] });
