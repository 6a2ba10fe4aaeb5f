/**
 * Jobs on a phone and saved jobs (issue 13, items 8 and 9), JavaScript on and off: on a 360 px
 * screen the results come first, the filters fold into "Filters (N)" with the chosen ones as
 * removable links and a result count; a member saves a job from the feed and from its page,
 * finds it on /jobs/saved and removes it; a visitor who presses Save signs in and comes back.
 */
import { withE2eDb } from "./community-db";
import { expect as baseExpect, NEW_MEMBER_PASSWORD, seriousAxeViolations, test, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

test.use({ viewport: { width: 360, height: 740 } });

test("on a phone the jobs come first, the filters fold into a disclosure, and each chosen filter is a link that removes it", async ({ page, browser, browserErrors }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  await page.goto("/jobs");
  const jobs = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  // The first result is on the first screen, and the form's fields are folded away.
  await expect(jobs.first()).toBeInViewport();
  await expect(page.getByText(/^(More than [\d,]+ jobs|[\d,]+ jobs?)$/)).toBeVisible();
  const summary = page.locator("summary", { hasText: "Filters" });
  await expect(summary).toHaveText("Filters");
  await expect(page.getByLabel("Keywords")).toBeHidden();
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);

  await summary.click();
  await page.getByLabel("Job type").selectOption("Full-time");
  await page.getByLabel("Posted within").selectOption({ label: "30 days" });
  await page.getByRole("button", { name: "Show jobs" }).click();
  await expect(page).toHaveURL(/\/jobs\?type=Full-time&days=30$/);
  await expect(page.locator("summary", { hasText: "Filters" })).toHaveText("Filters (2)");
  const chosen = page.getByRole("list", { name: "Active filters" });
  await expect(chosen.getByRole("link", { name: /Job type: Full-time/ })).toHaveAttribute("href", "/jobs?days=30");
  await expect(chosen.getByRole("link", { name: /Posted within 30 days/ })).toHaveAttribute("href", "/jobs?type=Full-time");
  await expect(page.getByText(/^(No jobs|More than [\d,]+ jobs|[\d,]+ jobs?)$/)).toBeVisible();

  await chosen.getByRole("link", { name: /Posted within 30 days/ }).click();
  await expect(page).toHaveURL(/\/jobs\?type=Full-time$/);
  await expect(page.locator("summary", { hasText: "Filters" })).toHaveText("Filters (1)");
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.locator("summary", { hasText: "Filters" })).toHaveText("Filters");
  // Nothing scrolls sideways on a 360 px screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(browserErrors).toEqual([]);
});

test("a member saves a job from the feed and from its page, finds it on /jobs/saved newest first, and removes it", async ({ page, browser, browserErrors }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  await signUp(page, { name: `Saver ${stamp}`, email: `e2e-saver-${stamp}@example.com` });
  await page.goto("/jobs/saved");
  await expect(page.getByRole("heading", { level: 1, name: "Saved jobs" })).toBeVisible();
  await expect(page.getByText("No saved jobs yet.")).toBeVisible();

  await page.goto("/jobs");
  const jobs = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  await expect(jobs.nth(1)).toBeVisible();
  // Two imported jobs: a job posted in Ladder may be another story's, closed while this one saves it.
  const hrefs = await jobs.evaluateAll((items) => items.map((li) => li.querySelector("a[href]")!.getAttribute("href")!));
  const postedHere = new Set(withE2eDb((db) => (db.prepare("select feed, job_id from job_postings").all() as { feed: string; job_id: string }[]).map((r) => `/jobs/${r.feed}/${r.job_id}`)));
  const [firstHref, secondHref] = hrefs.filter((href) => !postedHere.has(href));
  // Found by address from here on: other tests may post newer jobs meanwhile.
  const row = (href: string) => page.getByRole("list", { name: "Jobs" }).locator(`li:has(a[href="${href}"])`);
  const firstTitle = (await row(firstHref).getByRole("link").first().textContent())!;
  const secondTitle = (await row(secondHref).getByRole("link").first().textContent())!;
  await row(firstHref).getByRole("button", { name: /^Save / }).click();
  await expect(page.getByRole("status")).toContainText("Job saved.");
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(row(firstHref).getByRole("button", { name: /^Saved/ })).toBeVisible();

  // The second job from its own page.
  await row(secondHref).getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(secondTitle);
  await page.getByRole("button", { name: /^Save / }).click();
  await expect(page.getByRole("status")).toContainText("Job saved.");
  await expect(page.getByRole("button", { name: /^Saved/ })).toBeVisible();

  await page.goto("/jobs/saved");
  const saved = page.getByRole("list", { name: "Saved jobs" }).getByRole("listitem");
  await expect(saved).toHaveCount(2);
  await expect(saved.nth(0).getByRole("link", { name: secondTitle })).toHaveAttribute("href", secondHref);
  await expect(saved.nth(1).getByRole("link", { name: firstTitle })).toHaveAttribute("href", firstHref);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await saved.nth(0).getByRole("button", { name: /^Saved/ }).click();
  await expect(page.getByRole("status")).toContainText("Job removed from your saved jobs.");
  await expect(page).toHaveURL(/\/jobs\/saved$/);
  await expect(saved).toHaveCount(1);
  await expect(saved.nth(0).getByRole("link")).toHaveAttribute("href", firstHref);
  expect(browserErrors).toEqual([]);
});

test("a visitor who presses Save is asked to sign in and comes back to the feed", async ({ page, browser }, testInfo) => {
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const email = `e2e-visitor-saver-${stamp}@example.com`;
  // An account to sign in with, made in another browser.
  const other = await browser.newContext({ javaScriptEnabled });
  await signUp(await other.newPage(), { name: `Visitor ${stamp}`, email });
  await other.close();

  await page.goto("/jobs?type=Full-time");
  await page.getByRole("list", { name: "Jobs" }).getByRole("listitem").first().getByRole("button", { name: /^Save / }).click();
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expect(page.getByRole("status")).toContainText("Sign in to save jobs to your list.");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_MEMBER_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs\?type=Full-time$/);
  await expect(page.getByRole("list", { name: "Jobs" }).getByRole("listitem").first().getByRole("button", { name: /^Save / })).toBeVisible();
});
