/**
 * Applying with a CV, JavaScript on and off: a new member applies to a demo job posted by the
 * career team with a small PDF, finds it in /applications, downloads their CV, and withdraws it
 * after confirming; bad files (a renamed program, a text file, an empty file, one over 5 MB) are
 * refused beside the CV field with the typed values kept.
 */
import type { Page } from "@playwright/test";
import { docxBytes, EXE_CV, pdfBytes, TEXT_CV } from "../support/cv-files";
import { expect as baseExpect, seriousAxeViolations, test, STORY_BUDGET_MS, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

/** The first job of the remote feed posted by the career team (the demo has several): its page and title. */
async function careerTeamJob(page: Page): Promise<{ path: string; title: string }> {
  await page.goto("/jobs/remote?by=career_team");
  const link = page.locator('main a[href^="/jobs/remote/"]').first();
  const path = await link.getAttribute("href");
  const title = (await link.textContent())?.trim();
  expect(path, "the remote feed lists a career-team job").toBeTruthy();
  return { path: path!, title: title! };
}

async function newApplicant(page: Page, label: string, project: string) {
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const name = `Amal ${label} ${stamp}`;
  const email = `e2e-apply-${label}-${project}-${stamp}@example.com`;
  await signUp(page, { name, email });
  return { name, email };
}

test("a member applies with a PDF, sees the application in their list, downloads the CV and withdraws after confirming", async ({ page, browser, browserErrors }, testInfo) => {
  const javaScriptEnabled = testInfo.project.name === "js-on";
  test.setTimeout(STORY_BUDGET_MS);
  const me = await newApplicant(page, "ok", testInfo.project.name);
  const job = await careerTeamJob(page);
  await page.goto(job.path);
  await page.getByRole("link", { name: "Apply", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Apply: ${job.title}`);

  // Name and account email are prefilled; the email can be changed for this application.
  await expect(page.getByLabel("Your name")).toHaveValue(me.name);
  await expect(page.getByLabel("Email for this application")).toHaveValue(me.email);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the apply form").toEqual([]);
  await page.getByLabel("Email for this application").fill(`contact.${me.email}`);
  await page.getByLabel("Cover letter").fill("I have shipped two products.\nI would love to join your team.");
  await page.getByLabel("CV").setInputFiles({ name: "amal-cv.pdf", mimeType: "application/pdf", buffer: pdfBytes("Amal's CV") });
  await page.getByRole("button", { name: "Send application" }).click();

  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const applicationPath = new URL(page.url()).pathname;
  await expect(page.getByRole("status")).toContainText(`Your application to ${job.title} is sent.`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(job.title);
  await expect(page.locator("dl")).toContainText("Pending");
  await expect(page.getByText("I would love to join your team.")).toBeVisible();
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the application page").toEqual([]);

  const cvHref = await page.getByRole("link", { name: "Download your CV" }).getAttribute("href");
  expect(cvHref).toBe(`${applicationPath}/cv`);
  const cv = await page.request.get(cvHref!);
  expect(cv.status()).toBe(200);
  expect(cv.headers()["content-type"]).toBe("application/pdf");
  expect(cv.headers()["content-disposition"]).toMatch(/^attachment; filename="cv-amal-ok-[a-z0-9]+\.pdf"$/);
  // server.ts sends nosniff on every answer and the route sends it too (it must hold without
  // server.ts): the route's value replaces the server's, so there is one.
  expect(cv.headersArray().filter((h) => h.name.toLowerCase() === "x-content-type-options")).toEqual([{ name: expect.any(String), value: "nosniff" }]);
  expect(cv.headers()["cache-control"]).toBe("private, no-store");
  expect((await cv.body()).subarray(0, 5).toString()).toBe("%PDF-");

  // The job page now points at the application instead of offering the form again.
  await page.goto(job.path);
  await expect(page.getByRole("link", { name: "You applied: see your application" })).toHaveAttribute("href", applicationPath);

  await page.goto("/applications");
  const item = page.getByRole("listitem").filter({ hasText: job.title });
  await expect(item).toContainText("Pending");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "/applications").toEqual([]);
  await item.getByRole("link", { name: job.title }).click();
  await expect(page).toHaveURL(new RegExp(`${applicationPath}$`));

  await page.getByRole("link", { name: "Withdraw this application" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`Withdraw your application to ${job.title}?`);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the withdraw confirmation").toEqual([]);
  await page.getByRole("link", { name: "Keep my application" }).click();
  await expect(page.locator("dl")).toContainText("Pending");
  await page.getByRole("link", { name: "Withdraw this application" }).click();
  await page.getByRole("button", { name: "Withdraw application" }).click();
  await expect(page.getByRole("status")).toContainText("You withdrew your application.");
  await expect(page.locator("dl")).toContainText("Withdrawn (was pending)");
  await expect(page.getByRole("link", { name: "Withdraw this application" })).toHaveCount(0);
  await page.goto("/applications");
  await expect(page.getByRole("listitem").filter({ hasText: job.title })).toContainText("Withdrawn");
  expect(browserErrors).toEqual([]);
});

test("bad CV files are refused beside the CV field with the typed values kept, and a DOCX then goes through", async ({ page }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  await newApplicant(page, "bad", testInfo.project.name);
  const job = await careerTeamJob(page);
  await page.goto(`${job.path}/apply`);
  const letter = "Dear team,\nplease keep this letter when my file is refused.";
  const contact = `kept.${testInfo.project.name}@example.com`;
  const tooLarge = Buffer.concat([pdfBytes(), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
  const bad = [
    { name: "cv.pdf", mimeType: "application/pdf", buffer: EXE_CV, message: "That file is a program, not a document." },
    { name: "cv.txt", mimeType: "text/plain", buffer: TEXT_CV, message: "That file is not a PDF or a Word (.docx) document." },
    { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0), message: "The file you chose is empty." },
    { name: "big-cv.pdf", mimeType: "application/pdf", buffer: tooLarge, message: "Your CV is larger than 5 MB." },
  ];
  let posts = 0;
  page.on("request", (request) => {
    if (request.method() === "POST" && /\/apply(\.data)?$/.test(new URL(request.url()).pathname)) posts++;
  });
  for (const file of bad) {
    const postsBefore = posts;
    await page.getByLabel("Email for this application").fill(contact);
    await page.getByLabel("Cover letter").fill(letter);
    await page.getByLabel("CV").setInputFiles({ name: file.name, mimeType: file.mimeType, buffer: file.buffer });
    await page.getByRole("button", { name: "Send application" }).click();
    await expect(page.locator("#cv-error"), file.name).toContainText(file.message);
    // With JavaScript a file over 5 MB is stopped before it is sent (it stays chosen); otherwise the
    // server refuses it and the browser has dropped the file.
    const stoppedInBrowser = testInfo.project.name === "js-on" && file.buffer.length > 5 * 1024 * 1024;
    if (!stoppedInBrowser) await expect(page.locator("#cv-error")).toContainText("Choose your CV file again");
    expect(posts - postsBefore, `${file.name}: forms sent`).toBe(stoppedInBrowser ? 0 : 1);
    await expect(page.getByLabel("CV")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Cover letter")).toHaveValue(letter);
    await expect(page.getByLabel("Email for this application")).toHaveValue(contact);
    await expect(page).toHaveURL(/\/apply$/);
  }
  await page.goto("/applications");
  await expect(page.getByText("You have not applied to any job yet.")).toBeVisible();

  await page.goto(`${job.path}/apply`);
  await page.getByLabel("Cover letter").fill(letter);
  await page.getByLabel("CV").setInputFiles({ name: "cv.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docxBytes() });
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page).toHaveURL(/\/applications\/[0-9a-f-]{36}$/);
  const cv = await page.request.get(`${new URL(page.url()).pathname}/cv`);
  expect(cv.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
});

test("a visitor who opens an apply form is asked to sign in first", async ({ page }) => {
  const job = await careerTeamJob(page);
  await page.goto(`${job.path}/apply`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
});
