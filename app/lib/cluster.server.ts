/**
 * How Ladder's processes start and stop (server.ts).
 *
 * WEB_CONCURRENCY worker processes (node:cluster) share one port. The primary migrates and seeds
 * once, before it forks; it replaces a worker that dies (pausing longer while they keep dying) and
 * on SIGTERM or SIGINT passes the signal on and waits for every worker. A worker, or the single
 * process when there is one, stops gracefully: it accepts no new connection, lets the requests
 * under way finish (for at most SHUTDOWN_TIMEOUT_MS), closes the database and exits 0.
 *
 * Any worker may answer any request: sessions, rate limits and the coach quota live in the
 * database, and the CSRF and cookie secret comes from the environment, never from a process's memory.
 */
import cluster, { type Worker } from "node:cluster";
import type http from "node:http";
import type { Dialect } from "../../db/client";

export interface ProcessPlan {
  workers: number;
  /** Said at start when WEB_CONCURRENCY was asked for but not followed. */
  note: string | null;
}

/**
 * How many processes serve. SQLite: always one, as one process writes the file (a setting that
 * asks for more is ignored with a note rather than refused: hosts such as Heroku set
 * WEB_CONCURRENCY themselves). PostgreSQL: WEB_CONCURRENCY, else every core in production.
 */
export function processPlan(input: { requested: number | undefined; production: boolean; dialect: Dialect; cores: number }): ProcessPlan {
  if (input.dialect === "sqlite") {
    const note =
      input.requested !== undefined && input.requested > 1
        ? `WEB_CONCURRENCY=${input.requested} is ignored: on SQLite one process writes the database file, so Ladder runs as one process. Use PostgreSQL to run several workers.`
        : null;
    return { workers: 1, note };
  }
  return { workers: input.requested ?? (input.production ? Math.max(1, input.cores) : 1), note: null };
}

/** A worker that lived this long was not crash-looping: the next pause starts from nothing. */
export const STABLE_AFTER_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

/**
 * The pause before replacing a dead worker, by how many workers in a row died young (this one
 * included): none for the first, then 1 s, 2 s, 4 s ... up to 30 s, so a crash loop does not spin.
 */
export function restartDelayMs(youngDeathsInARow: number): number {
  if (youngDeathsInARow <= 1) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, 1000 * 2 ** (youngDeathsInARow - 2));
}

/** After SHUTDOWN_TIMEOUT_MS the workers cut their connections; this long after that they are killed. */
const PRIMARY_GRACE_MS = 3_000;

export interface PrimaryOptions {
  workers: number;
  shutdownTimeoutMs: number;
  /** Called once, when the first `workers` workers all listen. */
  onReady: () => void;
  /** Work the primary itself stops before it exits (the analytics schedule); given at most 2 s. */
  beforeExit?: () => Promise<void>;
}

/**
 * The primary: forks the workers and looks after them until a signal stops them all. It ends the
 * process itself (0 when every worker stopped in time, 1 otherwise), so the promise never settles.
 */
