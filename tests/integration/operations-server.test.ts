/**
 * The request id and the JSON log of the real server.ts (issue 21 item 6, decision 059), in a
 * child process on SQLite with LOG_REQUESTS=on and the metrics port: one server for the file
 * (each start costs seconds), the tests in order.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openSqlite, sqliteCtx } from "../../db/client";
import { createMember, type Member } from "../support/app";
import { cookiesOf, csrfOf, freePort, requestOnce, startServerProcess, type ServerProcess } from "../support/server-process";

const METRICS_TOKEN = "operations-test-metrics-token";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe("the server's request ids, log lines and metrics", { timeout: 90_000 }, () => {
  let server: ServerProcess;
  let member: Member;
  let metricsPort: number;
  const file = path.join(os.tmpdir(), `ladder-operations-${process.pid}-${Date.now()}.db`);

  beforeAll(async () => {
    fs.copyFileSync(inject("sqliteTemplatePath"), file);
    const sqlite = openSqlite(file);
    // One member, so the server does not load the demo data.
    member = await createMember(sqliteCtx(sqlite));
    sqlite.close();
    metricsPort = await freePort();
    server = await startServerProcess({
      DATABASE_URL: `file:${file}`,
      LOG_REQUESTS: "on",
      ENABLE_TEST_ROUTES: "1",
      METRICS_PORT: String(metricsPort),
      METRICS_TOKEN,
    });
  }, 120_000);

  afterAll(async () => {
    server?.kill();
    await server?.exited;
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  });

  /** The JSON lines the server wrote so far. */
  const lines = () =>
    server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it("sends back a proxy's sane X-Request-Id, and a new id instead of a missing or strange one", async () => {
    expect((await server.request("GET", "/login", { headers: { "X-Request-Id": "proxy-abc-12345678" } })).headers["x-request-id"]).toBe("proxy-abc-12345678");
    expect(String((await server.request("GET", "/login", { headers: { "X-Request-Id": "<b>not an id</b>" } })).headers["x-request-id"])).toMatch(UUID);
    const a = String((await server.request("GET", "/healthz")).headers["x-request-id"]);
    const b = String((await server.request("GET", "/healthz")).headers["x-request-id"]);
    expect(a).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it("a failure writes an error line with the request id, and the 500 page shows the same id to quote", async () => {
    const id = "failing-request-0001";
    const res = await server.request("GET", "/test-errors/500", { headers: { "X-Request-Id": id } });
    expect(res.status).toBe(500);
    expect(res.body.replaceAll("<!-- -->", "")).toContain(`quote this reference: <code dir="ltr" class="select-all break-all">${id}</code>`);
    await expect.poll(() => lines().filter((line) => line.reqId === id).map((line) => `${String(line.level)} ${String(line.msg)}`), { timeout: 5_000 }).toEqual([
      "error request failed",
      "info request",
    ]);
    const error = lines().find((line) => line.reqId === id && line.level === "error") as { err: { message: string } };
    expect(error.err.message).toContain("a deliberate failure");
    expect(lines().find((line) => line.reqId === id && line.msg === "request")).toMatchObject({ method: "GET", path: "/test-errors/500", route: "routes/test-errors.$status", status: 500 });
  });

  it("one line per request names the member once signed in and never holds the password, the CSRF token, the cookie or the query", async () => {
    const page = await server.request("GET", "/login?email=someone%40example.com");
    const cookies = cookiesOf(page);
    const csrf = csrfOf(page.body);
    const cookie = Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join("; ");
    const signIn = await server.request("POST", "/login", {
      headers: { Cookie: cookie, "X-Request-Id": "sign-in-request-01" },
      body: new URLSearchParams({ email: member.email, password: member.password, csrf, redirectTo: "/" }).toString(),
    });
    expect(signIn.status, server.output()).toBe(302);
    const session = { ...cookies, ...cookiesOf(signIn) };
    await server.request("GET", "/settings/profile", { headers: { Cookie: Object.entries(session).map(([k, v]) => `${k}=${v}`).join("; "), "X-Request-Id": "signed-in-request-1" } });
    await expect.poll(() => lines().find((line) => line.reqId === "signed-in-request-1"), { timeout: 5_000 }).toMatchObject({ userId: member.id, route: "routes/settings.profile", status: 200 });
    expect(lines().find((line) => line.reqId === "sign-in-request-01")).toMatchObject({ method: "POST", route: "routes/login", status: 302 });
    const output = server.output();
    for (const secret of [member.password, csrf, ...Object.values(session), "someone%40example.com", "someone@example.com"]) expect(output).not.toContain(secret);
  });

  it("health probes write no info line, and the metrics port shows requests by route and status to a scrape with the token only", async () => {
    await server.request("GET", "/readyz");
    expect(lines().filter((line) => line.msg === "request" && (line.path === "/healthz" || line.path === "/readyz"))).toEqual([]);
    expect((await requestOnce(metricsPort, "GET", "/metrics")).status).toBe(401);
    const scrape = await requestOnce(metricsPort, "GET", "/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(scrape.body).toContain('ladder_http_requests_total{method="GET",route="routes/test-errors.$status",status="500"} 1');
    expect(scrape.body).toContain('ladder_http_requests_total{method="GET",route="routes/healthz",status="200"} 2');
    expect(scrape.body).toContain('ladder_http_requests_total{method="POST",route="routes/login",status="302"} 1');
    expect(scrape.body).not.toContain("someone");
    expect(scrape.body).toContain('ladder_db_pool_connections{dialect="sqlite",state="total"} 1');
    // The public port has no /metrics: the app's not-found page answers.
    expect((await server.request("GET", "/metrics")).status).toBe(404);
  });
});
