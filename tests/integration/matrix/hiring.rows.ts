/**
 * The hiring pipeline: the owner is a plain member whose approved Ladder post has an application
 * from `other`. Only the owner (its poster), the career team and admins see or change it; everyone
 * else, the applicant and another recruiter included, gets 404 (the job's pipeline is not revealed).
 */
import type { Ctx } from "../../../db/client";
import { makeApplicationTo, makePostedJob } from "../../support/hiring";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** The poster and staff get `status`; every other signed-in member 404. */
const managers = (status: number) => ({ ...signedIn(404), owner: status, career_team: status, admin: status });

async function ownersJob(ctx: Ctx, fx: MatrixFixtures) {
  const job = await makePostedJob(ctx, fx.owner.id, { title: "Matrix Analyst" });
  const app = await makeApplicationTo(ctx, job, { id: fx.other.id, email: fx.other.email, name: "Other Member" });
  const [round] = await ctx.db.insert(ctx.t.interview_rounds).values({ applicationId: app.id, roundNumber: 1, roundType: "phone_screening" }).returning();
  return { jobPath: `/hiring/${job.feed}/${job.jobId}`, appPath: `/hiring/applications/${app.id}`, version: String(app.updatedAt.getTime()), roundId: round.id };
}

export const rows: MatrixRow[] = [
  { name: "the jobs you can manage (an empty state for members with none)", method: "GET", path: () => "/hiring", expect: signedIn(200) },
  { name: "a job's applications", method: "GET", path: (fx) => `${fx.jobPath}?status=all`, setup: ownersJob, expect: managers(200) },
  { name: "an unknown job's applications", method: "GET", path: () => "/hiring/general/ladder-nosuchjob", expect: signedIn(404) },
  { name: "one application", method: "GET", path: (fx) => String(fx.appPath), setup: ownersJob, expect: managers(200) },
  {
    name: "save an application's status as it stands (nothing changes, so every manager gets the same answer)",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: (fx) => ({ intent: "status", status: "pending", feedback: "", updatedAt: String(fx.version) }),
    expect: managers(302),
  },
  {
    // The owner goes first and changes it; the staff after them hold a stale form and are told (409).
    name: "change an application's status from a form opened before any change",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: (fx) => ({ intent: "status", status: "reviewing", feedback: "", updatedAt: String(fx.version) }),
    expect: { ...managers(409), owner: 302 },
  },
  {
    name: "add an interview round",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: () => ({ intent: "add-round", roundType: "hr", date: "2030-06-03", time: "10:00", interviewerName: "", interviewerEmail: "" }),
    expect: managers(302),
  },
  {
    name: "reschedule an interview round",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: (fx) => ({ intent: "reschedule", roundId: String(fx.roundId), date: "2030-06-04", time: "11:00" }),
    expect: managers(302),
  },
  {
    name: "complete an interview round with a score of 11 (refused to managers, hidden from others)",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: (fx) => ({ intent: "complete", roundId: String(fx.roundId), score: "11", feedback: "" }),
    expect: managers(400),
  },
  {
    // The owner is the first manager to try: they cancel it; the staff after them find it closed.
    name: "cancel an interview round",
    method: "POST",
    path: (fx) => String(fx.appPath),
    setup: ownersJob,
    form: (fx) => ({ intent: "cancel", roundId: String(fx.roundId) }),
    expect: { ...managers(400), owner: 302 },
  },
];
