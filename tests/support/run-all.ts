/**
 * `npm test`: every test, in order: the production build (once, shared by both runners), unit
 * and integration tests (vitest, on SQLite and on PostgreSQL: TEST_DATABASE_URL, or an embedded
 * server that vitest's global setup starts and removes), then the browser tests (Playwright,
 * JavaScript off and on) against that build. Prints how long each part took, how many tests ran
 * on each database, every skip with its reason, and ends with one plain line
 * "tests: N passed, N failed".
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// Not test-results/: Playwright empties that folder when it starts.
const resultsDir = path.resolve(".cache", "test-reports");
fs.mkdirSync(resultsDir, { recursive: true });
const vitestJson = path.join(resultsDir, "vitest.json");
const playwrightJson = path.join(resultsDir, "playwright.json");
for (const file of [vitestJson, playwrightJson]) fs.rmSync(file, { force: true });

const timings: string[] = [];
/**
 * The 1-minute load average, printed with each step's time (decision 060). On a quiet 2-core
 * machine the suite itself makes about 5 during vitest and about 15 at the end of the browser
 * tests; a load well above that means other work shared the cores, and the times say more about
 * that work than about the tests.
 */
const loadNow = () => os.loadavg()[0].toFixed(1);
function run(label: string, command: string, args: string[], env: Record<string, string> = {}): number {
  console.log(`\n== ${label}: ${command} ${args.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  timings.push(`${label}: ${((Date.now() - started) / 1000).toFixed(0)} s (load ${loadNow()})`);
  return result.status ?? 1;
}

const startedAll = Date.now();
const loadAtStart = loadNow();
const failures: string[] = [];
const chromiumReady = run("chromium", "bash", ["tests/support/ensure-chromium.sh"]) === 0;
if (!chromiumReady) failures.push("chromium missing");
// One production build: the in-process integration tests and the browser tests' server both use it.
const built = run("production build", "npm", ["run", "build"]) === 0;
if (!built) failures.push("build");
else {
  const vitestArgs = ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`];
  if (run("unit and integration", "npx", vitestArgs, { LADDER_APP_BUILD: path.resolve("build", "index.js") }) !== 0) failures.push("vitest");
  if (chromiumReady) {
    const status = run("browser tests", "npx", ["playwright", "test", "--reporter=list,json"], { PLAYWRIGHT_JSON_OUTPUT_FILE: playwrightJson });
    if (status !== 0) {
      failures.push("playwright");
      keepFailureEvidence();
    }
  }
}

/**
 * Playwright empties test-results/ (its screenshots of failures) when it next starts: a copy per
 * failed run, the last three kept, so that a flake seen once can still be looked at.
 */
function keepFailureEvidence(): void {
  if (!fs.existsSync("test-results")) return;
  const kept = path.join(resultsDir, "failures");
  const copy = path.join(kept, new Date().toISOString().replace(/[:.]/g, "-"));
  fs.cpSync("test-results", copy, { recursive: true });
  console.log(`Screenshots of the failures: ${path.relative(process.cwd(), copy)}`);
  for (const old of fs.readdirSync(kept).sort().slice(0, -3)) fs.rmSync(path.join(kept, old), { recursive: true, force: true });
}

interface VitestAssertion {
  ancestorTitles: string[];
  title: string;
  status: string;
}
let passed = 0;
let failed = 0;
let skipped = 0;
const perDatabase = { sqlite: 0, pg: 0 };
const skipReasons = new Map<string, number>();
if (fs.existsSync(vitestJson)) {
  const v = JSON.parse(fs.readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  for (const file of v.testResults ?? []) {
    for (const test of (file.assertionResults ?? []) as VitestAssertion[]) {
      const titles = [...test.ancestorTitles, test.title].join(" > ");
      if (test.status === "passed") {
        if (titles.includes("[pg]")) perDatabase.pg++;
        else if (titles.includes("[sqlite]")) perDatabase.sqlite++;
      } else if (test.status === "skipped" || test.status === "pending" || test.status === "todo") {
        const reason = /skipped: ([^>]*)/.exec(titles)?.[1]?.trim() ?? "skipped without a reason (a defect: give one)";
        skipReasons.set(reason, (skipReasons.get(reason) ?? 0) + 1);
      }
    }
  }
}
if (fs.existsSync(playwrightJson)) {
  const p = JSON.parse(fs.readFileSync(playwrightJson, "utf8"));
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
  failed += p.stats?.unexpected ?? 0;
  skipped += p.stats?.skipped ?? 0;
  if (p.stats?.skipped) skipReasons.set("browser tests skipped (see the Playwright report)", p.stats.skipped);
}
// A step that failed before reporting (a crash, a missing browser) still counts as a failure.
if (failures.length > 0 && failed === 0) failed = failures.length;
// And a failed test fails the run even if its runner's exit status said otherwise (it once did:
// db/embedded-postgres.ts).
if (failed > 0 && failures.length === 0) failures.push("tests reported failures");

console.log(`\nTimes: ${timings.join(", ")}; in all ${((Date.now() - startedAll) / 1000).toFixed(0)} s on ${os.cpus().length} cores (load at the start ${loadAtStart})`);
console.log(`Database tests that passed: ${perDatabase.sqlite} on SQLite, ${perDatabase.pg} on PostgreSQL`);
for (const [reason, count] of skipReasons) console.log(`Skipped ${count}: ${reason}`);
console.log(`Failed steps: ${failures.length ? failures.join(", ") : "none"}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failures.length > 0 ? 1 : 0);
