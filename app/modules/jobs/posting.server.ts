/**
 * Posting jobs in Ladder: create, edit, close, the poster's own list, and the career team's
 * review queue (approve, or decline with a reason). The approval state lives in job_postings
 * (docs/decisions/014.3-posting.md); ownership is in every query (posted_by_user_id = me).
 */
import crypto from "node:crypto";
import { and, asc, count, desc, eq, exists, gt, lt, ne, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { sendMail, type SendResult } from "~/services/mail.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { translator } from "~/lib/i18n.server";
import type { Translate } from "~/lib/i18n";
import { FEED_SLUGS, FEEDS, isJobId, jobPath, type FeedSlug } from "./feeds";
import { feedTable, type PostingStatus } from "./jobs.server";
import { initialPosting, isStaff, ladderJobId, statusAfterEdit, type PostInput } from "./posting-rules";

export const MY_POSTS_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 20;

export interface Poster {
  id: string;
  role: string | null;
}

/** Keyset position over jobs of several feeds: (created_at, job_id, feed). */
export interface JobPosition {
  at: number;
  jobId: string;
  feed: FeedSlug;
}

/** Serialises edit and decide of one post on PostgreSQL (SQLite serialises every write). */
async function lockPost(tx: Ctx, feed: FeedSlug, jobId: string): Promise<void> {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`job-posting:${feed}:${jobId}`}))`);
}

const columnsOf = (input: PostInput) => ({
  job_title: input.title,
  employer_name: input.employer,
  job_city: input.city,
  job_state: input.state,
  job_country: input.country,
  job_employment_type: input.employmentType,
  job_is_remote: input.remote,
  job_min_salary: input.salaryMin,
  job_max_salary: input.salaryMax,
  job_salary_period: input.salaryPeriod,
  job_description: input.description,
});

export type CreateOutcome =
  | { kind: "posted"; feed: FeedSlug; jobId: string; status: "approved" | "pending" }
  | { kind: "limited"; retryAfterSeconds: number };

/** A new post: the job row in its feed's table and its job_postings row, in one transaction. */
export async function createPost(ctx: Ctx, poster: Poster, input: PostInput, now = new Date()): Promise<CreateOutcome> {
  const limit = await hit(ctx, `job-post:${poster.id}`, LIMITS.jobPostPerMember, now);
  if (!limit.allowed) return { kind: "limited", retryAfterSeconds: limit.retryAfterSeconds };
  const { postedBy, status } = initialPosting(poster.role);
  const jobId = ladderJobId(crypto.randomBytes(20));
  await withTx(ctx, async (tx) => {
    await tx.db.insert(feedTable(tx, input.feed)).values({
      job_id: jobId,
      ...columnsOf(input),
      job_apply_link: null,
      job_posted_at_datetime_utc: now,
      posted_by: postedBy,
      posted_by_user_id: poster.id,
      created_at: now,
    });
    await tx.db.insert(tx.t.job_postings).values({
      feed: input.feed,
      job_id: jobId,
      status,
      decided_by_user_id: status === "approved" ? poster.id : null,
      decided_at: status === "approved" ? now : null,
      created_at: now,
      updated_at: now,
    });
    await track(tx, { userId: poster.id, type: "job_posted", metadata: { feed: input.feed, jobId, status }, at: now });
  });
  return { kind: "posted", feed: input.feed, jobId, status };
}

/** One of my own Ladder posts (posted_by_user_id = me), with its posting state; null otherwise. */
export async function getOwnPost(ctx: Ctx, me: string, feed: FeedSlug, jobId: string) {
  if (!isJobId(jobId)) return null;
  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  const [row] = await ctx.db
    .select({ job: j, status: p.status, declineReason: p.decline_reason })
    .from(j)
    .innerJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
    .where(and(eq(j.job_id, jobId), eq(j.posted_by_user_id, me)))
    .limit(1);
  return row ? { ...row.job, feed, status: row.status as PostingStatus, declineReason: row.declineReason } : null;
}

/**
 * A Ladder post I may close: my own, or any Ladder post when I am career team or admin.
 * External (imported) jobs have no job_postings row and are never closable here.
 */
export async function getClosablePost(ctx: Ctx, me: Poster, feed: FeedSlug, jobId: string) {
  if (!isJobId(jobId)) return null;
  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  const [row] = await ctx.db
    .select({ jobId: j.job_id, title: j.job_title, employer: j.employer_name, posterId: j.posted_by_user_id, status: p.status })
    .from(j)
    .innerJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
    .where(and(eq(j.job_id, jobId), isStaff(me.role) ? undefined : eq(j.posted_by_user_id, me.id)))
    .limit(1);
  return row ? { ...row, feed, status: row.status as PostingStatus } : null;
}

export type EditOutcome = { kind: "saved"; before: PostingStatus; after: PostingStatus } | { kind: "not_found" } | { kind: "closed" };

/** The poster edits their post (the feed stays). An alumni edit sends it back to the review queue. */
export async function editPost(ctx: Ctx, poster: Poster, feed: FeedSlug, jobId: string, input: PostInput, now = new Date()): Promise<EditOutcome> {
  if (!isJobId(jobId)) return { kind: "not_found" };
  return withTx(ctx, async (tx) => {
    await lockPost(tx, feed, jobId);
    const j = feedTable(tx, feed);
    const p = tx.t.job_postings;
    const [row] = await tx.db
      .select({ status: p.status })
      .from(j)
      .innerJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
      .where(and(eq(j.job_id, jobId), eq(j.posted_by_user_id, poster.id)))
      .limit(1);
    if (!row) return { kind: "not_found" } as const;
    const before = row.status as PostingStatus;
    const after = statusAfterEdit(poster.role, before);
    if (after === null) return { kind: "closed" } as const;
    await tx.db
      .update(j)
      .set({ ...columnsOf({ ...input, feed }), ...(feed === "remote" ? { job_is_remote: true } : {}) })
      .where(and(eq(j.job_id, jobId), eq(j.posted_by_user_id, poster.id)));
    const back = after === "pending" && before !== "pending";
    await tx.db
      .update(p)
      .set(back ? { status: after, decline_reason: null, decided_by_user_id: null, decided_at: null, updated_at: now } : { updated_at: now })
      .where(and(eq(p.feed, feed), eq(p.job_id, jobId), ne(p.status, "closed")));
    return { kind: "saved", before, after } as const;
  });
}

export type CloseOutcome = "closed" | "already_closed" | "not_found";

/** Closes a Ladder post: its poster, or career team and admin for any Ladder post. */
export async function closePost(ctx: Ctx, me: Poster, feed: FeedSlug, jobId: string, now = new Date()): Promise<CloseOutcome> {
  if (!isJobId(jobId)) return "not_found";
  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  const mine = isStaff(me.role)
    ? undefined
    : exists(ctx.db.select({ one: j.job_id }).from(j).where(and(eq(j.job_id, jobId), eq(j.posted_by_user_id, me.id))));
  const done = await ctx.db
    .update(p)
    .set({ status: "closed", updated_at: now })
    .where(and(eq(p.feed, feed), eq(p.job_id, jobId), ne(p.status, "closed"), mine))
    .returning({ jobId: p.job_id });
  if (done.length > 0) return "closed";
  const visible = await getClosablePost(ctx, me, feed, jobId);
  return visible?.status === "closed" ? "already_closed" : "not_found";
}

export interface MyPost {
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  createdAt: Date;
  status: PostingStatus;
  declineReason: string | null;
}

/** After `after` in the order (created_at desc, job_id desc, feed desc), for one feed's rows. */
function beforePosition(j: ReturnType<typeof feedTable>, feed: FeedSlug, after: JobPosition | undefined): SQL | undefined {
  if (!after) return undefined;
  const at = new Date(after.at);
  const sameId = feed < after.feed ? eq(j.job_id, after.jobId) : undefined;
  const tie = sameId ? or(lt(j.job_id, after.jobId), sameId) : lt(j.job_id, after.jobId);
  return or(lt(j.created_at, at), and(eq(j.created_at, at), tie));
}

/** My posts across the three feeds, newest first (keyset; one query per feed, merged). */
export async function listMyPosts(ctx: Ctx, me: string, options: { after?: JobPosition; pageSize?: number } = {}): Promise<{ rows: MyPost[]; next: JobPosition | null }> {
  const size = options.pageSize ?? MY_POSTS_PAGE_SIZE;
  const p = ctx.t.job_postings;
  const perFeed = await Promise.all(
    FEED_SLUGS.map(async (feed) => {
      const j = feedTable(ctx, feed);
      const rows = await ctx.db
        .select({ jobId: j.job_id, title: j.job_title, employer: j.employer_name, createdAt: j.created_at, status: p.status, declineReason: p.decline_reason })
        .from(j)
        .innerJoin(p, and(eq(p.feed, feed), eq(p.job_id, j.job_id)))
        .where(and(eq(j.posted_by_user_id, me), beforePosition(j, feed, options.after)))
        .orderBy(desc(j.created_at), desc(j.job_id))
        .limit(size + 1);
      return rows.map((r) => ({ ...r, feed, status: r.status as PostingStatus }));
    }),
  );
  const merged = perFeed
    .flat()
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.jobId < b.jobId ? 1 : a.jobId > b.jobId ? -1 : a.feed < b.feed ? 1 : -1));
  const rows = merged.slice(0, size);
  const last = rows[rows.length - 1];
  return { rows, next: merged.length > size && last ? { at: last.createdAt.getTime(), jobId: last.jobId, feed: last.feed } : null };
}

export interface QueuedPost {
  /** updated_at in ms: sent back with a decision, so an edit made meanwhile is not decided unseen. */
  version: number;
  feed: FeedSlug;
  jobId: string;
  title: string | null;
  employer: string | null;
  posterName: string | null;
  postedAt: Date;
  /** Shown in full on the queue: the reviewer approves the words they read there. */
  description: string | null;
}

/** Pending posts, oldest first (job_postings_status_idx), keyset on (created_at, job_id, feed). */
export async function listReviewQueue(ctx: Ctx, options: { after?: JobPosition; pageSize?: number } = {}): Promise<{ rows: QueuedPost[]; next: JobPosition | null }> {
  const size = options.pageSize ?? REVIEW_PAGE_SIZE;
  const p = ctx.t.job_postings;
  const after = options.after;
  const position = after
    ? or(
        gt(p.created_at, new Date(after.at)),
        and(eq(p.created_at, new Date(after.at)), or(gt(p.job_id, after.jobId), and(eq(p.job_id, after.jobId), gt(p.feed, after.feed)))),
      )
    : undefined;
  const queued = await ctx.db
    .select({ feed: p.feed, jobId: p.job_id, createdAt: p.created_at, updatedAt: p.updated_at })
    .from(p)
    .where(and(eq(p.status, "pending"), position))
    .orderBy(asc(p.created_at), asc(p.job_id), asc(p.feed))
    .limit(size + 1);
  const page = queued.slice(0, size);
  const { User } = ctx.t;
  const details = await Promise.all(
    page.map(async (q) => {
      const feed = q.feed as FeedSlug;
      const j = feedTable(ctx, feed);
      const [job] = await ctx.db
        .select({ title: j.job_title, employer: j.employer_name, posterName: User.name, description: j.job_description })
        .from(j)
        .leftJoin(User, eq(User.id, j.posted_by_user_id))
        .where(eq(j.job_id, q.jobId))
        .limit(1);
      return { version: q.updatedAt.getTime(), feed, jobId: q.jobId, title: job?.title ?? null, employer: job?.employer ?? null, posterName: job?.posterName ?? null, postedAt: q.createdAt, description: job?.description ?? null };
    }),
  );
  const last = page[page.length - 1];
  return { rows: details, next: queued.length > size && last ? { at: last.createdAt.getTime(), jobId: last.jobId, feed: last.feed as FeedSlug } : null };
}

/** The version (updated_at, ms) of a pending post, for staff deciding on the job page; null when it is not pending. */
export async function pendingVersion(ctx: Ctx, staff: Poster, feed: FeedSlug, jobId: string): Promise<number | null> {
  if (!isStaff(staff.role) || !isJobId(jobId)) return null;
  const p = ctx.t.job_postings;
  const [row] = await ctx.db
    .select({ updatedAt: p.updated_at })
    .from(p)
    .where(and(eq(p.feed, feed), eq(p.job_id, jobId), eq(p.status, "pending")))
    .limit(1);
  return row ? row.updatedAt.getTime() : null;
}

/** How many posts wait for review (for the staff's link). */
export async function pendingCount(ctx: Ctx): Promise<number> {
  const p = ctx.t.job_postings;
  const [row] = await ctx.db.select({ n: count() }).from(p).where(eq(p.status, "pending"));
  return Number(row?.n ?? 0);
}

export type Decision = { kind: "approve" } | { kind: "decline"; reason: string };
export type DecideOutcome =
  | { kind: "approved" | "declined"; title: string; delivery: Promise<SendResult> | null }
  | { kind: "already_decided" }
  /** The poster edited the post after the reviewer's page was drawn: it is still pending, look again. */
  | { kind: "changed" }
  | { kind: "not_found" };

/** “Data analyst” at Acme, in the poster's language. */
const postName = (t: Translate, title: string | null, employer: string | null) => {
  const named = title ?? t("jobs.job.untitled");
  return employer ? t("jobs.post.nameAt", { title: named, employer }) : t("jobs.post.name", { title: named });
};

/**
 * The career team approves or declines a pending post. The UPDATE only matches a pending row, so
 * of two staff deciding at once exactly one wins; the other is told it is already decided. The
 * poster gets a notification in the same transaction and an email after it.
 */
export async function decidePost(
  ctx: Ctx,
  staff: Poster,
  feed: FeedSlug,
  jobId: string,
  decision: Decision,
  /** seenVersion: the post's updated_at (ms) when the reviewer's page was drawn; a later edit refuses the decision. */
  options: { baseUrl: string; now?: Date; seenVersion?: number },
): Promise<DecideOutcome> {
  if (!isStaff(staff.role)) return { kind: "not_found" };
  if (!isJobId(jobId)) return { kind: "not_found" };
  const now = options.now ?? new Date();
  const result = await withTx(ctx, async (tx) => {
    await lockPost(tx, feed, jobId);
    const p = tx.t.job_postings;
    const decided = await tx.db
      .update(p)
      .set({
        status: decision.kind === "approve" ? "approved" : "declined",
        decline_reason: decision.kind === "decline" ? decision.reason : null,
        decided_by_user_id: staff.id,
        decided_at: now,
        updated_at: now,
      })
      .where(
        and(
          eq(p.feed, feed),
          eq(p.job_id, jobId),
          eq(p.status, "pending"),
          options.seenVersion === undefined ? undefined : eq(p.updated_at, new Date(options.seenVersion)),
        ),
      )
      .returning({ jobId: p.job_id });
    if (decided.length === 0) {
      const [row] = await tx.db.select({ status: p.status }).from(p).where(and(eq(p.feed, feed), eq(p.job_id, jobId))).limit(1);
      if (!row) return { kind: "not_found" } as const;
      return row.status === "pending" ? ({ kind: "changed" } as const) : ({ kind: "already_decided" } as const);
    }
    const j = feedTable(tx, feed);
    const { User } = tx.t;
    const [job] = await tx.db
      .select({ title: j.job_title, employer: j.employer_name, posterId: j.posted_by_user_id, posterEmail: User.email })
      .from(j)
      .leftJoin(User, eq(User.id, j.posted_by_user_id))
      .where(eq(j.job_id, jobId))
      .limit(1);
    // The poster reads the notification and the email in their own language.
    const lang = job?.posterId ? await savedLanguage(tx, job.posterId) : "en";
    const t = translator(lang);
    const name = postName(t, job?.title ?? null, job?.employer ?? null);
    const note =
      decision.kind === "approve"
        ? { title: t("jobs.decision.approvedTitle"), message: t("jobs.decision.approvedMessage", { name }) }
        : { title: t("jobs.decision.declinedTitle"), message: t("jobs.decision.declinedMessage", { name, reason: decision.reason }) };
    // Both lead to the post: its page shows the poster the decision, a decline's reason and Edit.
    if (job?.posterId) await insertLinkedNotification(tx, { userId: job.posterId, title: note.title, message: note.message, href: jobPath(feed, jobId), at: now });
    if (decision.kind === "approve") await track(tx, { userId: staff.id, type: "job_approved", metadata: { feed, jobId }, at: now });
    const title = job?.title ?? t("jobs.job.untitled");
    return { kind: decision.kind === "approve" ? ("approved" as const) : ("declined" as const), title, note, email: job?.posterEmail ?? null, name, lang };
  });
  if (result.kind === "already_decided" || result.kind === "changed" || result.kind === "not_found") return { kind: result.kind };
  // After the transaction: mail is never awaited inside withTx.
  const link = `${options.baseUrl}${result.kind === "approved" ? jobPath(feed, jobId) : "/jobs/mine"}`;
  const t = translator(result.lang);
  const approved = result.kind === "approved";
  const delivery = result.email
    ? sendMail({
        to: result.email,
        subject: t(approved ? "jobs.decision.approvedSubject" : "jobs.decision.declinedSubject", { title: result.title }),
        text: `${result.note.message}\n\n${t(approved ? "jobs.decision.seeIt" : "jobs.decision.yourPosts")}: ${link}\n\n${t("jobs.decision.signature", { feed: t(FEEDS[feed].labelId) })}`,
      })
    : null;
  return { kind: result.kind, title: result.title, delivery };
}
