/**
 * npx tsx bench/paired-workers.ts -- --pg URL [--workers 2] [--routes /,/jobs,/healthz] [--rounds 4] [--duration 5]
 *
 * One app process against N workers on the same PostgreSQL database (used as is: seed it first,
 * see bench/run.ts). Both servers start first; per route, short runs alternate 1,N,N,1,1,N ... so
 * that other work on the machine weighs on both alike. Prints each run and the medians.
 * On a busy machine, note that N processes also win a larger share of the CPU from other work.
 */
import crypto from "node:crypto";
import os from "node:os";
import { parseArgs } from "node:util";
import { runLoad } from "./load";
import { installCleanup, startServer } from "./processes";

const { values } = parseArgs({
  options: {
    pg: { type: "string" },
    workers: { type: "string", default: "2" },
    routes: { type: "string", default: "/,/jobs,/healthz" },
    rounds: { type: "string", default: "4" },
    duration: { type: "string", default: "5" },
    connections: { type: "string", default: "10" },
  },
});
if (!values.pg?.startsWith("postgres")) {
  console.error("bench/paired-workers.ts: --pg postgres://... is required (a seeded database, used as is)");
  process.exit(2);
}
const workers = Number(values.workers);
const rounds = Number(values.rounds);
const duration = Number(values.duration);
const connections = Number(values.connections);
const routes = values.routes.split(",");

installCleanup();
const secret = crypto.randomBytes(32).toString("hex");
const spec = (n: number) => ({
  label: `${n} worker(s)`,
  script: "server.ts",
  env: { DATABASE_URL: values.pg!, NODE_ENV: "production", LOG_REQUESTS: "off", SESSION_SECRET: secret, WEB_CONCURRENCY: String(n) },
});
const one = await startServer(spec(1));
const many = await startServer(spec(workers));
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`load average at start: ${load()}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rows: string[] = [];
for (const path of routes) {
  const runs = { one: [] as number[], many: [] as number[] };
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? (["one", "many"] as const) : (["many", "one"] as const);
    for (const which of order) {
      const server = which === "one" ? one : many;
      const res = await runLoad({ baseUrl: server.baseUrl, request: { method: "GET", path, headers: {} }, connections, duration, warmup: 1 });
      runs[which].push(res.reqPerSec);
      console.log(`  ${path} ${server.label}: ${Math.round(res.reqPerSec)} req/s, p99 ${res.p99} ms, ${res.errors + res.badResponses} errors`);
    }
  }
  const pairs = runs.one.map((x, i) => (runs.many[i] / x).toFixed(2)).join(" ");
  rows.push(`| ${path} | ${Math.round(median(runs.one))} | ${Math.round(median(runs.many))} | ${(median(runs.many) / median(runs.one)).toFixed(2)}x | ${pairs} |`);
}
console.log(`\nload average at end: ${load()}; ${connections} connections, ${rounds} x ${duration} s per server and route`);
console.log(`| route | 1 process req/s (median) | ${workers} workers | ratio | ratio per pair |\n|---|---|---|---|---|\n${rows.join("\n")}`);
await one.stop();
await many.stop();
