/**
 * The hiring pipeline (docs/decisions/014.4-hiring-pipeline.md): the jobs a member can
 * manage, a job's applications, one application, and status changes. Who may see a job's
 * pipeline is decided IN each query: the job's poster (posted_by_user_id = me), or any job for
 * career_team and admin. Everyone else finds nothing (the routes answer 404).
 */
import { and, count, desc, eq, exists, inArray, isNull, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import type { Position } from "~/lib/cursor";
import { isUuid } from "~/lib/ids";
import { translator } from "~/lib/i18n.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { FEED_SLUGS, type FeedSlug, feedTable, isJobId, type PostingStatus } from "~/modules/jobs/index.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { sendMail, type SendResult } from "~/services/mail.server";
import type { JobPosition } from "./cursor.server";
import {
  APPLICATION_STATUSES,
  checkStatusChange,
  isStaff,
  statusMail,
  statusNotification,
  type ApplicationStatus,
  type StatusFilter,
} from "./rules";

export const JOBS_PAGE_SIZE = 20;
export const APPLICATIONS_PAGE_SIZE = 30;

export interface Viewer {
  id: string;
  role: string | null;
}

type JobTable = ReturnType<typeof feedTable>;

/** The viewer may manage this job: its poster, or staff (any job). Ownership as SQL. */
function mayManage(j: JobTable, viewer: Viewer): SQL | undefined {
  return isStaff(viewer.role) ? undefined : eq(j.posted_by_user_id, viewer.id);
}

/** Not withdrawn (the column is nullable with default false). */
export const notWithdrawn = (ctx: Ctx) => or(eq(ctx.t.job_applications.withdrawn, false), isNull(ctx.t.job_applications.withdrawn))!;

// ---------------------------------------------------------------- /hiring: the jobs I manage

export interface ManagedJob {
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  createdAt: Date;
  postingStatus: PostingStatus | null;
  mine: boolean;
  counts: Partial<Record<ApplicationStatus, number>>;
  live: number;
  withdrawn: number;
}

/**
 * Members: their own Ladder posts in the three feeds. Staff: those and every job with an
 * application. Newest first by (created_at, feed, job_id): one query per feed, each under its
 * keyset position, merged.
 */
export async function listManagedJobs(
  ctx: Ctx,
  viewer: Viewer,
  options: { after?: JobPosition; pageSize?: number } = {},
): Promise<{ rows: ManagedJob[]; next: JobPosition | null }> {
  const size = options.pageSize ?? JOBS_PAGE_SIZE;
  const after = options.after;
  const { job_applicants: ja, job_postings: p } = ctx.t;
  const perFeed = await Promise.all(
    FEED_SLUGS.map(async (feed, rank) => {
      const j = feedTable(ctx, feed);
      const mine = eq(j.posted_by_user_id, viewer.id);
      const access = isStaff(viewer.role)
        ? or(mine, exists(ctx.db.select({ one: sql`1` }).from(ja).where(and(eq(ja.feed, feed), eq(ja.job_id, j.job_id)))))
        : mine;
      let position: SQL | undefined;
      if (after) {
        const at = new Date(after.at);
        const afterRank = FEED_SLUGS.indexOf(after.feed);
        const tie = rank > afterRank ? sql`1 = 1` : rank === afterRank ? lt(j.job_id, after.jobId) : sql`1 = 0`;
        position = or(lt(j.created_at, at), and(eq(j.created_at, at), tie));
      }
      const rows = await ctx.db
        .select({ jobId: j.job_id, title: j.job_title, employer: j.employer_name, createdAt: j.created_at, poster: j.posted_by_user_id, postingStatus: p.status })
        .from(j)
        .leftJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
        .where(and(access, position))
        .orderBy(desc(j.created_at), desc(j.job_id))
        .limit(size + 1);
      return rows.map((r) => ({ ...r, feed, rank }));
    }),
  );
  // Stable sort: within one feed (same time) the database's own job_id order is kept.
  const merged = perFeed.flat().sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.rank - b.rank);
  const page = merged.slice(0, size);
  const counts = await countsFor(ctx, page);
  const rows = page.map((r) => {
    const c = counts.get(`${r.feed}/${r.jobId}`);
    return {
      feed: r.feed,
      jobId: r.jobId,
      title: r.title,
      employer: r.employer,
      createdAt: r.createdAt,
      postingStatus: (r.postingStatus ?? null) as PostingStatus | null,
      mine: r.poster === viewer.id,
      counts: c?.counts ?? {},
      live: c?.live ?? 0,
      withdrawn: c?.withdrawn ?? 0,
    };
  });
  const last = page[page.length - 1];
  return { rows, next: merged.length > size && last ? { at: last.createdAt.getTime(), feed: last.feed, jobId: last.jobId } : null };
}

