/**
 * The hiring pipeline, JavaScript on and off: a new member posts a job, the career team approves
 * it, another new member applies with a CV; the poster moves the application through reviewing,
 * shortlisted and interviewing with two interview rounds (added, scheduled, completed with a
 * score, private notes and feedback; a bad score refused) to offered; the applicant reads the outcome on /notifications and
 * on their application's page, and the email arrives.
 */
import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, postJobThroughForm, seriousAxeViolations, test, STORY_BUDGET_MS, signIn, signUp } from "./fixtures";
import { waitForMail } from "./mail";

const expect = baseExpect.configure({ timeout: 10_000 });

/** A day `days` after today as the form's YYYY-MM-DD and as the page words it ("Monday 7 December 2026"). */
function dayAhead(days: number) {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  const iso = date.toISOString().slice(0, 10);
  const words = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
    .format(new Date(`${iso}T00:00:00Z`))
    .replace(",", "");
  return { iso, words };
}
// Rounds in the future, so that completing them asks for confirmation (issue 13 item 12).
const round1Day = dayAhead(21);
const round2Day = dayAhead(23);

async function newMemberPage(browser: Browser, javaScriptEnabled: boolean, member: { name: string; email: string }): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signUp(page, member);
  return page;
}

async function signInAs(browser: Browser, javaScriptEnabled: boolean, email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** Chooses a status and saves it, with feedback; the page confirms. */
async function moveTo(page: Page, status: string, feedback: string) {
  await page.getByLabel("Status", { exact: true }).selectOption({ label: status });
  await page.getByLabel(/Feedback to the applicant/).fill(feedback);
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByRole("status")).toContainText(`Status changed to ${status}.`);
  await expect(page.getByRole("heading", { level: 2, name: `Status: ${status}` })).toBeVisible();
}

