/**
 * `npm test`: every test, in order — unit and integration (vitest: SQLite always, PostgreSQL
 * too when TEST_DATABASE_URL is set), then the browser tests (Playwright, JavaScript off and
 * on) against the production build. Ends with one plain line "tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// Not test-results/: Playwright empties that folder when it starts.
const resultsDir = path.resolve(".cache", "test-reports");
fs.mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, "vitest.json");
const playwrightJson = path.join(resultsDir, "playwright.json");
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true });

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n== ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status ?? 1;
}

if (!process.env.TEST_DATABASE_URL) {
  console.log("Note: TEST_DATABASE_URL is not set, so integration tests run on SQLite only (CI runs them on PostgreSQL too).");
}

const failures: string[] = [];
if (run("unit and integration", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`]) !== 0) {
  failures.push("vitest");
}
if (run("chromium", "bash", ["tests/support/ensure-chromium.sh"]) !== 0) failures.push("chromium missing");
else if (run("production build", "npx", ["remix", "build"]) !== 0) failures.push("build");
else if (
  run("browser tests", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson }) !== 0
) {
  failures.push("playwright");
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8"));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
}
// A step that failed before reporting (a crash, a missing browser) still counts as a failure.
if (failures.length > 0 && failed === 0) failed = failures.length;

console.log(`\nFailed steps: ${failures.length ? failures.join(", ") : "none"}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length > 0 ? 1 : 0);
