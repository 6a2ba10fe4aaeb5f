/**
 * Issue 13 items 5, 6, 7 and 9, JavaScript on and off: a visitor who wants to apply signs in (or
 * signs up) and lands on the apply form; typing in several profile sections survives a refusal;
 * the career team reads a post on the queue and decides it there or on its page (no Edit link on
 * a member's post); the poster's notification links to the post; a member keeps a CV on their
 * profile and applies with it without uploading.
 */
import type { Browser, Page } from "@playwright/test";
import { pdfBytes } from "../support/cv-files";
import { confirmationMail, expect as baseExpect, NEW_MEMBER_PASSWORD, seriousAxeViolations, signUpNewMember, test, STORY_BUDGET_MS, signIn, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

const stampOf = (project: string) => `${project}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The first career-team job of the remote feed (the demo has several). */
async function careerTeamJob(page: Page): Promise<{ path: string; title: string }> {
  await page.goto("/jobs/remote?by=career_team");
  const link = page.locator('main a[href^="/jobs/remote/"]').first();
  const path = await link.getAttribute("href");
  const title = (await link.textContent())?.trim();
  expect(path, "the remote feed lists a career-team job").toBeTruthy();
  return { path: path!, title: title! };
}

async function signedInPage(browser: Browser, javaScriptEnabled: boolean, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signIn(page, email, password);
  return page;
}

/** A new member posts an alumni job (it waits for review); its path. */
async function postAlumniJob(page: Page, title: string, description: string): Promise<string> {
  await page.goto("/jobs/new");
  await page.getByLabel("Jobs (general)").check();
  await page.getByLabel("Job title").fill(title);
  await page.getByLabel("Employer").fill("Nile Analytics");
  await page.getByLabel("Employment type").selectOption("Full-time");
  await page.getByLabel("Description").fill(description);
  await page.getByRole("button", { name: "Post the job" }).click();
  await expect(page).toHaveURL(/\/jobs\/mine$/);
  const href = await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: title, exact: true }).getAttribute("href");
  expect(href).toMatch(/^\/jobs\/general\/ladder-/);
  return href!;
}

test("a visitor who signs in to apply comes back to the apply form", async ({ page, browserErrors }) => {
  const job = await careerTeamJob(page);
  await page.goto(job.path);
  await expect(page.getByRole("main")).toContainText("Sign in or create an account to apply.");
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Email").fill("recruiter@demo.test");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${job.path}/apply$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Apply: ${job.title}`);
  expect(browserErrors).toEqual([]);
});

