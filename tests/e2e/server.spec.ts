/** What the server adds to every answer: a health check, security headers, long-cached assets. */
import { expect, stylesheetHref, test } from "./fixtures";

test("/healthz answers 200 with JSON status ok", { tag: "@request-only" }, async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toMatch(/^application\/json/);
  expect(await response.json()).toMatchObject({ status: "ok" });
});

test("a page carries the security headers, and its scripts run only with the CSP nonce", async ({ page, javaScriptEnabled }) => {
  const response = await page.goto("/");
  const headers = response!.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const csp = headers["content-security-policy"] ?? "";
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  const nonce = csp.match(/script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
  expect(nonce, `a script nonce in: ${csp}`).toBeTruthy();

  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  if (javaScriptEnabled) {
    // The nonce differs on every answer.
    const again = await page.reload();
    expect(again!.headers()["content-security-policy"]).not.toContain(nonce);
  }
});

test("fingerprinted assets under /build/ are cached as immutable", { tag: "@request-only" }, async ({ request }) => {
  const html = await (await request.get("/")).text();
  const assets = [stylesheetHref(html), ...[...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1])];
  const modules = [...html.matchAll(/import\s*(?:\*\s*as\s*\w+\s*from\s*)?"(\/build\/[^"]+)"/g)].map((m) => m[1]);
  const urls = [...new Set([...assets, ...modules])].filter((url) => url.startsWith("/build/"));
  expect(urls.length).toBeGreaterThan(1);
  for (const url of urls) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect(response.headers()["cache-control"], url).toContain("immutable");
  }
});
