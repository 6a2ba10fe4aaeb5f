/**
 * The pages read well on a phone: nothing pushes the page sideways. A visitor's pages at 320 px
 * here; every page, as a visitor and as each demo role, at 360 px (with axe) in every-page.spec.ts.
 */
import type { Page } from "@playwright/test";
import { expect, hasHydrated, headerPages, test } from "./fixtures";

async function pageWidth(page: Page, javaScriptEnabled: boolean): Promise<number> {
  if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test.describe("a visitor on a 320 px wide phone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  for (const path of headerPages) {
    test(`${path} fits a 320 px wide screen without a horizontal scrollbar`, async ({ page, javaScriptEnabled }) => {
      await page.goto(path);
      const width = await pageWidth(page, javaScriptEnabled);
      expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
    });
  }
});
