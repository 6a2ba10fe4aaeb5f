/**
 * npm run bench [-- --quick | --duration N] [--only sqlite|pg] [--routes /,/healthz] [--sqlite URL] [--pg URL] [--workers N]
 *
 * For each database: start the production server (server.ts), load every route with autocannon,
 * stop it; then the same against the bare node:http baseline (bench/baseline.ts) on the same
 * database. Prints one table per database and writes bench/results/<timestamp>.json.
 * Load goes to 127.0.0.1 only.
 *
 * Scale runs: seed a database of your own once, then point the bench at it (used as is):
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx db/scripts/seed.ts --demo --scale 100000
 *   npm run bench -- --only pg --pg postgres://postgres@127.0.0.1:5432/ladder_scale
 */
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { parseBenchArgs, USAGE, UsageError, type BenchOptions, type DatabaseTarget } from "./args";
import { baselineHandles } from "./baseline";
import { prepareDatabase, redact } from "./databases";
import { runLoad, type LoadResult } from "./load";
import { ensureBuild, installCleanup, startServer, type ServerSpec } from "./processes";
import { busyWarning, LABELS, printTable, writeResults, type DatabaseReport, type RouteReport } from "./report";
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
  // The app goes first: on a fresh SQLite file its start-up migrates and seeds the database.
  // The baseline is one process: --workers compares the app's workers with it on PostgreSQL only.
  const workers = target.kind === "pg" ? options.workers : 1;
  const app = await benchServer(appServer({ ...env, WEB_CONCURRENCY: String(workers) }), routes, options);
  const baselineRoutes = routes.filter((r) => baselineHandles(r.method, r.path));
  const baseline = await benchServer(baselineServer(env), baselineRoutes, options);
  return {
    kind: target.kind,
    url: redact(target.url),
    workers,
    routes: routes.map((route) => routeReport(route, app.get(route)!, baseline.get(route))),
  };
}

function appServer(env: Record<string, string>): ServerSpec {
  return {
    label: "app",
    script: "server.ts",
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

/** Starts one server, loads each route in turn, always stops the server. */
async function benchServer(spec: ServerSpec, routes: BenchRoute[], options: BenchOptions): Promise<Map<BenchRoute, LoadResult>> {
  const results = new Map<BenchRoute, LoadResult>();
  if (routes.length === 0) return results;
  const server = await startServer(spec);
  console.log(`${spec.label} started (pid ${server.pid}) at ${server.baseUrl}`);
  try {
    for (const route of routes) {
      const request = await prepareRequest(route, server.baseUrl);
      const { connections, duration, warmup } = options;
      const result = await runLoad({ baseUrl: server.baseUrl, request, connections, duration, warmup });
      console.log(`  ${spec.label.padEnd(8)} ${route.method} ${route.path}: ${Math.round(result.reqPerSec)} req/s, p99 ${result.p99} ms`);
      results.set(route, result);
    }
  } finally {
    await server.stop();
  }
  return results;
}

function routeReport(route: BenchRoute, app: LoadResult, baseline: LoadResult | undefined): RouteReport {
  return {
    name: route.name,
    method: route.method,
    path: route.path,
    app,
    baseline,
    ratio: baseline && baseline.reqPerSec > 0 ? app.reqPerSec / baseline.reqPerSec : undefined,
  };
}

function skipped(target: DatabaseTarget, reason: string): DatabaseReport {
  return { kind: target.kind, url: redact(target.url), workers: 1, skipped: reason, routes: [] };
}

process.exitCode = await main().catch((error: Error) => {
  console.error(`bench failed: ${error.message}`);
  return 1;
});
