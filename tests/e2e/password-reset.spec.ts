/**
 * Password reset through real mail (the SMTP sink started by playwright.config.ts), and changing
 * the password in settings, with JavaScript on and off. Each test signs up its own account: the
 * demo accounts' passwords never change.
 */
import type { Page, TestInfo } from "@playwright/test";
import { confirmInBrowser, expect, expectSignedIn, signOut, seriousAxeViolations, STORY_BUDGET_MS, test } from "./fixtures";
import { waitForMail } from "./mail";

async function signUp(page: Page, testInfo: TestInfo, label: string, password: string): Promise<string> {
  const email = `e2e-${label}-${testInfo.project.name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nadia Rahman");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByText("Welcome to Ladder!")).toBeVisible();
  return email;
}

/** Console errors other than the browser's note about the 400 and 410 answers these tests expect. */
const unexpected = (errors: string[]) => errors.filter((e) => !/Failed to load resource: the server responded with a status of (400|410)/.test(e));

test("a member who forgot the password gets a link by mail, chooses a new one and signs in with it", async ({ page, browser, javaScriptEnabled, browserErrors }, testInfo) => {
  // One story across nine pages with two axe checks: it has the story budget.
  test.setTimeout(STORY_BUDGET_MS);
  const email = await signUp(page, testInfo, "reset", "first passphrase of mine");
  const newPassword = "second passphrase, from the mail";
  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();

  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reset your password");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your email");
  await expect(page.getByText("If an account uses that address, we sent a link to it")).toBeVisible();

  const mail = await waitForMail(email, "Reset your Ladder password");
  const link = /http:\/\/127\.0\.0\.1:\d+\/reset-password\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();

  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  await page.getByLabel("New password", { exact: true }).fill("password1");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.locator("#password-error")).toContainText("most common");

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText("Your password is changed. Sign in with the new one.")).toBeVisible();

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("You are signed in.")).toBeVisible();

  // The link worked once.
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has expired or was already used");
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  expect(unexpected(browserErrors)).toEqual([]);
});

test("changing the password with a wrong current one shows the error beside that field and keeps the new one typed", async ({ page, browser, javaScriptEnabled, browserErrors }, testInfo) => {
  const current = "my current long passphrase";
  const next = "my next long passphrase";
  await signUp(page, testInfo, "change", current);

  await page.goto("/settings/password");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Change your password");
  await page.getByLabel("Current password", { exact: true }).fill("not what I chose");
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#current_password-error")).toHaveText("That is not your current password. Check it and try again.");
  await expect(page.getByLabel("Current password", { exact: true })).toHaveAttribute("aria-describedby", "current_password-error");
  await expect(page.getByRole("alert")).toContainText("Current password: That is not your current password.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue(next);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);

  await page.getByLabel("Current password", { exact: true }).fill(current);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();
  await expectSignedIn(page); // this session stays signed in
  expect(unexpected(browserErrors)).toEqual([]);
});
