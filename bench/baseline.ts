/**
 * The baseline for `npm run bench`: a bare node:http server that does what the app's pages do
 * (the very same query functions on the same kind of ctx) and renders comparable HTML with
 * template strings. The gap to the app is the price of Express + Remix + React rendering.
 *
 *   DATABASE_URL=file:data/bench.db PORT=4000 node --import tsx bench/baseline.ts
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import { areas } from "../app/lib/areas";
import { formatDate, placeOf } from "../app/lib/format";
import { newestCommunities, newestJobs } from "../app/modules/home/home.server";
import { closeCtx, createCtx, ping, type Ctx } from "../db/client";

interface Reply {
  status: number;
  type: string;
  body: string;
}

type Handler = (ctx: Ctx) => Promise<Reply>;

const handlers: Record<string, Handler> = {
  "GET /": home,
  "GET /healthz": healthz,
};

/** Whether the baseline has a counterpart for this request of the app. */
export function baselineHandles(method: string, path: string): boolean {
  return `${method} ${path}` in handlers;
}

async function home(ctx: Ctx): Promise<Reply> {
  const [jobs, communities] = await Promise.all([newestJobs(ctx), newestCommunities(ctx)]);
  const jobItems = jobs.map(
    (job) =>
      `<li class="p-3"><p class="font-medium">${esc(job.title ?? "Untitled job")}</p>` +
      `<p class="text-sm text-stone-600">${esc(job.employer ?? "Employer not given")} · ${esc(placeOf(job.city, job.country, job.remote))} · posted ${esc(formatDate(job.postedAt))}</p></li>`,
  );
  const communityItems = communities.map(
    (c) =>
      `<li class="card"><p class="font-medium">${esc(c.name)}</p>` +
      (c.description ? `<p class="text-sm text-stone-600">${esc(c.description)}</p>` : "") +
      `</li>`,
  );
  const main =
    `<section aria-labelledby="welcome" class="space-y-2"><h1 id="welcome">Your next step, on any connection</h1>` +
    `<p>Ladder is a career network for students, alumni and job seekers: people, jobs, an AI career coach and honest talk about workplaces. Every page works without JavaScript and loads in one round trip.</p></section>` +
    `<section aria-labelledby="newest-jobs" class="space-y-2"><h2 id="newest-jobs">Newest jobs</h2>` +
    (jobs.length === 0 ? `<p class="card">No jobs have been posted yet.</p>` : `<ul class="divide-y">${jobItems.join("")}</ul>`) +
    `<p><a href="/jobs">All jobs</a></p></section>` +
    `<section aria-labelledby="communities" class="space-y-2"><h2 id="communities">Communities</h2>` +
    (communities.length === 0 ? `<p class="card">No communities yet.</p>` : `<ul class="space-y-2">${communityItems.join("")}</ul>`) +
    `</section>`;
  return { status: 200, type: "text/html; charset=utf-8", body: page("Ladder: careers on any connection", main) };
}

async function healthz(ctx: Ctx): Promise<Reply> {
  const started = performance.now();
  try {
    await ping(ctx);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    return json(200, { status: "ok", database: ctx.dialect, ms });
  } catch {
    return json(503, { status: "error", database: ctx.dialect });
  }
}

/** The app's document around a page: head, header with the area links, footer form. */
function page(title: string, main: string): string {
  const nav = areas.map((a) => `<li><a href="${esc(a.href)}">${esc(a.label)}</a></li>`).join("");
  return (
    `<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><meta name="description" content="Ladder: a career network that works on slow connections.">` +
    `<link rel="stylesheet" href="/build/tailwind.css"><link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>` +
    `<body class="min-h-screen"><a href="#main" class="sr-only">Skip to content</a>` +
    `<header><div class="mx-auto max-w-3xl px-3 py-2"><p class="text-lg font-bold"><a href="/">Ladder</a></p>` +
    `<nav aria-label="Main"><ul class="flex flex-wrap gap-x-3 gap-y-1 text-sm">${nav}</ul></nav></div></header>` +
    `<main id="main" class="mx-auto max-w-3xl px-3 py-5">${main}</main>` +
    `<footer><form method="post" action="/settings/lite"><input type="hidden" name="redirectTo" value="/"><input type="hidden" name="lite" value="1">` +
    `<span>Slow or costly connection?</span> <button type="submit">Turn lite mode on</button></form></footer></body></html>`
  );
}

function json(status: number, value: unknown): Reply {
  return { status, type: "application/json; charset=utf-8", body: JSON.stringify(value) };
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

function serve(): void {
  const url = process.env.DATABASE_URL;
  const port = Number(process.env.PORT);
  if (!url || !Number.isInteger(port) || port < 1) {
    console.error("baseline needs DATABASE_URL and PORT");
    process.exit(2);
  }
  const ctx = createCtx(url);
  const server = http.createServer((req, res) => {
    const handler = handlers[`${req.method} ${(req.url ?? "/").split("?")[0]}`];
    const reply: Promise<Reply> = handler
      ? handler(ctx)
      : Promise.resolve({ status: 404, type: "text/plain; charset=utf-8", body: "Not found" });
    reply
      .catch((): Reply => ({ status: 500, type: "text/plain; charset=utf-8", body: "Internal error" }))
      .then(({ status, type, body }) => {
        res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
      });
  });
  server.listen(port, process.env.HOST ?? "127.0.0.1", () => console.log(`baseline on port ${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => server.close(() => void closeCtx(ctx).finally(() => process.exit(0))));
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) serve();
