/**
 * Stopping one server process (SQLite, the default) gracefully: the real server.ts in a child
 * process. The cluster's stop is in cluster.test.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { openSqlite, sqliteCtx } from "../../db/client";
import { createMember, type Member } from "../support/app";
import { cookiesOf, csrfOf, expectGracefulStopDuringSignIn, slowPost, startServerProcess, type ServerProcess } from "../support/server-process";

const started: ServerProcess[] = [];
const files: string[] = [];

afterEach(async () => {
  for (const server of started.splice(0)) {
    server.kill();
    await server.exited;
  }
  for (const file of files.splice(0)) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

/** A migrated SQLite file with one member (so the server does not load demo data), and the server on it. */
async function serverOnSqlite(env: Record<string, string> = {}): Promise<{ server: ServerProcess; member: Member; file: string }> {
  const file = path.join(os.tmpdir(), `ladder-graceful-${process.pid}-${files.length}-${Date.now()}.db`);
  files.push(file);
  fs.copyFileSync(inject("sqliteTemplatePath"), file);
  const sqlite = openSqlite(file);
  const member = await createMember(sqliteCtx(sqlite));
  sqlite.close();
  const server = await startServerProcess({ DATABASE_URL: `file:${file}`, ...env });
  started.push(server);
  return { server, member, file };
}

async function signInForm(server: ServerProcess, ip: string) {
  const page = await server.request("GET", "/login", { headers: { "X-Forwarded-For": ip } });
  expect(page.status, server.output()).toBe(200);
  return { ip, cookies: cookiesOf(page), csrf: csrfOf(page.body) };
}

describe("one server process on SIGTERM", { timeout: 90_000 }, () => {
  it("finishes the request under way, refuses new connections, closes the database and exits 0", async () => {
    // More workers asked for: SQLite runs one process all the same, and says so.
    const { server, member, file } = await serverOnSqlite({ WEB_CONCURRENCY: "4" });
    expect(server.output()).toContain("WEB_CONCURRENCY=4 is ignored: on SQLite one process writes the database file");
    expect(server.output()).toContain("one process)");
    const guest = await signInForm(server, "127.0.0.1");
    await expectGracefulStopDuringSignIn(server, member.email, guest, 5_000);
    expect(server.output()).toContain("SIGTERM: stopping; 1 request(s) under way");
    // SQLite removes the write-ahead log when its last connection closes cleanly.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it("cuts a request that is still under way after SHUTDOWN_TIMEOUT_MS and exits 0 all the same", async () => {
    const { server, member } = await serverOnSqlite({ SHUTDOWN_TIMEOUT_MS: "500" });
    const guest = await signInForm(server, "127.0.0.1");
    // The rest of this body never comes.
    const stuck = slowPost(server.port, "/login", { email: member.email, password: "x", redirectTo: "/", csrf: guest.csrf }, guest);
    await stuck.started;

    const signalled = Date.now();
    process.kill(server.pid, "SIGTERM");
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeGreaterThanOrEqual(500);
    expect(Date.now() - signalled).toBeLessThan(4_000);
    expect(server.output()).toContain("1 request(s) still under way after 500 ms (SHUTDOWN_TIMEOUT_MS): their connections are cut.");
  });
});
