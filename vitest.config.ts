import path from "node:path";
import { defineConfig } from "vitest/config";

/**
 * Integration files that change process.env (or reset modules, or mock them) for the app: they
 * need a process of their own. A new file that does so belongs here.
 */
const OWN_PROCESS = [
  "applications-race",
  "coach-quota-race",
  "coach",
  "dev-outbox",
  "documents",
  "google-disabled",
  "google",
  "hiring-race",
  "hiring",
  "i18n-auth",
  "i18n-coach",
  "interviews-review",
  "jobs-import",
  "jobs-posting",
  "page-views",
  "password-reset",
  "seed",
  "server-start",
  "sign-up-confirmation",
].map((name) => `tests/integration/${name}.test.ts`);

export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    env: { NODE_ENV: "test" },
    // vitest's default on 2 cores is 1 worker; database tests mostly wait on I/O, so more overlap.
    maxWorkers: Number(process.env.VITEST_MAX_WORKERS ?? 3),
    projects: [
      {
        extends: true,
        // One module registry per worker, not per file (decision 047): the 73 unit files import the
        // same app modules, and importing them again for each file was half the project's time. The
        // unit tests are pure or set what they read themselves (mail.test.ts resets its modules and
        // env); one that leaves state behind must restore it.
        test: { name: "unit", include: ["tests/unit/**/*.test.{ts,tsx}"], isolate: false },
      },
      {
        extends: true,
        // One module registry per worker (decision 047): the app's production build and the test
        // helpers are imported once per worker instead of once per file. Each test still gets its
        // own database (tests/support/db.ts), and the app keeps no other state between requests.
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          exclude: OWN_PROCESS,
          isolate: false,
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/production-react.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Files that set the app's environment (it is read once, at the first request) or reset
        // modules: each runs in a process of its own, as every file did before.
        test: {
          name: "integration-own-process",
          include: OWN_PROCESS,
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/production-react.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
