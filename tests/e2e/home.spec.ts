/**
 * The signed-in home page of each demo role, JavaScript on and off: its blocks with the demo
 * data, no serious accessibility problem, no sideways scroll on a 360 px phone, and its lite-mode
 * HTML within the first round trip (14,600 bytes gzip).
 */
import zlib from "node:zlib";
import type { Page } from "@playwright/test";
import { expect, hasHydrated, openMenu, seriousAxeViolations, test, signIn } from "./fixtures";

const HTML_BUDGET = 14_600;

/** The home's h2 headings, in page order. */
const blockHeadings = (page: Page) => page.getByRole("main").getByRole("heading", { level: 2 }).allInnerTexts();

/** Lite-mode HTML of `/` with this page's cookies: gzip level 6 bytes. */
async function liteHomeBytes(page: Page): Promise<number> {
  const response = await page.request.get("/", { headers: { "Save-Data": "on" } });
  expect(response.status()).toBe(200);
  const body = await response.body();
  expect(body.toString("utf8")).not.toMatch(/<script/i);
  return zlib.gzipSync(body, { level: 6 }).length;
}

async function checkPage(page: Page, browser: Parameters<typeof seriousAxeViolations>[1], javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await liteHomeBytes(page)).toBeLessThanOrEqual(HTML_BUDGET);
}

test("a job seeker's home shows their applications, messages, requests, coach messages, fitting jobs and people they may know", async ({ page, browser, browserErrors, javaScriptEnabled }) => {
  await signIn(page, "user@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Layla");
  expect(await blockHeadings(page)).toEqual(["Your applications", "Messages", "Connection requests", "Career coach", "Jobs that fit you", "People you may know"]);
  const main = page.getByRole("main");
  await expect(main.getByRole("list", { name: "Your applications by status" })).toContainText("Withdrawn 1");
  await expect(main.getByRole("list", { name: "Your latest applications" }).getByRole("listitem")).toHaveCount(3);
  await expect(main).toContainText(/\d+ unread messages? from \d+ (person|people)\./);
  await expect(main.getByRole("list", { name: "Newest connection requests" }).getByRole("listitem").first()).toBeVisible();
  await expect(main).toContainText(/\d of 7 coach messages left today\.|You have used today's 7 coach messages/);
  await expect(main.getByRole("list", { name: "Jobs that fit your profile" }).getByRole("listitem").first()).toBeVisible();
  await expect(main.getByRole("link", { name: "More jobs for “data analyst”" })).toHaveAttribute("href", "/jobs?q=data+analyst");
  await expect(main.getByRole("list", { name: "People you may know" })).toContainText(/\d+ shared connections?/);

  await main.getByRole("link", { name: "Answer them in your network" }).click();
  await expect(page).toHaveURL("/network");
  await page.goto("/");
  await checkPage(page, browser, javaScriptEnabled);
  expect(browserErrors).toEqual([]);
});

test("a recruiter's home shows their jobs with applications at every stage and the interviews ahead", async ({ page, browser, browserErrors, javaScriptEnabled }) => {
  await signIn(page, "recruiter@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Omar");
  expect(await blockHeadings(page)).toEqual(["Your jobs", "Next interviews"]);
  const main = page.getByRole("main");
  const stages = main.getByRole("list", { name: "Applications to Graduate Process Engineer by status" });
  for (const stage of ["Pending 1", "Reviewing 1", "Shortlisted 1", "Interviewing 1", "Offered 1", "Hired 1", "Rejected 1"]) await expect(stages).toContainText(stage);
  const rounds = main.getByRole("list", { name: "Next interview rounds" }).getByRole("listitem");
  await expect(rounds.first()).toBeVisible();
  expect(await rounds.count()).toBeGreaterThanOrEqual(3);

  await main.getByRole("link", { name: "Graduate Process Engineer" }).click();
  await expect(page).toHaveURL(/\/hiring\/general\//);
  await page.goto("/");
  await checkPage(page, browser, javaScriptEnabled);
  expect(browserErrors).toEqual([]);
});

test("the career team's home shows the posts waiting for review, oldest first, and recent decisions", async ({ page, browser, browserErrors, javaScriptEnabled }) => {
  await signIn(page, "career@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Priya");
  expect(await blockHeadings(page)).toEqual(["Waiting for review", "Recent decisions"]);
  const main = page.getByRole("main");
  await expect(main).toContainText(/\d+ posts? waits? for review, oldest first:|No posts wait for review\./);
  await expect(main.getByRole("list", { name: "Recent decisions on posts" }).getByRole("listitem").first()).toContainText(/Approved|Declined/);
  await main.getByRole("link", { name: /^Review them$|^The review queue$/ }).click();
  await expect(page).toHaveURL("/jobs/review");
  // The review page is Review's, though its address is inside Jobs: only Review is marked current.
  const menu = await openMenu(page);
  await expect(menu.getByRole("link", { name: /^Review/ })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Jobs", exact: true })).not.toHaveAttribute("aria-current", /.*/);
  await page.goto("/");
  await checkPage(page, browser, javaScriptEnabled);
  expect(browserErrors).toEqual([]);
});

test("an admin's home shows today's numbers with links onward", async ({ page, browser, browserErrors, javaScriptEnabled }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Fatima");
  expect(await blockHeadings(page)).toEqual(["Today's numbers"]);
  const main = page.getByRole("main");
  for (const label of ["Sign-ups today", "Active sessions (used in the last 30 days)", "Applications today", "Messages today", "Posts waiting for review"]) {
    await expect(main.getByRole("term").filter({ hasText: label })).toBeVisible();
  }
  // This admin is signed in right now: at least one active session.
  await expect(main.getByRole("definition").nth(1)).not.toHaveText("0");
  await checkPage(page, browser, javaScriptEnabled);
  expect(browserErrors).toEqual([]);
});

test("a moderator gets the member's home", async ({ page }) => {
  await signIn(page, "moderator@demo.test");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome back, Youssef");
  expect(await blockHeadings(page)).toContain("Your applications");
});
