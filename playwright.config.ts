/**
 * Browser tests: the production build, served by server.ts on a fresh seeded SQLite file,
 * driven by Debian's Chromium with JavaScript on and off. `npm run test:e2e` builds first.
 */
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const CHROMIUM = "/usr/bin/chromium";
if (!fs.existsSync(CHROMIUM)) {
  // Playwright cannot download browsers on these machines, and CI must never skip the browser tests.
  throw new Error(
    `Browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
      `Install it with: apt-get update && apt-get install -y chromium (or run: bash tests/support/ensure-chromium.sh)`,
  );
}

const PORT = 3100;
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2, // the machines have 2 cores
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Tests tagged @js-on-only / @js-off-only are about one kind of browser; the other project leaves them out.
    { name: "js-on", use: { javaScriptEnabled: true }, testIgnore: /page-weight\.spec\.ts/, grepInvert: /@js-off-only/ },
    { name: "js-off", use: { javaScriptEnabled: false }, grepInvert: /@js-on-only/ },
  ],
  webServer: {
    // A fresh database every run: server.ts migrates, then seeds the new file with demo data.
    command:
      "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && " +
      `DATABASE_URL=file:data/e2e.db HOST=127.0.0.1 PORT=${PORT} NODE_ENV=production ENABLE_TEST_ROUTES=1 LOG_REQUESTS=off ` +
      "npx tsx server.ts",
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
