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

  test("a tap while the page is still hydrating does not break it: the page hydrates and follows links without reloading", async ({ page, browserErrors }) => {
    // From the moment Remix registers the route modules (entry.client runs next) until the router
    // exists, click a paragraph on every tick, so that clicks land while the root is suspended
    // decoding its data. Without the event hold in app/lib/scripts-after-paint.server.ts, React 18 throws error #345 and the
    // page never hydrates.
    await page.addInitScript(() => {
      let modules: unknown;
      Object.defineProperty(window, "__remixRouteModules", {
        configurable: true,
        get: () => modules,
        set(value) {
          modules = value;
          const timer = setInterval(() => {
            (document.querySelector("main p") ?? document.body).dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
            if ((window as unknown as { __remixRouter?: unknown }).__remixRouter) setTimeout(() => clearInterval(timer), 50);
          }, 0);
        },
      });
    });
    await page.goto("/login");
    await expect.poll(() => hasHydrated(page)).toBe(true);
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(browserErrors).toEqual([]);
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
