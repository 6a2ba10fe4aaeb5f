/**
 * Prepared statements kept by SQL text on a SQLite connection (db/statement-cache.ts): drizzle's
 * queries reuse them, and a statement drizzle switched to raw arrays comes back as row objects.
 */
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { sqliteCtx } from "../../db/client";
import { cacheStatements } from "../../db/statement-cache";

const open: Database.Database[] = [];
function connection() {
  const sqlite = new Database(":memory:");
  open.push(sqlite);
  sqlite.exec("create table job (id integer primary key, title text not null)");
  sqlite.exec("insert into job (id, title) values (1, 'Site Engineer'), (2, 'HR Intern')");
  return sqlite;
}
afterEach(() => {
  for (const sqlite of open.splice(0)) sqlite.close();
});

describe("kept prepared statements on SQLite", () => {
  it("hands out the same compiled statement for the same SQL text, and a new one for another text", () => {
    const sqlite = cacheStatements(connection());
    const first = sqlite.prepare("select title from job where id = ?");
    expect(sqlite.prepare("select title from job where id = ?")).toBe(first);
    expect(sqlite.prepare("select id from job where id = ?")).not.toBe(first);
  });

  it("returns row objects from a statement that was last used for raw arrays", () => {
    const sqlite = cacheStatements(connection());
    const text = "select id, title from job order by id";
    expect(sqlite.prepare(text).raw().all()).toEqual([[1, "Site Engineer"], [2, "HR Intern"]]);
    expect(sqlite.prepare(text).all()).toEqual([{ id: 1, title: "Site Engineer" }, { id: 2, title: "HR Intern" }]);
  });

  it("gives drizzle's mapped rows and plain rows for one query text used both ways", async () => {
    const db = sqliteCtx(connection()).db as unknown as BetterSQLite3Database;
    const query = sql`select id, title from job order by id`;
    // db.values switches the statement to raw arrays; db.all must still read objects.
    expect(await db.values(query)).toEqual([[1, "Site Engineer"], [2, "HR Intern"]]);
    expect(await db.all(query)).toEqual([{ id: 1, title: "Site Engineer" }, { id: 2, title: "HR Intern" }]);
  });

  it("starts over when full, so texts with values written in cannot grow it without end", () => {
    const sqlite = cacheStatements(connection(), 2);
    const one = sqlite.prepare("select 1");
    sqlite.prepare("select 2");
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).not.toBe(one);
  });

  it("wraps a connection once, however often a context is made on it", () => {
    const sqlite = connection();
    cacheStatements(sqlite);
    const wrapped = sqlite.prepare;
    cacheStatements(sqlite);
    expect(sqlite.prepare).toBe(wrapped);
  });

  it("still runs writes and reports their changes", () => {
    const sqlite = cacheStatements(connection());
    const rename = "update job set title = ? where id = ?";
    expect(sqlite.prepare(rename).run("Senior Site Engineer", 1).changes).toBe(1);
    expect(sqlite.prepare(rename).run("Intern", 2).changes).toBe(1);
    expect(sqlite.prepare("select title from job order by id").pluck().all()).toEqual(["Senior Site Engineer", "Intern"]);
    expect(sqlite.prepare("select title from job order by id").all()).toEqual([{ title: "Senior Site Engineer" }, { title: "Intern" }]);
  });
});
