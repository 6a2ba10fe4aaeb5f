/**
 * The admin area, the sign-up forms and the coming-soon pages in Arabic and Hindi (issue 15): the
 * words come from the admin, signups and areas catalogs, the page says lang and dir, no English
 * sentence of those catalogs and no raw message id is left, and form errors, flashes, thrown
 * answers and the CSV header row speak the reader's language.
 */
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import type { UserRole } from "../../db/enums";
import { readCatalogs } from "../../app/lib/i18n.server";
import { appClient, createMember, textOf as pageText, type AppClient } from "../support/app";
import { describeEachDatabase } from "../support/db";

const NAMESPACES = ["admin", "signups", "areas"] as const;
const english = readCatalogs().en;

/**
 * Whole English sentences and phrases of these catalogs (two words or more, no placeholder). The
 * role names are left out: the role select (app/components/RoleSelect.tsx) names them itself.
 */
const ENGLISH_PHRASES = NAMESPACES.flatMap((ns) =>
  Object.entries(english[ns])
    .filter(([key, text]) => !key.startsWith("roleName.") && !text.includes("{") && /\S+ \S+/.test(text))
    .map(([, text]) => text),
);

/**
 * The page's text. React 18.3's renderToPipeableStream writes a NUL byte where a multi-byte character
 * falls on its 2,048-byte chunk boundary (facebook/react#31134, fixed in React 19), so Arabic and
 * Hindi pages can carry one; browsers drop it from text, and so does this.
 */
const textOf = (html: string) => pageText(html.replaceAll("\0", ""));

async function visitorIn(ctx: Ctx, lang: "ar" | "hi", options: { ip?: string } = {}): Promise<AppClient> {
  const browser = await appClient(ctx, options);
  browser.cookies.set("ladder_lang", lang);
  return browser;
}

async function signedInIn(ctx: Ctx, lang: "ar" | "hi", role: UserRole, options: { name?: string; email?: string } = {}) {
  const member = await createMember(ctx, { role, ...options });
  const browser = await visitorIn(ctx, lang);
  await browser.signIn(member);
  return { member, browser };
}

/** The page speaks `lang`: its <html> says so, and none of these catalogs' English or ids show. */
function expectSpoken(html: string, lang: "ar" | "hi", where: string) {
  expect(html, where).toContain(lang === "ar" ? '<html lang="ar" dir="rtl"' : '<html lang="hi" dir="ltr"');
  const text = textOf(html);
  expect(text.match(/\b(?:admin|signups|areas)\.[a-zA-Z]\w*/g) ?? [], where).toEqual([]);
  expect(ENGLISH_PHRASES.filter((phrase) => text.includes(phrase)), where).toEqual([]);
}

