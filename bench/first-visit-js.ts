/**
 * npm run bench:js -- --url http://127.0.0.1:3000 [--compare http://127.0.0.1:3001] [--pages /,/login,/jobs]
 *
 * The JavaScript a first visit downloads (issue 12: "the JavaScript sent on a first visit does not
 * grow"): every /build/*.js file a page names (module preloads, the module script's imports, its
 * dynamic import of the client entry), each gzipped at level 9 so that builds with and without
 * precompressed files compare alike, plus the page's inline scripts. With --compare, the same for a
 * second server (another build) and the difference.
 */
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    compare: { type: "string" },
    pages: { type: "string", default: "/,/login,/jobs,/signup" },
  },
});

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

interface PageScripts { files: Map<string, number>; inline: number }

async function scriptsOf(base: string, path: string): Promise<PageScripts> {
  const html = await (await fetch(base + path)).text();
  const urls = new Set([...html.matchAll(/\/build\/[\w./-]+?\.js/g)].map((m) => m[0]));
  const files = new Map<string, number>();
  for (const url of urls) files.set(url, gz(await (await fetch(base + url)).text()));
  // Inline scripts other than the data Remix streams (that is the page's data, not code).
  const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1])
    .filter((body) => body.trim() && !/^\s*(window\.__remixContext|__remixContext)\.stream/.test(body) && !/^\s*import /.test(body));
  return { files, inline: inline.reduce((sum, body) => sum + gz(body), 0) };
}

function total(scripts: PageScripts) {
  return [...scripts.files.values()].reduce((a, b) => a + b, 0);
}

const pages = values.pages.split(",");
const rows: string[][] = [["page", "files", "JS gzip (B)", "inline gzip (B)", ...(values.compare ? ["compare files", "compare JS gzip (B)", "compare inline (B)", "difference (B)"] : [])]];
for (const page of pages) {
  const a = await scriptsOf(values.url, page);
  const row = [page, String(a.files.size), String(total(a)), String(a.inline)];
  if (values.compare) {
    const b = await scriptsOf(values.compare, page);
    row.push(String(b.files.size), String(total(b)), String(b.inline), String(total(a) + a.inline - (total(b) + b.inline)));
  }
  rows.push(row);
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
