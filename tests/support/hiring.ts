/**
 * Hiring fixtures: a Ladder post by `poster` (approved) and applications to it by members, each
 * with its job_applicants row, as the apply route writes them.
 */
import type { Ctx } from "../../db/client";
import { FEEDS, type FeedSlug } from "../../app/modules/jobs/feeds";
import { makeApplication, makeJob, nextSeq } from "./factories";

export async function makePostedJob(ctx: Ctx, posterId: string, options: { feed?: FeedSlug; title?: string; employer?: string; createdAt?: Date } = {}) {
  const feed = options.feed ?? "general";
  const job = await makeJob(ctx, FEEDS[feed].table, {
    job_id: `ladder-t${nextSeq()}x${Math.random().toString(36).slice(2, 10)}`,
    job_title: options.title ?? "Data Analyst",
    employer_name: options.employer ?? "Nile Analytics",
    posted_by: "alumni",
    posted_by_user_id: posterId,
    ...(options.createdAt ? { created_at: options.createdAt } : {}),
  });
  await ctx.db.insert(ctx.t.job_postings).values({ feed, job_id: job.job_id, status: "approved" });
  return { feed, jobId: job.job_id, title: job.job_title ?? "", employer: job.employer_name ?? "" };
}

export async function makeApplicationTo(
  ctx: Ctx,
  job: { feed: FeedSlug; jobId: string },
  applicant: { id: string; email: string; name?: string },
  values: { status?: "pending" | "reviewing" | "shortlisted" | "interviewing" | "offered" | "hired" | "rejected"; withdrawn?: boolean; createdAt?: Date; cvFileUrl?: string | null } = {},
) {
  const at = values.createdAt ?? new Date(Date.UTC(2026, 10, 1, 9, 0, 0, 0) + nextSeq() * 1000);
  const app = await makeApplication(ctx, {
    jobId: job.jobId,
    name: applicant.name ?? "Applicant",
    email: applicant.email,
    coverLetter: "Dear hiring team,\nI would like to apply.",
    status: values.status ?? "pending",
    withdrawn: values.withdrawn ?? false,
    cvFileUrl: values.cvFileUrl === undefined ? "/applications/cv-placeholder" : values.cvFileUrl,
    createdAt: at,
    updatedAt: at,
  });
  await ctx.db.insert(ctx.t.job_applicants).values({ application_id: app.id, user_id: applicant.id, feed: job.feed, job_id: job.jobId, live: !values.withdrawn, created_at: at });
  return app;
}
