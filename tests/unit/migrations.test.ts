/**
 * The committed migrations (drizzle/pg, drizzle/sqlite) are what drizzle-kit generates from
 * db/schema.ts today: a schema edit without `npm run db:generate` fails here.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INFRASTRUCTURE_TABLE_NAMES, SPEC_TABLE_NAMES } from "./spec-tables";

const root = path.resolve(import.meta.dirname, "../..");
const drizzleKit = path.join(root, "node_modules/.bin/drizzle-kit");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ladder-migrations-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const dialects = [
  { folder: "pg", dialect: "postgresql", schema: "./db/tables.pg.ts", createTable: /CREATE TABLE "([^"]+)"/g },
  { folder: "sqlite", dialect: "sqlite", schema: "./db/tables.sqlite.ts", createTable: /CREATE TABLE `([^`]+)`/g },
] as const;

const sqlFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(".sql")).sort();

describe.each(dialects)("drizzle/$folder", ({ folder, dialect, schema, createTable }) => {
  const committed = path.join(root, "drizzle", folder);

  it("creates exactly the 41 tables of the spec and the listed infrastructure tables", () => {
    const names = sqlFiles(committed).flatMap((file) =>
      [...fs.readFileSync(path.join(committed, file), "utf8").matchAll(createTable)].map((m) => m[1]),
    )
      // SQLite cannot add a CHECK to a table, so drizzle-kit rebuilds it as __new_<name> and renames it.
      .filter((name) => !name.startsWith("__new_"));
    expect(names.sort()).toEqual([...SPEC_TABLE_NAMES, ...INFRASTRUCTURE_TABLE_NAMES].sort());
  });

  it("is current: drizzle-kit generate finds nothing to add", () => {
    // Generate into a copy of the committed folder; drizzle-kit wants `out` relative to the cwd.
    const out = path.join(scratch, folder);
    fs.cpSync(committed, out, { recursive: true });
    const before = sqlFiles(out);
    const output = execFileSync(
      drizzleKit,
      ["generate", "--dialect", dialect, "--schema", schema, "--out", path.relative(root, out)],
      { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 60_000 },
    );
    expect(sqlFiles(out)).toEqual(before);
    expect(output).toContain("No schema changes");
  }, 90_000);
});
