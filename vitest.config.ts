import path from "node:path";
import { defineConfig } from "vitest/config";

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
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.{ts,tsx}"],
          globalSetup: ["tests/support/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