test("a visitor who creates an account to apply confirms it from the mail (the code without JavaScript, the link with it) and comes back to the apply form, and the sign-in page keeps the way back too", async ({ page, browserErrors, javaScriptEnabled }, testInfo) => {
  const stamp = stampOf(testInfo.project.name);
  const job = await careerTeamJob(page);
  await page.goto(job.path);
  // Sign in first, change their mind on the sign-in page: the way back goes along.
  // Each page is waited for before the next click: with JavaScript the job page also has a
  // "Create an account" link, which a click could still find while /login was on its way.
  await page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/login\?/);
  await page.getByRole("main").getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?/);
  await page.getByLabel("Name").fill(`Nour ${stamp}`);
  const email = `e2e-flows-signup-${stamp}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(NEW_MEMBER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // Decision 054: no account yet; the mail has a link and a 6-digit code (for a phone whose mail opens elsewhere).
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`We sent a mail to ${email}`);
  const mail = await confirmationMail(email);
  if (javaScriptEnabled) {
    await page.goto(mail.path);
    await page.getByRole("button", { name: "Confirm and sign in" }).click();
  } else {
    await page.getByLabel("6-digit code").fill(mail.code);
    await page.getByRole("button", { name: "Confirm", exact: true }).click();
  }
  await expect(page).toHaveURL(new RegExp(`${job.path}/apply$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Apply: ${job.title}`);
  await expect(page.getByLabel("Your name")).toHaveValue(`Nour ${stamp}`);
  expect(browserErrors).toEqual([]);
});

test("typing in several profile sections survives a refusal and one Save keeps it all", async ({ page, browser, browserErrors }, testInfo) => {
  const javaScriptEnabled = testInfo.project.name === "js-on";
  const stamp = stampOf(testInfo.project.name);
  await signUpNewMember(page, { name: `Rania ${stamp}`, email: `e2e-flows-typing-${stamp}@example.com` });
  await page.getByLabel("Headline").fill("Graduate civil engineer");
  await page.getByLabel("Phone").fill("call me");
  await page.getByLabel("Goals", { exact: true }).fill("Site engineer role in Amman");
  await page.getByLabel("Anonymous name").fill(`e2e_${stamp.replace(/-/g, "_")}`.slice(0, 30));
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.locator('[id="phone-error"]')).toContainText("digits");
  // Nothing typed elsewhere was thrown away.
  await expect(page.getByLabel("Headline")).toHaveValue("Graduate civil engineer");
  await expect(page.getByLabel("Goals", { exact: true })).toHaveValue("Site engineer role in Amman");
  await expect(page.getByLabel("Anonymous name")).toHaveValue(`e2e_${stamp.replace(/-/g, "_")}`.slice(0, 30));
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the profile with an error").toEqual([]);
  await page.getByLabel("Phone").fill("+962 79 555 0101");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Headline")).toHaveValue("Graduate civil engineer");
  await expect(page.getByLabel("Goals", { exact: true })).toHaveValue("Site engineer role in Amman");
  await expect(page.getByLabel("Phone")).toHaveValue("+962 79 555 0101");
  expect(browserErrors).toEqual([]);
});

test("the career team reads posts on the queue, approves one there and declines one on its page; the poster's notifications link to the posts", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScriptEnabled = testInfo.project.name === "js-on";
  const stamp = stampOf(testInfo.project.name);
  await signUp(page, { name: `Hala ${stamp}`, email: `e2e-flows-review-${stamp}@example.com` });
  const first = `Site engineer ${stamp}`;
  const second = `Surveyor ${stamp}`;
  const firstHref = await postAlumniJob(page, first, `Build bridges ${stamp}.\nTwo years of site work.`);
  const secondHref = await postAlumniJob(page, second, `Measure land ${stamp}.`);

  const career = await signedInPage(browser, javaScriptEnabled, "career@demo.test");
  await career.goto("/jobs/review");
  const queued = career.getByRole("listitem").filter({ hasText: first });
  await expect(queued.getByRole("region", { name: `Description of “${first}”` })).toContainText(`Build bridges ${stamp}.`);
  expect(await seriousAxeViolations(career, browser, javaScriptEnabled), "the review queue").toEqual([]);
  await queued.getByRole("button", { name: `Approve “${first}”` }).click();
  await expect(career.getByRole("status")).toContainText(`Approved and listed: “${first}”`);

  // On the second post's own page: no Edit (only its poster edits), Approve and Decline instead.
  await career.goto(secondHref);
  await expect(career.getByRole("navigation", { name: "Manage this job" }).getByRole("link", { name: "Edit" })).toHaveCount(0);
  await career.getByRole("button", { name: `Decline “${second}”` }).click();
  await expect(career.getByText("Tell the poster why, so they can fix the post.")).toBeVisible();
  await career.getByLabel(`Reason to decline “${second}”`).fill("Add the salary range.");
  await career.getByRole("button", { name: `Decline “${second}”` }).click();
  await expect(career).toHaveURL(/\/jobs\/review$/);
  await expect(career.getByRole("status")).toContainText(`Declined: “${second}”. The poster is told why.`);
  await career.context().close();

  // The poster's notifications lead to each post.
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: "Your job post is approved" })).toHaveAttribute("href", firstHref);
  await page.getByRole("link", { name: "Your job post was declined" }).click();
  await expect(page).toHaveURL(new RegExp(`${secondHref}$`));
  await expect(page.getByRole("main")).toContainText("Add the salary range");
  await expect(page.getByRole("navigation", { name: "Manage this job" }).getByRole("link", { name: "Edit" })).toHaveAttribute("href", `${secondHref}/edit`);
  expect(browserErrors).toEqual([]);
});

test("a member keeps a CV on their profile and applies with it without uploading", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScriptEnabled = testInfo.project.name === "js-on";
  const stamp = stampOf(testInfo.project.name);
  await signUp(page, { name: `Amal ${stamp}`, email: `e2e-flows-cv-${stamp}@example.com` });
  await page.goto("/settings/cv");
  await page.getByLabel("Your CV file").setInputFiles({ name: "amal.pdf", mimeType: "application/pdf", buffer: pdfBytes(`Saved CV ${stamp}`) });
  await page.getByRole("button", { name: "Save CV" }).click();
  await expect(page.getByRole("status")).toContainText("Your CV is saved.");
  await expect(page.getByRole("main")).toContainText("Saved: cv-amal-");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "/settings/cv").toEqual([]);

  const job = await careerTeamJob(page);
  await page.goto(`${job.path}/apply`);
  const saved = page.getByRole("radio", { name: /^Use my saved CV \(cv-amal-/ });
  await expect(saved).toBeChecked();
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the apply form with a saved CV").toEqual([]);
  await page.getByLabel("Cover letter").fill("I build bridges.\nI would like to join.");
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const cvHref = await page.getByRole("link", { name: "Download your CV" }).getAttribute("href");
  const cv = await page.request.get(cvHref!);
  expect(cv.status()).toBe(200);
  expect((await cv.body()).toString("latin1")).toContain(`Saved CV ${stamp}`);
  expect(browserErrors).toEqual([]);
});
