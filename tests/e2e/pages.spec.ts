/** Every page in the header: answers, is well formed for assistive technology, and logs no error. */
import { comingSoonAreas, expect, hasHydrated, headerPages, openMenu, seriousAxeViolations, test } from "./fixtures";
import { promiseOf } from "../../app/lib/area-promises";

// Every area but Home, Jobs and those coming soon is for signed-in members: a visitor who opens one lands on the sign-in page.
const signInFirst: Record<string, string> = Object.fromEntries(
  ["/people", "/network", "/messages", "/coach", "/documents", "/applications", "/calendar", "/hiring", "/jobs/review", "/admin"].map((path) => [path, `/login?redirectTo=${encodeURIComponent(path)}`]),
);

// Without JavaScript, every-page.spec.ts checks the same outline, resources and axe on every page for every role.
// The areas that send a visitor to sign in all land on the same page, /login: one test checks each
// of them lands there, hydrated and without a browser error, and checks that page's outline and axe once
// (it was ten tests running axe on /login ten times; decision 042).
const ownPages = headerPages.filter((path) => !signInFirst[path]);
const membersOnly = headerPages.filter((path) => signInFirst[path]);
test(`each member area of the header sends a visitor to /login, which hydrates without a browser error and has one h1, the four landmarks and, once hydrated, no serious accessibility violation @js-on-only`, async ({
  page,
  browser,
  browserErrors,
  javaScriptEnabled,
}) => {
  expect(membersOnly.length, "the header has member areas").toBeGreaterThan(0);
  for (const path of membersOnly) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page).toHaveURL(signInFirst[path]);
    await expect.poll(() => hasHydrated(page), `${path} hydrates`).toBe(true);
    expect(browserErrors, `browser errors on ${path}`).toEqual([]);
  }
  await page.waitForLoadState("networkidle");
  await expect(page.locator("h1")).toHaveCount(1);
  await expect(page.getByRole("banner")).toHaveCount(1);
  await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(1);
  await expect(page.getByRole("main")).toHaveCount(1);
  await expect(page.getByRole("contentinfo")).toHaveCount(1);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "axe on /login").toEqual([]);
  expect(browserErrors, "browser errors on /login").toEqual([]);
});

for (const path of ownPages) {
  test(`${path} answers 200 with one h1, the four landmarks, no browser error and, once hydrated, no serious accessibility violation @js-on-only`, async ({
    page,
    browser,
    browserErrors,
    javaScriptEnabled,
  }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect.poll(() => hasHydrated(page)).toBe(true);
    await page.waitForLoadState("networkidle");

    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.getByRole("banner")).toHaveCount(1);
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(1);
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("contentinfo")).toHaveCount(1);

    expect(await seriousAxeViolations(page, browser, javaScriptEnabled), `axe on ${path}`).toEqual([]);

    expect(browserErrors, `browser errors on ${path}`).toEqual([]);
  });
}

for (const area of comingSoonAreas) {
  test(`${area.href} is not built yet, says so, and leads back to the home page`, async ({ page }) => {
    await page.goto(area.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${area.label}: coming soon`);
    await expect(page.getByRole("main")).toContainText(promiseOf(area.slug));
    await page.getByRole("main").getByRole("link", { name: "Back to the home page" }).click();
    await expect(page).toHaveURL("/");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your next step, on any connection");
  });
}

test("the header's menu leads to each area, and the home link leads back", async ({ page, javaScriptEnabled }) => {
  await page.goto("/");
  if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
  for (const area of comingSoonAreas) {
    await (await openMenu(page)).getByRole("link", { name: area.label, exact: true }).click();
    await expect(page).toHaveURL(area.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${area.label}: coming soon`);
    await expect((await openMenu(page)).getByRole("link", { name: area.label, exact: true })).toHaveAttribute("aria-current", "page");
  }
  // Every area is built (Interviews was the last, issue 19): the menu's last area opens its own page.
  await (await openMenu(page)).getByRole("link", { name: "Interviews", exact: true }).click();
  await expect(page).toHaveURL("/interviews");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daily interview");
  await expect((await openMenu(page)).getByRole("link", { name: "Interviews", exact: true })).toHaveAttribute("aria-current", "page");
  await page.getByRole("banner").getByRole("link", { name: "Ladder", exact: true }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your next step, on any connection");
});
