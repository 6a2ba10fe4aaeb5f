/**
 * Saved jobs: /jobs/saved is each member's own list; the save action is open to every member for
 * listed jobs (404 for a job that is not listed), and visitors are sent to sign in. Unsaving names
 * only the caller's own row, so every member gets the same redirect and the owner's save stays
 * (tests/integration/saved-jobs.test.ts checks the rows).
 */
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });

let seq = 0;
/** A listed imported job the owner has saved, and a pending post nobody can save. */
async function jobs(ctx: Ctx, fx: MatrixFixtures) {
  const listed = `matrix-saved-${++seq}`;
  const pending = `matrix-pending-${seq}`;
  await ctx.db.insert(ctx.t.jobs).values({ job_id: listed, job_title: "Matrix job", posted_by: "external", created_at: new Date() });
  await ctx.db.insert(ctx.t.jobs).values({ job_id: pending, job_title: "Waiting job", posted_by: "alumni", posted_by_user_id: fx.owner.id, created_at: new Date() });
  await ctx.db.insert(ctx.t.job_postings).values({ feed: "general", job_id: pending, status: "pending" });
  await ctx.db.insert(ctx.t.saved_jobs).values({ user_id: fx.owner.id, feed: "general", job_id: listed });
  return { listedPath: `/jobs/general/${listed}`, pendingPath: `/jobs/general/${pending}` };
}

export const rows: MatrixRow[] = [
  { name: "your saved jobs", method: "GET", path: () => "/jobs/saved", setup: jobs, expect: signedIn(200) },
  { name: "your saved jobs with a made-up cursor", method: "GET", path: () => "/jobs/saved?after=abc.def", expect: signedIn(400) },
  { name: "save a listed job", method: "POST", path: (fx) => `${fx.listedPath}/save`, setup: jobs, form: (fx) => ({ intent: "save", back: String(fx.listedPath) }), expect: signedIn(302) },
  { name: "unsave a job (only one's own save is touched)", method: "POST", path: (fx) => `${fx.listedPath}/save`, setup: jobs, form: () => ({ intent: "unsave" }), expect: signedIn(302) },
  // The poster sees their pending post, but only listed jobs go on a list.
  { name: "save a job that is not listed", method: "POST", path: (fx) => `${fx.pendingPath}/save`, setup: jobs, form: () => ({ intent: "save" }), expect: signedIn(404) },
  { name: "save with an unknown intent", method: "POST", path: (fx) => `${fx.listedPath}/save`, setup: jobs, form: () => ({ intent: "maybe" }), expect: signedIn(400) },
  { name: "the save form's address opened with GET (goes to the job)", method: "GET", path: (fx) => `${fx.listedPath}/save`, setup: jobs, expect: everyone(302) },
];
