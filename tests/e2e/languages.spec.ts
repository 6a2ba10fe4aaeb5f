/**
 * Ladder in Arabic (right to left) and Hindi, in a real browser, with JavaScript off and on
 * (issue 15, decision 040): the main stories in Arabic on a 320 px phone, the header mirrored, the
 * language chosen without JavaScript and kept for a member on every device, and the system's
 * fonts drawing Arabic and Devanagari.
 */
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { LONG_CONVERSATION_PARTNER_INDEX, userId } from "../../db/seed/demo";
import { pdfBytes } from "../support/cv-files";
import { confirmationMail, expect, NEW_MEMBER_PASSWORD, seriousAxeViolations, signIn, signUp, STORY_BUDGET_MS, test } from "./fixtures";

const PHONE = { width: 320, height: 640 };
const ARABIC = /[\u0600-\u06FF]/;

/** A message of the catalogs, in `lang`, with its simple {placeholders} filled. */
function words(lang: "en" | "ar" | "hi", id: string, values: Record<string, string> = {}): string {
  const [namespace, ...key] = id.split(".");
  const text = (JSON.parse(fs.readFileSync(`app/locales/${lang}/${namespace}.json`, "utf8")) as Record<string, string>)[key.join(".")];
  if (text === undefined) throw new Error(`no message ${id} in ${lang}`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

/**
 * The page speaks Arabic, right to left, in its own words (its heading, unless the heading is a
 * member's or employer's own text, such as a job title), and nothing pushes it sideways at 320 px.
 */
async function expectArabicPage(page: Page, what: string, options: { headingIsContent?: boolean } = {}) {
  await expect(page.locator("html"), what).toHaveAttribute("lang", "ar");
  await expect(page.locator("html"), what).toHaveAttribute("dir", "rtl");
  if (!options.headingIsContent) await expect(page.locator("h1"), `${what}: its heading is in Arabic`).toHaveText(ARABIC);
  else await expect(page.locator("main"), `${what}: its words are in Arabic`).toHaveText(ARABIC);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${what} is ${width} px wide at 320 px`).toBeLessThanOrEqual(PHONE.width);
}

async function expectNoSeriousAxe(page: Page, browser: Browser, javaScriptEnabled: boolean, what: string) {
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), what).toEqual([]);
}

const stamp = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

test.describe("in Arabic", () => {
  test.use({ locale: "ar-EG", viewport: PHONE });

  test("a newcomer signs up, signs out and signs in again in Arabic", async ({ page, browser, javaScriptEnabled }) => {
    test.setTimeout(STORY_BUDGET_MS);
    const email = `e2e-ar-${stamp()}@example.com`;
    await page.goto("/signup");
    await expectArabicPage(page, "the sign-up page");
    await expectNoSeriousAxe(page, browser, javaScriptEnabled, "the sign-up page in Arabic");
    // A refused form answers in Arabic, beside the field, with what was typed.
    await page.locator('main input[name="name"]').fill("أمل حسن");
    await page.locator('main input[name="email"]').fill("not-an-email");
    await page.locator('main input[name="password"]').fill(NEW_MEMBER_PASSWORD);
    await page.locator("main form button[type=submit]").first().click();
    await expect(page.locator("#email-error")).toHaveText(ARABIC);
    await expect(page.locator('main input[name="name"]')).toHaveValue("أمل حسن");
    await page.locator('main input[name="email"]').fill(email);
    await page.locator('main input[name="password"]').fill(NEW_MEMBER_PASSWORD);
    await page.locator("main form button[type=submit]").first().click();
    // Check your inbox, in Arabic; the mail is in Arabic too, and its link's button confirms.
    await expect(page).toHaveURL(/\/signup\/confirm\?/);
    await expectArabicPage(page, "the check-your-inbox page");
    await page.goto((await confirmationMail(email)).path);
    await expectArabicPage(page, "the confirmation link's page");
    await page.locator("main form button[type=submit]").first().click();
    await expect(page).toHaveURL(/\/settings\/profile/);
    await expectArabicPage(page, "the new member's profile");
    // The member's own name shows in its own direction.
    await expect(page.locator('[dir="auto"]').first()).toBeAttached();

    await page.locator("header details.site-menu summary").click();
    await page.locator('header form[action="/logout"] button[type=submit]').click();
    await page.goto("/login");
    await expectArabicPage(page, "the sign-in page");
    await page.locator('main input[name="email"]').fill(email);
    await page.locator('main input[name="password"]').fill(NEW_MEMBER_PASSWORD);
    await page.locator("main form button[type=submit]").first().click();
    await expect(page.locator('header a.icon-link[href="/settings/profile"]')).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  });

  test("a member filters the jobs feed and applies in Arabic", async ({ page, browser, javaScriptEnabled }) => {
    test.setTimeout(STORY_BUDGET_MS);
    await signUp(page, { name: "Amal Hassan", email: `e2e-ar-apply-${stamp()}@example.com` });
    await page.goto("/jobs");
    await expectArabicPage(page, "the jobs feed");
    await page.locator("main details summary").first().click();
    await page.locator('main form[role="search"] select[name="remote"]').selectOption("yes");
    await page.locator('main form[role="search"] select[name="days"]').selectOption("30");
    await page.locator('main form[role="search"] button[type=submit]').click();
    await expect(page).toHaveURL(/remote=yes/);
    await expect(page).toHaveURL(/days=30/);
    await expectArabicPage(page, "the filtered jobs feed");
    await expectNoSeriousAxe(page, browser, javaScriptEnabled, "the filtered feed in Arabic");

    // A job of the career team's, which takes applications in Ladder.
    await page.goto("/jobs/remote?by=career_team");
    const jobHrefs = await page.locator('main a[href^="/jobs/remote/"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
    let applyHref: string | null = null;
    for (const href of jobHrefs.filter((h) => !h.includes("?"))) {
      await page.goto(href);
      applyHref = await page.locator('main a[href$="/apply"]').first().getAttribute("href", { timeout: 2_000 }).catch(() => null);
      if (applyHref) break;
    }
    expect(applyHref, "a career-team job takes applications").toBeTruthy();
    await page.goto(applyHref!);
    await expectArabicPage(page, "the apply form");
    // Sent without a cover letter or CV: refused in Arabic, nothing sent.
    await page.locator("main form button[type=submit]").first().click();
    await expect(page.locator('[role="alert"]').first()).toHaveText(ARABIC);
    await page.locator('main textarea[name="coverLetter"]').fill("أود الانضمام إلى فريقكم، ولدي خبرة سنتين في تطوير الويب.");
    await page.locator('main input[name="cv"]').setInputFiles({ name: "amal-cv.pdf", mimeType: "application/pdf", buffer: pdfBytes("Amal's CV") });
    await page.locator("main form button[type=submit]").first().click();
    await expect(page.locator('[role="status"]').first()).toHaveText(ARABIC);
    await expectArabicPage(page, "the application page after applying", { headingIsContent: true });
  });

  test("a member sends a message and asks the coach in Arabic", async ({ page }) => {
    test.setTimeout(STORY_BUDGET_MS);
    await signIn(page, "user@demo.test");
    await page.goto(`/messages/${userId(LONG_CONVERSATION_PARTNER_INDEX)}`);
    await expectArabicPage(page, "a conversation");
    const text = `مرحبًا دينا، هل ما زالت الوظيفة متاحة؟ ${stamp()}`;
    await page.locator('main textarea[name="message"]').fill(text);
    await page.locator('main form button[type=submit]').last().click();
    const sent = page.locator("main li", { hasText: text });
    await expect(sent).toBeVisible();
    // Members' words keep their own direction.
    await expect(sent.locator('[dir="auto"]').first()).toBeAttached();

    await page.goto("/coach");
    await expectArabicPage(page, "the coach");
    await page.locator('main textarea[name="message"]').fill("كيف أستعد لمقابلة هاتفية مع مسؤول التوظيف؟");
    await page.locator("main form button[type=submit]").first().click();
    await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}/);
    await expectArabicPage(page, "a coach chat");
    await expect(page.locator("main")).toContainText("كيف أستعد لمقابلة هاتفية");
  });

  test("the header's first link sits at the right edge in Arabic", async ({ page }) => {
    await page.goto("/");
    const brand = await page.locator("header a").first().boundingBox();
    expect(brand!.x + brand!.width, "the brand ends near the right edge").toBeGreaterThan(PHONE.width - 24);
  });

  test("the system's fonts draw Arabic and Devanagari (no empty boxes)", async ({ page }) => {
    await page.goto("/");
    const widths = await page.evaluate(() => {
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = "16px sans-serif";
      // U+0378 is unassigned: every font draws it as the same empty box.
      const box = context.measureText("\u0378").width;
      const measure = (text: string) => [...text].map((char) => context.measureText(char).width);
      return { box, arabic: measure("لادر"), devanagari: measure("लैडर") };
    });
    expect(widths.arabic.some((width) => width !== widths.box), "Arabic letters are drawn").toBe(true);
    expect(widths.devanagari.some((width) => width !== widths.box), "Devanagari letters are drawn").toBe(true);
  });
});

test("the header's first link sits at the left edge in English", async ({ browser }) => {
  const context = await browser.newContext({ locale: "en-GB", viewport: PHONE });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
  const brand = await page.locator("header a").first().boundingBox();
  expect(brand!.x, "the brand starts near the left edge").toBeLessThan(24);
  await context.close();
});

test("a language chosen in the footer works without JavaScript and follows a member to another device @js-off-only", async ({ page, browser }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const email = `e2e-lang-${stamp()}@example.com`;
  await signUp(page, { name: "Ravi Kumar", email });
  await page.goto("/jobs");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.locator('footer form[action="/settings/language"] select[name="lang"]').selectOption("hi");
  await page.locator('footer form[action="/settings/language"] button[type=submit]').click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "hi");
  await expect(page.getByRole("status").first()).toHaveText(words("hi", "common.language.changed"));

  // Another device: an English browser with no cookie of Ladder's. Signed in, Ladder speaks Hindi.
  const laptop = await browser.newContext({ locale: "en-US", javaScriptEnabled: false });
  const other = await laptop.newPage();
  await other.goto("/login");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await other.locator('main input[name="email"]').fill(email);
  await other.locator('main input[name="password"]').fill(NEW_MEMBER_PASSWORD);
  await other.locator("main form button[type=submit]").first().click();
  await expect(other.locator('header a.icon-link[href="/settings/profile"]')).toBeVisible();
  await other.goto("/");
  await expect(other.locator("html")).toHaveAttribute("lang", "hi");
  await expect(other.locator("header")).toContainText(words("hi", "common.nav.messages"));
  await laptop.close();
});
