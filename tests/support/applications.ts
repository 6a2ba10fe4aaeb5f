/** Jobs to apply to and applications, for the application tests (integration, race, matrix). */
import crypto from "node:crypto";
import { count, eq, like } from "drizzle-orm";
import fs from "node:fs";
import type { FeedSlug } from "../../app/modules/jobs/feeds";
import { feedTable } from "../../app/modules/jobs/jobs.server";
import type { Ctx } from "../../db/client";
import type { AppClient, AppResponse } from "./app";
import { pdfBytes } from "./cv-files";

export interface TestJob {
  feed: FeedSlug;
  jobId: string;
  title: string;
  path: string;
}

/**
 * A job posted in Ladder: posted_by alumni (or career_team), posted_by_user_id = poster, and its
 * job_postings row in `status` (approved: listed). `external: true` makes an imported job instead.
 */
export async function postJob(
  ctx: Ctx,
  options: { posterId?: string | null; feed?: FeedSlug; status?: "pending" | "approved" | "declined" | "closed"; postedBy?: "alumni" | "career_team"; external?: boolean; title?: string } = {},
): Promise<TestJob> {
  const feed = options.feed ?? "general";
  const jobId = `${options.external ? "ext" : "ladder"}-${crypto.randomBytes(10).toString("hex")}`;
  const title = options.title ?? `Data analyst ${jobId.slice(-6)}`;
  await ctx.db.insert(feedTable(ctx, feed)).values({
    job_id: jobId,
    job_title: title,
    employer_name: "Nile Analytics",
    job_city: "Cairo",
    job_country: "EG",
    job_description: "Analyse data.",
    job_apply_link: options.external ? "https://careers.example.com/apply/1" : null,
    posted_by: options.external ? "external" : (options.postedBy ?? "alumni"),
    posted_by_user_id: options.external ? null : (options.posterId ?? null),
    created_at: new Date(),
  });
  if (!options.external) {
    await ctx.db.insert(ctx.t.job_postings).values({ feed, job_id: jobId, status: options.status ?? "approved", created_at: new Date(), updated_at: new Date() });
  }
  return { feed, jobId, title, path: `/jobs/${feed}/${jobId}` };
}

export interface ApplyFields {
  name?: string;
  email?: string;
  coverLetter?: string;
  /** The CV's bytes and name; null sends the form with no file chosen. */
  cv?: { bytes: Uint8Array; name: string; type?: string } | null;
}

export function applyForm(fields: ApplyFields = {}): FormData {
  const form = new FormData();
  form.set("name", fields.name ?? "Amal Haddad");
  form.set("email", fields.email ?? "amal.contact@example.com");
  form.set("coverLetter", fields.coverLetter ?? "I would like to join your team.\nI have three years of SQL.");
  const cv = fields.cv === undefined ? { bytes: pdfBytes(), name: "amal-cv.pdf", type: "application/pdf" } : fields.cv;
  if (cv) form.set("cv", new File([cv.bytes as Uint8Array<ArrayBuffer>], cv.name, { type: cv.type ?? "application/octet-stream" }));
  else form.set("cv", new File([], "", { type: "application/octet-stream" }));
  return form;
}

export const applyTo = (browser: AppClient, job: TestJob, fields: ApplyFields = {}): Promise<AppResponse> => browser.post(`${job.path}/apply`, applyForm(fields));

/** The id in a redirect to /applications/<id>. */
export function applicationIdOf(res: AppResponse): string {
  const match = /^\/applications\/([0-9a-f-]{36})$/.exec(res.location ?? "");
  if (!match) throw new Error(`not a redirect to an application (status ${res.status}, location ${res.location})`);
  return match[1];
}

/** Rows of every table an application writes, for "nothing was stored" checks. */
export async function applicationRowCounts(ctx: Ctx) {
  const n = async (table: typeof ctx.t.job_applications | typeof ctx.t.job_applicants | typeof ctx.t.uploads) =>
    (await ctx.db.select({ n: count() }).from(table))[0].n;
  const cvUploads = (await ctx.db.select({ n: count() }).from(ctx.t.uploads).where(like(ctx.t.uploads.fileUrl, "cv-%")))[0].n;
  return { applications: await n(ctx.t.job_applications), applicants: await n(ctx.t.job_applicants), uploads: await n(ctx.t.uploads), cvUploads };
}

/** The CV files in the test process's UPLOADS_DIR. */
export function storedCvFiles(): string[] {
  const dir = process.env.UPLOADS_DIR;
  if (!dir || !fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.startsWith("cv-"));
}

export async function applicationRow(ctx: Ctx, id: string) {
  const J = ctx.t.job_applications;
  const [row] = await ctx.db.select().from(J).where(eq(J.id, id));
  return row;
}
