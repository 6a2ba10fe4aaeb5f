/**
 * Profiles and people in Arabic and Hindi (issue 15): the pages speak the reader's language, right
 * to left in Arabic, with no English left from the profile catalog and no raw message id; a bad
 * form answers in Arabic.
 */
import { expect, it } from "vitest";
import english from "../../app/locales/en/profile.json";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";

/** English sentences of the catalog that a page of this area shows (words, not names like "LinkedIn"). */
const ENGLISH = Object.values(english as Record<string, string>).filter((text) => /^[A-Z][a-z]+ [a-z]+ [a-z]+/.test(text) && !text.includes("{"));

function expectSpoken(html: string, lang: "ar" | "hi") {
  expect(html).toContain(`lang="${lang}" dir="${lang === "ar" ? "rtl" : "ltr"}"`);
  const text = textOf(html);
  expect(text).not.toMatch(/\bprofile\.[a-zA-Z]/);
  for (const sentence of ENGLISH) expect(text, sentence).not.toContain(sentence);
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("profiles and people in Arabic and Hindi", (db) => {
  async function member(lang: "ar" | "hi"): Promise<{ browser: AppClient; id: string }> {
    const me = await createMember(db.ctx, { name: "أمل حداد" });
    const browser = await appClient(db.ctx);
    browser.cookies.set("ladder_lang", lang);
    await browser.signIn(me);
    return { browser, id: me.id };
  }

  it("shows the profile editor, a list editor, the CV page, the time zone page, people and a public profile in Arabic", async () => {
    const { browser, id } = await member("ar");
    const pages: [string, string][] = [
      ["/settings/profile", "ملفك الشخصي"],
      ["/settings/profile/education", "أضف أول مدرسة أدناه."],
      ["/settings/cv", "سيرتك الذاتية"],
      ["/settings/time-zone", "المنطقة الزمنية"],
      ["/people", "الاسم أو العنوان التعريفي أو المهارة"],
      [`/u/${id}`, "هكذا يرى الأعضاء الآخرون ملفك الشخصي."],
    ];
    for (const [path, arabic] of pages) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(textOf(page.html), path).toContain(arabic);
      expectSpoken(page.html, "ar");
    }
    // The member's own name reads in its own direction.
    expect((await browser.get(`/u/${id}`)).html).toMatch(/<h1 id="profile-name"[^>]*dir="auto"/);
  });

  it("shows the same pages in Hindi", async () => {
    const { browser, id } = await member("hi");
    const pages: [string, string][] = [
      ["/settings/profile", "आपकी प्रोफ़ाइल"],
      ["/settings/profile/skills", "नीचे अपनी पहली स्किल जोड़ें।"],
      ["/settings/cv", "आपका CV"],
      ["/settings/time-zone", "टाइम ज़ोन"],
      ["/people", "नाम, हेडलाइन या स्किल"],
      [`/u/${id}`, "अपनी प्रोफ़ाइल बदलें"],
    ];
    for (const [path, hindi] of pages) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(textOf(page.html), path).toContain(hindi);
      expectSpoken(page.html, "hi");
    }
  });

  it("answers a bad profile form and a bad list in Arabic", async () => {
    const { browser } = await member("ar");
    const form = new FormData();
    form.set("intent", "save");
    form.set("name", "");
    form.set("phone", "abc");
    const refused = await browser.post("/settings/profile", form);
    expect(refused.status).toBe(400);
    expect(textOf(refused.html)).toContain("أدخل اسمك.");
    expect(textOf(refused.html)).toContain("استخدم في رقم الهاتف الأرقام والمسافات و+ - ( ) فقط.");
    expectSpoken(refused.html, "ar");

    const list = await browser.post("/settings/profile/education", {
      "education.0.school": "",
      "education.0.degree": "BSc",
      intent: "education",
    });
    expect(list.status).toBe(400);
    expect(textOf(list.html)).toContain("أدخل المدرسة أو الجامعة.");
    expectSpoken(list.html, "ar");
  });

  it("says a saved profile in Arabic on the next page", async () => {
    const { browser } = await member("ar");
    const form = new FormData();
    form.set("intent", "save");
    form.set("name", "أمل");
    const saved = await browser.post("/settings/profile", form);
    expect(saved.status).toBe(302);
    expect(textOf((await browser.get("/settings/profile")).html)).toContain("حُفظ ملفك الشخصي.");
  });
}, { dialects: ["sqlite"] });