async function countsFor(ctx: Ctx, jobs: { feed: FeedSlug; jobId: string }[]) {
  const result = new Map<string, { counts: Partial<Record<ApplicationStatus, number>>; live: number; withdrawn: number }>();
  if (jobs.length === 0) return result;
  const { job_applicants: ja, job_applications: a } = ctx.t;
  const rows = await ctx.db
    .select({ feed: ja.feed, jobId: ja.job_id, status: a.status, withdrawn: a.withdrawn, n: count() })
    .from(ja)
    .innerJoin(a, eq(a.id, ja.application_id))
    .where(or(...FEED_SLUGS.map((feed) => {
      const ids = jobs.filter((j) => j.feed === feed).map((j) => j.jobId);
      return ids.length ? and(eq(ja.feed, feed), inArray(ja.job_id, ids)) : undefined;
    })))
    .groupBy(ja.feed, ja.job_id, a.status, a.withdrawn);
  for (const r of rows) {
    const key = `${r.feed}/${r.jobId}`;
    const entry = result.get(key) ?? { counts: {}, live: 0, withdrawn: 0 };
    const n = Number(r.n);
    if (r.withdrawn) entry.withdrawn += n;
    else {
      const status = (APPLICATION_STATUSES as readonly string[]).includes(r.status ?? "") ? (r.status as ApplicationStatus) : "pending";
      entry.counts[status] = (entry.counts[status] ?? 0) + n;
      entry.live += n;
    }
    result.set(key, entry);
  }
  return result;
}

// ---------------------------------------------------------------- one job's applications

/** The job, when the viewer may manage it; null otherwise (unknown, or not theirs). */
export async function getManagedJob(ctx: Ctx, viewer: Viewer, feed: FeedSlug, jobId: string) {
  if (!isJobId(jobId)) return null;
  const j = feedTable(ctx, feed);
  const [row] = await ctx.db
    .select({ jobId: j.job_id, title: j.job_title, employer: j.employer_name, poster: j.posted_by_user_id })
    .from(j)
    .where(and(eq(j.job_id, jobId), mayManage(j, viewer)))
    .limit(1);
  return row ? { ...row, feed } : null;
}

export interface ApplicationRow {
  id: string;
  name: string;
  email: string;
  status: string | null;
  withdrawn: boolean;
  hasCv: boolean;
  appliedAt: Date;
  /** the applicant's account, for their picture or initials */
  userId: string;
  avatarUrl: string | null;
}

/** A job's applications, newest first, keyset on (job_applicants.created_at, application_id). */
export async function listApplications(
  ctx: Ctx,
  viewer: Viewer,
  job: { feed: FeedSlug; jobId: string },
  options: { filter?: StatusFilter; after?: Position; pageSize?: number } = {},
): Promise<{ rows: ApplicationRow[]; next: Position | null }> {
  const size = options.pageSize ?? APPLICATIONS_PAGE_SIZE;
  const { job_applicants: ja, job_applications: a, User } = ctx.t;
  const j = feedTable(ctx, job.feed);
  const filter = options.filter ?? "all";
  const byStatus = filter === "all" ? undefined : filter === "withdrawn" ? eq(a.withdrawn, true) : and(eq(a.status, filter), notWithdrawn(ctx));
  const after = options.after;
  const position =
    after && after.at !== null
      ? or(lt(ja.created_at, new Date(after.at)), and(eq(ja.created_at, new Date(after.at)), lt(ja.application_id, after.id)))
      : undefined;
  const rows = await ctx.db
    .select({ id: a.id, name: a.name, email: a.email, status: a.status, withdrawn: a.withdrawn, cv: a.cvFileUrl, at: ja.created_at, userId: ja.user_id, avatarUrl: User.avatarUrl })
    .from(ja)
    .innerJoin(a, eq(a.id, ja.application_id))
    .innerJoin(j, eq(j.job_id, ja.job_id))
    .innerJoin(User, eq(User.id, ja.user_id))
    .where(and(eq(ja.feed, job.feed), eq(ja.job_id, job.jobId), mayManage(j, viewer), byStatus, position))
    .orderBy(desc(ja.created_at), desc(ja.application_id))
    .limit(size + 1);
  const page = rows.slice(0, size).map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    status: r.status,
    withdrawn: Boolean(r.withdrawn),
    hasCv: Boolean(r.cv),
    appliedAt: r.at,
    userId: r.userId,
    avatarUrl: r.avatarUrl,
  }));
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.appliedAt.getTime(), id: last.id } : null };
}

// ---------------------------------------------------------------- one application

export interface ManagedApplication {
  id: string;
  name: string;
  email: string;
  coverLetter: string;
  hasCv: boolean;
  status: ApplicationStatus;
  feedback: string | null;
  withdrawn: boolean;
  createdAt: Date;
  updatedAt: Date;
  applicantId: string;
  feed: FeedSlug;
  jobId: string;
  jobTitle: string | null;
  employer: string | null;
}

