/**
 * Ladder's HTTP server: Express in front of the Remix build.
 * Start-up: validate env -> apply pending migrations -> seed a fresh SQLite file -> serve, in one
 * process or in WEB_CONCURRENCY workers (app/lib/cluster.server.ts); SIGTERM stops it gracefully.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { EnvError, parseEnv, type Env } from "./app/env.server";
import { processPlan, runPrimary, stopGracefully } from "./app/lib/cluster.server";
import { startAnalyticsScheduler, type AnalyticsScheduler } from "./app/modules/analytics/scheduler.server";
import { isLite } from "./app/lib/lite";
import { precompressedStatic, publicFiles } from "./app/services/static-files.server";
import { closeCtx, createCtx, dialectOf } from "./db/client";
import { ensureActivityCatalog } from "./db/activity-catalog";
import { migrateDatabase } from "./db/migrate";
import { seedIfFresh } from "./db/seed";

let env: Env;
/** The daily summaries' schedule, when this process runs it (the single process). */
let analyticsScheduler: AnalyticsScheduler | null = null;
try {
  env = parseEnv();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}

const plan = processPlan({
  requested: env.WEB_CONCURRENCY,
  production: env.NODE_ENV === "production",
  dialect: dialectOf(env.DATABASE_URL),
  cores: os.availableParallelism(),
});
// Workers run this file from the top too: what must happen once happens in the primary.
if (cluster.isPrimary) {
  if (plan.note) console.warn(plan.note);
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
    console.warn(`PUBLIC_URL is not set: links in mail will point to http://localhost:${env.PORT}. Set PUBLIC_URL to Ladder's public address.`);
  }
  await prepareDatabase(env);
  // One daily-summary schedule per app instance: the primary runs it, never the workers.
  const analytics = await startAnalytics(env);
  // With several workers this process only looks after them; runPrimary ends the process itself.
  if (plan.workers > 1) {
    await runPrimary({
      workers: plan.workers,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      onReady: () => announce(`${plan.workers} workers`),
      beforeExit: () => analytics?.stop() ?? Promise.resolve(),
    });
  }
  analyticsScheduler = analytics;
}

// Tests run the server on their own build (remix.config.js builds there with LADDER_BUILD_DIR).
const buildPath = path.resolve(process.env.LADDER_BUILD_DIR ?? "build", "index.js");
const build = (await import(pathToFileURL(buildPath).href).catch(() => {
  console.error(`No production build at ${buildPath}. Run "npm run build" first (npm start does both).`);
  process.exit(1);
})) as ServerBuild;

const app = express();
app.disable("x-powered-by");
// Only behind a proxy we trust: otherwise any client could choose its address for the rate limits.
app.set("trust proxy", env.TRUST_PROXY === "1" ? 1 : false);
app.use(compression());

if (env.LOG_REQUESTS === "on") app.use(requestLog);
app.use(securityHeaders);
app.use(knownMethods);
app.use(noLegacyDataRequests);

// Fingerprinted assets never change under one name: cache them for a year, and send the
// brotli or gzip file `npm run build` made next to each. Only names that exist at the top of
// public/ are looked up there; every other path goes straight to the app.
app.use("/build", precompressedStatic("public/build", { immutable: true, maxAge: "1y" }));
app.use(publicFiles("public", { maxAge: "1h" }, ["build"]));

app.use(sameOriginPosts);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: env.NODE_ENV,
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce as string, clientIp: req.ip ?? null }),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  if (cluster.isPrimary) announce("one process");
});

stopGracefully(server, {
  timeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  closeDatabase: async () => {
    // Page views still waiting in memory are written first (decision 049).
    await globalThis.__ladderPageViews?.flush();
    await analyticsScheduler?.stop().catch((error: Error) => console.error(`Stopping the analytics schedule failed: ${error.message}`));
    if (globalThis.__ladderCtx) await closeCtx(globalThis.__ladderCtx);
  },
  nameWorker: cluster.isWorker && env.ENABLE_TEST_ROUTES === "1",
});

function announce(processes: string) {
  console.log(`Ladder on http://localhost:${env.PORT} (${env.NODE_ENV}, ${env.DATABASE_URL.split(":")[0]}, ${processes})`);
}

async function prepareDatabase(env: Env) {
  let ctx: ReturnType<typeof createCtx> | undefined;
  try {
    ctx = createCtx(env.DATABASE_URL, { poolSize: 1 });
    await migrateDatabase(ctx);
    // Every activity type the code records has its row, so an admin can switch it off (decision 050).
    await ensureActivityCatalog(ctx);
    if (await seedIfFresh(ctx)) console.log("Fresh SQLite database: demo data loaded (logins in README).");
  } catch (error) {
    console.error(`Ladder cannot start: the database at ${redact(env.DATABASE_URL)} failed: ${(error as Error).message}`);
    process.exit(1);
  } finally {
    if (ctx) await closeCtx(ctx).catch(() => {});
  }
}

/** Starts the daily summaries' schedule unless ANALYTICS_SCHEDULER=off; a failure is told, not fatal. */
async function startAnalytics(env: Env): Promise<AnalyticsScheduler | null> {
  if (env.ANALYTICS_SCHEDULER === "off") return null;
  try {
    return await startAnalyticsScheduler({ databaseUrl: env.DATABASE_URL, retentionDays: env.ANALYTICS_RETENTION_DAYS });
  } catch (error) {
    console.error(`The analytics schedule did not start (daily summaries wait for the next start or npm run analytics:summarize): ${(error as Error).message}`);
    return null;
  }
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

function requestLog(req: Request, res: Response, next: NextFunction) {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    logLine(`${req.method} ${req.originalUrl} ${res.statusCode} ${ms.toFixed(1)}ms`);
  });
  next();
}

