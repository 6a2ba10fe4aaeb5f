/**
 * The member view for admins, /admin/users/<id> (issue 20, item 5), with JavaScript on and off:
 * an admin opens a member from the members list and reads their sessions and activity; a member
 * gets 403. The member is created here (one sign-up per project), found by a unique stamp.
 */
import { DEMO_USER_INDEX, userId } from "../../db/seed/demo";
import { expect, signIn, signUp, STORY_BUDGET_MS, test } from "./fixtures";

test("an admin opens a new member from the members list and reads their sessions and activity", async ({ page, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const name = `Viewed Member ${stamp}`;
  const email = `e2e-member-view-${stamp}@example.com`;
  // Signing up starts the member's first session and logs the sign-up.
  const id = await signUp(page, { name, email });
  await page.context().clearCookies();

  await signIn(page, "admin@demo.test");
  await page.goto("/admin/users");
  await page.getByLabel("Search by name or email").fill(email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
  await page.getByRole("list", { name: "Members" }).getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/users/${id}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(email, { exact: true })).toBeVisible();

  const sessions = page.getByRole("list", { name: "Sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(1);
  // The browser as the sign-up request told it (the test browser's own user agent).
  await expect(sessions.first()).toContainText(/Chrome on \S+ · Computer/);
  await expect(sessions.first()).toContainText("Active");
  await expect(sessions.first()).toContainText("Started");
  const activity = page.getByRole("list", { name: "Recent activity" }).getByRole("listitem");
  // The sign-up, in the catalog's words (adminTracking.json), not its stored name.
  await expect(activity.first()).toContainText("Created an account");
  await expect(activity.first()).toContainText("Category: auth");
  // The sign-up is a security event and a feature use (track, decision 050): it is counted under "account".
  await expect(page.getByRole("row").filter({ hasText: "sign_up" }).first()).toContainText("account");
  await expect(page.getByText("No feature usage is recorded for this member.")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Public profile" })).toHaveAttribute("href", `/u/${id}`);

  // The role page is one link away, and back.
  await page.getByRole("link", { name: "Change role" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Role of ${name}`);

  // Reads well on a 320 px wide phone.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/admin/users/${id}`);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(browserErrors).toEqual([]);
});

test("a member who opens a member view gets 403 and no one's records", async ({ page }) => {
  test.setTimeout(STORY_BUDGET_MS);
  await signIn(page, "user@demo.test");
  const response = await page.goto(`/admin/users/${userId(DEMO_USER_INDEX)}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByRole("list", { name: "Sessions" })).toHaveCount(0);
});
