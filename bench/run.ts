/**
 * npm run bench [-- --quick | --duration N] [--only sqlite|pg] [--routes /,/healthz] [--sqlite URL] [--pg URL]
 *                  [--connections N] [--no-latency] [--no-compression] [--compare DIR] [--workers N]
 *
 * For each database: start the production server (server.ts), the bare node:http baseline
 * (bench/baseline.ts) and, with --compare, the production server of another checkout, all on the
 * same database; load every route on each in turn with autocannon (--connections at once, then
 * one connection alone for its latency), with a browser's Accept-Encoding unless
 * --no-compression. Prints one table per database and writes bench/results/<timestamp>.json.
 * Load goes to 127.0.0.1 only.
 *
 * Before/after a change: build the old commit in its own worktree and compare in one run (npm ci
 * there: a symlink to this checkout's node_modules would lend it this checkout's patched packages):
 *   git worktree add --detach /tmp/before <commit> && (cd /tmp/before && npm ci && npm run build)
 *   npm run bench -- --compare /tmp/before
 *
 * Scale runs: seed a database of your own once, then point the bench at it (used as is):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx scripts/seed.ts --demo --scale 100000
 *   npm run bench -- --only pg --pg postgres://postgres@127.0.0.1:5432/ladder_scale
 *
 * Communities (issue 16: p99 at scale within 1.5 times demo, at one connection), on demo data and then at scale:
 *   npm run bench -- --connections 1 --routes "communities directory,big community page (member),moderation queue (global moderator)"
 *   DATABASE_URL=file:data/scale.db npx tsx scripts/seed.ts --scale 100000
 *   npm run bench -- --connections 1 --sqlite file:data/scale.db --pg postgres://postgres@127.0.0.1:5432/ladder_scale --routes "..."
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { BROWSER_ACCEPT_ENCODING, parseBenchArgs, USAGE, UsageError, type BenchOptions, type DatabaseTarget } from "./args";
import { baselineHandles } from "./baseline";
import { prepareDatabase, redact } from "./databases";
import { runLoad, type LoadResult } from "./load";
import { ensureBuild, installCleanup, startServer, type RunningServer, type ServerSpec } from "./processes";
import { aloneMs, busyWarning, LABELS, printTable, writeResults, type DatabaseReport, type RouteReport, type RouteRun } from "./report";
import { prepareRequest, routes as allRoutes, selectRoutes, type BenchRoute } from "./routes";

async function main(): Promise<number> {
  const { options, routes } = readOptions();
  // server.ts, bench/baseline.ts and data/ are found from the project root, wherever we started.
  process.chdir(fileURLToPath(new URL("..", import.meta.url)));
  installCleanup();
  await ensureBuild();
  const warning = busyWarning();
  if (warning) console.warn(warning);
  const reports: DatabaseReport[] = [];
  let failed = false;
  for (const target of options.targets) {
    const report = await benchDatabase(target, routes, options).catch((error: Error): DatabaseReport => {
      failed = true;
      return skipped(target, `the run failed: ${error.message}`);
    });
    reports.push(report);
    if (report.skipped) console.log(`\n${LABELS[target.kind]} was NOT benchmarked: ${report.skipped}`);
    else printTable(report, options);
  }
  console.log(`\nResults: ${writeResults(reports, options)}`);
  return failed ? 1 : 0;
}

/** Flags and the routes they select; a usage error ends the process with code 2. */
function readOptions(): { options: BenchOptions; routes: BenchRoute[] } {
  try {
    const options = parseBenchArgs(process.argv.slice(2));
    if (options === "help") {
      console.log(USAGE);
      process.exit(0);
    }
    return { options, routes: selectRoutes(allRoutes, options.routes) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
}

async function benchDatabase(target: DatabaseTarget, routes: BenchRoute[], options: BenchOptions): Promise<DatabaseReport> {
  try {
    await prepareDatabase(target);
  } catch (error) {
    return skipped(target, (error as Error).message);
  }
  const env = { DATABASE_URL: target.url };
  // All servers run side by side and take turns route by route, so a change in the machine's
  // load skews them alike. The app starts first: on a fresh SQLite file it migrates and seeds.
  // The baseline is one process: --workers gives the app (and the compared checkout) workers on PostgreSQL only.
  const workers = target.kind === "pg" ? options.workers : 1;
  const appEnv = { ...env, WEB_CONCURRENCY: String(workers) };
  // Routes marked pageViewsOff are also loaded on this checkout with page views off (decision 049).
  const viewsOff = routes.some((route) => route.pageViewsOff) ? [{ ...appServer({ ...appEnv, ANALYTICS_PAGE_VIEWS: "off" }), label: "views off" }] : [];
  const specs = [appServer(appEnv), ...viewsOff, ...(options.compare ? [appServer(appEnv, options.compare)] : []), baselineServer(env)];
  const servers: RunningServer[] = [];
  try {
    for (const spec of specs) {
      const server = await startServer(spec);
      console.log(`${spec.label} started (pid ${server.pid}) at ${server.baseUrl}`);
      servers.push(server);
    }
    const reports: RouteReport[] = [];
    for (const route of routes) {
      const runs = new Map<string, RouteRun>();
      for (const server of servers) {
        if (server.label === "baseline" && (route.baseline === false || !baselineHandles(route.method, route.path))) continue;
        if (server.label === "views off" && !route.pageViewsOff) continue;
        runs.set(server.label, await benchRoute(server, route, options));
      }
      reports.push(routeReport(route, runs.get("app")!, runs.get("baseline"), runs.get("before"), runs.get("views off")));
    }
    return { kind: target.kind, url: redact(target.url), workers, routes: reports };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The app of this checkout, or with `dir` the one of another checkout, labelled "before". */
function appServer(env: Record<string, string>, dir?: string): ServerSpec {
  return {
    label: dir ? "before" : "app",
    script: "server.ts",
    cwd: dir,
    env: {
      ...env,
      NODE_ENV: "production",
      LOG_REQUESTS: "off",
      // Routes marked spreadAddresses send X-Forwarded-For, as a load balancer would.
      TRUST_PROXY: "1",
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    },
  };
}

function baselineServer(env: Record<string, string>): ServerSpec {
  return { label: "baseline", script: "bench/baseline.ts", env: { ...env, NODE_ENV: "production" } };
}

/** The load at --connections, then the latency of one connection alone. */
async function benchRoute(server: RunningServer, route: BenchRoute, options: BenchOptions): Promise<RouteRun> {
  const prepared = await prepareRequest(route, server.baseUrl);
  const request = options.compression ? { ...prepared, headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING, ...prepared.headers } } : prepared;
  const { connections, duration, warmup, latencyDuration } = options;
  // Warm-up first, alone, so that the CPU time read around the measured run is the run's.
  if (warmup > 0) await runLoad({ baseUrl: server.baseUrl, request, connections, duration: warmup, warmup: 0 });
  const cpuBefore = cpuSeconds(server.pid);
  const measured = await runLoad({ baseUrl: server.baseUrl, request, connections, duration, warmup: 0 });
  const cpuAfter = cpuSeconds(server.pid);
  const load = {
    ...measured,
    cpuMsPerRequest: cpuBefore !== undefined && cpuAfter !== undefined && measured.totalRequests > 0 ? ((cpuAfter - cpuBefore) * 1000) / measured.totalRequests : undefined,
  };
  const alone = latencyDuration > 0 ? await runLoad({ baseUrl: server.baseUrl, request, connections: 1, duration: latencyDuration, warmup: 1 }) : undefined;
  const latency = alone ? `, one connection ${aloneMs(alone)} a request` : "";
  const cpu = load.cpuMsPerRequest === undefined ? "" : `, ${load.cpuMsPerRequest.toFixed(2)} ms CPU a request`;
  console.log(`  ${server.label.padEnd(8)} ${route.method} ${route.path}: ${Math.round(load.reqPerSec)} req/s, p99 ${load.p99} ms${cpu}${latency}`);
  return { load, alone };
}

/**
 * The server's CPU time so far (all its threads: zlib's pool too), from /proc on Linux. CPU time
 * per request holds still when other work on the machine slows every clock-time figure.
 */
function cpuSeconds(pid: number): number | undefined {
  try {
    // With --workers the server is a primary and its workers: count them all.
    return [pid, ...childrenOf(pid)].reduce((sum, p) => sum + ownCpuSeconds(p), 0);
  } catch {
    return undefined;
  }
}

function childrenOf(pid: number): number[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(" "))
    .filter(Boolean)
    .map(Number);
}

function ownCpuSeconds(pid: number): number {
  // Fields after the command name, which is in parentheses: utime and stime are the 12th and 13th.
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** USER_HZ: 100 on every Linux Node supports. */
const CLOCK_TICKS = 100;

function routeReport(route: BenchRoute, app: RouteRun, baseline: RouteRun | undefined, before: RouteRun | undefined, viewsOff: RouteRun | undefined): RouteReport {
  const ratio = (a: LoadResult, b: LoadResult | undefined) => (b && b.reqPerSec > 0 ? a.reqPerSec / b.reqPerSec : undefined);
  return {
    name: route.name,
    method: route.method,
    path: route.path,
    app: app.load,
    appAlone: app.alone,
    baseline: baseline?.load,
    baselineAlone: baseline?.alone,
    ratio: ratio(app.load, baseline?.load),
    before: before?.load,
    beforeAlone: before?.alone,
    speedup: ratio(app.load, before?.load),
    viewsOff: viewsOff?.load,
    viewsCost: viewsOff && viewsOff.load.reqPerSec > 0 ? 1 - app.load.reqPerSec / viewsOff.load.reqPerSec : undefined,
  };
}

function skipped(target: DatabaseTarget, reason: string): DatabaseReport {
  return { kind: target.kind, url: redact(target.url), workers: 1, skipped: reason, routes: [] };
}

process.exitCode = await main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  return 1;
});
