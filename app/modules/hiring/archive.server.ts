/**
 * Archive cards (issue 18, item 6): a recruiter keeps a member they found for one of their jobs
 * as an `archive_card` (the member's name, email, phone only when the member shares it with
 * recruiters, the match percentage as text like "82%", and the recruiter's note); which recruiter
 * archived it, about which member and from which job lives in `archive_card_owners` (one card per
 * recruiter, member and job: archiving again rewrites the card).
 *
 * Who may do what is decided IN each query: a card is archived only from a job the viewer may
 * manage (its poster; any job for career_team and admin, as getManagedJob) and only about a
 * member who lets recruiters find them (candidate_settings.findable); a card is read, exported and
 * deleted only by the recruiter who archived it, and by admins. Everyone else finds nothing (404).
 * A member who leaves or stops being findable takes their cards with them (skills' removeCardsOf).
 */
import { and, desc, eq, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { likePattern } from "~/lib/like-pattern";
import { feedTable, isJobId, type FeedSlug } from "~/modules/jobs/index.server";
import { isStaff } from "./rules";
import type { Viewer } from "./pipeline.server";

export const ARCHIVE_PAGE_SIZE = 20;
export const ARCHIVE_EXPORT_BATCH = 500;
export const ARCHIVE_DESC_MAX = 2000;
export const ARCHIVE_QUERY_MAX = 100;

/** Where a card sits in the list: newest first by (created_at, card_id). */
export interface CardPosition {
  at: number;
  id: number;
}

/** A card id from the address: a positive integer written plainly, or null. */
export function cardIdOf(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 && String(id) === raw ? id : null;
}

/** Admins read every card; everyone else only the cards they archived. As SQL. */
function mayRead(ctx: Ctx, viewer: Viewer): SQL | undefined {
  return viewer.role === "admin" ? undefined : eq(ctx.t.archive_card_owners.recruiter_user_id, viewer.id);
}

// ---------------------------------------------------------------- archiving

export interface ArchiveTarget {
  job: { feed: FeedSlug; jobId: string; title: string | null; employer: string | null };
  member: { id: string; name: string | null; email: string; phone: string | null; headline: string | null; skills: string[]; matchTerms: string };
}

/**
 * The job (only if the viewer may manage it) and the member (only if findable), or null.
 * Both checks are in the queries' WHERE.
 */
export async function archiveTarget(ctx: Ctx, viewer: Viewer, feed: FeedSlug, jobId: string, memberId: string): Promise<ArchiveTarget | null> {
  if (!isJobId(jobId)) return null;
  const j = feedTable(ctx, feed);
  const [job] = await ctx.db
    .select({ jobId: j.job_id, title: j.job_title, employer: j.employer_name })
    .from(j)
    .where(and(eq(j.job_id, jobId), isStaff(viewer.role) ? undefined : eq(j.posted_by_user_id, viewer.id)))
    .limit(1);
  if (!job) return null;
  const { User: u, candidate_settings: cs } = ctx.t;
  const [member] = await ctx.db
    .select({
      id: u.id,
      name: u.name,
      email: u.email,
      phone: sql<string | null>`case when ${cs.share_phone} then ${u.phone} else null end`,
      headline: u.headline,
      skills: u.professional_skills,
      matchTerms: cs.match_terms,
    })
    .from(u)
    .innerJoin(cs, eq(cs.user_id, u.id))
    .where(and(eq(u.id, memberId), eq(cs.findable, true)))
    .limit(1);
  if (!member) return null;
  const phone = typeof member.phone === "string" && member.phone.trim() ? member.phone.trim() : null;
  return { job: { ...job, feed }, member: { ...member, phone, skills: Array.isArray(member.skills) ? member.skills : [] } };
}

export const percentText = (percent: number) => `${Math.max(0, Math.min(100, Math.round(percent)))}%`;

/** The card this recruiter already archived about this member from this job, if any (its note fills the form). */
export async function existingCard(ctx: Ctx, recruiterId: string, target: ArchiveTarget): Promise<{ id: number; desc: string | null } | null> {
  const { archive_card: c, archive_card_owners: o } = ctx.t;
  const [row] = await ctx.db
    .select({ id: c.id, desc: c.desc })
    .from(o)
    .innerJoin(c, eq(c.id, o.card_id))
    .where(and(eq(o.recruiter_user_id, recruiterId), eq(o.member_user_id, target.member.id), eq(o.feed, target.job.feed), eq(o.job_id, target.job.jobId)))
    .limit(1);
  return row ?? null;
}

/**
 * Writes the card and its owner row in one transaction; the same recruiter, member and job again
 * rewrites that card (and moves it to the top of the list). Returns the card's id.
 */
export async function saveCard(ctx: Ctx, viewer: Viewer, target: ArchiveTarget, note: string, percent: number, now = new Date()): Promise<number> {
  return withTx(ctx, async (tx) => {
    const { archive_card: c, archive_card_owners: o } = tx.t;
    const values = { name: target.member.name, email: target.member.email, phone: target.member.phone, matchPercentage: percentText(percent), desc: note };
    const same = and(eq(o.recruiter_user_id, viewer.id), eq(o.member_user_id, target.member.id), eq(o.feed, target.job.feed), eq(o.job_id, target.job.jobId));
    const rewrite = async () => {
      const [old] = await tx.db.select({ id: o.card_id }).from(o).where(same).limit(1);
      if (!old) return null;
      await tx.db.update(c).set(values).where(eq(c.id, old.id));
      await tx.db.update(o).set({ created_at: now }).where(eq(o.card_id, old.id));
      return old.id;
    };
    let id = await rewrite();
    if (id === null) {
      const [card] = await tx.db.insert(c).values(values).returning({ id: c.id });
      const owned = await tx.db
        .insert(o)
        .values({ card_id: card.id, recruiter_user_id: viewer.id, member_user_id: target.member.id, feed: target.job.feed, job_id: target.job.jobId, created_at: now })
        .onConflictDoNothing()
        .returning({ id: o.card_id });
      if (owned.length === 0) {
        // Another request archived the same member for the same job first: rewrite theirs.
        await tx.db.delete(c).where(eq(c.id, card.id));
        id = await rewrite();
      } else id = card.id;
    }
    await track(tx, { userId: viewer.id, type: "candidate_archived", metadata: { cardId: id } });
    return id!;
  });
}

// ---------------------------------------------------------------- the list, one card, deleting

export interface CardRow {
  id: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  matchPercentage: string | null;
  desc: string | null;
  feed: FeedSlug;
  jobId: string;
  memberId: string;
  recruiterId: string;
  createdAt: Date;
}

function cardColumns(ctx: Ctx) {
  const { archive_card: c, archive_card_owners: o } = ctx.t;
  return {
    id: c.id,
    name: c.name,
    email: c.email,
    phone: c.phone,
    matchPercentage: c.matchPercentage,
    desc: c.desc,
    feed: o.feed,
    jobId: o.job_id,
    memberId: o.member_user_id,
    recruiterId: o.recruiter_user_id,
    createdAt: o.created_at,
  };
}

/** Name, email or note contains `q` (case-insensitive; %, _ and \ taken literally). */
function matching(ctx: Ctx, q: string): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const c = ctx.t.archive_card;
  const pattern = likePattern(text);
  return or(
    sql`lower(${c.name}) like ${pattern} escape '\\'`,
    sql`lower(${c.email}) like ${pattern} escape '\\'`,
    sql`lower(${c.desc}) like ${pattern} escape '\\'`,
  );
}

