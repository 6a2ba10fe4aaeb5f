/**
 * The jobs area in Arabic and Hindi (decision 040): the feed with filters, a job page, the apply
 * form and the post form, their refusals and the RSS channel, read with the ladder_lang cookie.
 * Each page is in the reader's language, right to left in Arabic, with no English sentence of the
 * jobs catalog and no raw message id left; the job's own words (content) stay as they were typed.
 */
import { expect, it } from "vitest";
import en from "../../app/locales/en/jobs.json";
import ar from "../../app/locales/ar/jobs.json";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { applyTo, postJob } from "../support/applications";
import { describeEachDatabase } from "../support/db";
import type { Ctx } from "../../db/client";

const english = en as Record<string, string>;
const arabic = ar as Record<string, string>;

/** The catalog's English sentences that a translated page must not show (whole phrases, no placeholders, not the same in Arabic). */
const ENGLISH_SENTENCES = Object.entries(english)
  .filter(([key, text]) => !text.includes("{") && text.includes(" ") && text.length > 8 && arabic[key] !== text)
  .map(([, text]) => text);

function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toContain(lang === "ar" ? '<html lang="ar" dir="rtl"' : '<html lang="hi" dir="ltr"');
  const text = textOf(html);
  expect(text.match(/\bjobs\.[a-zA-Z][\w.]*/g)).toBeNull();
  expect(ENGLISH_SENTENCES.filter((sentence) => text.includes(sentence))).toEqual([]);
}

async function reader(ctx: Ctx, lang: "ar" | "hi", signedIn = true): Promise<AppClient> {
  const browser = await appClient(ctx);
  browser.cookies.set("ladder_lang", lang);
  if (signedIn) await browser.signIn(await createMember(ctx, { name: "Amal Haddad" }));
  return browser;
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("The jobs area in Arabic and Hindi", (db) => {
  it("the feed with filters speaks Arabic, right to left: heading, count, chosen filters, salary line and Save", async () => {
    const job = await postJob(db.ctx, { title: "محلل بيانات" });
    const browser = await reader(db.ctx, "ar");
    const page = await browser.get("/jobs?country=EG&days=7");
    expect(page.status).toBe(200);
    expectTranslated(page.html, "ar");
    const text = textOf(page.html);
    expect(text).toContain("وظائف في أنحاء المنطقة");
    expect(text).toContain("وظيفة واحدة");
    expect(text).toContain("الدولة: مصر");
    expect(text).toContain("نُشرت خلال 7 أيام");
    expect(text).toContain("الراتب غير محدد");
    expect(text).toContain("نُشرت اليوم");
    expect(text).toContain("حفظ");
    // The job's own title is content, shown as typed and marked to find its own direction.
    expect(page.html).toMatch(new RegExp(`<a[^>]*dir="auto"[^>]*>${job.title}</a>`));
    expect(page.html).toContain("<title>الوظائف | لادر</title>");
  });

  it("a refused filter answers in Arabic beside its field", async () => {
    const browser = await reader(db.ctx, "ar", false);
    const page = await browser.get("/jobs?days=2");
    expect(page.status).toBe(400);
    expectTranslated(page.html, "ar");
    expect(textOf(page.html)).toContain("اختر 1 أو 3 أو 7 أو 14 أو 30 يومًا.");
  });

  it("a job page speaks Arabic around the job's own words", async () => {
    const job = await postJob(db.ctx);
    const visitor = await reader(db.ctx, "ar", false);
    const page = await visitor.get(job.path);
    expect(page.status).toBe(200);
    expectTranslated(page.html, "ar");
    const text = textOf(page.html);
    for (const words of ["العودة إلى الوظائف", "المكان", "عن الوظيفة", "أنشئ حسابًا", "للتقديم."]) expect(text).toContain(words);
    // The city as typed, the country named in Arabic; the title as typed, finding its own direction.
    expect(text).toContain("Cairo, مصر");
    expect(text).toContain(job.title);
    expect(page.html).toMatch(/<h1 id="job-title"[^>]*dir="auto"/);

    const missing = await visitor.get("/jobs/general/no-such-job");
    expect(missing.status).toBe(404);
    expect(textOf(missing.html)).toContain("لا توجد هذه الوظيفة، أو لم تعد معروضة.");
  });

  it("saving a job flashes in Arabic", async () => {
    const job = await postJob(db.ctx);
    const browser = await reader(db.ctx, "ar");
    const saved = await browser.post(`${job.path}/save`, { intent: "save", back: job.path });
    expect(saved.status).toBe(302);
    const page = await browser.get(job.path);
    expect(textOf(page.html)).toContain("حُفظت الوظيفة. قائمتك في «الوظائف المحفوظة».");
    expectTranslated(page.html, "ar");
  });

  it("the apply form speaks Arabic, and its refusals come back in Arabic", async () => {
    const job = await postJob(db.ctx);
    const browser = await reader(db.ctx, "ar");
    const form = await browser.get(`${job.path}/apply`);
    expect(form.status).toBe(200);
    expectTranslated(form.html, "ar");
    expect(textOf(form.html)).toContain("أرسل الطلب");
    expect(textOf(form.html)).toContain("رسالة التقديم");

    const refused = await applyTo(browser, job, { name: "", email: "not-an-email", cv: null });
    expect(refused.status).toBe(400);
    expectTranslated(refused.html, "ar");
    const text = textOf(refused.html);
    expect(text).toContain("أدخل اسمك.");
    expect(text).toContain("أدخل عنوان بريد إلكتروني مثل name@example.com.");
    expect(text).toContain("اختر ملف سيرتك الذاتية (PDF أو DOCX، بحد أقصى 5 ميغابايت).");
  });

  it("the post form's refusals come back in Arabic", async () => {
    const browser = await reader(db.ctx, "ar");
    const refused = await browser.post("/jobs/new", { feed: "general", title: "", employer: "", description: "", salaryMin: "abc" });
    expect(refused.status).toBe(400);
    expectTranslated(refused.html, "ar");
    const text = textOf(refused.html);
    expect(text).toContain("أدخل المسمى الوظيفي.");
    expect(text).toContain("أدخل الراتب رقمًا يساوي 0 أو أكثر، مثل 12000.");
  });

  it("the feed, the saved jobs and the post form speak Hindi", async () => {
    await postJob(db.ctx, { feed: "part-time" });
    const browser = await reader(db.ctx, "hi");
    const feed = await browser.get("/jobs/part-time");
    expect(feed.status).toBe(200);
    expectTranslated(feed.html, "hi");
    expect(textOf(feed.html)).toContain("भारत में पार्ट-टाइम नौकरियाँ।");
    expect(textOf(feed.html)).toContain("नौकरियाँ दिखाएँ");
    for (const path of ["/jobs/saved", "/jobs/new", "/jobs/mine"]) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expectTranslated(page.html, "hi");
    }
    expect(textOf((await browser.get("/jobs/new")).html)).toContain("नौकरी पोस्ट करें");
  });

  it("the RSS channel is titled in the reader's language", async () => {
    const visitor = await reader(db.ctx, "ar", false);
    const rss = await visitor.get("/jobs/remote/rss");
    expect(rss.status).toBe(200);
    expect(rss.html).toContain("<title>لادر: وظائف عن بُعد</title>");
    expect(rss.html).toContain("<language>ar</language>");
  });
}, { dialects: ["sqlite"] });
