/**
 * npm run bench:js -- --url http://127.0.0.1:3000 [--compare http://127.0.0.1:3001] [--pages /,/login,/jobs] [--as user,recruiter]
 *
 * The JavaScript a first visit downloads (issue 12: "the JavaScript sent on a first visit does not
 * grow"): every /build/*.js file a page names (module preloads, the module script's imports, its
 * dynamic import of the client entry), each gzipped at level 9 so that builds with and without
 * precompressed files compare alike, plus the page's inline scripts. With --compare, the same for a
 * second server (another build) and the difference. With --as, the pages are measured once as a
 * visitor and once signed in as each demo account named (user, recruiter, career, moderator, admin:
 * <name>@demo.test), signed in through the form on each server.
 */
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";

const { values } = parseArgs({
  options: {
    url: { type: "string", default: "http://127.0.0.1:3000" },
    compare: { type: "string" },
    pages: { type: "string", default: "/,/login,/jobs,/signup" },
    as: { type: "string" },
  },
});

const gz = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

interface PageScripts { files: Map<string, number>; inline: number }

/** The session cookie of <account>@demo.test on `base`, signed in through the real form. */
async function signIn(base: string, account: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${base}/login (status ${form.status})`);
  const res = await fetch(`${base}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(form) },
    body: new URLSearchParams({ csrf, email: `${account}@demo.test`, password: "ladder-demo", redirectTo: "/" }).toString(),
    redirect: "manual",
  });
  if (res.status !== 302) throw new Error(`signing in as ${account}@demo.test on ${base} failed (status ${res.status})`);
  return cookieHeader(res);
}

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

async function scriptsOf(base: string, path: string, cookie?: string): Promise<PageScripts> {
  const html = await (await fetch(base + path, { headers: cookie ? { cookie } : {} })).text();
  // What the browser fetches: the module preloads and the module script's imports. Not every
  // /build/ name in the page: with lazy route discovery the inline partial manifest also names the
  // manifest file and routes the page does not render (`"module": ...`), which are never loaded.
  const urls = new Set([...html.matchAll(/(?:href=|from |import |import\()"(\/build\/[\w./-]+?\.js)"/g)].map((m) => m[1]));
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
const accounts = [null, ...(values.as ? values.as.split(",") : [])];
const rows: string[][] = [["page", "files", "JS gzip (B)", "inline gzip (B)", ...(values.compare ? ["compare files", "compare JS gzip (B)", "compare inline (B)", "difference (B)"] : [])]];
for (const account of accounts) {
  const cookieA = account ? await signIn(values.url, account) : undefined;
  const cookieB = account && values.compare ? await signIn(values.compare, account) : undefined;
  for (const page of pages) {
    const a = await scriptsOf(values.url, page, cookieA);
    const row = [account ? `${page} (${account})` : page, String(a.files.size), String(total(a)), String(a.inline)];
    if (values.compare) {
      const b = await scriptsOf(values.compare, page, cookieB);
      row.push(String(b.files.size), String(total(b)), String(b.inline), String(total(a) + a.inline - (total(b) + b.inline)));
    }
    rows.push(row);
  }
}
const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i])).join("  "));
