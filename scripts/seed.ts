/**
 * npm run db:seed -- [--demo] [--scale N] [--help]
 *
 * Migrates DATABASE_URL (default: the SQLite file data/ladder.db), then seeds the demo data,
 * and with --scale N also N extra users with messages and jobs for benchmarks.
 */
import { closeCtx, createCtx, DEFAULT_SQLITE_URL, dialectOf, type Dialect } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { countAll, seedDemo, seedScale, DEMO_PASSWORD, demoEmails } from "../db/seed";

const MAX_SCALE = 2_000_000;

const usage = `Usage: npm run db:seed -- [options]

Migrates the database in DATABASE_URL (default ${DEFAULT_SQLITE_URL}) and fills it with demo data.

Options:
  --demo       Seed the demo data and demo logins. Required on PostgreSQL, so that demo
               passwords never reach a production database by accident.
  --scale N    Also add N users (1 to ${MAX_SCALE.toLocaleString("en-US")}) with about 10 direct messages and
               10 jobs each, for benchmarks. Seeds the demo data first when the database is empty.
  --help       Show this help.

Seeding is idempotent: running it again adds nothing that is already there.
Demo logins (password "${DEMO_PASSWORD}"): ${Object.values(demoEmails).join(", ")}.`;

interface SeedArgs {
  help: boolean;
  demo: boolean;
  scale: number | null;
}

class UsageError extends Error {}

/** Parses the command line; throws UsageError with a sentence for the person who typed it. */
function parseSeedArgs(argv: string[]): SeedArgs {
  const args: SeedArgs = { help: false, demo: false, scale: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") args.help = true;
    else if (arg === "--demo") args.demo = true;
    else if (arg === "--scale" || arg.startsWith("--scale=")) {
      const value = arg === "--scale" ? argv[++i] : arg.slice("--scale=".length);
      if (value === undefined || value === "") {
        throw new UsageError(`--scale needs a number of users, for example --scale 100000.`);
      }
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_SCALE) {
        throw new UsageError(
          `--scale needs a whole number of users from 1 to ${MAX_SCALE.toLocaleString("en-US")}, but got "${value}".`,
        );
      }
      args.scale = Number(value);
    } else {
      throw new UsageError(`Unknown option "${arg}". Run with --help to see the options.`);
    }
  }
  return args;
}

function describeUrl(url: string, dialect: Dialect): string {
  if (dialect === "sqlite") return url;
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}

function printTable(rows: [string, ...(string | number)[]][], header: string[]) {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === "number" ? c.toLocaleString("en-US") : c)))];
  const widths = header.map((_, k) => Math.max(...cells.map((r) => String(r[k]).length)));
  const line = (r: (string | number)[]) =>
    r.map((c, k) => (k === 0 ? String(c).padEnd(widths[k]) : String(c).padStart(widths[k]))).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of cells.slice(1)) console.log(line(r));
}

async function main(): Promise<number> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
  let dialect: Dialect;
  try {
    dialect = dialectOf(url);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (dialect === "pg" && !args.demo) {
    console.error("refusing to seed demo logins into PostgreSQL without --demo: demo passwords must not reach production");
    return 2;
  }

  const started = performance.now();
  const ctx = createCtx(url);
  try {
    console.log(`Database: ${describeUrl(url, dialect)}`);
    await migrateDatabase(ctx);
    console.log("Migrations applied.");
    const written = new Map<string, { planned: number; inserted: number; seconds?: number }>();
    const add = (summary: Record<string, { planned: number; inserted: number; seconds?: number }>) => {
      for (const [table, s] of Object.entries(summary)) {
        const prev = written.get(table);
        written.set(table, { planned: (prev?.planned ?? 0) + s.planned, inserted: (prev?.inserted ?? 0) + s.inserted, seconds: s.seconds ?? prev?.seconds });
      }
    };
    console.log("Seeding the demo data...");
    add(await seedDemo(ctx));
    if (args.scale !== null) {
      console.log(`Seeding scale data for ${args.scale.toLocaleString("en-US")} users...`);
      add(await seedScale(ctx, args.scale, { log: (line) => console.log(line) }));
    }
    const totals = await countAll(ctx);
    console.log("");
    printTable(
      Object.entries(totals).map(([table, total]) => {
        const s = written.get(table);
        return [table, s?.planned ?? 0, s?.inserted ?? 0, total, s?.seconds !== undefined ? s.seconds.toFixed(1) : ""];
      }),
      ["table", "written", "new", "rows now", "seconds"],
    );
    const newRows = [...written.values()].reduce((a, b) => a + b.inserted, 0);
    const seconds = (performance.now() - started) / 1000;
    console.log("");
    console.log(`Done in ${seconds.toFixed(1)} s: ${newRows.toLocaleString("en-US")} new rows.`);
    console.log(`Demo logins (password "${DEMO_PASSWORD}"): ${Object.values(demoEmails).join(", ")}.`);
    return 0;
  } catch (error) {
    console.error(`Seeding failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeCtx(ctx);
  }
}

process.exitCode = await main();
