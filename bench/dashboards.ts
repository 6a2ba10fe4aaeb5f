/**
 * The signed-in home page of each role, one connection at a time, on databases you seeded:
 * p50 and p99 per role per database, against issue 13's target (p99 under 50 ms at one
 * connection with `db:seed --scale 100000`). Not a test: it prints, and exits 0 whatever the
 * numbers (1 only when a run fails or a page does not answer 200).
 *
 *   DATABASE_URL=file:data/scale.db npx tsx scripts/seed.ts --demo --scale 100000
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/ladder_scale npx tsx scripts/seed.ts --demo --scale 100000
 *   npm run bench:dashboards -- --sqlite file:data/scale.db --pg postgres://postgres@127.0.0.1:5432/ladder_scale
 *
 * Flags: --sqlite URL, --pg URL (at least one; used as they are, never reseeded), --duration N
 * (seconds measured per role, default 10), --connections N (default 1).
 */
import crypto from "node:crypto";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BROWSER_ACCEPT_ENCODING } from "./args";
import { redact } from "./databases";
import { runLoad, type LoadResult } from "./load";
import { ensureBuild, installCleanup, startServer } from "./processes";
import { busyWarning } from "./report";
import { prepareRequest, routes as allRoutes, selectRoutes } from "./routes";

const TARGET_P99_MS = 50;
const ROLES = ["home (job seeker)", "home (recruiter)", "home (career team)", "home (moderator)", "home (admin)"];

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    sqlite: { type: "string" },
    pg: { type: "string" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "1" },
    help: { type: "boolean", short: "h" },
  },
});
const usage = fileURLToPath(import.meta.url);
if (values.help || (!values.sqlite && !values.pg)) {
  console.log(`Usage: npm run bench:dashboards -- [--sqlite file:...] [--pg postgres://...] [--duration 10] [--connections 1]
(see the comment at the top of ${usage} for how to seed the databases)`);
  process.exit(values.help ? 0 : 2);
}
const duration = Number(values.duration);
const connections = Number(values.connections);
if (!(duration >= 1) || !(connections >= 1)) {
  console.error("--duration and --connections take whole numbers, 1 or more");
  process.exit(2);
}

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
installCleanup();
await ensureBuild();
const warning = busyWarning();
if (warning) console.warn(warning);

const targets = [
  ...(values.sqlite ? [{ label: "SQLite", url: values.sqlite }] : []),
  ...(values.pg ? [{ label: "PostgreSQL", url: values.pg }] : []),
];
const rows: { database: string; role: string; result: LoadResult }[] = [];
let failed = false;
for (const target of targets) {
  const server = await startServer({
    label: "app",
    script: "server.ts",
    env: {
      DATABASE_URL: target.url,
      NODE_ENV: "production",
      LOG_REQUESTS: "off",
      WEB_CONCURRENCY: "1",
      SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    },
  });
  console.log(`${target.label} (${redact(target.url)}): server pid ${server.pid}`);
  try {
    for (const route of selectRoutes(allRoutes, ROLES)) {
      const prepared = await prepareRequest(route, server.baseUrl);
      const request = { ...prepared, headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING, ...prepared.headers } };
      const result = await runLoad({ baseUrl: server.baseUrl, request, connections, duration, warmup: 2 });
      const codes = Object.keys(result.statusCodes).join(", ");
      if (result.badResponses > 0 || result.errors > 0 || codes !== "200") {
        failed = true;
        console.error(`  ${route.name}: answered ${codes} (${result.errors} errors): not a dashboard`);
      }
      console.log(`  ${route.name.padEnd(20)} p50 ${result.p50} ms, p99 ${result.p99} ms (${result.totalRequests} requests)`);
      rows.push({ database: target.label, role: route.name.replace(/^home \((.*)\)$/, "$1"), result });
    }
  } catch (error) {
    failed = true;
    console.error(`${target.label}: ${(error as Error).message}`);
  } finally {
    await server.stop();
  }
}

const [load] = os.loadavg();
console.log(`\nHome dashboards, ${connections} connection(s), ${duration} s each, load average ${load.toFixed(1)} on ${os.cpus().length} cores at the end; target p99 < ${TARGET_P99_MS} ms`);
console.log(`| database | role | p50 | p99 | requests | target |`);
console.log(`|---|---|---:|---:|---:|---|`);
for (const { database, role, result } of rows) {
  console.log(`| ${database} | ${role} | ${result.p50} ms | ${result.p99} ms | ${result.totalRequests} | ${result.p99 < TARGET_P99_MS ? "met" : "MISSED"} |`);
}
process.exitCode = failed ? 1 : 0;
