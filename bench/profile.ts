/**
 * Where a route's server time goes: starts the production server with `node --cpu-prof` on the
 * bench's SQLite database, loads one route at a time with autocannon, stops the server and
 * prints the profile's busiest functions (self and total time) and packages, counting only the
 * samples taken under load.
 *
 *   npx tsx bench/profile.ts [--duration 10] [--connections 10] [--top 25] [--no-compress] [--focus matchRoutes,compress] / /jobs /settings/profile
 *
 * Routes are paths or names from bench/routes.ts (signed-in ones sign in first). The raw
 * .cpuprofile files stay in bench/results/profiles/ for Chromium's DevTools (Performance tab).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runLoad } from "./load";
import { ensureBuild, installCleanup, startServer } from "./processes";
import { prepareRequest, routes as allRoutes, selectRoutes } from "./routes";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    top: { type: "string", default: "25" },
    "no-compress": { type: "boolean", default: false },
    /** functions (names, comma-separated) whose total time is printed whatever their rank */
    focus: { type: "string", default: "" },
  },
});
const duration = Number(values.duration);
const top = Number(values.top);
const acceptEncoding: Record<string, string> = values["no-compress"] ? {} : { "accept-encoding": "gzip, deflate, br, zstd" };

process.chdir(fileURLToPath(new URL("..", import.meta.url)));
installCleanup();
await ensureBuild();
const outDir = path.resolve("bench/results/profiles");
fs.mkdirSync(outDir, { recursive: true });

for (const route of selectRoutes(allRoutes, positionals.length ? positionals : ["/"])) {
  const dir = fs.mkdtempSync(path.join(outDir, "run-"));
  const server = await startServer({
    label: "app",
    script: "server.ts",
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${dir}`],
    env: { DATABASE_URL: "file:data/bench.db", NODE_ENV: "production", LOG_REQUESTS: "off", TRUST_PROXY: "1", SESSION_SECRET: crypto.randomBytes(32).toString("hex") },
  });
  const prepared = await prepareRequest(route, server.baseUrl);
  const request = { ...prepared, headers: { ...acceptEncoding, ...prepared.headers } };
  const result = await runLoad({ baseUrl: server.baseUrl, request, connections: Number(values.connections), duration, warmup: 2 });
  await server.stop();
  const file = fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
  console.log(`\n${route.method} ${route.path}: ${Math.round(result.reqPerSec)} req/s under load; profile ${path.join(dir, file)}`);
  summarise(profile, duration);
}

/** Prints self and total time of the busiest functions and the self time per package. */
function summarise(profile: CpuProfile, seconds: number): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Only the samples of the last `seconds`: the load, not the start-up.
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  const from = profile.endTime - seconds * 1e6;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const pkgs = new Map<string, number>();
  const stackKeys = new Map<number, Set<string>>();
  let counted = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < from) return;
    counted++;
    const node = byId.get(id)!;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + 1);
    const pkg = packageOf(node);
    pkgs.set(pkg, (pkgs.get(pkg) ?? 0) + 1);
    for (const k of stackOf(id)) total.set(k, (total.get(k) ?? 0) + 1);
  });
  const pct = (n: number) => `${((100 * n) / counted).toFixed(1).padStart(5)}%`;
  const show = (title: string, map: Map<string, number>, n: number) => {
    console.log(`  ${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`    ${pct(v)}  ${k}`);
  };
  show("self time by package", pkgs, 15);
  show("self time by function", self, top);
  show("total time by function (self + callees)", total, top);
  const focus = (values.focus ?? "").split(",").filter(Boolean);
  if (focus.length) {
    const names = new Map<string, number>();
    for (const [k, v] of total) if (focus.includes(k.split(" ")[0])) names.set(k, v);
    show("total time of --focus functions", names, 100);
  }

  function stackOf(id: number): Set<string> {
    const known = stackKeys.get(id);
    if (known) return known;
    const up = parent.get(id);
    const keys = new Set(up === undefined ? [] : stackOf(up));
    keys.add(keyOf(byId.get(id)!));
    stackKeys.set(id, keys);
    return keys;
  }
}

function keyOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  if (!url) return functionName || "(anonymous)";
  return `${functionName || "(anonymous)"} ${shortUrl(url)}:${lineNumber + 1}`;
}

function shortUrl(url: string): string {
  const at = url.lastIndexOf("node_modules/");
  if (at >= 0) return url.slice(at + "node_modules/".length);
  return url.replace(/^file:\/\//, "").replace(`${process.cwd()}/`, "");
}

/** node_modules package, the app's build, node's own code, or a V8 pseudo-frame like (garbage collector). */
function packageOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName;
  const at = url.lastIndexOf("node_modules/");
  if (at >= 0) {
    const rest = url.slice(at + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith("node:")) return "node internals";
  if (url.includes("/build/")) return "app build (build/index.js)";
  return shortUrl(url);
}
