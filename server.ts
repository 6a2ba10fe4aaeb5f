/**
 * Ladder's HTTP server: Express in front of the Remix build.
 * Start-up: validate env -> apply pending migrations -> seed a fresh SQLite file -> serve, in one
 * process or in WEB_CONCURRENCY workers (app/lib/cluster.server.ts); SIGTERM stops it gracefully.
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
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
import { log, requestIdFrom, requestScope } from "./app/services/log.server";
import { createMetrics, serveMetrics, shareWithPrimary, type LadderMetrics } from "./app/services/metrics.server";
import { routeLabeller, type RouteLabel } from "./app/services/route-labels.server";
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
  // Before the logger's level is known to be valid: plain text, then exit.
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
}
// Anything still written with console.* (modules, libraries) becomes a JSON line with the request id.
routeConsoleToLog();

const plan = processPlan({
  requested: env.WEB_CONCURRENCY,
  production: env.NODE_ENV === "production",
  dialect: dialectOf(env.DATABASE_URL),
  cores: os.availableParallelism(),
});
// Workers run this file from the top too: what must happen once happens in the primary.
if (cluster.isPrimary) {
  if (plan.note) log.warn(plan.note);
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
    log.warn(`PUBLIC_URL is not set: links in mail will point to http://localhost:${env.PORT}. Set PUBLIC_URL to Ladder's public address.`);
  }
  await prepareDatabase(env);
  // One daily-summary schedule per app instance: the primary runs it, never the workers.
  const analytics = await startAnalytics(env);
  // With several workers this process only looks after them; runPrimary ends the process itself.
  if (plan.workers > 1) {
    // The metrics port is the primary's: each scrape gathers the workers' numbers and adds the jobs'.
    const primaryMetrics = createMetrics("jobs");
    if (analytics) primaryMetrics.setJobSource(() => analytics.stats());
    await startMetricsServer(primaryMetrics, true);
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
  log.fatal(`No production build at ${buildPath}. Run "npm run build" first (npm start does both).`);
  process.exit(1);
})) as ServerBuild;

// This process's request metrics: a worker's are gathered by the primary at each scrape.
const metrics = createMetrics(cluster.isWorker ? "requests" : "all");
if (cluster.isWorker) shareWithPrimary(metrics.registry);
else {
  if (analyticsScheduler) metrics.setJobSource(() => analyticsScheduler!.stats());
  await startMetricsServer(metrics, false);
}
const labelOf = routeLabeller(build.routes);

const app = express();
app.disable("x-powered-by");
// Only behind a proxy we trust: otherwise any client could choose its address for the rate limits.
app.set("trust proxy", env.TRUST_PROXY === "1" ? 1 : false);
app.use(compression());

app.use(observeRequests(metrics));
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
    getLoadContext: (req, res) => ({ nonce: res.locals.nonce as string, clientIp: req.ip ?? null, requestId: res.locals.requestId as string }),
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
    await analyticsScheduler?.stop().catch((error: Error) => log.error(`Stopping the analytics schedule failed: ${error.message}`));
    if (globalThis.__ladderCtx) await closeCtx(globalThis.__ladderCtx);
  },
  nameWorker: cluster.isWorker && env.ENABLE_TEST_ROUTES === "1",
});

function announce(processes: string) {
  log.info(`Ladder on http://localhost:${env.PORT} (${env.NODE_ENV}, ${env.DATABASE_URL.split(":")[0]}, ${processes})`);
}

async function prepareDatabase(env: Env) {
  let ctx: ReturnType<typeof createCtx> | undefined;
  try {
    ctx = createCtx(env.DATABASE_URL, { poolSize: 1 });
    await migrateDatabase(ctx);
    // Every activity type the code records has its row, so an admin can switch it off (decision 050).
    await ensureActivityCatalog(ctx);
    if (await seedIfFresh(ctx)) log.info("Fresh SQLite database: demo data loaded (logins in README).");
  } catch (error) {
    log.fatal(`Ladder cannot start: the database at ${redact(env.DATABASE_URL)} failed: ${(error as Error).message}`);
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
    log.error(`The analytics schedule did not start (daily summaries wait for the next start or npm run analytics:summarize): ${(error as Error).message}`);
    return null;
  }
}

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, "//$1:***@");
}

/** Serves the metrics on METRICS_PORT when it is set; a port that cannot be opened stops the start. */
async function startMetricsServer(m: LadderMetrics, aggregateWorkers: boolean) {
  if (env.METRICS_PORT === undefined) return;
  try {
    await serveMetrics({
      port: env.METRICS_PORT,
      host: env.METRICS_HOST,
      token: env.METRICS_TOKEN,
      aggregateWorkers,
      registry: m.registry,
      onError: (error) => log.error({ err: error }, "metrics: a scrape failed"),
    });
    log.info(`Metrics on http://${env.METRICS_HOST}:${env.METRICS_PORT}/metrics${env.METRICS_TOKEN ? " (bearer token required)" : ""}`);
  } catch (error) {
    log.fatal(`Ladder cannot start: the metrics port ${env.METRICS_HOST}:${env.METRICS_PORT} failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** Probes are answered often and say nothing new: their request lines are debug, not info. */
const PROBES = new Set(["/healthz", "/readyz"]);

/**
 * Per request: an id (the caller's X-Request-Id when sane, else a new one) sent back as
 * X-Request-Id and carried by every log line written while answering (requestScope); then one
 * JSON line (method, path without its query, route id, status, ms, user id) and the metrics.
 */
function observeRequests(m: LadderMetrics) {
  const logRequests = env.LOG_REQUESTS === "on";
  return (req: Request, res: Response, next: NextFunction) => {
    const start = process.hrtime.bigint();
    const requestId = requestIdFrom(req.get("X-Request-Id"));
    res.locals.requestId = requestId;
    res.setHeader("X-Request-Id", requestId);
    const scope = { requestId, userId: null as string | null };
    res.on("finish", () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      let label: RouteLabel;
      try {
        label = labelOf(req.path);
      } catch {
        label = { route: "unmatched", path: req.path.slice(0, 200) };
      }
      m.requests.inc({ method: req.method, route: label.route, status: String(res.statusCode) });
      m.duration.observe({ method: req.method, route: label.route }, seconds);
      if (!logRequests) return;
      const line = {
        reqId: requestId,
        userId: scope.userId ?? undefined,
        method: req.method,
        path: label.path,
        route: label.route,
        status: res.statusCode,
        ms: Math.round(seconds * 10_000) / 10,
      };
      if (PROBES.has(req.path) && res.statusCode < 500) log.debug(line, "request");
      else log.info(line, "request");
    });
    requestScope.run(scope, next);
  };
}

/** console.log/info/warn/error/debug write through the logger (same levels, same request id). */
function routeConsoleToLog() {
  const text = (args: unknown[]) => args.map((a) => (typeof a === "string" ? a : a instanceof Error ? (a.stack ?? a.message) : inspectValue(a))).join(" ");
  console.log = (...args: unknown[]) => log.info(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.debug = (...args: unknown[]) => log.debug(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => {
    const error = args.find((a): a is Error => a instanceof Error);
    if (error) log.error({ err: error }, text(args.filter((a) => a !== error)) || error.message);
    else log.error(text(args));
  };
}

function inspectValue(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

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
