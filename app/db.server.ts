/**
 * The app's database. Routes import db/ only through this file: the classic compiler strips
 * `.server` modules from the browser bundle only inside app/.
 */
import { createCtx, type Ctx } from "../db/client";
import { env } from "./env.server";

export type { Ctx } from "../db/client";
export { withTx } from "../db/tx";
export { ping } from "../db/client";
export { missingMigrations } from "../db/migrate";
export { msOf, rowsOf, tsParam } from "../db/raw-sql";

declare global {
  // One connection (SQLite) or pool (pg) per process, kept across dev rebuilds.
  var __ladderCtx: Ctx | undefined;
}

export function getCtx(): Ctx {
  return (globalThis.__ladderCtx ??= createCtx(env().DATABASE_URL));
}
