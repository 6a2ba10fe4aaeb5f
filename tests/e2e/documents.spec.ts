/**
 * Documents in a real browser, JavaScript on and off, against the OpenAI-compatible mock
 * (tests/support/openai-mock.ts): draft a document from a coach chat, edit it into a new version,
 * restore an older version, ask for suggestions, accept one and dismiss one, and a sheet shown as
 * a table. Each test signs up its own member.
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect as baseExpect, test, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function newMember(page: Page, testInfo: TestInfo, label: string) {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, { name: `Writer ${label} ${stamp}`, email: `e2e-docs-${label}-${stamp}@example.com` });
}

async function newDocument(page: Page, title: string, kind: "Text" | "Code" | "Sheet (CSV)", content: string) {
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel(kind, { exact: true }).check();
  await page.getByLabel("Content").fill(content);
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
}

const documentText = (page: Page) => page.getByRole("region", { name: "Document text" });
const history = (page: Page) => page.locator("#history ol > li");

test("a member drafts a cover letter from a coach chat and lands on the new document", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "draft");
  await page.goto("/coach");
  await page.getByLabel("Your message").fill("Help me apply for the analyst job at Nile Payments");
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText("Coach reply to:");

  await page.getByLabel("Cover letter").check();
  await page.getByRole("button", { name: "Draft the document" }).click();

  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cover letter – Help me apply for the analyst job at Nile Payments");
  await expect(page.getByText("Cover letter drafted by the coach. Edit it and save. 5 of 7 left today.")).toBeVisible();
  await expect(documentText(page)).toContainText("Coach reply to: Please write a cover letter");
  await page.getByRole("link", { name: "Your documents" }).first().click();
  await expect(page.getByRole("link", { name: "Cover letter – Help me apply for the analyst job at Nile Payments" })).toBeVisible();
  expect(browserErrors).toEqual([]);
});

test("a member edits a document into a new version, restores the older one, and accepts and dismisses the coach's suggestions", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "versions");
  await newDocument(page, "Letter to Nile Payments", "Text", "Dear team,\nI want the job.\nRegards");
  await expect(documentText(page)).toContainText("I want the job.");
  await expect(history(page)).toHaveCount(1);

  // Edit: a new version.
  await page.getByLabel("Content").fill("Dear team,\nI would love this job.\nRegards");
  await page.getByRole("button", { name: "Save a new version" }).click();
  await expect(page.getByText("Saved as a new version.")).toBeVisible();
  await expect(documentText(page)).toContainText("I would love this job.");
  await expect(history(page)).toHaveCount(2);

  // Open the older version and restore it.
  await history(page).nth(1).getByRole("link").click();
  await expect(page).toHaveURL(/\?version=/);
  await expect(documentText(page)).toContainText("I want the job.");
  await page.getByRole("button", { name: "Restore this version" }).click();
  await expect(page.getByText(/is restored as the newest version/)).toBeVisible();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}(#.*)?$/);
  await expect(documentText(page)).toContainText("I want the job.");
  await expect(history(page)).toHaveCount(3);

  // Suggestions from the coach (the mock suggests an improvement to each of the first two lines).
  await page.getByRole("button", { name: "Suggest improvements" }).click();
  await expect(page.getByText("The coach made 2 suggestions. 6 of 7 left today.")).toBeVisible();
  const suggestions = page.getByRole("complementary", { name: "Suggestions" });
  await expect(suggestions.getByRole("listitem")).toHaveCount(2);
  await suggestions.getByRole("button", { name: "Accept: replace “Dear team,”" }).click();
  await expect(page.getByText("Suggestion accepted: saved as a new version.")).toBeVisible();
  await expect(documentText(page)).toContainText("Dear team, (improved)");
  await expect(history(page)).toHaveCount(4);
  await suggestions.getByRole("button", { name: "Dismiss: “I want the job.”" }).click();
  await expect(page.getByText("Suggestion dismissed.")).toBeVisible();
  await expect(suggestions.getByText("No open suggestions.")).toBeVisible();
  await expect(documentText(page)).not.toContainText("I want the job. (improved)");
  await expect(history(page)).toHaveCount(4);
  expect(browserErrors).toEqual([]);
});

test("a sheet is shown as a table, and a broken CSV is refused beside the field with the text kept", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "sheet");
  await page.goto("/documents/new");
  await page.getByLabel("Title").fill("Applications");
  await page.getByLabel("Sheet (CSV)", { exact: true }).check();
  await page.getByLabel("Content").fill('Company,City\n"Nile Payments,Cairo');
  await page.getByRole("button", { name: "Save the document" }).click();
  await expect(page.getByText(/a quoted cell is never closed/).first()).toBeVisible();
  await expect(page.getByLabel("Content")).toHaveValue('Company,City\n"Nile Payments,Cairo');

  await page.getByLabel("Content").fill('Company,City,Status\n"Nile Payments","Cairo, Egypt",Applied\nLevant Telecom,Amman,Interview');
  await page.getByRole("button", { name: "Save the document" }).click();
  const table = documentText(page).getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Company", "City", "Status"]);
  await expect(table.getByRole("row")).toHaveCount(3);
  await expect(table.getByRole("cell", { name: "Cairo, Egypt" })).toBeVisible();
  expect(browserErrors).toEqual([]);
});

test("deleting a document asks first and then removes it from the list", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "delete");
  await newDocument(page, "Throwaway plan", "Text", "Week 1: apply to three jobs.");
  await page.getByRole("link", { name: "Delete this document" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete “Throwaway plan”?");
  await page.getByRole("button", { name: "Delete the document" }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByText("Document deleted, with all its versions and suggestions.")).toBeVisible();
  await expect(page.getByText("You have no documents yet")).toBeVisible();
  expect(browserErrors).toEqual([]);
});
