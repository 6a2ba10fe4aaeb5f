/**
 * Child processes of the bench: the servers under load, the build and the seed script.
 * Every server started here is killed at the end, on errors, on Ctrl-C and on exit.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export interface ServerSpec {
  label: string;
  /** Script run with `node --import tsx`, relative to the project root (or to `cwd`). */
  script: string;
  env: Record<string, string>;
  /** Another checkout to run the script in (its own build and node_modules), e.g. for --compare. */
  cwd?: string;
  /** Flags for node before the script, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export interface RunningServer {
  label: string;
  pid: number;
  baseUrl: string;
  stop(): Promise<void>;
}

const HOST = "127.0.0.1";
const READY_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 5_000;
const live = new Set<ChildProcess>();

/** Kills whatever is still running when the bench ends, however it ends. */
export function installCleanup(): void {
  process.on("exit", () => {
    for (const child of live) child.kill("SIGKILL");
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping ${live.size} server(s)`);
      void Promise.all([...live].map(stopChild)).finally(() => process.exit(130));
    });
  }
}

export async function startServer(spec: ServerSpec): Promise<RunningServer> {
  const port = await freePort();
  // Ladder's server runs with the node flags of its checkout's own `npm run serve` (the heap
  // settings of decision 020), so each build is measured as it would be served.
  const serveFlags = spec.script === "server.ts" ? serveNodeFlags(spec.cwd ?? ".") : [];
  const child = spawn(process.execPath, [...serveFlags, ...(spec.nodeArgs ?? []), "--import", "tsx", spec.script], {
    cwd: spec.cwd,
    env: { ...process.env, ...spec.env, PORT: String(port), HOST },
    stdio: ["ignore", "pipe", "pipe"],
  });
  live.add(child);
  const output = collectOutput(child);
  const baseUrl = `http://${HOST}:${port}`;
  try {
    await waitUntilHealthy(child, baseUrl, output);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return { label: spec.label, pid: child.pid!, baseUrl, stop: () => stopChild(child) };
}

/**
 * The node flags in a checkout's `serve` script ("node --max-semi-space-size=64 --import tsx
 * server.ts" gives ["--max-semi-space-size=64"]); none when it starts the server another way.
 */
export function serveNodeFlags(dir: string): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { scripts?: Record<string, string> };
  const command = /\bnode((?:\s+--[\w-]+(?:=\S+)?)*)\s+--import\s+tsx\s+server\.ts\b/.exec(scripts?.serve ?? "");
  return command ? command[1].trim().split(/\s+/).filter(Boolean) : [];
}

/** SIGTERM, then SIGKILL if the process has not gone after a grace period. */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      live.delete(child);
      resolve();
    };
    if (child.exitCode !== null || child.signalCode !== null) return done();
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(timer);
      done();
    });
    child.kill("SIGTERM");
  });
}

async function waitUntilHealthy(child: ChildProcess, baseUrl: string, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`);
    }
    const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) }).catch(() => undefined);
    if (res?.ok) return;
    await sleep(200);
  }
  throw new Error(`server not healthy at ${baseUrl}/healthz after ${READY_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/** The last few KB of a child's stdout and stderr, for error messages. */
function collectOutput(child: ChildProcess): () => string {
  let text = "";
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-8000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  return () => text.trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Runs a command to completion; its output is shown only when it fails. */
export function runCommand(command: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    live.add(child);
    const output = collectOutput(child);
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      live.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${[command, ...args].join(" ")} failed (${code ?? signal}):\n${output()}`));
    });
  });
}

/** `npm run build` when build/ is missing or older than anything in app/. */
export async function ensureBuild(root = process.cwd()): Promise<void> {
  const built = mtimeOf(path.join(root, "build", "index.js"));
  const source = newestMtime(path.join(root, "app"));
  if (built !== undefined && built >= source) return;
  console.log(built === undefined ? "No production build: npm run build" : "app/ changed since the last build: npm run build");
  await runCommand("npm", ["run", "build"]);
}

function mtimeOf(file: string): number | undefined {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, mtimeOf(path.join(entry.parentPath, entry.name)) ?? 0);
  }
  return newest;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds if needed and starts the production server (server.ts) on a fresh demo-seeded SQLite
 * file (`data/<name>.db`, removed first); the screenshots and Lighthouse run against it.
 */
export async function startDemoServer(name: string): Promise<RunningServer> {
  await ensureBuild();
  const file = `data/${name}.db`;
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
  const server = await startServer({ label: "app", script: "server.ts", env: { NODE_ENV: "production", DATABASE_URL: `file:${file}`, LOG_REQUESTS: "off" } });
  console.log(`Production server on ${server.baseUrl} (fresh demo data in ${file})`);
  return server;
}

/** Signs in through the login form (its CSRF token and cookie first); returns the session's Cookie header. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${baseUrl}/login`);
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${baseUrl}/login (status ${form.status})`);
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(form) },
    body: new URLSearchParams({ csrf, email, password, redirectTo: "/" }).toString(),
    redirect: "manual",
  });
  if (res.status !== 302) throw new Error(`signing in as ${email} failed (status ${res.status})`);
  // Without the one-time "You are signed in." message: a header sent with every request would
  // show it on every page.
  return cookieHeader(res)
    .split("; ")
    .filter((pair) => !pair.startsWith("ladder_flash="))
    .join("; ");
}

function cookieHeader(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}
