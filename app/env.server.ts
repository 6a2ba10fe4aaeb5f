/**
 * Environment, validated once at start. Bad values stop the server with a sentence that
 * names the variable, never a stack trace.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { DEFAULT_SQLITE_URL, dialectOf } from "../db/client";

/**
 * The AI coach's provider (any OpenAI-compatible API). Without OPENAI_API_KEY the built-in offline
 * coach answers. Exported on its own because the coach reads it at each call (tests switch it).
 */
export const openAiEnvShape = {
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.string().url("OPENAI_BASE_URL must be a full URL such as https://api.openai.com/v1").optional(),
  OPENAI_MODEL: z.string().min(1).max(100).default("gpt-4o-mini"),
  OPENAI_TIMEOUT_MS: z.coerce
    .number({ invalid_type_error: "OPENAI_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000" })
    .int("OPENAI_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000")
    .min(100, "OPENAI_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000")
    .max(600_000, "OPENAI_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000")
    .default(30_000),
};
export const openAiEnvSchema = z.object(openAiEnvShape);
export type OpenAiEnv = z.infer<typeof openAiEnvSchema>;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], {
    errorMap: () => ({ message: "NODE_ENV must be development, production or test" }),
  }).default("development"),
  PORT: z.coerce
    .number({ invalid_type_error: "PORT must be a whole number from 1 to 65535" })
    .int("PORT must be a whole number from 1 to 65535")
    .min(1, "PORT must be a whole number from 1 to 65535")
    .max(65535, "PORT must be a whole number from 1 to 65535")
    .default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_SQLITE_URL)
    .refine(
      (url) => {
        try {
          dialectOf(url);
          return true;
        } catch {
          return false;
        }
      },
      { message: "DATABASE_URL must start with postgres://, postgresql:// or file: (e.g. file:data/ladder.db)" },
    ),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  LOG_REQUESTS: z.enum(["on", "off"], { errorMap: () => ({ message: "LOG_REQUESTS must be on or off" }) }).default("on"),
  /** How much the JSON log says (app/services/log.server.ts); request lines are info, failures error. */
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
      errorMap: () => ({ message: "LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent" }),
    })
    .default("info"),
  /** Prometheus metrics on this port (GET /metrics), apart from the app's; unset: no metrics served. */
  METRICS_PORT: z.coerce
    .number({ invalid_type_error: "METRICS_PORT must be a whole number from 1 to 65535" })
    .int("METRICS_PORT must be a whole number from 1 to 65535")
    .min(1, "METRICS_PORT must be a whole number from 1 to 65535")
    .max(65535, "METRICS_PORT must be a whole number from 1 to 65535")
    .optional(),
  /** Where the metrics port listens: this machine only unless set (e.g. 0.0.0.0 in a container, with METRICS_TOKEN). */
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  /** When set, a scrape must send "Authorization: Bearer <METRICS_TOKEN>". */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  ENABLE_TEST_ROUTES: z.enum(["0", "1"], { errorMap: () => ({ message: "ENABLE_TEST_ROUTES must be 0 or 1" }) }).default("0"),
  /** The address people use to reach Ladder, for links in mail and OAuth callbacks. */
  PUBLIC_URL: z.string().url("PUBLIC_URL must be a full URL such as https://ladder.example.com").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps:// (e.g. smtp://user:pass@mail.example.com:587)")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Ladder <no-reply@ladder.local>"),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
  // Google's endpoints by default; tests point them at a mock OAuth server on 127.0.0.1.
  GOOGLE_AUTH_URL: z.string().url("GOOGLE_AUTH_URL must be a full URL").default("https://accounts.google.com/o/oauth2/v2/auth"),
  GOOGLE_TOKEN_URL: z.string().url("GOOGLE_TOKEN_URL must be a full URL").default("https://oauth2.googleapis.com/token"),
  GOOGLE_USERINFO_URL: z.string().url("GOOGLE_USERINFO_URL must be a full URL").default("https://openidconnect.googleapis.com/v1/userinfo"),
  UPLOADS_DIR: z.string().min(1).default("data/uploads"),
  /** Where uploaded files live: disk (UPLOADS_DIR) or an S3 bucket (the S3_* variables). */
  STORAGE_DRIVER: z.enum(["disk", "s3"], { errorMap: () => ({ message: "STORAGE_DRIVER must be disk or s3" }) }).default("disk"),
  S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/?#]+\/?$/, "S3_ENDPOINT must be an http:// or https:// address without a path (e.g. https://s3.eu-central-1.amazonaws.com)")
    .optional(),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "S3_BUCKET must be a bucket name: 3 to 63 lowercase letters, digits, dots or dashes")
    .optional(),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, "S3_REGION must be a region name such as us-east-1").default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** 1 behind one trusted proxy or load balancer; otherwise X-Forwarded-For is ignored (rate limits key on the address). */
  TRUST_PROXY: z.enum(["0", "1"], { errorMap: () => ({ message: "TRUST_PROXY must be 0 or 1" }) }).default("0"),
  /**
   * Worker processes (node:cluster) sharing the port. Unset: every core in production on PostgreSQL,
   * otherwise 1. SQLite always runs one (app/lib/cluster.server.ts says so at start).
   */
  WEB_CONCURRENCY: z.coerce
    .number({ invalid_type_error: "WEB_CONCURRENCY must be a whole number from 1 to 256" })
    .int("WEB_CONCURRENCY must be a whole number from 1 to 256")
    .min(1, "WEB_CONCURRENCY must be a whole number from 1 to 256")
    .max(256, "WEB_CONCURRENCY must be a whole number from 1 to 256")
    .optional(),
  /** On SIGTERM/SIGINT, how long requests under way may take to finish before their connections are cut. */
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ invalid_type_error: "SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000" })
    .int("SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000")
    .min(0, "SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000")
    .max(600_000, "SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds from 0 to 600000")
    .default(8_000),
  /** Recording page views (decision 049); off only to measure what recording costs (npm run bench). */
  ANALYTICS_PAGE_VIEWS: z.enum(["on", "off"], { errorMap: () => ({ message: "ANALYTICS_PAGE_VIEWS must be on or off" }) }).default("on"),
  /** Raw page views older than this many days are deleted once their days are summarised (issue 20). */
  ANALYTICS_RETENTION_DAYS: z.coerce
    .number({ invalid_type_error: "ANALYTICS_RETENTION_DAYS must be a whole number of days from 1 to 36500" })
    .int("ANALYTICS_RETENTION_DAYS must be a whole number of days from 1 to 36500")
    .min(1, "ANALYTICS_RETENTION_DAYS must be a whole number of days from 1 to 36500")
    .max(36_500, "ANALYTICS_RETENTION_DAYS must be a whole number of days from 1 to 36500")
    .default(400),
  /** off: no daily summary job in this process (tests, benchmarks); the CLI still summarises. */
  ANALYTICS_SCHEDULER: z.enum(["on", "off"], { errorMap: () => ({ message: "ANALYTICS_SCHEDULER must be on or off" }) }).default("on"),
  ...openAiEnvShape,
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

