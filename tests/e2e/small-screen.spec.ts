/** The pages read well on a 320 px wide phone: nothing pushes the page sideways. */
import { expect, hasHydrated, headerPages, test } from "./fixtures";

test.use({ viewport: { width: 320, height: 640 } });

for (const path of headerPages) {
  test(`${path} fits a 320 px wide screen without a horizontal scrollbar`, async ({ page, javaScriptEnabled }) => {
    await page.goto(path);
    if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
  });
}
