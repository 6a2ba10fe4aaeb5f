/**
 * The admin area and the public sign-up forms, as people use them, with JavaScript on and off.
 * The member whose role changes is created here (one sign-up per project), never a demo account.
 */
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { confirmInBrowser, expect, expectSignedIn, signOut, hasHydrated, test, STORY_BUDGET_MS } from "./fixtures";

async function signIn(page: Page, email: string, password = "ladder-demo") {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page);
}

test("an admin finds a new member by email and makes them a recruiter", async ({ page, browserErrors, javaScriptEnabled }, testInfo) => {
  // A story: sign up and confirm from the mail (decision 054), then the pages it is about.
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const name = `Role Target ${stamp}`;
  const email = `e2e-admin-${stamp}@example.com`;

  // A fresh member, created the way people join.
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a ladder with many rungs");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByText("Welcome to Ladder!")).toBeVisible();
  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();

  await signIn(page, "admin@demo.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Admin");
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Members");
  if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);

  await page.getByLabel("Search by name or email").fill(email.toUpperCase());
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
  const rows = page.getByRole("list", { name: "Members" }).getByRole("listitem");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(email);
  await expect(rows.first()).toContainText("Member · joined");

  await page.getByLabel(`Role of ${name}`, { exact: true }).selectOption("recruiter");
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByText(`${name} is now a recruiter (was a member).`)).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/users\?q=/);
  await expect(rows.first()).toContainText("Recruiter · joined");
  await expect(page.getByLabel(`Role of ${name}`, { exact: true })).toHaveValue("recruiter");

  // The members list reads well on a 320 px wide phone.
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/admin/users");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  expect(browserErrors).toEqual([]);
});

test("a visitor asks about Premium: mistakes are shown beside the fields, then the thank-you page", async ({ page, browserErrors }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Ladder Premium" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ladder Premium");

  await page.getByRole("button", { name: "Tell me when Premium opens" }).click();
  await expect(page.locator("#fullName-error")).toHaveText("Enter your full name.");
  await expect(page.locator("#emailAddress-error")).toHaveText("Enter your email address.");
  await expect(page.getByRole("alert")).toContainText("There are 2 problems");

  await page.getByLabel("Full name").fill("Karim Haddad");
  await page.getByLabel("Email address").fill("karim at example");
  await page.getByLabel("Phone number (optional)").fill("+212 600 123 456");
  await page.getByRole("button", { name: "Tell me when Premium opens" }).click();
  await expect(page.locator("#emailAddress-error")).toHaveText("Enter an email address like name@example.com.");
  await expect(page.locator("#fullName-error")).toHaveCount(0);
  await expect(page.getByLabel("Full name")).toHaveValue("Karim Haddad");
  await expect(page.getByLabel("Email address")).toHaveValue("karim at example");
  await expect(page.getByLabel("Phone number (optional)")).toHaveValue("+212 600 123 456");

  await page.getByLabel("Email address").fill("karim@example.com");
  await page.getByRole("button", { name: "Tell me when Premium opens" }).click();
  await expect(page).toHaveURL("/premium/thanks");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  // With JavaScript on, Chromium logs each intended 400 answer of the form as a failed resource.
  expect(browserErrors.filter((error) => !error.includes("status of 400 (Bad Request)"))).toEqual([]);
});

test("an admin downloads the premium sign-ups as a CSV file", async ({ page }) => {
  await signIn(page, "admin@demo.test");
  await page.goto("/admin/premium");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Premium sign-ups");
  await expect(page.getByRole("main")).toContainText("Aisha Siddiqui");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download all as CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^ladder-premium-sign-ups-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.subarray(3).toString("utf8");
  expect(text.split("\r\n")[0]).toBe("Full name,Email address,Phone number,Interest,Signed up (UTC)");
  // A phone number starting with + is kept from being read as a formula.
  expect(text).toContain("Aisha Siddiqui,aisha.siddiqui@ladder-demo.test,'+91 98450 12345,");

  const response = await page.request.get("/admin/api-access.csv");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="ladder-api-access-sign-ups-\d{4}-\d\d-\d\d\.csv"$/);
  expect(await response.text()).toContain("Rakesh Menon");
});
