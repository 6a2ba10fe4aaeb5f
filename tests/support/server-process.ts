/**
 * The real server (server.ts) in a child process, on the test run's build, and plain HTTP
 * requests to it: each on a new connection, so that a cluster's primary hands them out in turn.
 *
 *   const server = await startServerProcess({ DATABASE_URL: url, WEB_CONCURRENCY: "2" });
 *   const res = await server.request("GET", "/healthz");
 *   const { code } = await server.stop();
 */
import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { expect, inject } from "vitest";

export interface ServerResponseText {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface ServerProcess {
  pid: number;
  port: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Settles when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  request(method: string, urlPath: string, options?: { headers?: Record<string, string>; body?: string | Uint8Array }): Promise<ServerResponseText>;
  /** SIGTERM, and the exit it leads to. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, for clean-up after a failed test. */
  kill(): void;
}

const READY_TIMEOUT_MS = 100_000;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts server.ts in production mode and resolves once it says it listens ("Ladder on ..."). */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      LOG_REQUESTS: "off",
      HOST: "127.0.0.1",
      PORT: String(port),
      SESSION_SECRET: "server-process-tests-secret-0123456789abcdef",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      // The offline coach: no request leaves the machine.
      OPENAI_API_KEY: "",
      // No daily summary job (pg-boss on PostgreSQL) unless a test asks for one: these tests are about other things.
      ANALYTICS_SCHEDULER: "off",
      LADDER_BUILD_DIR: path.dirname(inject("appBuildPath")),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!text.includes("Ladder on http://")) {
    if (gone) throw new Error(`server.ts exited before it listened:\n${text}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`server.ts did not listen within ${READY_TIMEOUT_MS / 1000} s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    pid: child.pid!,
    port,
    output: () => text,
    exited,
    request: (method, urlPath, options = {}) => requestOnce(port, method, urlPath, options),
    stop: () => {
      if (!gone) child.kill("SIGTERM");
      return exited;
    },
    kill: () => {
      if (!gone) child.kill("SIGKILL");
    },
  };
}

/** One request on a new connection that closes after it (a string body is urlencoded unless a Content-Type says otherwise). */
export function requestOnce(
  port: number,
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<ServerResponseText> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) {
      headers["Content-Type"] ??= "application/x-www-form-urlencoded";
      headers["Content-Length"] = String(Buffer.byteLength(options.body));
    }
    const req = http.request({ host: "127.0.0.1", port, method, path: urlPath, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** The name=value pairs of a response's Set-Cookie headers. */
export function cookiesOf(res: ServerResponseText): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of res.headers["set-cookie"] ?? []) {
    const pair = line.split(";")[0];
    const index = pair.indexOf("=");
    cookies[pair.slice(0, index).trim()] = pair.slice(index + 1).trim();
  }
  return cookies;
}

/** The CSRF token in a page's form. */
export function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error("no CSRF token on the page");
  return match[1];
}

/**
 * A form POST whose body arrives in two parts: the request is under way on the server from the
 * first part until `finish()` sends the rest, which resolves with the raw response. The connection
 * first carries a GET /healthz, so a worker surely holds it before the POST begins.
 */
export function slowPost(port: number, path: string, fields: Record<string, string>, from: { ip: string; cookies: Record<string, string> }) {
  const body = new URLSearchParams(fields).toString();
  const socket = net.connect(port, "127.0.0.1");
  let raw = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk: string) => (raw += chunk));
  // Whatever came before the connection closed (a cut connection is for the test to judge).
  const ended = new Promise<string>((resolve) => socket.on("close", () => resolve(raw)));
  socket.on("error", () => {});
  const cookie = Object.entries(from.cookies).map(([k, v]) => `${k}=${v}`).join("; ");
  const started = new Promise<void>((resolve) => {
    socket.once("connect", () => socket.write(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`));
    const answered = () => {
      if (!raw.includes('"status":"ok"')) return;
      socket.off("data", answered);
      raw = "";
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nCookie: ${cookie}\r\nX-Forwarded-For: ${from.ip}\r\n\r\n${body.slice(0, 10)}`,
      );
      // Long enough for the server to read the headers and begin the request.
      setTimeout(resolve, 300);
    };
    socket.on("data", answered);
  });
  return {
    started,
    finish: () => {
      socket.write(body.slice(10));
      return ended;
    },
  };
}

/** Whether a new connection to the port is refused now. */
export function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

/**
 * SIGTERM while a wrong-password sign-in is half sent: the server refuses new connections,
 * finishes that request (400 with its message, Connection: close) and every process exits 0
 * within `withinMs`. Shared by the one-process and the cluster tests.
 */
export async function expectGracefulStopDuringSignIn(
  server: ServerProcess,
  email: string,
  guest: { ip: string; cookies: Record<string, string>; csrf: string },
  withinMs: number,
): Promise<void> {
  const slow = slowPost(server.port, "/login", { email, password: "not the password", redirectTo: "/", csrf: guest.csrf }, guest);
  await slow.started;

  const signalled = Date.now();
  process.kill(server.pid, "SIGTERM");
  await expect.poll(() => connectionRefused(server.port), { timeout: 5_000, interval: 50 }).toBe(true);

  const res = await slow.finish();
  expect(res).toMatch(/^HTTP\/1\.1 400 /);
  expect(res).toContain("That email and password do not match an account.");
  expect(res.toLowerCase()).toContain("connection: close");

  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(Date.now() - signalled).toBeLessThan(withinMs);
  expect(server.output()).toContain("Ladder stopped.");
}
