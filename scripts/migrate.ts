/** npm run db:migrate — applies pending migrations to DATABASE_URL (default: the SQLite file). */
import { withScriptDatabase } from "./script-database";
import { ensureActivityCatalog } from "../db/activity-catalog";
import { migrateDatabase } from "../db/migrate";

await withScriptDatabase(async (ctx) => {
  await migrateDatabase(ctx);
  await ensureActivityCatalog(ctx);
  console.log(`Migrations applied (${ctx.dialect}).`);
}, (message) => `Migration failed: ${message}`);
