/**
 * npm run pg:local: Ladder on PostgreSQL with nothing installed. Starts the embedded PostgreSQL
 * that the tests use (a throwaway server in a temporary folder), loads the demo data, builds and
 * serves Ladder against it in development mode on PORT (3000). Ctrl-C stops both and removes
 * the database: this is for trying Ladder on PostgreSQL, not for keeping data.
 */
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import { startEmbeddedPostgres } from "../db/embedded-postgres";

const server = await startEmbeddedPostgres();
console.log("Embedded PostgreSQL started (it goes when you stop this).");
const env = { ...process.env, DATABASE_URL: server.url, SESSION_SECRET: process.env.SESSION_SECRET ?? crypto.randomBytes(32).toString("hex") };

const seeded = spawnSync("npx", ["tsx", "scripts/seed.ts", "--demo"], { stdio: "inherit", env });
if (seeded.status !== 0) {
  await server.stop();
  process.exit(seeded.status ?? 1);
}
const app = spawn("npm", ["run", "dev"], { stdio: "inherit", env });
let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await server.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
app.on("exit", (code) => void stop(code ?? 0));