// On SQLite only (decision 042): these tests are about words, and the queries behind the pages are the
// English tests', which run on both databases. Saving a member's language runs on both: i18n-language.
describeEachDatabase("admin, sign-ups and coming-soon pages in Arabic and Hindi", (db) => {
  it("shows the Premium form in Arabic and answers a bad form with its errors in Arabic", async () => {
    const visitor = await visitorIn(db.ctx, "ar");
    const page = await visitor.get("/premium");
    expect(page.status).toBe(200);
    expectSpoken(page.html, "ar", "/premium");
    const text = textOf(page.html);
    expect(text).toContain("لادر بريميوم");
    expect(text).toContain("أخبرني عند إطلاق بريميوم");
    expect(text).toContain("ما الذي سيفيدك أكثر (اختياري)");
    expect(page.html).toContain("<title>لادر بريميوم | لادر</title>");

    const bad = await visitor.post("/premium", { fullName: "", emailAddress: "not-an-email", phoneNumber: "call me maybe" });
    expect(bad.status).toBe(400);
    expectSpoken(bad.html, "ar", "/premium (400)");
    const errors = textOf(bad.html);
    expect(errors).toContain("توجد 3 مشكلات");
    expect(errors).toContain("الاسم الكامل: أدخل اسمك الكامل.");
    expect(errors).toContain("أدخل عنوان بريد إلكتروني صحيحًا مثل \u2068name@example.com\u2069.");
    expect(errors).toContain("استخدم الأرقام والمسافات والرموز");
    expect(bad.html).toContain('value="call me maybe"');

    const honeypot = await visitor.post("/premium", { fullName: "Aisha", emailAddress: "aisha@example.test", website: "http://spam.test" });
    expect(honeypot.status).toBe(400);
    expect(textOf(honeypot.html)).toContain("تعذّر إرسال رسالتك. يُرجى المحاولة مرة أخرى.");
  });

  it("shows the API-access form, its thank-you page and its limit in Hindi", async () => {
    const visitor = await visitorIn(db.ctx, "hi", { ip: "203.0.113.77" });
    const page = await visitor.get("/api-access");
    expect(page.status).toBe(200);
    expectSpoken(page.html, "hi", "/api-access");
    expect(textOf(page.html)).toContain("API एक्सेस माँगें");
    expect(textOf(page.html)).toContain("आपकी भूमिका, जैसे प्लेसमेंट ऑफ़िसर या HR सिस्टम्स लीड।");

    const good = { fullName: "Rakesh Menon", email_address: "rakesh@example.test", orgName: "BIT" };
    const sent = await visitor.post("/api-access", good);
    expect(sent.status).toBe(302);
    const thanks = await visitor.get(sent.location!);
    expectSpoken(thanks.html, "hi", "/api-access/thanks");
    expect(textOf(thanks.html)).toContain("धन्यवाद");
    expect(textOf(thanks.html)).toContain("हमें API एक्सेस के लिए आपका अनुरोध मिल गया है। हम जल्द ही आपको लिखेंगे।");
    expect(thanks.html).toContain("<title>धन्यवाद | लैडर API एक्सेस</title>");

    for (let i = 0; i < 4; i++) expect((await visitor.post("/api-access", good)).status).toBe(302);
    const tooMany = await visitor.post("/api-access", good);
    expect(tooMany.status).toBe(429);
    expect(textOf(tooMany.html)).toMatch(/आपके नेटवर्क से API एक्सेस के लिए बहुत ज़्यादा अनुरोध आए हैं। कृपया (?:एक|\d+) मिनट बाद फिर से कोशिश करें।/);
  });

  it("shows the daily interview's page to a visitor in Hindi and in Arabic", async () => {
    const hindi = await (await visitorIn(db.ctx, "hi")).get("/interviews");
    expect(hindi.status).toBe(200);
    expectSpoken(hindi.html, "hi", "/interviews (hi)");
    expect(textOf(hindi.html)).toContain("रोज़ का इंटरव्यू");
    expect(textOf(hindi.html)).toContain("आज का इंटरव्यू शुरू करने के लिए साइन इन करें");
    expect(hindi.html).toContain("<title>रोज़ का इंटरव्यू | लैडर</title>");

    const arabic = await (await visitorIn(db.ctx, "ar")).get("/interviews");
    expectSpoken(arabic.html, "ar", "/interviews (ar)");
    expect(textOf(arabic.html)).toContain("المقابلة اليومية");
    expect(textOf(arabic.html)).toContain("مقابلة تجريبية واحدة يوميًا");
  });

  it("shows every admin page in Arabic, and the CSV header rows", async () => {
    const { browser } = await signedInIn(db.ctx, "ar", "admin", { name: "Rania Aziz" });
    await db.ctx.db.insert(db.ctx.t.premuser).values({ fullName: "نور الهدى", emailAddress: "nour@example.test", createdAt: new Date(Date.UTC(2026, 0, 3)) });
    await db.ctx.db
      .insert(db.ctx.t.apiuser)
      .values({ fullName: "Rakesh Menon", email_address: "rakesh@example.test", orgName: "BIT", work: "Placement officer", createdAt: new Date(Date.UTC(2026, 0, 4)) });

    const overview = await browser.get("/admin");
    expect(overview.status).toBe(200);
    expectSpoken(overview.html, "ar", "/admin");
    expect(textOf(overview.html)).toContain("سأل شخص واحد عن بريميوم.");
    expect(textOf(overview.html)).toContain("مدير: 1");
    expect(overview.html).toContain("<title>الإدارة | لادر</title>");

    const members = await browser.get("/admin/users");
    expectSpoken(members.html, "ar", "/admin/users");
    expect(textOf(members.html)).toContain("هذا حسابك. يمكن لمدير آخر تغيير دورك.");
    const none = await browser.get("/admin/users?q=nobody");
    expect(textOf(none.html)).toContain("لا يوجد عضو يحتوي اسمه أو بريده الإلكتروني على «\u2068nobody\u2069».");

    const premium = await browser.get("/admin/premium");
    expectSpoken(premium.html, "ar", "/admin/premium");
    expect(textOf(premium.html)).toContain("تنزيل الكل بصيغة CSV");
    expect(textOf(premium.html)).toContain("نور الهدى");

    const api = await browser.get("/admin/api-access");
    expectSpoken(api.html, "ar", "/admin/api-access");
    expect(textOf(api.html)).toContain("العمل: \u2068Placement officer\u2069");

    const broken = await browser.get("/admin/premium?cursor=not-a-cursor");
    expect(broken.status).toBe(400);
    expect(textOf(broken.html)).toContain("رابط هذه الصفحة معطّل أو جرى تغييره.");

    const premiumCsv = await browser.get("/admin/premium.csv");
    expect(premiumCsv.html.split("\r\n")[0]).toBe("الاسم الكامل,البريد الإلكتروني,رقم الهاتف,الاهتمام,تاريخ التسجيل (UTC)");
    const apiCsv = await browser.get("/admin/api-access.csv");
    expect(apiCsv.html.split("\r\n")[0]).toBe("الاسم الكامل,البريد الإلكتروني,رقم الهاتف,المؤسسة,العمل,الفائدة المرجوّة,تاريخ التسجيل (UTC)");
  });

  it("changes a role in Arabic: the page, a refused value, the flash, and a missing member", async () => {
    const { browser } = await signedInIn(db.ctx, "ar", "admin");
    const target = await createMember(db.ctx, { name: "Dina Saleh" });
    const page = await browser.get(`/admin/users/${target.id}/role`);
    expect(page.status).toBe(200);
    expectSpoken(page.html, "ar", "role page");
    expect(textOf(page.html)).toContain("دور \u2068Dina Saleh\u2069");
    expect(textOf(page.html)).toContain("عضو حاليًا · تاريخ الانضمام");

    const bad = await browser.post(`/admin/users/${target.id}/role`, { role: "king" });
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain("الدور: اختر أحد الأدوار الخمسة.");

    const changed = await browser.post(`/admin/users/${target.id}/role`, { role: "recruiter", back: "/admin/users" });
    expect(changed.status).toBe(302);
    const after = await browser.get(changed.location!);
    expect(textOf(after.html)).toContain("أصبح دور \u2068Dina Saleh\u2069 «مسؤول توظيف» (وكان «عضو»).");

    const missing = await browser.get("/admin/users/00000000-0000-4000-8000-000000000000/role");
    expect(missing.status).toBe(404);
    expect(textOf(missing.html)).toContain("لا يوجد عضو بهذا المعرّف. ربما حذف حسابه.");
  });

  it("tells a member who is not an admin, in Hindi, that the admin pages are for admins", async () => {
    const { browser } = await signedInIn(db.ctx, "hi", "recruiter");
    const res = await browser.get("/admin/premium");
    expect(res.status).toBe(403);
    expect(res.html).toContain('<html lang="hi" dir="ltr"');
  });
}, { dialects: ["sqlite"] });
