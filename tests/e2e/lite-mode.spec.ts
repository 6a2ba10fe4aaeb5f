/** Lite mode: no scripts at all, asked for by the browser (Save-Data) or chosen in the footer. */
import type { Page, Response } from "@playwright/test";
import { expect, hasHydrated, test } from "./fixtures";

function scriptSrc(response: Response): string | undefined {
  const csp = response.headers()["content-security-policy"] ?? "";
  return csp
    .split(";")
    .map((directive) => directive.trim())
    .find((directive) => directive.startsWith("script-src"));
}

/** Submits a footer button and returns the document the browser lands on after the redirect. */
async function submitFooter(page: Page, button: string, landing: string): Promise<Response> {
  const landed = page.waitForResponse(
    (response) => response.request().method() === "GET" && new URL(response.url()).pathname === landing,
  );
  await page.getByRole("contentinfo").getByRole("button", { name: button }).click();
  const response = await landed;
  await page.waitForLoadState("load");
  return response;
}

test("a browser that asks to save data gets pages without a single script and a CSP that allows none", async ({
  page,
  javaScriptEnabled,
}) => {
  await page.setExtraHTTPHeaders({ "Save-Data": "on" });
  for (const path of ["/", "/jobs"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const html = await response!.text();
    expect(html).not.toMatch(/<script/i);
    expect(scriptSrc(response!)).toBe("script-src 'none'");
    await expect(page.getByRole("contentinfo")).toContainText("Lite mode is on");
    if (javaScriptEnabled) expect(await hasHydrated(page)).toBe(false);
  }
});

test("the footer turns lite mode on for the member, says so on the next page, and turns it off again", async ({ page }) => {
  const first = await page.goto("/feed");
  expect(await first!.text()).toMatch(/<script/i);

  const liteOn = await submitFooter(page, "Turn lite mode on", "/feed");
  const liteHtml = await liteOn.text();
  expect(liteHtml).toContain("Lite mode is on: pages load without scripts.");
  expect(liteHtml).not.toMatch(/<script/i);
  expect(scriptSrc(liteOn)).toBe("script-src 'none'");
  await expect(page).toHaveURL("/feed");
  await expect(page.getByRole("status")).toHaveText("Lite mode is on: pages load without scripts.");

  // The choice stays with the member on the next pages; the flash message is shown once.
  const later = await page.goto("/jobs");
  const laterHtml = await later!.text();
  expect(laterHtml).not.toMatch(/<script/i);
  expect(laterHtml).not.toContain("Lite mode is on: pages load without scripts.");

  const liteOff = await submitFooter(page, "Turn lite mode off", "/jobs");
  const fullHtml = await liteOff.text();
  expect(fullHtml).toContain("Lite mode is off.");
  expect(fullHtml).toMatch(/<script/i);
  expect(scriptSrc(liteOff)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/=]+'$/);
  await expect(page.getByRole("status")).toHaveText("Lite mode is off.");
  await expect(page.getByRole("contentinfo").getByRole("button", { name: "Turn lite mode on" })).toBeVisible();
});
