/**
 * Page weight in lite mode (Save-Data: on) with the demo data: each header page's HTML must fit
 * in the first round trip (14,600 bytes gzip: 10 TCP segments of 1,460 bytes) and the
 * stylesheet in 10 KB gzip. Sizes are gzip level 6 of the body, so the numbers are reproducible.
 */
import zlib from "node:zlib";
import { expect, headerPages, stylesheetHref, test } from "./fixtures";

const HTML_BUDGET = 14_600;
const CSS_BUDGET = 10 * 1024;

const gzipSize = (body: Buffer) => zlib.gzipSync(body, { level: 6 }).length;
const n = (bytes: number) => bytes.toLocaleString("en-US");

test("in lite mode every header page's HTML is at most 14,600 bytes gzip and its CSS at most 10 KB gzip", async ({ request }, testInfo) => {
  const rows: { url: string; raw: number; gzip: number; budget: number }[] = [];
  const stylesheets = new Set<string>();
  for (const path of headerPages) {
    const response = await request.get(path, { headers: { "Save-Data": "on" } });
    expect(response.status(), path).toBe(200);
    const body = await response.body();
    expect(body.toString("utf8"), `${path} is a lite page`).not.toMatch(/<script/i);
    stylesheets.add(stylesheetHref(body.toString("utf8")));
    rows.push({ url: path, raw: body.length, gzip: gzipSize(body), budget: HTML_BUDGET });
  }
  for (const href of stylesheets) {
    const response = await request.get(href);
    expect(response.status(), href).toBe(200);
    const body = await response.body();
    rows.push({ url: `${href} (CSS)`, raw: body.length, gzip: gzipSize(body), budget: CSS_BUDGET });
  }

  const width = Math.max(...rows.map((row) => row.url.length));
  const table = [
    `${"resource".padEnd(width)}  ${"raw bytes".padStart(9)}  ${"gzip -6".padStart(7)}  ${"budget".padStart(6)}  verdict`,
    ...rows.map(
      (row) =>
        `${row.url.padEnd(width)}  ${n(row.raw).padStart(9)}  ${n(row.gzip).padStart(7)}  ${n(row.budget).padStart(6)}  ${
          row.gzip <= row.budget ? "ok" : `OVER by ${n(row.gzip - row.budget)}`
        }`,
    ),
  ].join("\n");
  console.log(`\nPage weight, lite mode (Save-Data: on), demo data:\n${table}\n`);
  await testInfo.attach("page-weight.txt", { body: table, contentType: "text/plain" });

  for (const row of rows) {
    expect
      .soft(row.gzip, `${row.url} is ${n(row.gzip)} bytes gzip, ${n(row.gzip - row.budget)} over its ${n(row.budget)} budget`)
      .toBeLessThanOrEqual(row.budget);
  }
});
