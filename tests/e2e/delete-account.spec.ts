/** Deleting an account: a wrong password changes nothing, the right one deletes it for good. */
import { confirmInBrowser, expect, expectSignedIn, test, STORY_BUDGET_MS } from "./fixtures";

test("a member deletes their account after a wrong password, and can no longer sign in", async ({ page, browserErrors }, testInfo) => {
  // A story: sign up and confirm from the mail (decision 054), then the pages it is about.
  test.setTimeout(STORY_BUDGET_MS);
  const email = `e2e-delete-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = "leaving the ladder today";

  await page.goto("/signup");
  await page.getByLabel("Name").fill("Nour Haddad");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expectSignedIn(page);

  await page.goto("/settings/delete");
  await expect(page.getByRole("heading", { level: 1, name: "Delete your account" })).toBeVisible();
  await expect(page.getByText("Communities you created", { exact: false })).toBeVisible();

  // Not ticked: nothing happens but an explanation.
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#confirm-error")).toContainText("Tick the box");

  // A wrong password: refused beside the field, the account stays.
  await page.getByLabel("Password").fill("not my password at all");
  await page.getByLabel(/I understand that my account/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#password-error")).toHaveText("That password is not right. Your account has not been deleted.");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expectSignedIn(page);

  // The right password: gone, signed out, told so.
  await page.getByLabel("Password").fill(password);
  await page.getByLabel(/I understand that my account/).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Your account has been deleted.")).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Signing in with the old details fails.
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  // The refused tries answer 400 on purpose; Chromium logs those responses as console errors.
  expect(browserErrors.filter((e) => !/status of 400 \(Bad Request\)/.test(e))).toEqual([]);
});
