/**
 * The newcomer's path, proved: with TEST_DATABASE_URL unset (as on a fresh machine), vitest
 * starts its own PostgreSQL, the PostgreSQL race tests and the sampled route matrix run on it
 * and pass, none is skipped, and the server and its folder are gone afterwards.
 * `.ci/run` runs this after `npm test`; it cannot pass by running nothing.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const report = path.join(os.tmpdir(), `ladder-embedded-check-${process.pid}.json`);
// The four race files that failed for a newcomer before, and the constraints (100 tests on PostgreSQL).
const files = ["calendar-race", "documents-race", "hiring-race", "messages-race", "constraints"].map((f) => `tests/integration/${f}.test.ts`);
// The server's folder goes under a parent of this check's own, so what is left there is this run's.
const parent = fs.mkdtempSync(path.join(fs.existsSync("/dev/shm") ? "/dev/shm" : os.tmpdir(), "ladder-embedded-check-"));
fs.chmodSync(parent, 0o755); // as root the server runs as `postgres`, which must reach its folder
const env: NodeJS.ProcessEnv = { ...process.env, CI: "true", LADDER_EMBEDDED_PG_PARENT: parent };
delete env.TEST_DATABASE_URL;
delete env.LADDER_TEST_NO_PG;


const result = spawnSync("npx", ["vitest", "run", ...files, "--reporter=dot", "--reporter=json", `--outputFile.json=${report}`], { stdio: "inherit", env });
const problems: string[] = [];
if (result.status !== 0) problems.push(`vitest exited with ${result.status}`);
let pgPassed = 0;
if (fs.existsSync(report)) {
  const json = JSON.parse(fs.readFileSync(report, "utf8"));
  for (const file of json.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      const title = [...test.ancestorTitles, test.title].join(" > ");
      if (test.status === "passed" && title.includes("[pg]")) pgPassed++;
      if (test.status !== "passed") problems.push(`${test.status}: ${title}`);
    }
  }
  fs.rmSync(report, { force: true });
} else problems.push("vitest wrote no report");
if (pgPassed < 100) problems.push(`only ${pgPassed} PostgreSQL tests passed on the embedded server`);
// The watchdog removes a folder a second or two after its owner exits; give it that.
spawnSync("sleep", ["3"]);
const left = fs.readdirSync(parent);
if (left.length) problems.push(`the embedded server left folders behind in ${parent}: ${left.join(", ")}`);
else fs.rmSync(parent, { recursive: true, force: true });

if (problems.length) {
  console.error(`\nEmbedded PostgreSQL check FAILED:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log(`\nEmbedded PostgreSQL check: ${pgPassed} PostgreSQL tests passed with TEST_DATABASE_URL unset, nothing skipped, nothing left behind.`);
