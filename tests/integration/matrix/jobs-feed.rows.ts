/**
 * The job feeds, RSS and the job page: the feeds are public; an unlisted Ladder post is shown only
 * to its poster (`owner`) and to career team and admins, everyone else gets the 404 of a job that
 * does not exist.
 */
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const posterAndStaff = { ...everyone(404), owner: 200, career_team: 200, admin: 200 };

let seq = 0;
async function post(ctx: Ctx, fx: MatrixFixtures, feed: "general" | "remote" | "part-time", status: "pending" | "approved" | "declined" | "closed" | null) {
  const table = { general: ctx.t.jobs, remote: ctx.t.remote_jobs, "part-time": ctx.t.part_time_jobs }[feed];
  const jobId = `matrix-${status ?? "external"}-${++seq}`;
  await ctx.db.insert(table).values({ job_id: jobId, job_title: "Matrix job", posted_by: status ? "alumni" : "external", posted_by_user_id: status ? fx.owner.id : null, created_at: new Date() });
  if (status) await ctx.db.insert(ctx.t.job_postings).values({ feed, job_id: jobId, status, decline_reason: status === "declined" ? "Say more" : null });
  return { jobPath: `/jobs/${feed}/${jobId}` };
}
const jobPathOf = (fx: MatrixFixtures) => String(fx.jobPath);

export const rows: MatrixRow[] = [
  { name: "the general feed", method: "GET", path: () => "/jobs", expect: everyone(200) },
  { name: "the remote feed, filtered", method: "GET", path: () => "/jobs/remote?q=engineer&country=JO&days=30", expect: everyone(200) },
  { name: "the part-time feed", method: "GET", path: () => "/jobs/part-time?city=Pune", expect: everyone(200) },
  { name: "a feed with a bad filter value", method: "GET", path: () => "/jobs?days=2", expect: everyone(400) },
  { name: "a feed with a made-up cursor", method: "GET", path: () => "/jobs/remote?cursor=abc.def.ghi", expect: everyone(400) },
  { name: "RSS of the general feed", method: "GET", path: () => "/jobs/rss", expect: everyone(200) },
  { name: "RSS of the remote feed, filtered", method: "GET", path: () => "/jobs/remote/rss?remote=yes", expect: everyone(200) },
  { name: "RSS of the part-time feed", method: "GET", path: () => "/jobs/part-time/rss", expect: everyone(200) },
  { name: "RSS with a bad filter value", method: "GET", path: () => "/jobs/part-time/rss?by=robots", expect: everyone(400) },
  { name: "an imported job's page", method: "GET", path: jobPathOf, setup: (ctx, fx) => post(ctx, fx, "general", null), expect: everyone(200) },
  { name: "an approved post's page", method: "GET", path: jobPathOf, setup: (ctx, fx) => post(ctx, fx, "remote", "approved"), expect: everyone(200) },
  { name: "the owner's pending post (poster and staff only)", method: "GET", path: jobPathOf, setup: (ctx, fx) => post(ctx, fx, "general", "pending"), expect: posterAndStaff },
  { name: "the owner's declined post (poster and staff only)", method: "GET", path: jobPathOf, setup: (ctx, fx) => post(ctx, fx, "part-time", "declined"), expect: posterAndStaff },
  { name: "the owner's closed post (poster and staff only)", method: "GET", path: jobPathOf, setup: (ctx, fx) => post(ctx, fx, "remote", "closed"), expect: posterAndStaff },
  { name: "a job that does not exist", method: "GET", path: () => "/jobs/general/no-such-job", expect: everyone(404) },
  { name: "a job page under a feed that does not exist", method: "GET", path: () => "/jobs/everything/no-such-job", expect: everyone(404) },
];
