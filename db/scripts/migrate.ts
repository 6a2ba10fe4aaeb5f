/** npm run db:migrate — applies pending migrations to DATABASE_URL (default: the SQLite file). */
import { closeCtx, createCtx, DEFAULT_SQLITE_URL, dialectOf } from "../client";
import { migrateDatabase } from "../migrate";

const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
try {
  dialectOf(url);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const ctx = createCtx(url);
try {
  await migrateDatabase(ctx);
  console.log(`Migrations applied (${ctx.dialect}).`);
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await closeCtx(ctx);
}