/** The query of one page of the viewer's cards (the plan test reads its SQL): size + 1 rows. */
export function cardsPageQuery(ctx: Ctx, viewer: Viewer, options: { q?: string; after?: CardPosition; size: number }) {
  const { archive_card: c, archive_card_owners: o } = ctx.t;
  const after = options.after;
  const position = after ? or(lt(o.created_at, new Date(after.at)), and(eq(o.created_at, new Date(after.at)), lt(o.card_id, after.id))) : undefined;
  return ctx.db
    .select(cardColumns(ctx))
    .from(o)
    .innerJoin(c, eq(c.id, o.card_id))
    .where(and(mayRead(ctx, viewer), matching(ctx, options.q ?? ""), position))
    .orderBy(desc(o.created_at), desc(o.card_id))
    .limit(options.size + 1);
}

/** The viewer's cards (admins: every card), newest first, keyset on (created_at, card_id). */
export async function listCards(
  ctx: Ctx,
  viewer: Viewer,
  options: { q?: string; after?: CardPosition; pageSize?: number } = {},
): Promise<{ rows: CardRow[]; next: CardPosition | null }> {
  const size = options.pageSize ?? ARCHIVE_PAGE_SIZE;
  const rows = (await cardsPageQuery(ctx, viewer, { q: options.q, after: options.after, size })) as CardRow[];
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { rows: page, next: rows.length > size && last ? { at: last.createdAt.getTime(), id: last.id } : null };
}

