/**
 * Ladder's one logger (decision 059): pino, one JSON object per line on stdout.
 *
 * - Every line written while a request is being answered carries its request id (`reqId`), and the
 *   member's id once known (`userId`): server.ts runs each request inside `requestScope`, and the
 *   logger's mixin reads it. server.ts and the Remix build are two module graphs, so the scope and
 *   the logger live on globalThis and both use the same ones.
 * - LOG_LEVEL (fatal, error, warn, info, debug, trace, silent; default info) says how much is written.
 * - Secrets are never written: any field named in REDACT_PATHS is replaced by "[redacted]" (the
 *   request log itself writes only method, path, route, status and time; this is the safety net).
 */
import { AsyncLocalStorage } from "node:async_hooks";
import crypto from "node:crypto";
import { pino, type DestinationStream, type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What is known about the request being answered; fields are filled in as the request goes. */
export interface RequestScope {
  requestId: string;
  userId?: string | null;
}

/**
 * Field names never written, at the top of a line or one level down (pino's redaction paths).
 * Passwords, session and CSRF tokens, cookies, authorization headers, API keys and mail bodies.
 */
const SECRET_FIELDS = [
  "password",
  "current_password",
  "new_password",
  "confirm_password",
  "token",
  "csrf",
  "_csrf",
  "cookie",
  "cookies",
  "set-cookie",
  "authorization",
  "secret",
  "apiKey",
  "api_key",
  "sessionId",
  "html",
  "text",
  "body",
];
export const REDACT_PATHS = [
  ...SECRET_FIELDS.flatMap((field) => (/^[A-Za-z_]\w*$/.test(field) ? [field, `*.${field}`] : [`*["${field}"]`])),
  'headers["x-csrf-token"]',
  '*.headers["x-csrf-token"]',
];

declare global {
  var __ladderRequestScope: AsyncLocalStorage<RequestScope> | undefined;
  var __ladderLog: Logger | undefined;
}

export const requestScope: AsyncLocalStorage<RequestScope> = (globalThis.__ladderRequestScope ??= new AsyncLocalStorage<RequestScope>());

export function levelOf(value: string | undefined): LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value ?? "") ? (value as LogLevel) : "info";
}

/** A logger with Ladder's redaction and request-scope fields; `destination` for tests. */
export function createLogger(options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? levelOf(process.env.LOG_LEVEL),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      formatters: { level: (label) => ({ level: label }) },
      mixin() {
        const scope = requestScope.getStore();
        if (!scope) return {};
        return scope.userId ? { reqId: scope.requestId, userId: scope.userId } : { reqId: scope.requestId };
      },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false, minLength: 0 }),
  );
}

export const log: Logger = (globalThis.__ladderLog ??= createLogger());

/** The member answered for, noted for the log lines of the rest of the request (current-user.server.ts). */
export function noteRequestUser(userId: string): void {
  const scope = requestScope.getStore();
  if (scope) scope.userId = userId;
}

/** 8 to 64 letters, digits, dashes, underscores, dots or colons: what load balancers and proxies send. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** A caller's X-Request-Id when it is sane (a proxy's), else a new random one. */
export function requestIdFrom(header: string | undefined | null): string {
  return header && SANE_REQUEST_ID.test(header) ? header : crypto.randomUUID();
}

/** The path of a URL without its query string (which can hold search words, tokens or emails). */
export function pathOnly(url: string): string {
  const end = url.search(/[?#]/);
  return (end === -1 ? url : url.slice(0, end)).slice(0, 200);
}
