/** The server refuses to start on bad configuration, with a sentence instead of a stack trace. */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Starts server.ts with `env` and waits for it to exit (each case fails before listening). A start
 * is a few seconds of tsx compiling; on a 2-core machine at a load of 25 four of them side by side
 * took over 30 s, so the budget is 90 s (a server that hangs instead of exiting still fails).
 */
function startServer(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "server.ts"],
      { env: { ...process.env, NODE_ENV: "production", LOG_REQUESTS: "off", ...env }, encoding: "utf8", timeout: 90_000 },
      (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === "number" ? error.code : null) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

// Each case is a separate process that starts and stops on its own, so they run side by side.
describe.concurrent("server start-up", { timeout: 120_000 }, () => {
  it("refuses a PORT that is not a number and names the variable", async () => {
    const { status, output } = await startServer({ PORT: "abc", DATABASE_URL: "file::memory:" });
    expect(status).toBe(1);
    expect(output).toContain('PORT must be a whole number from 1 to 65535 (got "abc")');
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses a DATABASE_URL of an unknown kind", async () => {
    const { status, output } = await startServer({ DATABASE_URL: "mysql://localhost/ladder" });
    expect(status).toBe(1);
    expect(output).toContain("DATABASE_URL must start with postgres://, postgresql:// or file:");
  });

  it("says which database failed when the SQLite file is not a database", async () => {
    const file = path.join(os.tmpdir(), `ladder-not-a-db-${process.pid}.db`);
    fs.writeFileSync(file, "this is not a SQLite database, just text that is long enough to be read as a header");
    try {
      const { status, output } = await startServer({ DATABASE_URL: `file:${file}` });
      expect(status).toBe(1);
      expect(output).toContain(`Ladder cannot start: the database at file:${file} failed`);
      expect(output).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(file, { force: true });
    }
  });

  it("says which database failed when PostgreSQL cannot be reached, hiding the password", async () => {
    const { status, output } = await startServer({
      DATABASE_URL: "postgres://ladder:hunter2@127.0.0.1:1/ladder",
      SESSION_SECRET: "s".repeat(40),
    });
    expect(status).toBe(1);
    expect(output).toContain("Ladder cannot start: the database at postgres://ladder:***@127.0.0.1:1/ladder failed");
    expect(output).not.toContain("hunter2");
  });
});
