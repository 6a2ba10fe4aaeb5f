/**
 * Hiring details (issue 13, item 12), JavaScript on and off: the application page links the
 * candidate's profile; a round without a date reads "Not scheduled yet" (never "Scheduled" too);
 * day and time share one zone hint; completing a round before its day asks first, beside the
 * button, and completes it once confirmed.
 */
import { expect as baseExpect, postJobThroughForm, seriousAxeViolations, STORY_BUDGET_MS, test, signIn, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

test("a recruiter opens the candidate's profile, schedules a round and is asked before completing it early", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const title = `Details analyst ${stamp}`;

  // The career team posts (listed at once); a new member applies with a CV.
  await signIn(page, "career@demo.test");
  await page.goto("/jobs/new");
  const jobHref = await postJobThroughForm(page, title);

  const applicantContext = await browser.newContext({ javaScriptEnabled });
  const applicant = await applicantContext.newPage();
  const applicantId = await signUp(applicant, { name: `Candidate ${stamp}`, email: `e2e-details-candidate-${stamp}@example.com` });
  await applicant.goto(`${jobHref}/apply`);
  await applicant.getByLabel("Cover letter").fill("I have built dashboards for two years.");
  await applicant.getByLabel("CV", { exact: true }).setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await applicant.getByRole("button", { name: "Send application" }).click();
  await expect(applicant).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationId = /\/applications\/([0-9a-f-]{36})$/.exec(applicant.url())![1];
  await applicantContext.close();

  await page.goto(`/hiring/applications/${applicationId}`);
  await expect(page.getByRole("link", { name: `See Candidate ${stamp}’s profile` })).toHaveAttribute("href", `/u/${applicantId}`);

  // A round without a date.
  await page.getByLabel("Kind of round").selectOption("hr");
  const add = page.getByRole("form", { name: "Add round 1" });
  await expect(add.getByText(/^Optional\. Day and time in .+\.$/)).toBeVisible();
  await add.getByRole("button", { name: "Add round 1" }).click();
  await expect(page.getByRole("status")).toContainText("Round 1 added.");
  const round = () => page.getByRole("listitem").filter({ hasText: "Round 1: HR interview" });
  await expect(round().getByRole("heading", { level: 3 })).toHaveText("Round 1: HR interview · Not scheduled yet");
  await expect(round()).not.toContainText("Scheduled");

  // Scheduled far ahead: the day and time share one zone hint, and the line says when.
  await expect(round().getByText(/^Day and time in .+\.$/)).toBeVisible();
  await round().getByLabel("Day").fill("2031-01-06");
  await round().getByLabel("Time").fill("10:00");
  await round().getByRole("button", { name: "Schedule round 1" }).click();
  await expect(page.getByRole("status")).toContainText("Round scheduled.");
  await expect(round().getByRole("heading", { level: 3 })).toHaveText("Round 1: HR interview · Scheduled");
  await expect(round()).toContainText("Scheduled for Monday 6 January 2031, 10:00");
  await expect(round()).not.toContainText("Not scheduled yet");

  // Completing it now asks first, beside the button, keeping what was typed.
  await round().getByLabel("Score (1 to 10)").fill("7");
  await round().getByLabel("Notes (optional)").fill("Met early at the candidate's request.");
  await round().getByRole("button", { name: "Complete round 1" }).click();
  await expect(round().getByText(/This round is scheduled for Monday 6 January 2031, 10:00.+which has not come yet/)).toBeVisible();
  await expect(round().getByLabel("Notes (optional)")).toHaveValue("Met early at the candidate's request.");
  await expect(round().getByLabel("Score (1 to 10)")).toHaveValue("7");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await round().getByRole("button", { name: "Yes, complete round 1 now" }).click();
  await expect(page.getByRole("status")).toContainText("Round completed.");
  await expect(round().getByRole("heading", { level: 3 })).toHaveText("Round 1: HR interview · Completed");
  await expect(round()).toContainText("score 7/10");
  expect(browserErrors).toEqual([]);
});
