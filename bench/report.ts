/** What a bench run found: one table per database on stdout, everything as JSON in bench/results/. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions, DatabaseKind } from "./args";
import { redact } from "./databases";
import type { LoadResult } from "./load";
import type { HttpMethod } from "./routes";

/** One route on one server: the load at --connections, and one connection alone. */
export interface RouteRun {
  load: LoadResult;
  alone?: LoadResult;
}

export interface RouteReport {
  name: string;
  method: HttpMethod;
  path: string;
  app: LoadResult;
  /** one connection: the latency of a request on an idle server */
  appAlone?: LoadResult;
  /** absent when the baseline has no counterpart for the route */
  baseline?: LoadResult;
  baselineAlone?: LoadResult;
  /** app req/s divided by baseline req/s */
  ratio?: number;
  /** the app of the --compare checkout */
  before?: LoadResult;
  beforeAlone?: LoadResult;
  /** app req/s divided by before req/s */
  speedup?: number;
  /** the app with ANALYTICS_PAGE_VIEWS=off (routes marked pageViewsOff) */
  viewsOff?: LoadResult;
  /** 1 - app req/s / views-off req/s: the share of throughput recording page views costs */
  viewsCost?: number;
}

export interface DatabaseReport {
  kind: DatabaseKind;
  /** password hidden */
  url: string;
  /** app worker processes (WEB_CONCURRENCY) */
  workers: number;
  /** why the database was not benchmarked; absent when it was */
  skipped?: string;
  routes: RouteReport[];
}

export const LABELS: Record<DatabaseKind, string> = { sqlite: "SQLite", pg: "PostgreSQL" };

export function printTable(report: DatabaseReport, options: BenchOptions): void {
  const encoding = options.compression ? "browser Accept-Encoding" : "no Accept-Encoding";
  const processes = report.workers === 1 ? "one app process" : `${report.workers} app workers`;
  const title = `${LABELS[report.kind]} (${report.url}), ${processes}, ${options.connections} connections, ${options.duration} s per route, ${encoding}`;
  const latency = options.latencyDuration > 0;
  const compare = options.compare !== undefined;
  const header = [
    "route",
    "app req/s",
    "app p50",
    "app p99",
    "app CPU/req",
    ...(latency ? ["1-conn ms"] : []),
    "errors",
    "baseline req/s",
    ...(latency ? ["baseline 1-conn ms"] : []),
    "app/baseline",
    ...(compare ? ["before req/s", "before CPU/req", ...(latency ? ["before 1-conn ms"] : []), "app/before"] : []),
  ];
  const rows = report.routes.map((r) => [
    `${r.method === "GET" ? "" : `${r.method} `}${r.path}`,
    num(r.app.reqPerSec),
    ms(r.app.p50),
    ms(r.app.p99),
    cpuMs(r.app),
    ...(latency ? [aloneMs(r.appAlone)] : []),
    String(failures(r.app) + (r.appAlone ? failures(r.appAlone) : 0)),
    r.baseline ? num(r.baseline.reqPerSec) : "-",
    ...(latency ? [aloneMs(r.baselineAlone)] : []),
    times(r.ratio),
    ...(compare ? [r.before ? num(r.before.reqPerSec) : "-", cpuMs(r.before), ...(latency ? [aloneMs(r.beforeAlone)] : []), times(r.speedup)] : []),
  ]);
  console.log(`\n${title}\n${formatTable(header, rows)}`);
  for (const r of report.routes) {
    if (!r.viewsOff || r.viewsCost === undefined) continue;
    const cost = `${(r.viewsCost * 100).toFixed(1)}%`;
    console.log(
      `  page views on ${r.path}: ${num(r.app.reqPerSec)} req/s recorded, ${num(r.viewsOff.reqPerSec)} req/s with ANALYTICS_PAGE_VIEWS=off ` +
        `(${cpuMs(r.app)} vs ${cpuMs(r.viewsOff)} CPU a request): recording costs ${cost} of the throughput (budget 5%)`,
    );
  }
  for (const r of report.routes) {
    for (const [who, result] of [["app", r.app], ["app alone", r.appAlone], ["baseline", r.baseline], ["before", r.before], ["before alone", r.beforeAlone], ["views off", r.viewsOff]] as const) {
      if (result && failures(result) > 0) console.log(`  ! ${who} ${r.path}: ${describeFailures(result)}`);
    }
  }
}

/**
 * One connection sends a request when the last one is answered, so the mean time per request is
 * 1000 / req/s: finer than autocannon's percentiles, which are whole milliseconds.
 */
export const aloneMs = (alone: LoadResult | undefined) => (alone && alone.reqPerSec > 0 ? `${(1000 / alone.reqPerSec).toFixed(2)} ms` : "-");

const cpuMs = (result: LoadResult | undefined) => (result?.cpuMsPerRequest === undefined ? "-" : `${result.cpuMsPerRequest.toFixed(2)} ms`);

const times = (ratio: number | undefined) => (ratio === undefined ? "-" : `${ratio.toFixed(2)}x`);

/** Responses outside 2xx/3xx plus connection errors and timeouts. */
export function failures(result: LoadResult): number {
  return result.badResponses + result.errors;
}

function describeFailures(result: LoadResult): string {
  const codes = Object.entries(result.statusCodes)
    .filter(([code]) => !/^[23]/.test(code))
    .map(([code, count]) => `${count} x ${code}`);
  return [...codes, `${result.errors} connection errors/timeouts`].join(", ");
}

function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join(" | ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...rows.map(line)].join("\n");
}

const num = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n} ms`;

export function writeResults(reports: DatabaseReport[], options: BenchOptions, dir = path.resolve("bench/results")): string {
  fs.mkdirSync(dir, { recursive: true });
  const startedAt = new Date().toISOString();
  const file = path.join(dir, `${startedAt.replace(/[:.]/g, "-")}.json`);
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    platform: os.platform(),
    loadAverageAtEnd: os.loadavg(),
  };
  const shown = { ...options, targets: options.targets.map((t) => ({ ...t, url: redact(t.url) })) };
  const content = { writtenAt: startedAt, commit: gitDescribe(), machine, options: shown, databases: reports };
  fs.writeFileSync(file, `${JSON.stringify(content, null, 2)}\n`);
  return file;
}

/** Other work on the machine skews every number: say so before the load starts. */
export function busyWarning(): string | undefined {
  const [load] = os.loadavg();
  const cpus = os.cpus().length;
  if (load < cpus * 0.5) return undefined;
  return `warning: load average ${load.toFixed(1)} on ${cpus} cores before the bench; other work will skew the numbers.`;
}

function gitDescribe(): string | undefined {
  try {
    return execFileSync("git", ["describe", "--always", "--dirty"], { encoding: "utf8" }).trim();
  } catch {
    return undefined;
  }
}
