/**
 * What the server adds to every answer: a health check, security headers, long-cached assets.
 * Tests tagged @request-only send plain HTTP requests (no page), so they run once, in js-off.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
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

test("an old-style data address (?_data=) answers 400 with a page, never 500", { tag: "@request-only" }, async ({ request }) => {
  for (const path of ["/?_data=root", "/jobs?_data=routes%2Fjobs", "/applications/00000000-0000-4000-8000-000000000000?_data=routes%2Fapplications.%24id"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain("Address not supported");
  }
  expect((await request.get("/?data=kept")).status(), "a parameter merely named like it still reaches the page").toBe(200);
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

/** A GET with exactly these headers, and the body's bytes as they came (node's fetch would decode them). */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      })
      .on("error", reject);
  });
}

const decoders = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync } as const;

test("fingerprinted assets are sent as the brotli or gzip file the build made, decoding to the asset's bytes", { tag: "@request-only" }, async ({ request, baseURL }) => {
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/<script[^>]*src="(\/build\/[^"]+\.js)"/g)].map((m) => m[1]);
  for (const url of [stylesheetHref(html), ...scripts]) {
    const original = fs.readFileSync(path.join("public", url));
    expect(fs.existsSync(path.join("public", `${url}.br`)), `${url}.br is missing: build with npm run build (npx remix build alone does not precompress)`).toBe(true);
    for (const coding of ["br", "gzip"] as const) {
      const response = await rawGet(`${baseURL}${url}`, { "Accept-Encoding": coding === "br" ? "gzip, deflate, br" : "gzip" });
      expect(response.status, url).toBe(200);
      expect(response.headers["content-encoding"], url).toBe(coding);
      expect(response.headers["vary"], url).toContain("Accept-Encoding");
      expect(response.headers["content-type"], url).toMatch(url.endsWith(".css") ? /^text\/css/ : /^(application|text)\/javascript/);
      expect(response.headers["cache-control"], url).toContain("immutable");
      // Compressed once at build time: the very file next to the asset, decoding to the asset.
      expect(response.body.equals(fs.readFileSync(path.join("public", url + (coding === "br" ? ".br" : ".gz")))), url).toBe(true);
      expect(decoders[coding](response.body).equals(original), url).toBe(true);
    }
    const plain = await rawGet(`${baseURL}${url}`, {});
    expect(plain.headers["content-encoding"], url).toBeUndefined();
    expect(plain.body.equals(original), url).toBe(true);
  }
});

test("a document is compressed once, whole: its Content-Length is the compressed size and it decodes to the complete page", { tag: "@request-only" }, async ({ baseURL }) => {
  for (const path of ["/", "/jobs"]) {
    const plain = await rawGet(`${baseURL}${path}`, {});
    expect(plain.headers["content-encoding"], path).toBeUndefined();
    expect(plain.headers["vary"], path).toContain("Accept-Encoding");
    for (const coding of ["br", "gzip"] as const) {
      const response = await rawGet(`${baseURL}${path}`, { "Accept-Encoding": coding === "br" ? "gzip, deflate, br, zstd" : "gzip, deflate" });
      expect(response.status, path).toBe(200);
      expect(response.headers["content-encoding"], path).toBe(coding);
      expect(response.headers["transfer-encoding"], `${path} is sent in one piece, not chunked`).toBeUndefined();
      expect(Number(response.headers["content-length"]), path).toBe(response.body.length);
      const page = decoders[coding](response.body).toString("utf8");
      expect(page.startsWith("<!DOCTYPE html>"), path).toBe(true);
      expect(page, path).toContain("</html>");
      // The loader data streamed after the markup is there too, to its end.
      expect(page, path).toContain("streamController.close()");
      // Nothing left out: the same page as without compression, up to the per-response nonce and CSRF token.
      // Characters against characters: the page holds Arabic and Hindi (the language form), which take 2–3 bytes each.
      expect(Math.abs(page.length - plain.body.toString("utf8").length), path).toBeLessThan(200);
    }
  }
});
