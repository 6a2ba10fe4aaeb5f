/**
 * Browser tests: the production build, served by server.ts on a fresh seeded SQLite file,
 * driven by Debian's Chromium with JavaScript on and off. `npm run test:e2e` builds first.
 */
import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM, CHROMIUM_TEST_ARGS } from "./tests/support/chromium";

if (!fs.existsSync(CHROMIUM)) {
  // Playwright cannot download browsers on these machines, and CI must never skip the browser tests.
  throw new Error(
    `Browser tests need Debian's Chromium at ${CHROMIUM}, which is missing. ` +
      `Install it with: apt-get update && apt-get install -y chromium (or run: bash tests/support/ensure-chromium.sh)`,
  );
}

// E2E_PORT_OFFSET lets two runs share a machine (each gets its own ports, database and mail folder).
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const SUFFIX = OFFSET ? `-${OFFSET}` : "";
const PORT = 3100 + OFFSET;
const baseURL = `http://127.0.0.1:${PORT}`;
export const SMTP_PORT = 3125 + OFFSET;
export const OAUTH_PORT = 3190 + OFFSET;
/** The OpenAI-compatible mock the coach talks to (tests/support/openai-mock.ts). */
export const OPENAI_PORT = 3150 + OFFSET;
/**
 * A second app server WITHOUT an OpenAI key (its own SQLite file, the same demo data): stories
 * about the offline reviewer and coach run against it (`test.use({ baseURL: OFFLINE_BASE_URL })`).
 * 3177: clear of the other servers' ports at every offset the team uses.
 */
export const OFFLINE_PORT = 3177 + OFFSET;
export const OFFLINE_BASE_URL = `http://127.0.0.1:${OFFLINE_PORT}`;
/** The offline server's SQLite file (tests/e2e/community-db.ts E2E_OFFLINE_DB_FILE says the same). */
const OFFLINE_DB_FILE = `data/e2e-offline${SUFFIX}.db`;
const OAUTH_URL = `http://127.0.0.1:${OAUTH_PORT}`;
process.env.E2E_OAUTH_URL ??= OAUTH_URL;
/** Where the SMTP sink writes mail; e2e tests read it (see tests/e2e/fixtures.ts). */
export const MAIL_DIR = `.cache/e2e-mail${SUFFIX}`;
const DB_FILE = `data/e2e${SUFFIX}.db`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // 3 on 2 cores: a browser test waits on the server part of the time; measured on every-page.spec
  // at the same load, 3 workers took 120 s where 2 took 147 s.
  workers: 3,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    // Tracing every test costs CPU a 2-core machine does not have; rerun a failure with --trace on.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: CHROMIUM_TEST_ARGS,
    },
  },
  projects: [
    // Tests tagged @js-on-only / @js-off-only are about one kind of browser; the other project leaves them out.
    // @request-only tests use no page (plain HTTP requests), so they run once, in js-off.
    { name: "js-on", use: { javaScriptEnabled: true }, testIgnore: /page-weight\.spec\.ts/, grepInvert: /@js-off-only|@request-only/ },
    { name: "js-off", use: { javaScriptEnabled: false }, grepInvert: /@js-on-only/ },
  ],
  webServer: [
    {
      // A fresh database every run: server.ts migrates, then seeds the new file with demo data.
      command:
        `rm -f ${DB_FILE} ${DB_FILE}-wal ${DB_FILE}-shm && ` +
        `DATABASE_URL=file:${DB_FILE} HOST=127.0.0.1 PORT=${PORT} NODE_ENV=production ENABLE_TEST_ROUTES=1 LOG_REQUESTS=off ` +
        // Each test comes from its own address (tests/e2e/fixtures.ts), so per-IP limits do not leak between tests.
        `TRUST_PROXY=1 UPLOADS_DIR=.cache/e2e-uploads${SUFFIX} ` +
        `PUBLIC_URL=${baseURL} SMTP_URL=smtp://127.0.0.1:${SMTP_PORT} ` +
        `GOOGLE_CLIENT_ID=ladder-e2e GOOGLE_CLIENT_SECRET=ladder-e2e-secret ` +
        `GOOGLE_AUTH_URL=${OAUTH_URL}/authorize GOOGLE_TOKEN_URL=${OAUTH_URL}/token GOOGLE_USERINFO_URL=${OAUTH_URL}/userinfo ` +
        `OPENAI_API_KEY=test OPENAI_BASE_URL=http://127.0.0.1:${OPENAI_PORT}/v1 OPENAI_TIMEOUT_MS=3000 ` +
        "npx tsx server.ts",
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // The same app with no OpenAI key: the offline reviewer answers (see OFFLINE_PORT).
      command:
        `rm -f ${OFFLINE_DB_FILE} ${OFFLINE_DB_FILE}-wal ${OFFLINE_DB_FILE}-shm && ` +
        `DATABASE_URL=file:${OFFLINE_DB_FILE} HOST=127.0.0.1 PORT=${OFFLINE_PORT} NODE_ENV=production LOG_REQUESTS=off WEB_CONCURRENCY=1 ` +
        `TRUST_PROXY=1 UPLOADS_DIR=.cache/e2e-offline-uploads${SUFFIX} PUBLIC_URL=${OFFLINE_BASE_URL} SMTP_URL=smtp://127.0.0.1:${SMTP_PORT} ` +
        "npx tsx server.ts",
      url: `${OFFLINE_BASE_URL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      // Real mail: an SMTP sink on 127.0.0.1 that writes each message to MAIL_DIR (tests/support/smtp-sink.ts).
      command: `npx tsx tests/support/smtp-sink.ts --port ${SMTP_PORT} --dir ${MAIL_DIR}`,
      port: SMTP_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The AI coach against an OpenAI-compatible mock on 127.0.0.1 (tests/support/openai-mock.ts).
      command: `npx tsx tests/support/openai-mock.ts --port ${OPENAI_PORT}`,
      port: OPENAI_PORT,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Google sign-in against a mock OAuth 2 / OpenID server on 127.0.0.1 (tests/support/oauth-mock.ts).
      command: `npx tsx tests/support/oauth-mock.ts --port ${OAUTH_PORT}`,
      url: `${OAUTH_URL}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
