/**
 * The accounts and settings pages in Arabic and Hindi (issue 15, decision 040): the words come
 * from the auth and settings catalogs, the page reads right to left in Arabic, no English sentence
 * of those catalogs and no raw message id is left, form errors and the reset mail speak the
 * reader's language.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { appClient, createMember, textOf, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { useSmtpSink } from "../support/use-smtp-sink";

// Real mail: SMTP_URL points at a sink before the app's first request.
const sink = useSmtpSink();

type Catalog = Record<string, string>;
const catalog = (lang: string, ns: string): Catalog =>
  JSON.parse(fs.readFileSync(path.resolve("app/locales", lang, `${ns}.json`), "utf8")) as Catalog;
const NAMESPACES = ["auth", "settings"];
const english = Object.fromEntries(NAMESPACES.map((ns) => [ns, catalog("en", ns)]));

/** The English sentences of our catalogs a translated page must not show (the longest fixed part of each). */
function englishSentences(lang: string): string[] {
  const out: string[] = [];
  for (const ns of NAMESPACES) {
    const own = catalog(lang, ns);
    for (const [key, text] of Object.entries(english[ns])) {
      if (own[key] === text || text.includes("plural")) continue;
      const longest = text.split(/\{[^}]*\}/).sort((a, b) => b.length - a.length)[0].trim();
      if (longest.length >= 12 && longest.includes(" ")) out.push(longest);
    }
  }
  return out;
}

function expectTranslated(html: string, lang: "ar" | "hi") {
  expect(html).toMatch(lang === "ar" ? /<html[^>]*lang="ar"[^>]*dir="rtl"/ : /<html[^>]*lang="hi"[^>]*dir="ltr"/);
  const text = textOf(html);
  expect(englishSentences(lang).length).toBeGreaterThan(100);
  for (const sentence of englishSentences(lang)) expect(text, sentence).not.toContain(sentence);
  expect(text).not.toMatch(/\bauth\.[a-zA-Z]/);
  expect(text).not.toMatch(/\bsettings\.[a-zA-Z]/);
}

async function speaking(ctx: AppClient["ctx"], lang: "ar" | "hi"): Promise<AppClient> {
  const browser = await appClient(ctx);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("the accounts and settings pages in Arabic and Hindi", (db) => {
  it("shows sign-in, sign-up, the reset pages and lite mode to a visitor in Arabic, right to left", async () => {
    const browser = await speaking(db.ctx, "ar");
    const pages: [string, string][] = [
      ["/login", "نسيت كلمة المرور؟"],
      ["/signup", "أنشئ حسابك في لادر"],
      ["/forgot-password", "أرسل إليّ رابط إعادة التعيين"],
      ["/forgot-password?sent=1", "تحقّق من بريدك الإلكتروني"],
      [`/reset-password/${"A".repeat(43)}`, "انتهت صلاحية هذا الرابط أو سبق استخدامه"],
      ["/settings/lite", "يرسل الوضع الخفيف الصفحات"],
    ];
    for (const [page, words] of pages) {
      const res = await browser.get(page);
      expect([200, 410], page).toContain(res.status);
      expect(textOf(res.html), page).toContain(words);
      expectTranslated(res.html, "ar");
    }
    expect((await browser.get("/login")).html).toMatch(/<title>تسجيل الدخول \| لادر<\/title>/);
  });

  it("shows a member's settings pages in Arabic, and the same pages in Hindi", async () => {
    const member = await createMember(db.ctx);
    const pages: Record<"ar" | "hi", [string, string][]> = {
      ar: [
        ["/settings/password", "غيّر كلمة المرور"],
        ["/settings/sessions", "هذا الجهاز"],
        ["/settings/delete", "ما يُحذف نهائيًا"],
        ["/logout", "تسجيل الخروج؟"],
      ],
      hi: [
        ["/settings/password", "अपना पासवर्ड बदलें"],
        ["/settings/sessions", "यह डिवाइस"],
        ["/settings/delete", "हमेशा के लिए क्या मिटेगा"],
        ["/logout", "साइन आउट करें?"],
      ],
    };
    for (const lang of ["ar", "hi"] as const) {
      const browser = await speaking(db.ctx, lang);
      await browser.signIn(member);
      for (const [page, words] of pages[lang]) {
        const res = await browser.get(page);
        expect(res.status, page).toBe(200);
        expect(textOf(res.html), page).toContain(words);
        expectTranslated(res.html, lang);
      }
    }
  });

  it("shows the sign-in and sign-up pages in Hindi", async () => {
    const browser = await speaking(db.ctx, "hi");
    const login = await browser.get("/login");
    expect(textOf(login.html)).toContain("पासवर्ड भूल गए?");
    expectTranslated(login.html, "hi");
    const signup = await browser.get("/signup");
    expect(textOf(signup.html)).toContain("अपना लैडर खाता बनाएँ");
    expectTranslated(signup.html, "hi");
  });

  it("answers a bad form in Arabic: sign-up's rules, a wrong password, an unticked deletion", async () => {
    const browser = await speaking(db.ctx, "ar");
    const signup = await browser.post("/signup", { name: "", email: "not an address", password: "short" });
    expect(signup.status).toBe(400);
    const text = textOf(signup.html);
    expect(text).toContain("أدخل اسمك.");
    expect(text).toContain("أدخل عنوان بريد إلكتروني مثل name@example.com.");
    expect(text).toContain("استخدم 8 أحرف على الأقل.");
    expectTranslated(signup.html, "ar");

    const member = await createMember(db.ctx);
    const wrong = await browser.post("/login", { email: member.email, password: "not the password", redirectTo: "/" });
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain("البريد الإلكتروني وكلمة المرور هذان لا يطابقان أي حساب.");
    expectTranslated(wrong.html, "ar");

    await browser.signIn(member);
    const unticked = await browser.post("/settings/delete", { password: member.password });
    expect(unticked.status).toBe(400);
    expect(unticked.html).toMatch(/id="confirm-error"[^>]*>ضع علامة في المربع/);
    expectTranslated(unticked.html, "ar");
  });

  it("says the flash after a change in Arabic", async () => {
    const browser = await speaking(db.ctx, "ar");
    const lite = await browser.post("/settings/lite", { lite: "1", redirectTo: "/settings/lite" });
    expect(lite.status).toBe(302);
    const after = await browser.get("/settings/lite");
    expect(textOf(after.html)).toContain("الوضع الخفيف مفعّل: تُحمَّل الصفحات بلا نصوص برمجية.");
    expectTranslated(after.html, "ar");
  });

  it("mails the reset link in the language of whoever asked for it", async () => {
    const member = await createMember(db.ctx);
    const browser = await speaking(db.ctx, "ar");
    const res = await browser.post("/forgot-password", { email: member.email });
    expect(res.status).toBe(302);
    const mail = await sink.waitFor(member.email, (m) => m.subject === "إعادة تعيين كلمة مرورك في لادر");
    expect(mail.text).toContain("اختر كلمة مرور جديدة من هنا");
    expect(mail.text).toMatch(/\nhttp:\/\/localhost\/reset-password\/[A-Za-z0-9_-]{43}\n/);
    expect(mail.text).not.toContain("Someone (we hope you)");
  });
}, { dialects: ["sqlite"] });
