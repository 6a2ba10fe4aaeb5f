import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/env.server";

const secret = "x".repeat(32);

describe("environment", () => {
  it("defaults to the embedded SQLite file on port 3000", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env.DATABASE_URL).toBe("file:data/ladder.db");
    expect(env.PORT).toBe(3000);
    expect(env.NODE_ENV).toBe("development");
  });

  it("accepts a PostgreSQL URL", () => {
    const env = parseEnv({ DATABASE_URL: "postgres://u@127.0.0.1:5432/ladder", SESSION_SECRET: secret });
    expect(env.DATABASE_URL).toBe("postgres://u@127.0.0.1:5432/ladder");
  });

  it("refuses a port that is not a number, naming the variable and the value", () => {
    expect(() => parseEnv({ PORT: "abc", SESSION_SECRET: secret })).toThrow(/PORT must be a whole number from 1 to 65535 \(got "abc"\)/);
  });

  it("refuses a port out of range", () => {
    expect(() => parseEnv({ PORT: "70000", SESSION_SECRET: secret })).toThrow(/PORT must be a whole number/);
  });

  it("refuses a database URL of an unknown kind", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x", SESSION_SECRET: secret })).toThrow(
      /DATABASE_URL must start with postgres:\/\/, postgresql:\/\/ or file:/,
    );
  });

  it("lists every problem at once", () => {
    try {
      parseEnv({ PORT: "0", NODE_ENV: "staging", SESSION_SECRET: secret });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      expect((error as EnvError).problems).toHaveLength(2);
    }
  });

  it("requires a shared session secret in production on PostgreSQL", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(/SESSION_SECRET is required/);
  });

  it("leaves WEB_CONCURRENCY unset by default and accepts a number of workers", () => {
    expect(parseEnv({ SESSION_SECRET: secret }).WEB_CONCURRENCY).toBeUndefined();
    expect(parseEnv({ WEB_CONCURRENCY: "4", SESSION_SECRET: secret }).WEB_CONCURRENCY).toBe(4);
  });

  it("refuses a WEB_CONCURRENCY that is not a whole number from 1 to 256", () => {
    for (const value of ["0", "-1", "2.5", "many", "257"]) {
      expect(() => parseEnv({ WEB_CONCURRENCY: value, SESSION_SECRET: secret })).toThrow(
        `WEB_CONCURRENCY must be a whole number from 1 to 256 (got "${value}")`,
      );
    }
  });

  it("gives requests under way 8 s to finish at shutdown unless SHUTDOWN_TIMEOUT_MS says otherwise", () => {
    expect(parseEnv({ SESSION_SECRET: secret }).SHUTDOWN_TIMEOUT_MS).toBe(8000);
    expect(parseEnv({ SHUTDOWN_TIMEOUT_MS: "0", SESSION_SECRET: secret }).SHUTDOWN_TIMEOUT_MS).toBe(0);
    expect(() => parseEnv({ SHUTDOWN_TIMEOUT_MS: "soon", SESSION_SECRET: secret })).toThrow(/SHUTDOWN_TIMEOUT_MS must be a whole number of milliseconds/);
  });

  it("refuses a short session secret without echoing it", () => {
    try {
      parseEnv({ SESSION_SECRET: "short-secret" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/at least 32 characters/);
      expect((error as Error).message).not.toContain("short-secret");
    }
  });

  it("logs at info and serves no metrics unless asked", () => {
    const env = parseEnv({ SESSION_SECRET: secret });
    expect(env.LOG_LEVEL).toBe("info");
    expect(env.METRICS_PORT).toBeUndefined();
    expect(env.METRICS_HOST).toBe("127.0.0.1");
  });

  it("refuses an unknown log level, a metrics port equal to the app's, and a short metrics token without showing it", () => {
    expect(() => parseEnv({ LOG_LEVEL: "loud", SESSION_SECRET: secret })).toThrow(/LOG_LEVEL must be fatal, error, warn, info, debug, trace or silent/);
    expect(() => parseEnv({ PORT: "3000", METRICS_PORT: "3000", SESSION_SECRET: secret })).toThrow(/METRICS_PORT must differ from PORT/);
    expect(() => parseEnv({ METRICS_PORT: "0", SESSION_SECRET: secret })).toThrow(/METRICS_PORT must be a whole number from 1 to 65535/);
    try {
      parseEnv({ METRICS_TOKEN: "short-tok", SESSION_SECRET: secret });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/METRICS_TOKEN must be at least 16 characters/);
      expect((error as Error).message).not.toContain("short-tok");
    }
    expect(parseEnv({ METRICS_PORT: "9464", METRICS_TOKEN: "t".repeat(16), SESSION_SECRET: secret })).toMatchObject({ METRICS_PORT: 9464 });
  });
});
