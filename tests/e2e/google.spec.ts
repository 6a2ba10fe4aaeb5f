/**
 * Google sign-in end to end: the button on /login, the mock provider on 127.0.0.1:3190
 * (tests/support/oauth-mock.ts: it approves at once and enforces PKCE), and back to Ladder,
 * with JavaScript on and off. The cookie `oauth_mock_user` on the mock's origin tells the mock
 * who consents; each test has its own browser context, so the two projects never collide.
 */
import type { BrowserContext } from "@playwright/test";
import { expect, expectSignedIn, signOut, test } from "./fixtures";

// OAUTH_PORT in playwright.config.ts (E2E_OAUTH_URL: for a run with other ports)
const MOCK_ORIGIN = process.env.E2E_OAUTH_URL ?? "http://127.0.0.1:3190";

async function consentAs(context: BrowserContext, person: { email: string; name?: string; email_verified?: boolean }) {
  await context.addCookies([{ name: "oauth_mock_user", value: encodeURIComponent(JSON.stringify(person)), url: MOCK_ORIGIN }]);
}

test("a new member signs in with Google, signs out, and signs in with Google again to the page they asked for", async ({
  page,
  context,
  browserErrors,
}, testInfo) => {
  const email = `google-${testInfo.project.name}-${Date.now()}@example.test`;
  await consentAs(context, { email, name: "Gia Google" });

  await page.goto("/login");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  // A new account starts on its profile page.
  await expect(page).toHaveURL(/\/settings\/profile$/);
  await expectSignedIn(page);
  await expect(page.getByRole("banner")).toContainText("Gia Google");

  await signOut(page);
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await page.goto("/login?redirectTo=%2Fsettings%2Fsessions");
  await page.getByRole("button", { name: "Sign in with Google" }).click();
  await expect(page).toHaveURL(/\/settings\/sessions$/);
  await expectSignedIn(page);
  expect(browserErrors).toEqual([]);
});

test("an unverified Google email is refused and the sign-in page says why", async ({ page, context }, testInfo) => {
  await consentAs(context, { email: `unverified-${testInfo.project.name}-${Date.now()}@example.test`, email_verified: false });
  await page.goto("/signup");
  await page.getByRole("button", { name: "Sign up with Google" }).click();
  await expect(page).toHaveURL(/\/login\?google=failed$/);
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expect(page.getByRole("main")).toContainText("Signing in with Google did not work");
  await expect(page.locator("body")).toContainText("Google has not verified the email address");
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
