/**
 * Completing an interview round before its day (issue 13, item 12): managers are asked to confirm
 * (400 with the question) and complete it with the confirmation; everyone else gets the pipeline's
 * 404. The owner (the poster) is a plain member whose post has an application from `other`.
 */
import type { Ctx } from "../../../db/client";
import { makeApplicationTo, makePostedJob } from "../../support/hiring";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const managers = (status: number) => ({ ...everyone(404), anonymous: "login" as const, owner: status, career_team: status, admin: status });

async function earlyRound(ctx: Ctx, fx: MatrixFixtures) {
  const job = await makePostedJob(ctx, fx.owner.id, { title: "Matrix Analyst" });
  const app = await makeApplicationTo(ctx, job, { id: fx.other.id, email: fx.other.email, name: "Other Member" });
  const [round] = await ctx.db
    .insert(ctx.t.interview_rounds)
    .values({ applicationId: app.id, roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000) })
    .returning();
  return { appPath: `/hiring/applications/${app.id}`, roundId: round.id };
}

export const rows: MatrixRow[] = [
  {
    name: "complete a round before its day without confirming (asked first)",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: earlyRound,
    form: (fx) => ({ intent: "complete", roundId: String(fx.roundId), score: "7", feedback: "" }),
    expect: managers(400),
  },
  {
    // The owner confirms first and completes it; the staff after them find it closed (400).
    name: "complete a round before its day, confirmed",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: earlyRound,
    form: (fx) => ({ intent: "complete", roundId: String(fx.roundId), score: "7", feedback: "", confirmEarly: "yes" }),
    expect: { ...managers(400), owner: 302 },
  },
];