/** One card the viewer may read, with the title of the job it came from (null when that job is gone). */
export async function getCard(ctx: Ctx, viewer: Viewer, cardId: number): Promise<(CardRow & { jobTitle: string | null; jobEmployer: string | null }) | null> {
  const { archive_card: c, archive_card_owners: o } = ctx.t;
  const [card] = (await ctx.db
    .select(cardColumns(ctx))
    .from(o)
    .innerJoin(c, eq(c.id, o.card_id))
    .where(and(eq(o.card_id, cardId), mayRead(ctx, viewer)))
    .limit(1)) as CardRow[];
  if (!card) return null;
  const j = feedTable(ctx, card.feed);
  const [job] = await ctx.db.select({ title: j.job_title, employer: j.employer_name }).from(j).where(eq(j.job_id, card.jobId)).limit(1);
  return { ...card, jobTitle: job?.title ?? null, jobEmployer: job?.employer ?? null };
}

/** Deletes a card the viewer may read (its owner row goes by cascade); false when there is none. */
export async function deleteCard(ctx: Ctx, viewer: Viewer, cardId: number): Promise<boolean> {
  return withTx(ctx, async (tx) => {
    const { archive_card: c, archive_card_owners: o } = tx.t;
    const readable = tx.db.select({ id: o.card_id }).from(o).where(and(eq(o.card_id, cardId), mayRead(tx, viewer)));
    const gone = await tx.db
      .delete(c)
      .where(and(eq(c.id, cardId), inArray(c.id, readable)))
      .returning({ id: c.id });
    if (gone.length === 0) return false;
    await track(tx, { userId: viewer.id, type: "archive_card_deleted", metadata: { cardId } });
    return true;
  });
}

// ---------------------------------------------------------------- CSV

export const ARCHIVE_CSV_COLUMNS = ["name", "email", "phone", "match", "note", "job", "archived"] as const;

/** The viewer's cards as CSV rows (the list's filter), read in keyset batches, never OFFSET. */
export function cardsExport(ctx: Ctx, viewer: Viewer, q: string, header: string[], batchSize = ARCHIVE_EXPORT_BATCH) {
  return {
    header,
    rows: async function* () {
      let after: CardPosition | undefined;
      for (;;) {
        const page = await listCards(ctx, viewer, { q, after, pageSize: batchSize });
        for (const r of page.rows) yield [r.name, r.email, r.phone, r.matchPercentage, r.desc, `${r.feed}/${r.jobId}`, r.createdAt];
        if (!page.next) return;
        after = page.next;
      }
    },
  };
}

/** Records that the viewer exported their cards (outside any transaction: the export only reads). */
export const recordExport = (ctx: Ctx, viewer: Viewer) => track(ctx, { userId: viewer.id, type: "archive_exported" });
