/** Command-line flags of `npm run bench`. Bad flags end the run with exit code 2 and a sentence. */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

export const DEFAULT_SQLITE_URL = "file:data/bench.db";
export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/ladder_bench";

export type DatabaseKind = "sqlite" | "pg";

export interface DatabaseTarget {
  kind: DatabaseKind;
  url: string;
  /** True for the default databases, which the bench recreates and seeds on every run. */
  owned: boolean;
}

export interface BenchOptions {
  targets: DatabaseTarget[];
  /** seconds of measured load per route */
  duration: number;
  /** seconds of unmeasured load per route before it */
  warmup: number;
  connections: number;
  /** app worker processes on PostgreSQL (WEB_CONCURRENCY); SQLite always runs one */
  workers: number;
  /** seconds of the one-connection latency run per route (0: no latency run) */
  latencyDuration: number;
  /** paths or names from --routes, undefined for all */
  routes?: string[];
  /** Send a browser's Accept-Encoding (the default), so compression is part of the measurement. */
  compression: boolean;
  /** Another checkout of Ladder (built, with node_modules) benchmarked in the same run: "before". */
  compare?: string;
}

/** What Chromium sends. */
export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

export const USAGE = `Usage: npm run bench -- [flags]
  --duration N      seconds of load per route (default 10)
  --quick           3 seconds per route
  --sqlite URL      an existing SQLite database (file:...), used as is
                    (default: ${DEFAULT_SQLITE_URL}, recreated and demo-seeded each run)
  --pg URL          an existing PostgreSQL database (postgres://...), used as is
                    (default: ${DEFAULT_PG_URL}, recreated and demo-seeded each run)
  --only sqlite|pg  benchmark one database
  --routes A,B      only these routes, by path or name (e.g. /,/healthz)
  --connections N   concurrent connections (default 10)
  --workers N       app worker processes on PostgreSQL (WEB_CONCURRENCY, default 1; SQLite always runs one)
  --no-latency      skip the one-connection run that gives the latency of one request alone
  --no-compression  send no Accept-Encoding (default: a browser's, "${BROWSER_ACCEPT_ENCODING}")
  --compare DIR     also benchmark the Ladder checkout in DIR (built with npm run build, with its
                    own node_modules), route by route in the same run: the "before" columns
  --help            this text`;

export class UsageError extends Error {}

const CONNECTIONS = 10;

export function parseBenchArgs(argv: string[]): BenchOptions | "help" {
  const { values } = parseFlags(argv);
  if (values.help) return "help";
  if (values.quick && values.duration !== undefined) throw new UsageError("use either --quick or --duration, not both");
  const duration = values.quick ? 3 : values.duration === undefined ? 10 : positiveInt("--duration", values.duration);
  return {
    targets: targetsOf(values),
    duration,
    warmup: duration <= 3 ? 1 : 2,
    connections: values.connections === undefined ? CONNECTIONS : positiveCount("--connections", values.connections),
    workers: values.workers === undefined ? 1 : positiveCount("--workers", values.workers),
    // A third of the load's time is enough for one connection's percentiles (thousands of requests).
    latencyDuration: values["no-latency"] ? 0 : Math.max(2, Math.round(duration / 3)),
    routes: values.routes === undefined ? undefined : listOf("--routes", values.routes),
    compression: !values["no-compression"],
    compare: values.compare === undefined ? undefined : checkoutDir(values.compare),
  };
}

function parseFlags(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        duration: { type: "string" },
        quick: { type: "boolean" },
        sqlite: { type: "string" },
        pg: { type: "string" },
        only: { type: "string" },
        routes: { type: "string" },
        connections: { type: "string" },
        workers: { type: "string" },
        "no-latency": { type: "boolean" },
        "no-compression": { type: "boolean" },
        compare: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    // parseArgs explains unknown flags, missing values and stray arguments well enough.
    throw new UsageError((error as Error).message);
  }
}

function targetsOf(values: { sqlite?: string; pg?: string; only?: string }): DatabaseTarget[] {
  if (values.only !== undefined && values.only !== "sqlite" && values.only !== "pg") {
    throw new UsageError(`--only must be sqlite or pg (got "${values.only}")`);
  }
  if (values.sqlite !== undefined && !values.sqlite.startsWith("file:")) {
    throw new UsageError(`--sqlite must be a file: URL, e.g. ${DEFAULT_SQLITE_URL} (got "${values.sqlite}")`);
  }
  if (values.pg !== undefined && !/^postgres(ql)?:\/\//.test(values.pg)) {
    throw new UsageError(`--pg must be a postgres:// URL, e.g. ${DEFAULT_PG_URL} (got "${values.pg}")`);
  }
  if (values.only === "sqlite" && values.pg !== undefined) throw new UsageError("--pg makes no sense with --only sqlite");
  if (values.only === "pg" && values.sqlite !== undefined) throw new UsageError("--sqlite makes no sense with --only pg");
  const all: DatabaseTarget[] = [
    { kind: "sqlite", url: values.sqlite ?? DEFAULT_SQLITE_URL, owned: values.sqlite === undefined },
    { kind: "pg", url: values.pg ?? DEFAULT_PG_URL, owned: values.pg === undefined },
  ];
  return all.filter((t) => values.only === undefined || t.kind === values.only);
}

/** A directory with a server.ts and a production build, as an absolute path. */
function checkoutDir(raw: string): string {
  const dir = path.resolve(raw);
  if (!fs.existsSync(path.join(dir, "server.ts"))) throw new UsageError(`--compare: ${dir} has no server.ts (give a Ladder checkout)`);
  if (!fs.existsSync(path.join(dir, "build", "index.js"))) throw new UsageError(`--compare: ${dir} has no build (run npm run build there first)`);
  return dir;
}

function positiveInt(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} must be a whole number of seconds, 1 or more (got "${raw}")`);
  return n;
}

function positiveCount(flag: string, raw: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1_000) throw new UsageError(`${flag} must be a whole number from 1 to 1000 (got "${raw}")`);
  return n;
}

function listOf(flag: string, raw: string): string[] {
  const items = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new UsageError(`${flag} needs at least one route, e.g. ${flag} /,/healthz`);
  return items;
}
