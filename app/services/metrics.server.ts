/**
 * Prometheus metrics (prom-client; decision 059). server.ts counts every request here and serves
 * the text on a port of its own (METRICS_PORT, on 127.0.0.1 unless METRICS_HOST says otherwise),
 * never on the public port. With METRICS_TOKEN set, a scrape must send it as a bearer token.
 *
 * With WEB_CONCURRENCY workers, each worker keeps its own numbers and the primary, which serves
 * the metrics port, asks every worker for them at each scrape (prom-client's AggregatorRegistry)
 * and adds its own (the daily-summary jobs run in the primary).
 */
import cluster from "node:cluster";
import crypto from "node:crypto";
import http from "node:http";
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { sqliteTransactionsWaiting } from "../../db/tx";

/** What the daily-summary schedule reports (app/modules/analytics/scheduler.server.ts). */
export interface JobStats {
  completed: number;
  failed: number;
  /** Jobs waiting in pg-boss's queue; null on SQLite (no queue). */
  queued: number | null;
}

export interface LadderMetrics {
  registry: Registry;
  requests: Counter<"method" | "route" | "status">;
  duration: Histogram<"method" | "route">;
  /** The schedule whose jobs are reported, once it runs in this process. */
  setJobSource(source: (() => Promise<JobStats>) | null): void;
}

// globalThis.__ladderCtx (app/db.server.ts) and globalThis.__ladderPageViews (the analytics
// page-view buffer) are read where they are, without importing the modules that make them.
/** Latency buckets, in seconds: Ladder's pages answer in 5 to 50 ms; the coach's stream takes longer. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The metrics of one process. `part`: "all" for a single process; with workers, each worker has
 * "requests" (everything it answers and holds) and the primary "jobs" (the schedule it runs), so a
 * scrape that joins them names each metric once.
 */
export function createMetrics(part: "all" | "requests" | "jobs" = "all"): LadderMetrics {
  const registry = new Registry();
  const requests = new Counter({
    name: "ladder_http_requests_total",
    help: "HTTP requests answered, by method, Remix route id (never the raw URL) and status",
    labelNames: ["method", "route", "status"] as const,
    registers: part === "jobs" ? [] : [registry],
  });
  const duration = new Histogram({
    name: "ladder_http_request_duration_seconds",
    help: "Time to answer a request, by method and Remix route id",
    labelNames: ["method", "route"] as const,
    buckets: LATENCY_BUCKETS,
    registers: part === "jobs" ? [] : [registry],
  });
  let jobSource: (() => Promise<JobStats>) | null = null;
  const setJobSource = (source: (() => Promise<JobStats>) | null) => (jobSource = source);
  if (part !== "requests") {
    new Gauge({
      name: "ladder_analytics_jobs",
      help: "Daily-summary jobs of this app instance's schedule since start (completed, failed) and waiting in pg-boss's queue (queued)",
      labelNames: ["state"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        if (!jobSource) return;
        const stats = await jobSource().catch(() => null);
        if (!stats) return;
        this.set({ state: "completed" }, stats.completed);
        this.set({ state: "failed" }, stats.failed);
        if (stats.queued !== null) this.set({ state: "queued" }, stats.queued);
      },
    });
  }
  if (part === "jobs") return { registry, requests, duration, setJobSource };
  collectDefaultMetrics({ register: registry, prefix: "ladder_" });
  new Gauge({
    name: "ladder_db_pool_connections",
    help: "Database connections of this process: PostgreSQL pool total, idle and waiting clients; SQLite one connection and the transactions waiting for it",
    labelNames: ["dialect", "state"] as const,
    registers: [registry],
    collect() {
      this.reset();
      const ctx = globalThis.__ladderCtx;
      if (!ctx) return;
      if (ctx.raw.kind === "pg") {
        const { pool } = ctx.raw;
        this.set({ dialect: "pg", state: "total" }, pool.totalCount);
        this.set({ dialect: "pg", state: "idle" }, pool.idleCount);
        this.set({ dialect: "pg", state: "waiting" }, pool.waitingCount);
      } else {
        this.set({ dialect: "sqlite", state: "total" }, ctx.raw.sqlite.open ? 1 : 0);
        this.set({ dialect: "sqlite", state: "waiting" }, sqliteTransactionsWaiting(ctx.raw.sqlite));
      }
    },
  });
  new Gauge({
    name: "ladder_page_view_rows",
    help: "Page views of the in-memory buffer since start: written to the database, dropped because the buffer was full, lost because a batch failed",
    labelNames: ["outcome"] as const,
    registers: [registry],
    collect() {
      const buffer = globalThis.__ladderPageViews;
      for (const outcome of ["written", "dropped", "lost"] as const) this.set({ outcome }, buffer?.counters[outcome] ?? 0);
    },
  });
  new Gauge({
    name: "ladder_page_views_buffered",
    help: "Page views waiting in memory to be written",
    registers: [registry],
    collect() {
      this.set(globalThis.__ladderPageViews?.size ?? 0);
    },
  });
  return { registry, requests, duration, setJobSource };
}

/** In a worker: answer the primary's scrapes with this process's metrics. */
export function shareWithPrimary(registry: Registry): void {
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
}

/** Constant-time comparison of a scrape's bearer token with METRICS_TOKEN. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(token).digest();
  return crypto.timingSafeEqual(a, b) && given.length > 0;
}

export interface MetricsServerOptions {
  port: number;
  host: string;
  token?: string;
  /** The primary of a cluster: the workers' numbers are gathered at each scrape. */
  aggregateWorkers: boolean;
  registry: Registry;
  onError: (error: Error) => void;
}

/** The metrics port: GET /metrics, and nothing else. */
export function serveMetrics({ port, host, token, aggregateWorkers, registry, onError }: MetricsServerOptions): Promise<http.Server> {
  const aggregator = aggregateWorkers ? new AggregatorRegistry() : null;
  const server = http.createServer((req, res) => {
    void (async () => {
      if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
        res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found: the metrics are at /metrics\n");
        return;
      }
      if (token && !tokenMatches(req.headers.authorization, token)) {
        res.writeHead(401, { "Content-Type": "text/plain", "WWW-Authenticate": 'Bearer realm="metrics"' }).end("The metrics need METRICS_TOKEN as a bearer token\n");
        return;
      }
      try {
        const own = await registry.metrics();
        const workers = aggregator && Object.keys(cluster.workers ?? {}).length > 0 ? await aggregator.clusterMetrics() : "";
        res.writeHead(200, { "Content-Type": registry.contentType, "Cache-Control": "no-store" }).end(workers ? `${workers}\n${own}` : own);
      } catch (error) {
        onError(error as Error);
        res.writeHead(500, { "Content-Type": "text/plain" }).end("The metrics could not be gathered\n");
      }
    })();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      server.on("error", onError);
      resolve(server);
    });
  });
}
