/**
 * Issue 13, item 10, JavaScript on and off. A document suggestion whose text was edited away
 * offers Dismiss only, with the reason (against the OpenAI-compatible mock of the main test
 * server). The offline coach answers the topic asked and costs none of the day's messages: it
 * needs a server WITHOUT an API key: the second test server (playwright.config.ts OFFLINE_PORT,
 * its own SQLite file), which the daily-interview story shares.
 */
import type { Page, TestInfo } from "@playwright/test";
import { OFFLINE_BASE_URL } from "../../playwright.config";
import { expect as baseExpect, test, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function newMember(page: Page, testInfo: TestInfo, label: string) {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, { name: `Asker ${label} ${stamp}`, email: `e2e-offline-${label}-${stamp}@example.com` });
}

test("a suggestion whose text was edited away offers Dismiss only, with the reason", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "stale");
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Letter to Amman Tech");
  await page.getByLabel("Text", { exact: true }).check();
  await page.getByLabel("Content").fill("Dear team,\nI want the job.\nRegards");
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);

  // The mock suggests a change to each of the first two lines; then the first line is rewritten.
  await page.getByRole("button", { name: "Suggest improvements" }).click();
  const suggestions = page.getByRole("complementary", { name: "Suggestions" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(2);
  await page.getByLabel("Content").fill("Dear teammates,\nI want the job.\nRegards");
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByText("Saved as a new version.")).toBeVisible();

  // "Dear team," is gone (the line now reads "Dear teammates,"): that suggestion cannot apply.
  const stale = suggestions.getByRole("listitem").filter({ hasText: "Dear team, (improved)" });
  await expect(stale).toContainText("No longer applies: The text it would replace is no longer in the document");
  await expect(stale.getByRole("button", { name: /^Accept/ })).toHaveCount(0);
  const fresh = suggestions.getByRole("listitem").filter({ hasText: "I want the job. (improved)" });
  await expect(fresh.getByRole("button", { name: "Accept: replace “I want the job.”" })).toBeVisible();
  await stale.getByRole("button", { name: "Dismiss: “Dear team,”" }).click();
  await expect(page.getByText("Suggestion dismissed.")).toBeVisible();
  await expect(suggestions.getByRole("listitem")).toHaveCount(1);
  expect(browserErrors).toEqual([]);
});

test.describe("the offline coach (a server without an API key)", () => {
  test("the offline coach answers the topic asked, says it is offline, and uses none of the day's 7 messages", async ({ browser, javaScriptEnabled }, testInfo) => {
    const context = await browser.newContext({ baseURL: OFFLINE_BASE_URL, javaScriptEnabled });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await newMember(page, testInfo, "coach");
    await page.goto("/coach");
    await expect(page.getByText("The coach is offline: replies come from Ladder's built-in tips.")).toBeVisible();
    await page.getByLabel("Your message").fill("How should I prepare for a phone screen with a recruiter?");
    await page.getByRole("button", { name: "Start chat" }).click();
    await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}#[0-9a-f-]{36}$/);
    const messages = page.getByRole("list", { name: "Messages" });
    await expect(messages).toContainText("A phone or video screen is a short check that you fit the basics.");
    await expect(messages).toContainText("Offline coach: this reply comes from Ladder's built-in tips, not from an AI model.");
    await expect(page.locator("#quota")).toContainText("7 of 7 left today");

    await page.getByLabel("Your message").fill("Tell me a joke");
    await page.getByRole("button", { name: "Send" }).click();
    await expect(messages).toContainText("I can help with:");
    await expect(messages.getByRole("listitem").filter({ hasText: "Salary and negotiating an offer" }).first()).toBeVisible();
    await expect(page.locator("#quota")).toContainText("7 of 7 left today");
    expect(errors).toEqual([]);
    await context.close();
  });
});
