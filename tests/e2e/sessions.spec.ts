/** Your sessions: a member signed in on two browsers ends the other one from the first. */
import { confirmInBrowser, expect, expectSignedIn, test } from "./fixtures";

const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";

test("a member ends the session of their other browser, which is then signed out", async ({ page, browser, baseURL, javaScriptEnabled, browserErrors }, testInfo) => {
  const email = `e2e-sessions-${testInfo.project.name}-${Date.now()}@example.com`;
  const password = "two browsers, one member";

  // First browser: a fresh member (one sign-up per project for this file).
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Karim Mansour");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expectSignedIn(page);

  // Second browser: a phone somewhere else, signed in to the same account.
  const phone = await browser.newContext({
    baseURL,
    javaScriptEnabled,
    userAgent: ANDROID_CHROME,
    extraHTTPHeaders: { "X-Forwarded-For": `10.251.${testInfo.workerIndex % 250}.${1 + (Date.now() % 250)}` },
  });
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto("/login");
    await phonePage.getByLabel("Email").fill(email);
    await phonePage.getByLabel("Password").fill(password);
    await phonePage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(phonePage.getByText("You are signed in.")).toBeVisible();

    // The first browser sees both sessions, itself marked, and ends the phone's.
    await page.goto("/settings/sessions");
    await expect(page.getByRole("heading", { level: 1, name: "Your sessions" })).toBeVisible();
    await expect(page.getByText("This device", { exact: true })).toHaveCount(1);
    await expect(page.getByRole("heading", { name: "Chrome on Android" })).toBeVisible();
    await expect(page.getByText("Times are in UTC.", { exact: false })).toBeVisible();
    await page.getByRole("button", { name: /^End this session \(Chrome on Android/ }).click();
    await expect(page.getByText("The session is ended: that device is signed out.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Chrome on Android" })).toHaveCount(0);
    await expect(page.getByText("You are signed in on this device only.")).toBeVisible();

    // The phone is signed out: its next signed-in page sends it to sign in.
    await phonePage.goto("/settings/sessions");
    await expect(phonePage).toHaveURL(/\/login\?redirectTo=%2Fsettings%2Fsessions/);
    await expect(phonePage.getByRole("link", { name: "Sign in" })).toBeVisible();

    // The first browser is still signed in.
    await page.goto("/settings/sessions");
    await expect(page.getByRole("heading", { level: 1, name: "Your sessions" })).toBeVisible();
  } finally {
    await phone.close();
  }
  expect(browserErrors).toEqual([]);
});
