/**
 * vitest setup for the integration projects: React's production build, as the app runs in
 * production (decision 060). React picks its build from NODE_ENV the first time it is loaded, and
 * NODE_ENV=test (which the app's own code reads) would give the development build, which renders
 * each page more slowly and checks what production never checks. Loaded before any test file, so
 * that the app's build and the test helpers share this one copy.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const before = process.env.NODE_ENV;
process.env.NODE_ENV = "production";
try {
  for (const name of ["react", "react/jsx-runtime", "react-dom", "react-dom/server"]) require(name);
} finally {
  process.env.NODE_ENV = before;
}
