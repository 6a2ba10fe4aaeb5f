/** On PostgreSQL, many concurrent overlapping adds to one member's day leave exactly one block (advisory lock per member-week). */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { addBlock, copyPreviousWeek } from "../../app/modules/calendar/calendar.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describePostgres } from "../support/db";

const week = new Date("2030-06-03T00:00:00.000Z");

function raceBody(db: { readonly ctx: Ctx }) {
  it("40 concurrent overlapping adds for one member-week: exactly one lands, the others are told what they overlap", async () => {
    const me = await createMember(db.ctx);
    // Every range contains 10:00–10:15, so any two overlap; no two are equal (the unique index cannot help).
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        addBlock(db.ctx, {
          userId: me.id,
          week,
          dayOfWeek: 1,
          range: { start: 600 - 15 * (i % 20) - 15, end: 615 + 15 * Math.floor(i / 20) },
          isBlocked: i % 2 === 0,
          zone: "UTC",
        }),
      ),
    );
    const b = db.ctx.t.user_calendar_blocks;
    const rows = await db.ctx.db.select().from(b).where(eq(b.userId, me.id));
    expect(rows).toHaveLength(1);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(39);
    const settings = await db.ctx.db.select().from(db.ctx.t.member_settings).where(eq(db.ctx.t.member_settings.user_id, me.id));
    expect(settings).toHaveLength(1);
  });

  it("a copy of last week racing adds into the same week never leaves overlapping blocks", async () => {
    const me = await createMember(db.ctx);
    await addBlock(db.ctx, { userId: me.id, week: new Date("2030-05-27T00:00:00.000Z"), dayOfWeek: 0, range: { start: 540, end: 720 }, isBlocked: false, zone: "UTC" });
    await Promise.all([
      copyPreviousWeek(db.ctx, me.id, week),
      ...Array.from({ length: 10 }, (_, i) =>
        addBlock(db.ctx, { userId: me.id, week, dayOfWeek: 0, range: { start: 600 + i * 15, end: 615 + i * 15 }, isBlocked: true, zone: "UTC" }),
      ),
    ]);
    const b = db.ctx.t.user_calendar_blocks;
    const rows = (await db.ctx.db.select().from(b).where(eq(b.userId, me.id))).filter((r) => r.weekStartDate.getTime() === week.getTime());
    const sorted = rows.sort((x, y) => x.startTime.localeCompare(y.startTime));
    for (let k = 1; k < sorted.length; k++) expect(sorted[k - 1].endTime <= sorted[k].startTime).toBe(true);
    expect(sorted.length).toBeGreaterThan(0);
  });
}

describePostgres("Concurrent calendar adds on a pool of 20", raceBody, { poolSize: 20 });
