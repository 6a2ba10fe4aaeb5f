/**
 * Which language Ladder speaks (decision 040): the browser's Accept-Language on a first visit, a
 * visitor's choice in a cookie, and a member's saved choice, which follows them to every device
 * and wins over both. The choice is a plain form: no JavaScript is involved.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { appClient, createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";

const htmlTag = (html: string) => /<html[^>]*>/.exec(html)?.[0] ?? "";

describeEachDatabase("choosing a language", (db) => {
  it("a first visit speaks the browser's language: Arabic right to left, Hindi, else English", async () => {
    const visitor = await appClient(db.ctx);
    const arabic = await visitor.get("/login", { "Accept-Language": "ar-EG,ar;q=0.9,en;q=0.5" });
    expect(htmlTag(arabic.html)).toBe('<html lang="ar" dir="rtl">');
    expect(arabic.html).toContain("تسجيل الدخول");
    const hindi = await visitor.get("/login", { "Accept-Language": "hi-IN,hi;q=0.9" });
    expect(htmlTag(hindi.html)).toBe('<html lang="hi" dir="ltr">');
    expect(hindi.html).toContain("साइन इन करें");
    const french = await visitor.get("/login", { "Accept-Language": "fr-FR,fr;q=0.9" });
    expect(htmlTag(french.html)).toBe('<html lang="en" dir="ltr">');
    const none = await visitor.get("/login");
    expect(htmlTag(none.html)).toBe('<html lang="en" dir="ltr">');
  });

  it("a visitor's choice in the footer form is kept in a cookie and wins over the browser's language", async () => {
    const visitor = await appClient(db.ctx);
    const chosen = await visitor.post("/settings/language", { lang: "hi", redirectTo: "/jobs" }, { headers: { "Accept-Language": "ar" } });
    expect(chosen.status).toBe(302);
    expect(chosen.location).toBe("/jobs");
    expect(chosen.headers.getSetCookie().some((cookie) => cookie.startsWith("ladder_lang=hi;"))).toBe(true);
    const next = await visitor.get("/jobs", { "Accept-Language": "ar" });
    expect(htmlTag(next.html)).toBe('<html lang="hi" dir="ltr">');
    // Said in the language just chosen.
    expect(next.html).toContain("लैडर अब आपसे हिन्दी में बात करेगा।");
  });

  it("a member's choice is saved and follows them to a new device, over that device's cookie and browser", async () => {
    const member = await createMember(db.ctx);
    const phone = await appClient(db.ctx);
    await phone.signIn(member);
    const chosen = await phone.post("/settings/language", { lang: "ar", redirectTo: "/settings/language" });
    expect(chosen.status).toBe(302);
    const ms = db.ctx.t.member_settings;
    const [saved] = await db.ctx.db.select({ language: ms.language }).from(ms).where(eq(ms.user_id, member.id));
    expect(saved.language).toBe("ar");

    const laptop = await appClient(db.ctx);
    await laptop.post("/settings/language", { lang: "hi", redirectTo: "/" });
    await laptop.signIn(member);
    const page = await laptop.get("/settings/language", { "Accept-Language": "en" });
    expect(htmlTag(page.html)).toBe('<html lang="ar" dir="rtl">');
  });

  it("an unknown language is refused with a message in the reader's language and nothing saved", async () => {
    const member = await createMember(db.ctx);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    await browser.post("/settings/language", { lang: "hi", redirectTo: "/" });
    const refused = await browser.post("/settings/language", { lang: "xx", redirectTo: "/" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("हिन्दी, अंग्रेज़ी या अरबी चुनें।");
    const ms = db.ctx.t.member_settings;
    const [saved] = await db.ctx.db.select({ language: ms.language }).from(ms).where(eq(ms.user_id, member.id));
    expect(saved.language).toBe("hi");
  });

  it("a redirect after the choice never leaves Ladder", async () => {
    const visitor = await appClient(db.ctx);
    const chosen = await visitor.post("/settings/language", { lang: "ar", redirectTo: "//evil.example/" });
    expect(chosen.location).toBe("/settings/language");
  });

  it("the page says which languages it varies by, so no shared cache serves one language to another", async () => {
    const visitor = await appClient(db.ctx);
    const page = await visitor.get("/login", { "Accept-Language": "ar" });
    expect(page.headers.get("Vary") ?? "").toMatch(/Accept-Language/);
  });
});
