/**
 * A member's daily-interview streak (issue 19): consecutive days, on the member's own clock, with
 * a completed interview. Reads the completed interviewDate values newest first through the
 * (userId, interviewDate) unique index; a streak longer than the rows read is capped there.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { streakOf } from "./rules";

/** Enough days for any streak the page shows in full ("366+" beyond it is not worth a scan). */
const STREAK_WINDOW = 400;

export async function streakFor(ctx: Ctx, userId: string, today: Date): Promise<number> {
  const d = ctx.t.daily_interviews;
  const rows = await ctx.db
    .select({ day: d.interviewDate })
    .from(d)
    .where(and(eq(d.userId, userId), eq(d.isCompleted, true)))
    .orderBy(desc(d.interviewDate))
    .limit(STREAK_WINDOW);
  return streakOf(
    rows.map((r) => r.day),
    today,
  );
}