export function runPrimary({ workers, shutdownTimeoutMs, onReady, beforeExit }: PrimaryOptions): Promise<never> {
  const alive = new Map<number, { worker: Worker; bornAt: number; listening: boolean }>();
  const restarts = new Set<NodeJS.Timeout>();
  let ready = false;
  let stopping = false;
  let exitCode = 0;
  let youngDeaths = 0;

  const fork = () => {
    const worker = cluster.fork();
    alive.set(worker.id, { worker, bornAt: Date.now(), listening: false });
  };

  const finish = () => {
    const stopped = beforeExit ? beforeExit().catch((error: Error) => console.error(`Stopping failed: ${error.message}`)) : Promise.resolve();
    void Promise.race([stopped, sleep(2_000)]).then(() => {
      console.log("Ladder stopped.");
      process.exit(exitCode);
    });
  };

  const stop = (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    for (const timer of restarts) clearTimeout(timer);
    console.log(`${reason}: stopping ${alive.size} worker(s); requests under way get up to ${shutdownTimeoutMs} ms to finish.`);
    // Each worker stops gracefully on SIGTERM (a terminal's Ctrl-C reaches them too: once is enough).
    for (const { worker } of alive.values()) worker.process.kill("SIGTERM");
    if (alive.size === 0) finish();
    setTimeout(() => {
      console.error(`${alive.size} worker(s) still running ${shutdownTimeoutMs + PRIMARY_GRACE_MS} ms after the signal: killed.`);
      exitCode = 1;
      for (const { worker } of alive.values()) worker.process.kill("SIGKILL");
    }, shutdownTimeoutMs + PRIMARY_GRACE_MS).unref();
  };

  cluster.on("listening", (worker) => {
    const entry = alive.get(worker.id);
    if (entry) entry.listening = true;
    if (!ready && [...alive.values()].filter((w) => w.listening).length >= workers) {
      ready = true;
      onReady();
    }
  });

  cluster.on("exit", (worker, code, signal) => {
    const entry = alive.get(worker.id);
    alive.delete(worker.id);
    if (stopping) {
      if (alive.size === 0) finish();
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${code}`;
    if (!ready && !entry?.listening) {
      // A worker that cannot start (no build, port taken) would fail the same way again.
      console.error(`Ladder cannot start: a worker process exited (${how}) before it was listening.`);
      stop("Start-up failed", 1);
      return;
    }
    const lived = Date.now() - (entry?.bornAt ?? Date.now());
    youngDeaths = lived < STABLE_AFTER_MS ? youngDeaths + 1 : 1;
    const delay = restartDelayMs(youngDeaths);
    console.error(`Worker ${worker.process.pid} exited (${how}); a new one starts ${delay ? `in ${delay / 1000} s` : "now"}.`);
    const timer = setTimeout(() => {
      restarts.delete(timer);
      fork();
    }, delay);
    restarts.add(timer);
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stop(signal, 0));
  for (let i = 0; i < workers; i++) fork();
  return new Promise<never>(() => {});
}

export interface GracefulStopOptions {
  timeoutMs: number;
  closeDatabase: () => Promise<void>;
  /** Name this process on every response (X-Ladder-Worker: pid), so tests can tell workers apart. */
  nameWorker?: boolean;
}

/** How long closing the database may take before the process exits anyway. */
const DATABASE_CLOSE_MS = 2_000;

/**
 * On SIGTERM or SIGINT: accept no new connection, let the requests under way finish (their
 * connections close after them), cut what is left after `timeoutMs`, close the database, exit 0.
 */
export function stopGracefully(server: http.Server, { timeoutMs, closeDatabase, nameWorker = false }: GracefulStopOptions): void {
  const open = new Set<http.ServerResponse>();
  let stopping = false;

  // Before Express, which may answer (and send its headers) synchronously.
  server.prependListener("request", (_req: http.IncomingMessage, res: http.ServerResponse) => {
    open.add(res);
    if (nameWorker) res.setHeader("X-Ladder-Worker", String(process.pid));
    if (stopping) res.setHeader("Connection", "close");
    res.once("close", () => {
      open.delete(res);
      // The kept-alive connection this response leaves idle is not needed any more.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });

  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!cluster.isWorker) console.log(`${signal}: stopping; ${open.size} request(s) under way get up to ${timeoutMs} ms to finish.`);
    // Responses not yet begun say Connection: close, so their connections end with them.
    for (const res of open) if (!res.headersSent) res.setHeader("Connection", "close");
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    const finished = await Promise.race([closed, sleep(timeoutMs).then(() => false)]);
    if (!finished) {
      console.warn(`Process ${process.pid}: ${open.size} request(s) still under way after ${timeoutMs} ms (SHUTDOWN_TIMEOUT_MS): their connections are cut.`);
      server.closeAllConnections();
    }
    await Promise.race([
      closeDatabase().catch((error: Error) => console.error(`Closing the database failed: ${error.message}`)),
      sleep(DATABASE_CLOSE_MS),
    ]);
    if (!cluster.isWorker) console.log("Ladder stopped.");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop(signal));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