export class EnvError extends Error {
  constructor(public problems: string[]) {
    super(`Ladder cannot start; fix these environment variables:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses the environment. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? "environment");
        const got = cleaned[name];
        const secret = /SECRET|SMTP_URL|ACCESS_KEY|API_KEY|TOKEN/.test(name);
        return got === undefined || secret ? issue.message : `${issue.message} (got "${got}")`;
      }),
    );
  }
  const env = result.data;
  if (env.GOOGLE_CLIENT_ID && !env.GOOGLE_CLIENT_SECRET) {
    throw new EnvError(["GOOGLE_CLIENT_SECRET is required when GOOGLE_CLIENT_ID is set"]);
  }
  if (env.STORAGE_DRIVER === "s3") {
    const missing = (["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((name) => !env[name]);
    if (missing.length > 0) throw new EnvError(missing.map((name) => `${name} is required when STORAGE_DRIVER is s3`));
  }
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT) {
    throw new EnvError([`METRICS_PORT must differ from PORT (both are ${env.PORT}): the metrics are never served on the public port`]);
  }
  let secret = env.SESSION_SECRET;
  if (!secret) {
    if (env.NODE_ENV === "production" && dialectOf(env.DATABASE_URL) === "pg") {
      // Several processes behind a load balancer must share one secret: never invent one here.
      throw new EnvError(["SESSION_SECRET is required in production with PostgreSQL (at least 32 characters)"]);
    }
    secret = localSecret();
  }
  return { ...env, SESSION_SECRET: secret };
}

/** On a single machine (SQLite), a random secret kept beside the database file. */
function localSecret(): string {
  const file = path.resolve("data", "session-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("hex");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

let cached: Env | undefined;
export function env(): Env {
  return (cached ??= parseEnv());
}
