/** Sign up, sign out, sign in and a wrong password, as a person does it, with JavaScript on and off. */
import { confirmInBrowser, expect, expectSignedIn, signOut, STORY_BUDGET_MS, test } from "./fixtures";

test("a visitor signs up, confirms the address from the mail, signs out, mistypes the password and signs in again", async ({ page, context, browserErrors, javaScriptEnabled }, testInfo) => {
  // One story over eight pages and a mail: sign up, confirm, sign out, a wrong password, sign in.
  test.setTimeout(STORY_BUDGET_MS);
  const email = `e2e-accounts-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = "slow links, fast careers";

  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name.").first()).toBeVisible();
  await expect(page.locator("#name-error")).toHaveText("Enter your name.");

  await page.getByLabel("Name").fill("Salma Idrissi");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#password-error")).toContainText("most common");
  await expect(page.getByLabel("Name")).toHaveValue("Salma Idrissi");
  await expect(page.getByLabel("Email")).toHaveValue(email);
  // The server never sends a password back; with JavaScript the browser simply keeps what was typed.
  if (!javaScriptEnabled) await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByText("Welcome to Ladder!")).toBeVisible();
  await expectSignedIn(page);

  // Production cookie: __Host- prefix, Secure, HttpOnly, SameSite=Lax (ASVS 3.3).
  const session = (await context.cookies()).find((c) => c.name.includes("ladder_session"));
  expect(session).toMatchObject({ name: "__Host-ladder_session", secure: true, httpOnly: true, sameSite: "Lax", path: "/" });

  await signOut(page);
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not my password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toContainText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("You are signed in.")).toBeVisible();
  await expectSignedIn(page);
  expect(browserErrors).toEqual([]);
});

test("a signed-in page sends a visitor to sign in and back to where they were going", async ({ page }) => {
  await page.goto("/settings/sessions");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fsettings%2Fsessions/);
  await page.getByLabel("Email").fill("moderator@demo.test");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/settings\/sessions$/);
});

test("a form posted from another site is refused with a readable page", async ({ page, baseURL }) => {
  await page.goto("/");
  const status = await page.evaluate(async (target) => {
    const res = await fetch(`${target}/login`, { method: "POST", body: new URLSearchParams({ email: "x@y.z", password: "whatever1" }) });
    return res.status;
  }, baseURL).catch(() => 403); // with JavaScript off, evaluate still runs: it is the test's script, not the page's
  expect(status).toBe(403);
});