// Log lines are written in batches, one write per 100 ms at most, not one console.log per request.
let pendingLog: string[] = [];
function logLine(line: string) {
  if (pendingLog.push(line) === 1) setTimeout(flushLog, 100).unref();
}
function flushLog() {
  if (pendingLog.length === 0) return;
  const text = `${pendingLog.join("\n")}\n`;
  pendingLog = [];
  process.stdout.write(text);
}
// Whatever is still pending when the process exits (process.exit after SIGTERM included).
process.on("exit", () => {
  if (pendingLog.length > 0) fs.writeSync(1, `${pendingLog.join("\n")}\n`);
});

// Google sign-in: the button's form is redirected to the provider, and Chromium applies
// form-action to a form's redirects too.
const formAction = ["'self'", ...(env.GOOGLE_CLIENT_ID ? [new URL(env.GOOGLE_AUTH_URL).origin] : [])].join(" ");

function securityHeaders(req: Request, res: Response, next: NextFunction) {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  const lite = isLite(req.get("Save-Data"), req.get("Cookie"));
  const scriptSrc = lite ? "'none'" : `'self' 'nonce-${nonce}'`;
  // Lite pages carry the stylesheet in a <style> element with this nonce (decision 022).
  const styleSrc = lite ? `'self' 'nonce-${nonce}'` : "'self'";
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src ${scriptSrc}`,
      `style-src ${styleSrc}`,
      // Members who sign in with Google keep Google's picture until they upload their own.
      `img-src 'self' data:${env.GOOGLE_CLIENT_ID ? " https://*.googleusercontent.com" : ""}`,
      "connect-src 'self'",
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      `form-action ${formAction}`,
      "frame-ancestors 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (env.NODE_ENV === "production" && req.secure) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  res.vary("Save-Data");
  // Downloads and photos send nosniff themselves (it must hold without this server too), and the
  // Remix adapter appends a route's headers to these: a route's value replaces ours instead.
  const append = res.append.bind(res);
  res.append = ((field: string, value?: string | string[]) => {
    if (value !== undefined && SINGLE_VALUED.has(field.toLowerCase())) return res.setHeader(field, value);
    return append(field, value);
  }) as Response["append"];
  next();
}

/** The headers above that hold one value: a second copy is a duplicate, not a list. */
const SINGLE_VALUED = new Set(["x-content-type-options", "referrer-policy", "x-frame-options", "cross-origin-opener-policy", "permissions-policy", "strict-transport-security"]);

/** A small page for a refusal: server.ts answers before Remix, so no error boundary draws it. */
function refusalPage(title: string, text: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} | Ladder</title></head>` +
    `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">Back to Ladder's home page</a></p></main></body></html>`
  );
}

/**
 * Ladder's pages use GET, HEAD and POST only. Anything else is a 405 here: TRACE (and TRACK) used
 * to reach the Remix adapter, whose Request constructor throws on them, and answered 500.
 */
const ALLOWED_METHODS = ["GET", "HEAD", "POST"];
function knownMethods(req: Request, res: Response, next: NextFunction) {
  if (ALLOWED_METHODS.includes(req.method)) return next();
  res
    .status(405)
    .set("Allow", ALLOWED_METHODS.join(", "))
    .type("html")
    .send(refusalPage("Method not allowed", `Ladder answers GET, HEAD and POST requests, not ${req.method.replace(/[^A-Z-]/gi, "").slice(0, 20)}.`));
}

/**
 * `?_data=` was Remix's data request before single fetch (Ladder uses `.data` addresses). Remix
 * still answers it on the old path, where loaders that return data() with a status end in a 500;
 * anyone can type it, so it is refused plainly.
 */
function noLegacyDataRequests(req: Request, res: Response, next: NextFunction) {
  if (req.query._data === undefined) return next();
  res
    .status(400)
    .type("html")
    .send(refusalPage("Address not supported", "This address asks for page data in a way Ladder does not answer. Remove ?_data= from it."));
}

/**
 * A state-changing request from another site is refused before it reaches an action.
 * Browsers send Sec-Fetch-Site (or at least Origin) on cross-site form posts.
 * The Origin is compared with the host Remix compares it with (the first X-Forwarded-Host, else
 * Host): when they differed Remix threw from its own check and the post answered 500.
 */
function sameOriginPosts(req: Request, res: Response, next: NextFunction) {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  const site = req.get("Sec-Fetch-Site");
  const origin = req.get("Origin");
  const host = req.get("X-Forwarded-Host")?.split(",")[0]?.trim() || req.get("Host");
  const foreignSite = site !== undefined && site !== "same-origin" && site !== "none";
  let foreignOrigin = false;
  if (origin && origin !== "null" && host) {
    try {
      foreignOrigin = new URL(origin).host !== host;
    } catch {
      foreignOrigin = true;
    }
  } else if (origin === "null") {
    foreignOrigin = true;
  }
  if (!foreignSite && !foreignOrigin) return next();
  res.status(403).type("html").send(refusalPage("Refused: this form came from another site", "For your safety Ladder only accepts forms sent from its own pages."));
}
