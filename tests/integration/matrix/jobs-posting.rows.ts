/**
 * Posting jobs: any member posts; only the poster edits; the poster or the career team / admins
 * close; only the career team and admins review. `owner` is the poster (a plain member, so an
 * alumni post waiting for review). Others get 404 for a post that is not theirs (not revealing it).
 */
import { createPost } from "../../../app/modules/jobs/posting.server";
import { checkPost } from "../../../app/modules/jobs/posting-rules";
import type { Ctx } from "../../../db/client";
import { makeJob } from "../../support/factories";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const staffOnly = (status: number, others = 403) => ({ ...signedIn(others), career_team: status, admin: status });

const form = {
  feed: "general",
  title: "Junior data analyst",
  employer: "Nile Analytics",
  country: "EG",
  employmentType: "Full-time",
  description: "Clean and chart sales data.",
};

async function postOf(ctx: Ctx, poster: { id: string; role: string }) {
  const checked = checkPost(form);
  if (!checked.ok) throw new Error("the matrix's post form is invalid");
  const posted = await createPost(ctx, poster, checked.input);
  if (posted.kind !== "posted") throw new Error("the matrix's post was not saved");
  return `/jobs/${posted.feed}/${posted.jobId}`;
}

async function ownerPost(ctx: Ctx, fx: MatrixFixtures) {
  const postPath = await postOf(ctx, fx.owner);
  const [row] = await ctx.db.select({ updatedAt: ctx.t.job_postings.updated_at }).from(ctx.t.job_postings).limit(1);
  return { postPath, version: String(row.updatedAt.getTime()) };
}
const path = (suffix: string) => (fx: MatrixFixtures) => `${String(fx.postPath)}${suffix}`;
const decision = (fx: MatrixFixtures, extra: Record<string, string>) => {
  const [, , feed, jobId] = String(fx.postPath).split("/");
  return { feed, jobId, version: String(fx.version), ...extra };
};

export const rows: MatrixRow[] = [
  { name: "the post-a-job form", method: "GET", path: () => "/jobs/new", expect: signedIn(200) },
  { name: "post a job (everyone signed in may)", method: "POST", path: () => "/jobs/new", form: () => form, expect: signedIn(302) },
  { name: "post a job without a title (refused with messages)", method: "POST", path: () => "/jobs/new", form: () => ({ ...form, title: "" }), expect: signedIn(400) },
  { name: "your job posts", method: "GET", path: () => "/jobs/mine", expect: signedIn(200) },
  { name: "the review queue (career team and admins only)", method: "GET", path: () => "/jobs/review", expect: staffOnly(200) },
  { name: "edit form of the owner's post (the poster only)", method: "GET", path: path("/edit"), setup: ownerPost, expect: { ...signedIn(404), owner: 200 } },
  {
    name: "edit the owner's post (the poster only; staff may not rewrite a member's post)",
    method: "POST",
    path: path("/edit"),
    setup: ownerPost,
    form: () => ({ ...form, title: "Data analyst" }),
    expect: { ...signedIn(404), owner: 302 },
  },
  {
    name: "close confirmation of the owner's post (the poster, career team and admins)",
    method: "GET",
    path: path("/close"),
    setup: ownerPost,
    expect: { ...signedIn(404), owner: 200, career_team: 200, admin: 200 },
  },
  {
    name: "close the owner's post (the poster closes it; staff after that are told it is already closed)",
    method: "POST",
    path: path("/close"),
    setup: ownerPost,
    expect: { ...signedIn(404), owner: 302, career_team: 302, admin: 302 },
  },
  {
    name: "close the admin's post (the career team may close any Ladder post; members may not)",
    method: "POST",
    path: path("/close"),
    setup: async (ctx, fx) => ({ postPath: await postOf(ctx, fx.admin) }),
    expect: { ...signedIn(404), career_team: 302, admin: 302 },
  },
  {
    name: "approve the owner's pending post (career team and admins only)",
    method: "POST",
    path: () => "/jobs/review",
    setup: ownerPost,
    form: (fx) => decision(fx, { intent: "approve" }),
    expect: staffOnly(302),
  },
  {
    name: "decline the owner's post without a reason (staff are asked for one; others refused)",
    method: "POST",
    path: () => "/jobs/review",
    setup: ownerPost,
    form: (fx) => decision(fx, { intent: "decline", reason: "" }),
    expect: staffOnly(400),
  },
  {
    name: "approve the owner's pending post on its own page (career team and admins only)",
    method: "POST",
    path: path(""),
    setup: ownerPost,
    form: (fx) => decision(fx, { intent: "approve" }),
    expect: staffOnly(302),
  },
  {
    name: "decline the owner's post on its own page without a reason (staff are asked for one; others refused)",
    method: "POST",
    path: path(""),
    setup: ownerPost,
    form: (fx) => decision(fx, { intent: "decline", reason: "" }),
    expect: staffOnly(400),
  },
  {
    name: "edit an imported job (no one can, in Ladder)",
    method: "GET",
    path: () => "/jobs/general/ext-matrix/edit",
    setup: async (ctx) => {
      await makeJob(ctx, "jobs", { job_id: "ext-matrix", posted_by: "external" });
      return {};
    },
    expect: signedIn(404),
  },
];
