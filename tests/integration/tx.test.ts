import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { TxMisuseError, withTx } from "../../db/tx";
import { describeEachDatabase } from "../support/db";

describeEachDatabase("withTx", (db) => {
  const insertSkill = (ctx = db.ctx, name = "Negotiation") =>
    ctx.db.insert(ctx.t.skills).values({ name }).returning();

  it("commits every statement when the body succeeds", async () => {
    await withTx(db.ctx, async (tx) => {
      await insertSkill(tx, "A");
      await insertSkill(tx, "B");
    });
    const rows = await db.ctx.db.select().from(db.ctx.t.skills);
    expect(rows.map((r) => r.name).sort()).toEqual(["A", "B"]);
  });

  it("rolls back every statement when the body throws", async () => {
    await expect(
      withTx(db.ctx, async (tx) => {
        await insertSkill(tx, "A");
        await tx.db.update(tx.t.skills).set({ name: "changed" }).where(eq(tx.t.skills.name, "A"));
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await db.ctx.db.select().from(db.ctx.t.skills)).toEqual([]);
  });

  it("rolls back and refuses a body that awaits non-database work", async () => {
    await expect(
      withTx(db.ctx, async (tx) => {
        await insertSkill(tx, "A");
        await new Promise((resolve) => setTimeout(resolve, 5)); // stands for mail, AI, files
        await insertSkill(tx, "B");
      }),
    ).rejects.toBeInstanceOf(TxMisuseError);
    expect(await db.ctx.db.select().from(db.ctx.t.skills)).toEqual([]);
  });

  it("lets a nested withTx join the outer transaction", async () => {
    await expect(
      withTx(db.ctx, async (tx) => {
        await withTx(tx, async (inner) => {
          await insertSkill(inner, "inner");
        });
        throw new Error("outer fails");
      }),
    ).rejects.toThrow("outer fails");
    expect(await db.ctx.db.select().from(db.ctx.t.skills)).toEqual([]);
  });

  it("keeps two transactions started together from mixing their statements", async () => {
    const results = await Promise.allSettled([
      withTx(db.ctx, async (tx) => {
        await insertSkill(tx, "kept");
      }),
      withTx(db.ctx, async (tx) => {
        await insertSkill(tx, "dropped");
        throw new Error("second fails");
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
    const rows = await db.ctx.db.select().from(db.ctx.t.skills);
    expect(rows.map((r) => r.name)).toEqual(["kept"]);
  });
});
