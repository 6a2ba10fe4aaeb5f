/**
 * What the server adds to every answer: a health check, security headers, long-cached assets.
 * Tests tagged @request-only send plain HTTP requests (no page), so they run once, in js-off.
 */
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

test("TRACE answers 405 with the methods Ladder allows and a page, never 500", { tag: "@request-only" }, async ({ request }) => {
  for (const path of ["/", "/login", "/no-such-page"]) {
    const response = await request.fetch(path, { method: "TRACE" });
    expect(response.status(), path).toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD, POST");
    expect(await response.text()).toContain("Method not allowed");
  }
});

test("a post whose Origin does not match X-Forwarded-Host is refused with 403, never 500", { tag: "@request-only" }, async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const response = await request.post("/login", {
    headers: { Origin: origin, "X-Forwarded-Host": "evil.example" },
    form: { email: "x@example.com", password: "whatever1" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
  expect(await response.text()).toContain("this form came from another site");
  const malformed = await request.post("/login", { headers: { Origin: "not a url" }, form: { email: "x@example.com" }, maxRedirects: 0 });
  expect(malformed.status()).toBe(403);
});

test("a route that sends nosniff itself sends it once, not twice", { tag: "@request-only" }, async ({ request }) => {
  for (const path of ["/jobs/rss", "/avatars/avatar-00000000000000000000000000000000.png"]) {
    const response = await request.get(path);
    const copies = response.headersArray().filter((h) => h.name.toLowerCase() === "x-content-type-options");
    expect(copies.map((h) => h.value), path).toEqual(["nosniff"]);
  }
});
