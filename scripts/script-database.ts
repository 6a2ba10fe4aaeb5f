/**
 * The start and end every database script shares: DATABASE_URL (default: the SQLite file) checked
 * with a sentence and exit code 2, a ctx for the work, a failure told as `failure(message)` with
 * exit code 1, and the connection closed whatever happened.
 */
import { closeCtx, createCtx, DEFAULT_SQLITE_URL, dialectOf, type Ctx } from "../db/client";

export async function withScriptDatabase(work: (ctx: Ctx) => Promise<void>, failure: (message: string) => string): Promise<void> {
  const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
  try {
    dialectOf(url);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const ctx = createCtx(url);
  try {
    await work(ctx);
  } catch (error) {
    console.error(failure((error as Error).message));
    process.exitCode = 1;
  } finally {
    await closeCtx(ctx);
  }
}
