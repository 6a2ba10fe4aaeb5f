/** Error pages are real pages with a way back, and never show the server's internals. */
import { expect, test } from "./fixtures";

const STACK_TRACE = /\bat [\w.<>$]+ \(|\.(?:ts|tsx|js):\d+:\d+|node_modules/;

test("an unknown address answers 404 with a page that leads back home", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expect(page.getByRole("main")).toContainText("The page may have moved");
  const home = page.getByRole("main").getByRole("link", { name: "Back to the home page" });
  await expect(home).toHaveAttribute("href", "/");
  await home.click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your next step, on any connection");
});

test("a forbidden page answers 403 with a plain explanation and a link home", async ({ page }) => {
  const response = await page.goto("/test-errors/403");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(page.getByRole("main").getByRole("link", { name: "Back to the home page" })).toHaveAttribute("href", "/");
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
});

test("a server failure answers 500 with a human message, a link home and the request's reference to quote, never the error's message or a stack trace", async ({
  page,
}) => {
  const response = await page.goto("/test-errors/500");
  expect(response?.status()).toBe(500);
  const html = await response!.text();
  expect(html).not.toContain("secret detail");
  expect(html).not.toContain("deliberate failure");
  expect(html).not.toMatch(STACK_TRACE);

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Something went wrong on our side");
  await expect(page.getByRole("main")).toContainText("It is not your fault.");
  await expect(page.getByRole("main").getByRole("link", { name: "Back to the home page" })).toHaveAttribute("href", "/");
  await page.waitForLoadState("networkidle");
  const shown = await page.locator("body").innerText();
  expect(shown).not.toContain("secret detail");
  expect(shown).not.toMatch(STACK_TRACE);
  // The reference is the response's X-Request-Id (the id of the server's error line), kept after hydration.
  const requestId = response!.headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("main")).toContainText(`If you tell us about it, quote this reference: ${requestId}`);
});

test("a form posted from another site is refused with 403 and a readable page, and changes nothing", { tag: "@request-only" }, async ({ request }) => {
  const response = await request.post("/settings/lite", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    form: { lite: "1", redirectTo: "/" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toMatch(/^text\/html/);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  const html = await response.text();
  expect(html).toContain('<html lang="en">');
  expect(html).toMatch(/<h1>Refused: this form came from another site<\/h1>/);
  expect(html).toContain('<a href="/">');
});

test("a real browser form on another page that posts to Ladder is refused with a readable page", async ({ page, baseURL }) => {
  // about:blank is another origin: the browser sends Origin: null and Sec-Fetch-Site: cross-site.
  await page.setContent(
    `<form method="post" action="${baseURL}/settings/lite"><input type="hidden" name="lite" value="1"><button>Win a prize</button></form>`,
  );
  const [response] = await Promise.all([page.waitForResponse(`${baseURL}/settings/lite`), page.getByRole("button").click()]);
  expect(response.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Refused: this form came from another site");
  await expect(page.getByRole("link", { name: "Back to Ladder's home page" })).toBeVisible();
});
