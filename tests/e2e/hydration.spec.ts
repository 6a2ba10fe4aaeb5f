/** JavaScript only enhances: with it the app hydrates; without it the same pages still work. */
import { expect, hasHydrated, signInThroughForm, test, waitForHydration } from "./fixtures";

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

  test("what a member types or picks before the page hydrates is still there after it hydrates", async ({ page, browserErrors }) => {
    await signInThroughForm(page, "user@demo.test");
    // Slow scripts: the member has time to act on the server's page before React takes over, and
    // hydration must not put the server's text or choice back (the event hold of decision 022
    // keeps React from seeing these changes, so nothing else would restore them).
    await page.route("**/build/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await page.goto("/settings/profile/experience", { waitUntil: "commit" });
    const description = page.locator("textarea").first();
    await expect(description).not.toHaveValue("");
    await description.fill("Typed before the page was ready.");
    expect(await hasHydrated(page)).toBe(false);
    await waitForHydration(page);
    await expect(description).toHaveValue("Typed before the page was ready.");

    await page.goto("/jobs", { waitUntil: "commit" });
    const type = page.getByLabel("Job type");
    await page.getByText(/^Filters/).click();
    await type.selectOption({ index: 2 });
    const picked = await type.inputValue();
    expect(picked).not.toBe("");
    expect(await hasHydrated(page)).toBe(false);
    await waitForHydration(page);
    await expect(type).toHaveValue(picked);
    expect(browserErrors).toEqual([]);
  });

  test("a second tap while the first page is still loading leaves no error behind", async ({ page, browserErrors }) => {
    // The race seen in CI: the first page's data has arrived but its response has not finished
    // when a second tap cancels that navigation. Here every data response stays open until it is
    // cancelled (or 5 s pass), and the page code is slow, so the second tap always lands there.
    // Remix 2.17 left that cancellation as an unhandled rejection ("signal is aborted without
    // reason"); app/patches/@remix-run+react+2.17.5.patch handles it.
    await page.addInitScript(() => {
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const response = await realFetch(input, init);
        const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
        if (!new URL(url, location.href).pathname.endsWith(".data")) return response;
        const bytes = new Uint8Array(await response.arrayBuffer());
        const signal = init?.signal;
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(bytes);
            const timer = setTimeout(() => controller.close(), 5_000);
            signal?.addEventListener("abort", () => {
              clearTimeout(timer);
              controller.error(signal.reason);
            });
          },
        });
        return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      };
    });
    await page.goto("/");
    await page.route("**/build/routes/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const main = page.getByRole("navigation", { name: "Main" });
    await main.getByRole("link", { name: "Jobs", exact: true }).click();
    await page.waitForTimeout(700);
    await page.getByRole("banner").getByRole("link", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL("/login");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForTimeout(500);
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