test("a poster moves an application through the pipeline with two interview rounds to an offer, and the applicant reads it", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScriptEnabled = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const title = `Hiring analyst ${stamp}`;

  // A new member with nothing to manage sees how to post.
  await signUp(page, { name: `Poster ${stamp}`, email: `e2e-hiring-poster-${stamp}@example.com` });
  await page.goto("/hiring");
  await expect(page.getByText("You have no jobs to manage yet.")).toBeVisible();
  await page.getByRole("link", { name: "Post a job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Post a job" })).toBeVisible();
  const jobHref = await postJobThroughForm(page, title);
  expect(jobHref).toMatch(/^\/jobs\/general\/ladder-/);

  const career = await signInAs(browser, javaScriptEnabled, "career@demo.test");
  await career.goto("/jobs/review");
  await career.getByRole("listitem").filter({ hasText: title }).getByRole("button", { name: `Approve “${title}”` }).click();
  await expect(career.getByRole("status")).toContainText("Approved and listed");
  await career.context().close();

  // Another new member applies with a CV.
  const applicantEmail = `e2e-hiring-applicant-${stamp}@example.com`;
  const applicant = await newMemberPage(browser, javaScriptEnabled, { name: `Applicant ${stamp}`, email: applicantEmail });
  await applicant.goto(`${jobHref}/apply`);
  await applicant.getByLabel("Cover letter").fill("I have built dashboards for two years and would like to join Delta Data.");
  await applicant.getByLabel("CV", { exact: true }).setInputFiles({ name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n") });
  await applicant.getByRole("button", { name: "Send application" }).click();
  await expect(applicant).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationId = /\/applications\/([0-9a-f-]{36})$/.exec(applicant.url())![1];

  // The poster finds it on /hiring and in the job's pipeline.
  await page.goto("/hiring");
  const row = page.getByRole("listitem").filter({ hasText: title });
  await expect(row).toContainText("1 live: 1 pending");
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByLabel("Status").selectOption("pending");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=pending/);
  await expect(page.getByRole("link", { name: "Download CV" })).toHaveAttribute("href", `/applications/${applicationId}/cv`);
  await page.getByRole("link", { name: `Applicant ${stamp}` }).click();
  await expect(page).toHaveURL(new RegExp(`/hiring/applications/${applicationId}$`));
  await expect(page.getByText("I have built dashboards for two years")).toBeVisible();

  await moveTo(page, "Reviewing", "Thanks, we are reading your CV.");
  await moveTo(page, "Shortlisted", "Your dashboards stood out.");
  await moveTo(page, "Interviewing", "Two short interviews next.");

  // Round 1: added with a date, interviewer and email; completed after a bad score is refused.
  await page.getByLabel("Kind of round").selectOption("phone_screening");
  const add = page.getByRole("form", { name: "Add round 1" });
  await add.getByLabel("Day").fill(round1Day.iso);
  await add.getByLabel("Time").fill("10:30");
  await add.getByLabel("Interviewer (optional)").fill("Rana Recruiter");
  await add.getByLabel("Interviewer's email (optional)").fill("rana@delta.example");
  await add.getByRole("button", { name: "Add round 1" }).click();
  await expect(page.getByRole("status")).toContainText("Round 1 added and scheduled.");
  const round1 = page.getByRole("listitem").filter({ hasText: "Round 1: Phone screening" });
  await expect(round1).toContainText(`${round1Day.words}, 10:30`);
  await expect(round1).toContainText("Rana Recruiter");
  await round1.getByLabel("Score (1 to 10)").fill("11");
  await round1.getByLabel("Notes (optional)").fill("Nervous start; strong on SQL.");
  await round1.getByLabel("Feedback (optional)").fill("Clear answers.");
  await expect(round1.getByText("The candidate will see this.")).toBeVisible();
  await round1.getByRole("button", { name: "Complete round 1" }).click();
  const round1Again = page.getByRole("listitem").filter({ hasText: "Round 1: Phone screening" });
  await expect(round1Again.getByText("Give a whole-number score from 1 to 10.").first()).toBeVisible();
  await expect(round1Again.getByLabel("Feedback (optional)")).toHaveValue("Clear answers.");
  await expect(round1Again.getByLabel("Notes (optional)")).toHaveValue("Nervous start; strong on SQL.");
  await round1Again.getByLabel("Score (1 to 10)").fill("8");
  await round1Again.getByRole("button", { name: "Complete round 1" }).click();
  // Its day has not come yet: the page asks first, beside the button, and keeps what was typed.
  const round1Early = page.getByRole("listitem").filter({ hasText: "Round 1: Phone screening" });
  await expect(round1Early.getByText("which has not come yet")).toBeVisible();
  await expect(round1Early.getByLabel("Notes (optional)")).toHaveValue("Nervous start; strong on SQL.");
  await round1Early.getByRole("button", { name: "Yes, complete round 1 now" }).click();
  await expect(page.getByRole("status")).toContainText("Round completed.");
  await expect(page.getByRole("listitem").filter({ hasText: "Round 1: Phone screening" })).toContainText("score 8/10");
  await expect(page.getByRole("listitem").filter({ hasText: "Round 1: Phone screening" })).toContainText("Notes (hiring team only): Nervous start; strong on SQL.");

  // Round 2: added without a date, then scheduled, then completed.
  await page.getByLabel("Kind of round").selectOption("final");
  await page.getByRole("form", { name: "Add round 2" }).getByRole("button", { name: "Add round 2" }).click();
  await expect(page.getByRole("status")).toContainText("Round 2 added.");
  const round2 = page.getByRole("listitem").filter({ hasText: "Round 2: Final" });
  await expect(round2).toContainText("Not scheduled yet");
  await round2.getByLabel("Day").fill(round2Day.iso);
  await round2.getByLabel("Time").fill("14:00");
  await round2.getByRole("button", { name: "Schedule round 2" }).click();
  await expect(page.getByRole("status")).toContainText("Round scheduled.");
  const round2Scheduled = page.getByRole("listitem").filter({ hasText: "Round 2: Final" });
  await expect(round2Scheduled).toContainText(`${round2Day.words}, 14:00`);
  await round2Scheduled.getByLabel("Score (1 to 10)").fill("9");
  await round2Scheduled.getByRole("button", { name: "Complete round 2" }).click();
  await page.getByRole("listitem").filter({ hasText: "Round 2: Final" }).getByRole("button", { name: "Yes, complete round 2 now" }).click();
  await expect(page.getByRole("status")).toContainText("Round completed.");
  await expect(page.getByRole("listitem").filter({ hasText: "Round 2: Final" })).toContainText("Completed");

  await moveTo(page, "Offered", "We would love you to join us.");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await page.getByRole("link", { name: `All applications for ${title}` }).click();
  await expect(page.getByRole("list", { name: "Applications" })).toContainText("Offered");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);

  // The applicant reads the outcome on /notifications and on their application, and by email.
  const outcome = `Your application for ${title} at Delta Data is now Offered.`;
  await applicant.goto("/notifications");
  await expect(applicant.getByRole("listitem").filter({ hasText: outcome })).toContainText("We would love you to join us.");
  await expect(applicant.getByText(`Your application for ${title} at Delta Data is now Shortlisted.`, { exact: false })).toBeVisible();
  await applicant.goto(`/applications/${applicationId}`);
  await expect(applicant.getByRole("main")).toContainText("Offered");
  await expect(applicant.getByRole("main")).toContainText("We would love you to join us.");
  await expect(applicant.getByRole("main")).toContainText("Phone screening");
  // A round's feedback reaches the applicant; its score and the hiring team's notes never do.
  await expect(applicant.getByRole("main")).toContainText("Clear answers.");
  await expect(applicant.getByRole("main")).not.toContainText("Nervous start");
  await expect(applicant.getByRole("main")).not.toContainText(/score/i);
  const mail = await waitForMail(applicantEmail, `${title} at Delta Data is now Offered`);
  expect(mail.text).toContain("We would love you to join us.");
  expect(mail.text).toContain(`/applications/${applicationId}`);
  await applicant.context().close();

  expect(browserErrors).toEqual([]);
});