/** The application, when the viewer may manage its job; null otherwise. */
export async function getApplication(ctx: Ctx, viewer: Viewer, id: string): Promise<ManagedApplication | null> {
  if (!isUuid(id)) return null;
  const { job_applicants: ja, job_applications: a } = ctx.t;
  const [link] = await ctx.db.select({ feed: ja.feed }).from(ja).where(eq(ja.application_id, id)).limit(1);
  if (!link || !(FEED_SLUGS as readonly string[]).includes(link.feed)) return null;
  const feed = link.feed as FeedSlug;
  const j = feedTable(ctx, feed);
  const [row] = await ctx.db
    .select({
      id: a.id,
      name: a.name,
      email: a.email,
      coverLetter: a.coverLetter,
      cv: a.cvFileUrl,
      status: a.status,
      feedback: a.feedback,
      withdrawn: a.withdrawn,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
      applicantId: ja.user_id,
      jobId: ja.job_id,
      jobTitle: j.job_title,
      employer: j.employer_name,
    })
    .from(a)
    .innerJoin(ja, eq(ja.application_id, a.id))
    .innerJoin(j, eq(j.job_id, ja.job_id))
    .where(and(eq(a.id, id), mayManage(j, viewer)))
    .limit(1);
  if (!row) return null;
  const { cv, ...rest } = row;
  const status = (APPLICATION_STATUSES as readonly string[]).includes(row.status ?? "") ? (row.status as ApplicationStatus) : "pending";
  return { ...rest, status, hasCv: Boolean(cv), withdrawn: Boolean(row.withdrawn), feed };
}

/**
 * SQL: the application `applicationId` (a column of the table being updated) belongs to a job the
 * viewer may manage. Put in the WHERE of every UPDATE of the pipeline. The subquery names only
 * job_applicants and the feed table, so a column of job_applications or interview_rounds outside
 * it stays correlated.
 */
export function managedBy(ctx: Ctx, viewer: Viewer, feed: FeedSlug, applicationId: AnyColumn): SQL {
  const { job_applicants: ja } = ctx.t;
  const j = feedTable(ctx, feed);
  return exists(
    ctx.db
      .select({ one: sql`1` })
      .from(ja)
      .innerJoin(j, eq(j.job_id, ja.job_id))
      .where(and(eq(ja.application_id, applicationId), eq(ja.feed, feed), mayManage(j, viewer))),
  );
}

export type StatusOutcome =
  | { kind: "not_found" }
  | { kind: "withdrawn"; current: ManagedApplication }
  | { kind: "unchanged" }
  | { kind: "conflict"; current: ManagedApplication }
  | { kind: "changed"; status: ApplicationStatus; statusChanged: boolean; mail: Promise<SendResult> };

/**
 * Moves an application to `status` with `feedback`, if it is unchanged since the form was opened
 * (`expectedUpdatedAt`, the updatedAt shown with the form: an optimistic check in the UPDATE's
 * WHERE, so of two recruiters saving at once the second is told, not silently overwritten).
 * The applicant's notification is written in the same transaction; the email is sent after it.
 */
export async function changeStatus(
  ctx: Ctx,
  viewer: Viewer,
  input: { id: string; status: ApplicationStatus; feedback: string | null; expectedUpdatedAt: number; link: string; now?: Date },
): Promise<StatusOutcome> {
  const before = await getApplication(ctx, viewer, input.id);
  if (!before) return { kind: "not_found" };
  if (before.withdrawn) return { kind: "withdrawn", current: before };
  if (before.updatedAt.getTime() !== input.expectedUpdatedAt) return { kind: "conflict", current: before };
  const check = checkStatusChange(before, input);
  if (!check.ok) return check.reason === "withdrawn" ? { kind: "withdrawn", current: before } : { kind: "unchanged" };

  const { job_applications: a } = ctx.t;
  // Always later than the version it replaces, so a stale form can never match the new row.
  const now = new Date(Math.max((input.now ?? new Date()).getTime(), input.expectedUpdatedAt + 1));
  const job = { title: before.jobTitle, employer: before.employer };
  // The notification and the email speak the applicant's language, not the recruiter's.
  const t = translator(await savedLanguage(ctx, before.applicantId));
  const written = await withTx(ctx, async (tx) => {
    const rows = await tx.db
      .update(tx.t.job_applications)
      .set({ status: input.status, feedback: input.feedback, updatedAt: now })
      .where(and(eq(a.id, input.id), eq(a.updatedAt, new Date(input.expectedUpdatedAt)), notWithdrawn(tx), managedBy(tx, viewer, before.feed, a.id)))
      .returning({ id: a.id });
    if (rows.length === 0) return false;
    const text = statusNotification(job, { status: input.status, statusChanged: check.statusChanged, feedback: input.feedback }, t);
    await insertLinkedNotification(tx, { userId: before.applicantId, title: text.title, message: text.message, href: `/applications/${input.id}`, at: now });
    await track(tx, { userId: viewer.id, type: "application_status_changed", metadata: { applicationId: input.id, status: input.status, statusChanged: check.statusChanged }, at: now });
    return true;
  });
  if (!written) {
    const current = await getApplication(ctx, viewer, input.id);
    if (!current) return { kind: "not_found" };
    return current.withdrawn ? { kind: "withdrawn", current } : { kind: "conflict", current };
  }
  // After the transaction: sendMail never throws; the route tells the recruiter if it failed.
  const mail = sendMail(
    statusMail({ to: before.email, name: before.name, job, status: input.status, statusChanged: check.statusChanged, feedback: input.feedback, link: input.link }, t),
  );
  return { kind: "changed", status: input.status, statusChanged: check.statusChanged, mail };
}
