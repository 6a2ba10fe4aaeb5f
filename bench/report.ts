/** What a bench run found: one table per database on stdout, everything as JSON in bench/results/. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchOptions, DatabaseKind } from "./args";
import { redact } from "./databases";
import type { LoadResult } from "./load";
import type { HttpMethod } from "./routes";

export interface RouteReport {
  name: string;
  method: HttpMethod;
  path: string;
  app: LoadResult;
  /** absent when the baseline has no counterpart for the route */
  baseline?: LoadResult;
  /** app req/s divided by baseline req/s */
  ratio?: number;
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
  const processes = report.workers === 1 ? "one app process" : `${report.workers} app workers`;
  const title = `${LABELS[report.kind]} (${report.url}), ${processes}, ${options.connections} connections, ${options.duration} s per route`;
  const header = ["route", "app req/s", "app p50", "app p99", "errors", "baseline req/s", "baseline p99", "app/baseline"];
  const rows = report.routes.map((r) => [
    `${r.method === "GET" ? "" : `${r.method} `}${r.path}`,
    num(r.app.reqPerSec),
    ms(r.app.p50),
    ms(r.app.p99),
    String(failures(r.app)),
    r.baseline ? num(r.baseline.reqPerSec) : "-",
    r.baseline ? ms(r.baseline.p99) : "-",
    r.ratio === undefined ? "-" : `${r.ratio.toFixed(2)}x`,
  ]);
  console.log(`\n${title}\n${formatTable(header, rows)}`);
  for (const r of report.routes) {
    if (failures(r.app) > 0) console.log(`  ! app ${r.path}: ${describeFailures(r.app)}`);
    if (r.baseline && failures(r.baseline) > 0) console.log(`  ! baseline ${r.path}: ${describeFailures(r.baseline)}`);
  }
}

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
