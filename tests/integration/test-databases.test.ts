/**
 * The PostgreSQL test databases (tests/support/db.ts): a test's database is emptied and handed to
 * the file's next test, unless the test changed more than rows. These tests run in order.
 */
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { describePostgres } from "../support/db";

const seen: { name?: string; afterSchemaChange?: string } = {};

function poolOf(ctx: Ctx) {
  if (ctx.raw.kind !== "pg") throw new Error("a PostgreSQL test");
  return ctx.raw.pool;
}

async function databaseName(db: { ctx: Ctx }): Promise<string> {
  const { rows } = await poolOf(db.ctx).query<{ name: string }>("select current_database() as name");
  return rows[0].name;
}

describePostgres("test databases", (db) => {
  it("a test fills a table and moves a sequence on", async () => {
    seen.name = await databaseName(db);
    await db.ctx.db.insert(db.ctx.t.skills).values([{ name: "Negotiation" }, { name: "Excel" }]);
    const [row] = await db.ctx.db.insert(db.ctx.t.skills).values({ name: "SQL" }).returning();
    expect(row.id).toBe(3);
  });

  it("the next test gets the same database back with no rows and its sequences restarted", async () => {
    expect(await databaseName(db)).toBe(seen.name);
    expect(await db.ctx.db.select().from(db.ctx.t.skills)).toEqual([]);
    const [row] = await db.ctx.db.insert(db.ctx.t.skills).values({ name: "Negotiation" }).returning();
    expect(row.id).toBe(1);
  });

  it("a test that changes the schema leaves its database behind", async () => {
    seen.afterSchemaChange = await databaseName(db);
    await poolOf(db.ctx).query("create table left_behind (id int)");
  });

  it("so the next test gets another database, without that table", async () => {
    const name = await databaseName(db);
    expect(name).not.toBe(seen.afterSchemaChange);
    const { rows } = await poolOf(db.ctx).query("select to_regclass('public.left_behind') is null as gone");
    expect(rows[0].gone).toBe(true);
  });

  it("a test that runs ANALYZE leaves its database behind too (planner statistics are not rows)", async () => {
    seen.afterSchemaChange = await databaseName(db);
    await db.ctx.db.insert(db.ctx.t.skills).values({ name: "Negotiation" });
    await poolOf(db.ctx).query("analyze skills");
  });

  it("so the test after it gets another database as well", async () => {
    expect(await databaseName(db)).not.toBe(seen.afterSchemaChange);
  });
});
