/** JavaScript only enhances: with it the app hydrates; without it the same pages still work. */
import { expect, hasHydrated, test } from "./fixtures";

test.describe("with JavaScript on @js-on-only", () => {
  test("the app hydrates and then follows links without reloading the document", async ({ page }) => {
    await page.goto("/");
    await expect.poll(() => hasHydrated(page)).toBe(true);
    // A marker on the window survives only a client-side navigation.
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  });
});

test.describe("with JavaScript off @js-off-only", () => {
  test("the app does not hydrate, and the pages and their links still work", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your next step, on any connection");
    expect(await hasHydrated(page)).toBe(false);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
    await expect(page).toHaveURL("/jobs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
    await page.getByRole("banner").getByRole("link", { name: "Ladder", exact: true }).click();
    await expect(page).toHaveURL("/");
  });
});
