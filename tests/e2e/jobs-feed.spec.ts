/**
 * The job feeds, JavaScript on and off: browse the three feeds, filter, page on, open a job; an
 * imported job links to the employer, a Ladder post offers Apply; the RSS link follows the
 * filters; a bad filter value is a 400 page that keeps the form.
 */
import { expect as baseExpect, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

test("a visitor browses each feed, filters by keywords and country, pages on and opens a job", async ({ page, browserErrors }) => {
  await page.goto("/jobs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
  const jobs = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  await expect(jobs).toHaveCount(20);

  const feeds = page.getByRole("navigation", { name: "Job feeds" });
  await feeds.getByRole("link", { name: "Remote jobs" }).click();
  await expect(page).toHaveURL(/\/jobs\/remote$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remote jobs");
  await expect(jobs.first()).toContainText("Remote");
  await page.getByRole("navigation", { name: "Job feeds" }).getByRole("link", { name: "Part-time jobs" }).click();
  await expect(page).toHaveURL(/\/jobs\/part-time$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Part-time jobs");
  await expect(jobs.first()).toContainText("India");

  // Page on in the general feed: the second page is new jobs, and leads back to the first.
  await page.getByRole("navigation", { name: "Job feeds" }).getByRole("link", { name: "Jobs", exact: true }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
  await expect(jobs).toHaveCount(20);
  const firstPage = await jobs.getByRole("link").allTextContents();
  const firstHrefs = await jobs.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  await page.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(page.getByRole("link", { name: "First page" })).toBeVisible();
  await expect(jobs.first()).toBeVisible();
  const secondHrefs = await jobs.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  expect(secondHrefs.length).toBeGreaterThan(0);
  expect(secondHrefs.filter((href) => firstHrefs.includes(href))).toEqual([]);
  expect(firstPage.length).toBe(20);

  // Filter: a word of the first job's title, in its country.
  await page.getByRole("link", { name: "First page" }).click();
  const firstTitle = firstPage[0];
  const word = firstTitle.split(/\s+/).find((w) => /^[A-Za-z]{4,}$/.test(w)) ?? firstTitle.split(/\s+/)[0];
  // The filters are folded away below the count; they open without JavaScript too.
  await page.locator("summary", { hasText: "Filters" }).click();
  await page.getByLabel("Keywords").fill(word.toLowerCase());
  await page.getByLabel("Country").selectOption({ label: "United Arab Emirates" });
  await page.getByRole("button", { name: "Show jobs" }).click();
  await expect(page).toHaveURL(new RegExp(`q=${word.toLowerCase()}&country=AE`));
  await expect(page.getByLabel("Keywords")).toHaveValue(word.toLowerCase());
  const filtered = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  const none = page.getByText("No job matches these filters.");
  // Wait for the results (or the empty state) before counting: count() itself does not wait.
  await expect(filtered.first().or(none)).toBeVisible();
  // With JavaScript the previous list may still be on screen for a moment: retry until every job shown is in the country.
  await expect(async () => {
    const shown = await filtered.allTextContents();
    if (shown.length === 0) await expect(none).toBeVisible({ timeout: 100 });
    expect(shown.filter((text) => !text.includes("United Arab Emirates"))).toEqual([]);
  }).toPass({ timeout: 10_000 });
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/jobs$/);

  // Open a job, by its title: other tests may post newer jobs meanwhile.
  await jobs.getByRole("link", { name: firstTitle, exact: true }).first().click();
  await expect(page).toHaveURL(/\/jobs\/general\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstTitle);
  await expect(page.getByText("Salary", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Back to jobs" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  expect(browserErrors).toEqual([]);
});

test("an imported job links to the employer's site, and a career-team post offers a visitor to sign in or sign up to apply in Ladder", async ({ page }) => {
  await page.goto("/jobs?by=external");
  const jobs = page.getByRole("list", { name: "Jobs" }).getByRole("listitem");
  await jobs.first().getByRole("link").click();
  const outbound = page.getByRole("link", { name: "Apply on the employer’s site" });
  await expect(outbound).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(outbound).toHaveAttribute("href", /^https:\/\//);
  await expect(page.getByRole("link", { name: "Apply", exact: true })).toHaveCount(0);

  await page.goto("/jobs/remote?by=career_team");
  await jobs.first().getByRole("link").click();
  // A visitor is asked to sign in or create an account first; both come back to the form.
  await expect(page.getByText("Sign in or create an account to apply.")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in", exact: true })).toHaveAttribute("href", /^\/login\?redirectTo=%2Fjobs%2Fremote%2F[^/]+%2Fapply$/);
  await expect(page.getByRole("main").getByRole("link", { name: "create an account" })).toHaveAttribute("href", /^\/signup\?redirectTo=%2Fjobs%2Fremote%2F[^/]+%2Fapply$/);
  await expect(page.getByRole("link", { name: "Apply on the employer’s site" })).toHaveCount(0);
});

test("the RSS link carries the current filters and answers an RSS document", async ({ page }) => {
  await page.goto("/jobs/part-time?type=Part-time&days=30");
  const rss = page.getByRole("link", { name: "RSS for these filters" });
  await expect(rss).toHaveAttribute("href", "/jobs/part-time/rss?type=Part-time&days=30");
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", "/jobs/part-time/rss?type=Part-time&days=30");
  const response = await page.request.get((await rss.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/rss+xml; charset=utf-8");
  const body = await response.text();
  expect(body).toContain('<rss version="2.0"');
  expect(body).toMatch(/<link>https?:\/\/[^<]+\/jobs\/part-time\/[^<]+<\/link>/);
});

test("a filter value outside the form's choices is a 400 page that keeps the form and says what is wrong", async ({ page }) => {
  const response = await page.goto("/jobs/remote?q=design&days=2");
  expect(response?.status()).toBe(400);
  await expect(page.getByText("Choose 1, 3, 7, 14 or 30 days.").first()).toBeVisible();
  await expect(page.getByLabel("Keywords")).toHaveValue("design");
  await page.getByLabel("Posted within").selectOption({ label: "7 days" });
  await page.getByRole("button", { name: "Show jobs" }).click();
  await expect(page).toHaveURL(/\/jobs\/remote\?q=design&days=7/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Remote jobs");
  await expect(page.getByText("Choose 1, 3, 7, 14 or 30 days.")).toHaveCount(0);
});
