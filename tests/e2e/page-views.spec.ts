/**
 * Page views (issue 20, decision 049) as a browser makes them, with JavaScript on and off, read
 * back from the browser tests' database. Each story signs up a member of its own, so its views
 * are found by that member's id whatever other stories do at the same time.
 */
import { expect, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";
import { withE2eDb } from "./community-db";

interface ViewRow {
  id: string;
  page_path: string;
  page_title: string | null;
  time_on_page: number | null;
}

/** The member's views of the story's two pages (signing up reads their profile page too). */
function viewsOf(userId: string): ViewRow[] {
  return withE2eDb((db) =>
    db
      .prepare("select id, page_path, page_title, time_on_page from page_views where user_id = ? and page_path in ('/jobs', '/') order by created_at, rowid")
      .all(userId),
  ) as ViewRow[];
}

test("a member's visit records each page with its path and title, and with JavaScript the time spent on it", async ({ page, browserErrors, javaScriptEnabled }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const memberId = await signUp(page, { name: `Page Viewer ${stamp}`, email: `e2e-views-${stamp}@example.com` });

  await page.goto("/jobs?q=private+words");
  const jobsTitle = (await page.title()).replace(/ \| Ladder$/, "");
  // The buffer writes within a second or so.
  await expect.poll(() => viewsOf(memberId).map((v) => [v.page_path, v.page_title])).toEqual([["/jobs", jobsTitle]]);

  // The header's link home: a client-side navigation with JavaScript, a document without.
  if (javaScriptEnabled) {
    await waitForHydration(page);
    // A mark on the window survives a client-side navigation only.
    await page.evaluate(() => ((window as Window & { __samePage?: boolean }).__samePage = true));
  }
  // A second on the page, so that its time is at least 1.
  await page.waitForTimeout(1_100);
  await page.getByRole("banner").getByRole("link", { name: "Ladder", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => (window as Window & { __samePage?: boolean }).__samePage === true)).toBe(javaScriptEnabled);
  await expect.poll(() => viewsOf(memberId).map((v) => v.page_path)).toEqual(["/jobs", "/"]);
  const home = viewsOf(memberId)[1];
  expect(home.page_title).toBe((await page.title()).replace(/ \| Ladder$/, ""));

  // Leaving the page: with JavaScript its beacon sends the time; without, there is none.
  await page.goto("about:blank");
  if (javaScriptEnabled) {
    await expect.poll(() => viewsOf(memberId).every((v) => v.time_on_page !== null)).toBe(true);
    const [jobs] = viewsOf(memberId);
    expect(jobs.time_on_page).toBeGreaterThanOrEqual(1);
  } else {
    await page.waitForTimeout(1_500);
    expect(viewsOf(memberId).map((v) => v.time_on_page)).toEqual([null, null]);
  }
  expect(browserErrors).toEqual([]);
});
