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

  it("refuses a short session secret without echoing it", () => {
    try {
      parseEnv({ SESSION_SECRET: "short-secret" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/at least 32 characters/);
      expect((error as Error).message).not.toContain("short-secret");
    }
  });
});
