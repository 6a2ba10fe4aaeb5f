/**
 * Health, readiness and metrics (issue 21 item 6, decision 059), in process on both databases:
 * /healthz never asks the database, /readyz says whether it answers and has every migration,
 * metrics are labelled by route id (never the raw URL) and the metrics port refuses a scrape
 * without its token. The request id and the log lines are in operations-server.test.ts.
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { createMetrics, serveMetrics } from "../../app/services/metrics.server";
import { routeLabeller } from "../../app/services/route-labels.server";
import { openSqlite, pgCtx, sqliteCtx, type Ctx } from "../../db/client";
import { appClient } from "../support/app";
import { describeEachDatabase } from "../support/db";
import { freePort } from "../support/server-process";

/** A context whose database connection is closed: every query fails. */
async function closedCtx(dialect: Ctx["dialect"], url: string | null): Promise<Ctx> {
  if (dialect === "sqlite") {
    const sqlite = openSqlite(":memory:");
    sqlite.close();
    return sqliteCtx(sqlite);
  }
  const pool = new pg.Pool({ connectionString: url! });
  await pool.end();
  return pgCtx(pool);
}

/** Removes the newest applied migration's row, runs `body`, and puts the row back. */
async function withoutNewestMigration(ctx: Ctx, body: () => Promise<void>) {
  if (ctx.raw.kind === "sqlite") {
    const { sqlite } = ctx.raw;
    // drizzle's SQLite table leaves id empty: rows are told apart by their journal time.
    const row = sqlite.prepare("select id, hash, created_at from __drizzle_migrations order by created_at desc limit 1").get() as { id: number | null; hash: string; created_at: number };
    sqlite.prepare("delete from __drizzle_migrations where created_at = ?").run(row.created_at);
    try {
      await body();
    } finally {
      sqlite.prepare("insert into __drizzle_migrations (id, hash, created_at) values (?, ?, ?)").run(row.id, row.hash, row.created_at);
    }
    return;
  }
  const { pool } = ctx.raw;
  const { rows } = await pool.query<{ id: number; hash: string; created_at: string }>("select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1");
  await pool.query("delete from drizzle.__drizzle_migrations where id = $1", [rows[0].id]);
  try {
    await body();
  } finally {
    // The test databases are emptied and reused: the row must be back for the next test.
    await pool.query("insert into drizzle.__drizzle_migrations (id, hash, created_at) values ($1, $2, $3)", [rows[0].id, rows[0].hash, rows[0].created_at]);
  }
}

describeEachDatabase("health and readiness checks", (db) => {
  it("/readyz answers 200 with no-store when the database answers and has every migration", async () => {
    const res = await (await appClient(db.ctx)).get("/readyz");
    expect(res.status, res.html).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(JSON.parse(res.html)).toMatchObject({ status: "ok", database: db.ctx.dialect });
  });

  it("/readyz answers 503 naming the cause when a migration of this build is not applied", async () => {
    await withoutNewestMigration(db.ctx, async () => {
      const res = await (await appClient(db.ctx)).get("/readyz");
      expect(res.status).toBe(503);
      expect(JSON.parse(res.html)).toEqual({ status: "unavailable", reason: "1 migration(s) not applied", database: db.ctx.dialect });
    });
    expect((await (await appClient(db.ctx)).get("/readyz")).status).toBe(200);
  });

  it("with the database unreachable, /readyz answers 503 and /healthz still answers 200 (the process is alive)", async () => {
    const broken = await closedCtx(db.ctx.dialect, db.url);
    const browser = await appClient(broken);
    try {
      const ready = await browser.get("/readyz");
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.html)).toMatchObject({ status: "unavailable", reason: "database unreachable" });
      const live = await browser.get("/healthz");
      expect(live.status).toBe(200);
      expect(live.headers.get("Cache-Control")).toBe("no-store");
      expect(JSON.parse(live.html)).toEqual({ status: "ok" });
    } finally {
      globalThis.__ladderCtx = db.ctx;
    }
  });

  it("the pool gauge reports this process's connections", async () => {
    globalThis.__ladderCtx = db.ctx;
    const text = await createMetrics("all").registry.metrics();
    if (db.ctx.dialect === "pg") {
      expect(text).toMatch(/ladder_db_pool_connections\{dialect="pg",state="total"\} \d+/);
      expect(text).toMatch(/ladder_db_pool_connections\{dialect="pg",state="waiting"\} 0/);
    } else {
      expect(text).toContain('ladder_db_pool_connections{dialect="sqlite",state="total"} 1');
      expect(text).toContain('ladder_db_pool_connections{dialect="sqlite",state="waiting"} 0');
    }
  });
});

describe("metrics", () => {
  async function labeller() {
    const build = (await import(pathToFileURL(inject("appBuildPath")).href)) as ServerBuild;
    return routeLabeller(build.routes);
  }

  it("label a request by its route id, never its address, and hide a reset token in the logged path", async () => {
    const labelOf = await labeller();
    expect(labelOf("/feed/0b7c2f4e-1d1a-4b8e-9a57-3f1f0c2d9e11")).toEqual({ route: "routes/feed.$id", path: "/feed/0b7c2f4e-1d1a-4b8e-9a57-3f1f0c2d9e11" });
    expect(labelOf("/jobs.data").route).toBe("routes/jobs._index");
    expect(labelOf("/_root.data").route).toBe("routes/_index");
    expect(labelOf("/").route).toBe("routes/_index");
    expect(labelOf("/no/such/page").route).toBe("routes/$");
    expect(labelOf("/build/root-ABC123.js").route).toBe("static");
    expect(labelOf("/reset-password/s3cretResetToken")).toEqual({ route: "routes/reset-password.$token", path: "/reset-password/:token" });
  });

  it("are served on their own port: a scrape without the token is refused, with it the request shows with its route and status", async () => {
    const m = createMetrics("all");
    m.requests.inc({ method: "GET", route: "routes/feed.$id", status: "200" });
    m.duration.observe({ method: "GET", route: "routes/feed.$id" }, 0.012);
    m.setJobSource(async () => ({ completed: 3, failed: 1, queued: 2 }));
    const port = await freePort();
    const token = "metrics-token-for-tests-0123";
    const server = await serveMetrics({ port, host: "127.0.0.1", token, aggregateWorkers: false, registry: m.registry, onError: () => {} });
    try {
      const get = (path: string, headers: Record<string, string> = {}) =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          http
            .get({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
              let body = "";
              res.on("data", (chunk: Buffer) => (body += chunk.toString()));
              res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
            })
            .on("error", reject);
        });
      expect((await get("/metrics")).status).toBe(401);
      expect((await get("/metrics", { Authorization: "Bearer wrong-token-0123456789" })).status).toBe(401);
      expect((await get("/", { Authorization: `Bearer ${token}` })).status).toBe(404);
      const scrape = await get("/metrics", { Authorization: `Bearer ${token}` });
      expect(scrape.status).toBe(200);
      expect(scrape.body).toContain('ladder_http_requests_total{method="GET",route="routes/feed.$id",status="200"} 1');
      expect(scrape.body).toContain('ladder_http_request_duration_seconds_bucket{le="0.025",method="GET",route="routes/feed.$id"} 1');
      expect(scrape.body).toContain('ladder_analytics_jobs{state="failed"} 1');
      expect(scrape.body).toContain('ladder_analytics_jobs{state="queued"} 2');
      expect(scrape.body).toMatch(/ladder_page_view_rows\{outcome="dropped"\} \d+/);
      expect(scrape.body).toContain("ladder_process_cpu_user_seconds_total");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
