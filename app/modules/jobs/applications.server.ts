/**
 * Applying to jobs posted in Ladder, the applicant's own applications, withdrawing, and the CV
 * download (issue 5, items 4 and 5; docs/decisions/014.5-applications-and-cvs.md).
 *
 * Ownership is in every query: an applicant's rows are found through job_applicants.user_id = me;
 * a CV is served only when the viewer is the applicant, the job's poster (posted_by_user_id of the
 * job in the feed job_applicants names), or career team / admin.
 */
import crypto from "node:crypto";
import { and, asc, desc, eq, exists, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { isMultiLine, isSingleLine } from "~/lib/text";
import { translator } from "~/lib/i18n.server";
import { withTx, type Ctx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { storage as appStorage, type Storage } from "~/services/storage.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { COVER_LETTER_MAX } from "./application-rules";
import { CV_CONTENT_TYPES, cvFileName, cvKey, kindOfKey, type CvKind } from "./cv";
import { FEED_SLUGS, isFeedSlug, type FeedSlug } from "./feeds";
import { feedTable, getJob } from "./jobs.server";
import { isUuid } from "~/lib/ids";

export const STAFF_ROLES = ["career_team", "admin"] as const;
const isStaff = (role: string) => (STAFF_ROLES as readonly string[]).includes(role);

/** The apply form; its messages are ids in the jobs catalog, which readForm writes in the reader's language. */
export const applySchema = z.object({
  name: z
    .string({ required_error: "jobs.apply.error.name" })
    .trim()
    .min(1, "jobs.apply.error.name")
    .max(255, "jobs.apply.error.nameTooLong")
    .refine(isSingleLine, "jobs.form.singleLine"),
  email: z
    .string({ required_error: "jobs.apply.error.email" })
    .trim()
    .min(1, "jobs.apply.error.email")
    .max(128, "jobs.apply.error.emailTooLong")
    .email("jobs.apply.error.emailInvalid"),
  coverLetter: z
    .string({ required_error: "jobs.apply.error.cover" })
    // Browsers send line breaks as CRLF; count and keep them as one character each.
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .min(1, "jobs.apply.error.coverEmpty")
        .superRefine((text, ctx) => {
          if (text.length > COVER_LETTER_MAX) ctx.addIssue({ code: "custom", message: "jobs.apply.error.coverTooLong", params: { max: COVER_LETTER_MAX } });
        })
        .refine(isMultiLine, "jobs.form.multiLine"),
    ),
});
export type ApplyInput = z.infer<typeof applySchema>;

export const isApplicationId = (value: unknown): value is string => typeof value === "string" && isUuid(value);

/** The route that serves an application's CV (job_applications.cvFileUrl). */
export const cvPath = (applicationId: string) => `/applications/${applicationId}/cv`;
export const applicationPath = (applicationId: string) => `/applications/${applicationId}`;


// ---- where a member may apply

export type ApplyTarget =
  | { ok: true; feed: FeedSlug; jobId: string; title: string | null; employer: string | null; posterId: string | null }
  | { ok: false; reason: "not_found" | "external" | "closed" | "not_listed"; title?: string | null; applyLink?: string | null };

/** In-app applications are for listed jobs posted in Ladder (alumni or career team). */
export async function applyTarget(ctx: Ctx, feed: string | undefined, jobId: string | undefined): Promise<ApplyTarget> {
  if (!isFeedSlug(feed) || !jobId) return { ok: false, reason: "not_found" };
  const job = await getJob(ctx, feed, jobId);
  if (!job) return { ok: false, reason: "not_found" };
  const title = job.job_title;
  const postedInLadder = job.postingStatus !== null || job.posted_by === "alumni" || job.posted_by === "career_team";
  if (!postedInLadder) return { ok: false, reason: "external", title, applyLink: job.job_apply_link };
  if (job.postingStatus === "closed") return { ok: false, reason: "closed", title };
  if (!job.listed) return { ok: false, reason: "not_listed" };
  return { ok: true, feed, jobId: job.job_id, title, employer: job.employer_name, posterId: job.posted_by_user_id };
}

/** The member's live (not withdrawn) application to this job, if any. */
export async function liveApplicationId(ctx: Ctx, userId: string, feed: FeedSlug, jobId: string): Promise<string | null> {
  const A = ctx.t.job_applicants;
  const [row] = await ctx.db
    .select({ id: A.application_id })
    .from(A)
    .where(and(eq(A.user_id, userId), eq(A.feed, feed), eq(A.job_id, jobId), eq(A.live, true)))
    .limit(1);
  return row?.id ?? null;
}

// ---- applying

export interface Submission {
  userId: string;
  /** The account's email: uploads.userEmail (account deletion finds the CV by it). */
  accountEmail: string;
  target: Extract<ApplyTarget, { ok: true }>;
  input: ApplyInput;
  cv: { bytes: Uint8Array; kind: CvKind };
}

export type SubmitOutcome = { ok: true; id: string } | { ok: false; reason: "already"; applicationId: string | null };

/**
 * Stores the CV, then writes the application, its applicant row, the upload row and the poster's
 * notification in one transaction. When the transaction fails (the partial unique index says a
 * live application exists: a double submit or a race), the stored file is deleted again.
 */
export async function submitApplication(ctx: Ctx, s: Submission, store: Storage = appStorage()): Promise<SubmitOutcome> {
  const { feed, jobId } = s.target;
  const existing = await liveApplicationId(ctx, s.userId, feed, jobId);
  if (existing) return { ok: false, reason: "already", applicationId: existing };

  const id = crypto.randomUUID();
  const key = cvKey(id, s.cv.kind);
  await store.put(key, s.cv.bytes, CV_CONTENT_TYPES[s.cv.kind]);
  const now = new Date();
  try {
    await withTx(ctx, async (tx) => {
      const t = tx.t;
      await tx.db.insert(t.job_applications).values({
        id,
        jobId,
        name: s.input.name,
        email: s.input.email,
        coverLetter: s.input.coverLetter,
        cvFileUrl: cvPath(id),
        status: "pending",
        withdrawn: false,
        createdAt: now,
        updatedAt: now,
      });
      await tx.db.insert(t.job_applicants).values({ application_id: id, user_id: s.userId, feed, job_id: jobId, live: true, created_at: now });
      await tx.db.insert(t.uploads).values({ userEmail: s.accountEmail, fileUrl: key, fileType: "cv", createdAt: now });
      await track(tx, { userId: s.userId, type: "application_sent", metadata: { applicationId: id, feed, jobId }, at: now });
      if (s.target.posterId && s.target.posterId !== s.userId) {
        // Written in the poster's language, not the applicant's.
        const t = translator(await savedLanguage(tx, s.target.posterId));
        const title = s.target.title ?? t("jobs.job.untitled");
        await insertLinkedNotification(tx, {
          userId: s.target.posterId,
          title: t("jobs.apply.notifyTitle", { title }).slice(0, 300),
          message: t("jobs.apply.notifyMessage", { name: s.input.name, title }),
          href: `/hiring/applications/${id}`,
          at: now,
        });
      }
    });
  } catch (error) {
    await store.delete(key);
    const live = await liveApplicationId(ctx, s.userId, feed, jobId);
    if (live) return { ok: false, reason: "already", applicationId: live };
    throw error;
  }
  return { ok: true, id };
}

// ---- the applicant's own applications

/** The job of an application: title and employer from the feed table job_applicants names. */
function jobColumnsOf(ctx: Ctx) {
  const A = ctx.t.job_applicants;
  const [G, R, P] = FEED_SLUGS.map((feed) => feedTable(ctx, feed));
  const joins = [
    { table: G, on: and(eq(A.feed, "general"), eq(G.job_id, A.job_id)) },
    { table: R, on: and(eq(A.feed, "remote"), eq(R.job_id, A.job_id)) },
    { table: P, on: and(eq(A.feed, "part-time"), eq(P.job_id, A.job_id)) },
  ];
  const pick = (column: "job_title" | "employer_name") => sql<string | null>`coalesce(${G[column]}, ${R[column]}, ${P[column]})`;
  return { joins, title: pick("job_title"), employer: pick("employer_name") };
}

export interface ApplicationPosition {
  at: number;
  id: string;
}

export interface ApplicationSummary {
  id: string;
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  status: string;
  withdrawn: boolean;
  updatedAt: Date;
  nextRound: { roundNumber: number; roundType: string; scheduledDate: Date } | null;
}

export const APPLICATIONS_PAGE = 20;

/** The member's applications, newest first, keyset on (job_applicants.created_at, application_id). */
export async function listMyApplications(
  ctx: Ctx,
  userId: string,
  after?: ApplicationPosition,
  limit = APPLICATIONS_PAGE,
): Promise<{ items: ApplicationSummary[]; next: ApplicationPosition | null }> {
  const A = ctx.t.job_applicants;
  const J = ctx.t.job_applications;
  const { joins, title, employer } = jobColumnsOf(ctx);
  const conditions: SQL[] = [eq(A.user_id, userId)];
  if (after) {
    const at = new Date(after.at);
    conditions.push(or(lt(A.created_at, at), and(eq(A.created_at, at), lt(A.application_id, after.id)))!);
  }
  let query = ctx.db
    .select({
      id: J.id,
      createdAt: A.created_at,
      feed: A.feed,
      jobId: A.job_id,
      title,
      employer,
      status: J.status,
      withdrawn: J.withdrawn,
      updatedAt: J.updatedAt,
    })
    .from(A)
    .innerJoin(J, eq(J.id, A.application_id))
    .$dynamic();
  for (const j of joins) query = query.leftJoin(j.table, j.on);
  const rows = await query
    .where(and(...conditions))
    .orderBy(desc(A.created_at), desc(A.application_id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const next = rows.length > limit ? { at: page[page.length - 1].createdAt.getTime(), id: page[page.length - 1].id } : null;

  const rounds = await upcomingRounds(ctx, page.map((r) => r.id));
  return {
    items: page.map((r) => ({
      id: r.id,
      feed: r.feed as FeedSlug,
      jobId: r.jobId,
      title: r.title,
      employer: r.employer,
      status: r.status ?? "pending",
      withdrawn: r.withdrawn ?? false,
      updatedAt: r.updatedAt,
      nextRound: rounds.get(r.id) ?? null,
    })),
    next,
  };
}

/** The next scheduled round of each application (scheduled or rescheduled, not yet begun). */
async function upcomingRounds(ctx: Ctx, ids: string[]) {
  const result = new Map<string, { roundNumber: number; roundType: string; scheduledDate: Date }>();
  if (ids.length === 0) return result;
  const I = ctx.t.interview_rounds;
  const rows = await ctx.db
    .select({ applicationId: I.applicationId, roundNumber: I.roundNumber, roundType: I.roundType, scheduledDate: I.scheduledDate })
    .from(I)
    .where(and(inArray(I.applicationId, ids), inArray(I.status, ["scheduled", "rescheduled"]), gte(I.scheduledDate, new Date())))
    .orderBy(asc(I.scheduledDate));
  for (const r of rows) {
    if (r.scheduledDate && !result.has(r.applicationId)) result.set(r.applicationId, { roundNumber: r.roundNumber, roundType: r.roundType, scheduledDate: r.scheduledDate });
  }
  return result;
}

/** One of the member's applications with its job and interview rounds; null when it is not theirs. */
export async function getMyApplication(ctx: Ctx, userId: string, id: string) {
  if (!isApplicationId(id)) return null;
  const A = ctx.t.job_applicants;
  const J = ctx.t.job_applications;
  const { joins, title, employer } = jobColumnsOf(ctx);
  let query = ctx.db
    .select({
      id: J.id,
      feed: A.feed,
      jobId: A.job_id,
      title,
      employer,
      name: J.name,
      email: J.email,
      coverLetter: J.coverLetter,
      cvFileUrl: J.cvFileUrl,
      status: J.status,
      feedback: J.feedback,
      withdrawn: J.withdrawn,
      createdAt: J.createdAt,
      updatedAt: J.updatedAt,
    })
    .from(A)
    .innerJoin(J, eq(J.id, A.application_id))
    .$dynamic();
  for (const j of joins) query = query.leftJoin(j.table, j.on);
  const [row] = await query.where(and(eq(A.application_id, id), eq(A.user_id, userId))).limit(1);
  if (!row) return null;
  const I = ctx.t.interview_rounds;
  const rounds = await ctx.db
    .select({
      id: I.id,
      roundNumber: I.roundNumber,
      roundType: I.roundType,
      status: I.status,
      scheduledDate: I.scheduledDate,
      completedDate: I.completedDate,
      interviewerName: I.interviewerName,
      // Only the feedback: a round's score and notes are the hiring side's, never the applicant's.
      feedback: I.feedback,
    })
    .from(I)
    .where(eq(I.applicationId, id))
    .orderBy(asc(I.roundNumber), asc(I.createdAt));
  const status = row.status ?? "pending";
  const withdrawn = row.withdrawn ?? false;
  return { ...row, feed: row.feed as FeedSlug, status, withdrawn, canWithdraw: canWithdraw(status, withdrawn), rounds };
}

export const canWithdraw = (status: string, withdrawn: boolean) => !withdrawn && status !== "hired" && status !== "rejected";

/**
 * Withdraws the member's application (withdrawn = true, job_applicants.live = false) in one
 * transaction. False when it is not theirs, already withdrawn, or decided (hired or rejected).
 */
export async function withdrawApplication(ctx: Ctx, userId: string, id: string): Promise<boolean> {
  if (!isApplicationId(id)) return false;
  return withTx(ctx, async (tx) => {
    const A = tx.t.job_applicants;
    const J = tx.t.job_applications;
    const mine = exists(tx.db.select({ one: sql`1` }).from(A).where(and(eq(A.application_id, J.id), eq(A.user_id, userId))));
    const [changed] = await tx.db
      .update(J)
      .set({ withdrawn: true, updatedAt: new Date() })
      .where(and(eq(J.id, id), eq(J.withdrawn, false), sql`coalesce(${J.status}, 'pending') not in ('hired', 'rejected')`, mine))
      .returning({ id: J.id });
    if (!changed) return false;
    await tx.db.update(A).set({ live: false }).where(and(eq(A.application_id, id), eq(A.user_id, userId)));
    return true;
  });
}

// ---- the CV download

export interface CvFile {
  bytes: Uint8Array;
  contentType: string;
  filename: string;
}

/**
 * The CV of an application, for the applicant, the job's poster, career team and admins only;
 * null for everyone else (and when there is no CV). Who may see it is decided in the query.
 */
export async function cvForViewer(ctx: Ctx, viewer: { id: string; role: string }, id: string, store: Storage = appStorage()): Promise<CvFile | null> {
  if (!isApplicationId(id)) return null;
  const A = ctx.t.job_applicants;
  const J = ctx.t.job_applications;
  const postedByViewer = or(
    ...FEED_SLUGS.map((feed) => {
      const F = feedTable(ctx, feed);
      return and(eq(A.feed, feed), exists(ctx.db.select({ one: sql`1` }).from(F).where(and(eq(F.job_id, A.job_id), eq(F.posted_by_user_id, viewer.id)))));
    }),
  )!;
  const allowed = isStaff(viewer.role) ? sql`1 = 1` : or(eq(A.user_id, viewer.id), postedByViewer)!;
  const U = ctx.t.uploads;
  const [row] = await ctx.db
    .select({ name: J.name, cvFileUrl: J.cvFileUrl, key: U.fileUrl })
    .from(J)
    .innerJoin(A, eq(A.application_id, J.id))
    .innerJoin(U, and(eq(U.fileType, "cv"), inArray(U.fileUrl, [cvKey(id, "pdf"), cvKey(id, "docx")])))
    .where(and(eq(J.id, id), allowed))
    .limit(1);
  if (!row || row.cvFileUrl !== cvPath(id)) return null;
  const kind = kindOfKey(row.key);
  if (!kind) return null;
  const file = await store.get(row.key);
  if (!file) return null;
  return { bytes: file.bytes, contentType: file.contentType, filename: cvFileName(row.name, kind) };
}
