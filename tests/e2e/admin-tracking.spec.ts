/**
 * /admin/analytics/tracking (decision 050), with JavaScript on and off: an admin switches an
 * activity type off and on again, security types show "always recorded", a member gets 403.
 * Each project switches its own type (bank types: no story reads their usage), and puts it back
 * on in a finally, so parallel stories never see a type left off.
 */
import type { Page } from "@playwright/test";
import { expect, signIn, STORY_BUDGET_MS, test } from "./fixtures";

const PAGE = "/admin/analytics/tracking";

async function switchTo(page: Page, type: string, to: "on" | "off") {
  const row = page.locator(`#type-${type}`);
  await row.getByRole("button", { name: `Switch ${to} ${type}` }).click();
  return row;
}

test("an admin switches an activity type off and back on, and stays at the same place", async ({ page, browserErrors, javaScriptEnabled }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const type = javaScriptEnabled ? "bank_question_restored" : "bank_skill_restored";
  await signIn(page, "admin@demo.test");
  await page.goto("/admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Tracking" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activity tracking");
  await expect(page.locator("#type-sign_in")).toContainText("Always recorded (security log)");
  await expect(page.locator("#type-sign_in").getByRole("button")).toHaveCount(0);
  try {
    const row = await switchTo(page, type, "off");
    await expect(page.getByText(`${type} is switched off: it is no longer recorded.`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${PAGE}(#type-${type})?$`));
    await expect(row).toContainText("Switched off: not recorded");
    await switchTo(page, type, "on");
    await expect(page.getByText(`${type} is recorded again.`)).toBeVisible();
    await expect(row).toContainText("Recorded");
    await expect(row.getByRole("button", { name: `Switch off ${type}` })).toBeVisible();
  } finally {
    // Back on whatever happened above, through the same form.
    await page.goto(PAGE);
    const on = page.locator(`#type-${type}`).getByRole("button", { name: `Switch on ${type}` });
    if (await on.count()) await on.click();
  }
  expect(browserErrors).toEqual([]);
});

test("a member who is not an admin gets 403 from the tracking page", async ({ page }) => {
  await signIn(page, "user@demo.test");
  const response = await page.goto(PAGE);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
});
