/**
 * The coach and documents in Arabic and Hindi (issue 15): the pages' words come from the coach and
 * documents catalogs, the offline coach answers in the member's language, the AI is told the
 * language, and a refused form answers in the reader's language.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { startOpenAiMock, type OpenAiMock } from "../support/openai-mock";

const catalog = (lang: string, ns: string) =>
  JSON.parse(readFileSync(path.resolve("app/locales", lang, `${ns}.json`), "utf8")) as Record<string, string>;
const en = { ...catalog("en", "coach"), ...catalog("en", "documents") };

let mock: OpenAiMock;
beforeAll(async () => {
  mock = await startOpenAiMock({ port: 0 });
});
afterAll(async () => {
  await mock.close();
});
afterEach(() => {
  delete process.env.OPENAI_API_KEY;
  delete process.env.OPENAI_BASE_URL;
  delete process.env.OPENAI_TIMEOUT_MS;
});

async function reader(ctx: Ctx, lang: "ar" | "hi"): Promise<AppClient> {
  const member = await createMember(ctx);
  const browser = await appClient(ctx);
  await browser.signIn(member);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

/** The page reads in `lang`: no raw message id, and none of the English sentences of the catalogs that the language words differently. */
function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toContain(`lang="${lang}"`);
  if (lang === "ar") expect(html).toContain('dir="rtl"');
  const text = textOf(html);
  expect(text).not.toMatch(/\b(?:coach|documents)\.[a-zA-Z]/);
  const own = { ...catalog(lang, "coach"), ...catalog(lang, "documents") };
  for (const [key, english] of Object.entries(en)) {
    if (english.includes("{") || english.split(" ").length < 3 || own[key] === english) continue;
    expect(text, key).not.toContain(english);
  }
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("The coach and documents in Arabic and Hindi", (db) => {
  it("the coach page in Arabic, and an offline reply written in Arabic", async () => {
    const browser = await reader(db.ctx, "ar");
    const page = await browser.get("/coach");
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("المدرّب المهني");
    expect(textOf(page.html)).toContain("ابدأ محادثة");
    expectTranslated(page.html, "ar");

    const sent = await browser.post("/coach", { message: "How do I prepare for an interview?" });
    expect(sent.status).toBe(302);
    const chat = await browser.get(sent.location!.split("#")[0]);
    expect(chat.status).toBe(200);
    const text = textOf(chat.html);
    expect(text).toContain("للاستعداد لمقابلة");
    expect(text).toContain("المدرّب دون اتصال: هذا الرد من نصائح Ladder المدمجة");
    expect(chat.html).toContain('dir="auto"');
    expectTranslated(chat.html, "ar");
  });

  it("the AI is told to reply in the member's language", async () => {
    process.env.OPENAI_API_KEY = "test-key";
    process.env.OPENAI_BASE_URL = mock.url;
    process.env.OPENAI_TIMEOUT_MS = "1500";
    const browser = await reader(db.ctx, "ar");
    const before = mock.requests.length;
    const sent = await browser.post("/coach", { message: "What should I learn next?" });
    expect(sent.status).toBe(302);
    expect(mock.requests.length).toBe(before + 1);
    expect(mock.requests.at(-1)!.messages[0].content).toContain("Reply in Arabic");
  });

  it("the documents pages in Hindi and in Arabic", async () => {
    const hindi = await reader(db.ctx, "hi");
    const list = await hindi.get("/documents");
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain("आपके दस्तावेज़");
    expectTranslated(list.html, "hi");
    const form = await hindi.get("/documents/new");
    expect(textOf(form.html)).toContain("दस्तावेज़ सहेजें");
    expectTranslated(form.html, "hi");

    const arabic = await reader(db.ctx, "ar");
    const created = await arabic.post("/documents/new", { title: "سيرتي", kind: "text", content: "Hardworking graduate looking for work." });
    expect(created.status).toBe(302);
    const doc = await arabic.get(created.location!);
    expect(doc.status).toBe(200);
    expect(textOf(doc.html)).toContain("حُفظ المستند.");
    expect(textOf(doc.html)).toContain("سجل النسخ");
    expectTranslated(doc.html, "ar");
    const suggested = await arabic.post(created.location!, { intent: "suggest" });
    expect(suggested.status).toBe(302);
    const withSuggestions = await arabic.get(created.location!);
    expect(textOf(withSuggestions.html)).toContain("المدرّب دون اتصال: كل مرشح يقول إنه مجتهد");
  });

  it("a refused form answers in Arabic", async () => {
    const browser = await reader(db.ctx, "ar");
    const doc = await browser.post("/documents/new", { title: "", kind: "text", content: "" });
    expect(doc.status).toBe(400);
    expect(textOf(doc.html)).toContain("أدخل عنوانًا.");
    expect(textOf(doc.html)).toContain("اكتب شيئًا: لا يمكن أن يكون المستند فارغًا.");
    const sheet = await browser.post("/documents/new", { title: "جدول", kind: "sheet", content: 'a,"b' });
    expect(sheet.status).toBe(400);
    expect(textOf(sheet.html)).toContain("السطر 1: خلية مقتبسة لم تُغلق");
    const chat = await browser.post("/coach", { message: "   " });
    expect(chat.status).toBe(400);
    expect(textOf(chat.html)).toContain("اكتب رسالة إلى المدرّب.");
  });
}, { dialects: ["sqlite"] });
