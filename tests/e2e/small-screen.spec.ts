/**
 * The pages read well on a phone: nothing pushes the page sideways. A visitor's pages at 320 px
 * here; every page, as a visitor and as each demo role, at 360 px (with axe) in every-page.spec.ts.
 */
import type { BrowserContext, Page } from "@playwright/test";
import { expect, hasHydrated, headerPages, test } from "./fixtures";

test.describe("a visitor on a 320 px wide phone", () => {
  let context: BrowserContext;
  let tab: Page;
  // One phone per worker, its tab reused from page to page (a new context per page cost more than
  // the page); each test only reads, as a visitor, so nothing carries over.
  test.beforeAll(async ({ browser }, testInfo) => {
    context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: testInfo.project.use.javaScriptEnabled ?? true });
    tab = await context.newPage();
  });
  test.afterAll(async () => {
    await context?.close();
  });

  for (const path of headerPages) {
    test(`${path} fits a 320 px wide screen without a horizontal scrollbar`, async ({ javaScriptEnabled }) => {
      const response = await tab.goto(path);
      expect(response?.status(), `${path} answers`).toBe(200);
      // With JavaScript, the width once React has hydrated the page.
      if (javaScriptEnabled) await expect.poll(() => hasHydrated(tab)).toBe(true);
      const width = await tab.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
    });
  }
});
