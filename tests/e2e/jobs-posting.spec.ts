/**
 * Posting a job, JavaScript on and off: a new member's bad post is refused with messages and the
 * values kept; the fixed post waits for the career team, who decline it with a reason (an empty
 * reason is refused first); the poster reads the reason, edits the post, the career team approves
 * it and its page is public; finally the poster closes it through the confirmation page.
 */
import type { Browser, Page } from "@playwright/test";
import { confirmInBrowser, expect as baseExpect, seriousAxeViolations, test, STORY_BUDGET_MS, signIn } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function signInAs(browser: Browser, javaScriptEnabled: boolean, email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a member posts a job; the career team declines it with a reason, the poster edits it, it is approved, public, and closed", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  const title = `Junior data analyst ${stamp}`;

  await page.goto("/signup");
  await page.getByLabel("Name").fill(`Hala ${stamp}`);
  const email = `e2e-posting-${testInfo.project.name}-${Date.now().toString(36)}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a ladder to a first job");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();

  // A bad post: no title, a salary range upside down. Refused, with the typed values kept.
  await page.goto("/jobs/new");
  await expect(page.getByRole("heading", { level: 1, name: "Post a job" })).toBeVisible();
  await page.getByLabel("Jobs (general)").check();
  await page.getByLabel("Employer").fill("Nile Analytics");
  await page.getByLabel("City (optional)").fill("Cairo");
  await page.getByLabel("Country (optional)").selectOption("EG");
  await page.getByLabel("Employment type").selectOption("Full-time");
  await page.getByLabel("Salary from").fill("20000");
  await page.getByLabel("Salary up to").fill("15000");
  await page.getByLabel("Salary period").selectOption("MONTH");
  await page.getByLabel("Description").fill("Clean and chart sales data.");
  await page.getByRole("button", { name: "Post the job" }).click();
  await expect(page.getByRole("alert")).toContainText("There are 2 problems");
  await expect(page.getByText("Enter the job title.", { exact: true })).toBeVisible();
  await expect(page.getByText("The salary up to must be at least the salary from.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Employer")).toHaveValue("Nile Analytics");
  await expect(page.getByLabel("Country (optional)")).toHaveValue("EG");
  await expect(page.getByLabel("Description")).toHaveValue("Clean and chart sales data.");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);

  await page.getByLabel("Job title").fill(title);
  await page.getByLabel("Salary up to").fill("25000");
  await page.getByRole("button", { name: "Post the job" }).click();
  await expect(page).toHaveURL(/\/jobs\/mine$/);
  await expect(page.getByRole("status")).toContainText("The career team will review it");
  const mine = page.getByRole("listitem").filter({ hasText: title });
  await expect(mine).toContainText("Waiting for approval");
  const jobHref = await mine.getByRole("link", { name: title, exact: true }).getAttribute("href");
  expect(jobHref).toMatch(/^\/jobs\/general\/ladder-[a-z2-7]{20}$/);

  // Not listed yet: a visitor gets 404 for its page.
  const visitor = await browser.newContext({ javaScriptEnabled });
  expect((await visitor.request.get(jobHref!)).status()).toBe(404);

  // The career team declines it, first without a reason.
  const career = await signInAs(browser, javaScriptEnabled, "career@demo.test");
  await career.goto("/jobs/review");
  const queued = career.getByRole("listitem").filter({ hasText: title });
  await expect(queued).toContainText(`by Hala ${stamp}`);
  await queued.getByRole("button", { name: `Decline “${title}”` }).click();
  const queuedAgain = career.getByRole("listitem").filter({ hasText: title });
  await expect(queuedAgain.getByText("Tell the poster why, so they can fix the post.")).toBeVisible();
  expect(await seriousAxeViolations(career, browser, javaScriptEnabled)).toEqual([]);
  const reason = "Please say whether fresh graduates may apply.";
  await queuedAgain.getByLabel(`Reason to decline “${title}”`).fill(reason);
  await queuedAgain.getByRole("button", { name: `Decline “${title}”` }).click();
  await expect(career.getByRole("status")).toContainText(`Declined: “${title}”. The poster is told why.`);
  await expect(career.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // The poster reads the reason in a notification, on their posts and on the job page, and edits the post.
  await page.goto("/notifications");
  await expect(page.getByRole("main")).toContainText(`“${title}” at Nile Analytics was declined: ${reason}`);
  await page.goto("/jobs/mine");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText(`Declined: ${reason}`);
  await page.goto(jobHref!);
  await expect(page.getByRole("main")).toContainText(reason);
  await page.goto("/jobs/mine");
  await page.getByRole("link", { name: `Edit “${title}”` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Edit “${title}”`);
  await expect(page.getByLabel("Salary up to")).toHaveValue("25000");
  await page.getByLabel("Description").fill("Clean and chart sales data. Fresh graduates are welcome to apply.");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toContainText("sent to the career team for another look");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Waiting for approval");

  // The career team approves it; its page is public.
  await career.goto("/jobs/review");
  await career.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: `Approve “${title}”` }).click();
  await expect(career.getByRole("status")).toContainText(`Approved and listed: “${title}”`);
  await career.context().close();
  const publicPage = await visitor.newPage();
  await publicPage.goto(jobHref!);
  await expect(publicPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(publicPage.getByRole("main")).toContainText("Fresh graduates are welcome to apply.");

  await page.goto("/jobs/mine");
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Listed");

  // The poster closes it, through the confirmation page; the page is gone for visitors.
  await page.getByRole("link", { name: `Close “${title}”` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Close “${title}” at Nile Analytics?`);
  await page.getByRole("button", { name: "Close the post" }).click();
  await expect(page.getByRole("status")).toContainText("The post is closed");
  const closed = page.getByRole("listitem").filter({ hasText: title });
  await expect(closed).toContainText("Closed");
  await expect(closed.getByRole("link", { name: `Edit “${title}”` })).toHaveCount(0);
  expect((await visitor.request.get(jobHref!)).status()).toBe(404);
  await visitor.close();

  expect(browserErrors).toEqual([]);
});
