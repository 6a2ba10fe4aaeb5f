/**
 * A member reports a feed post or comment (issue 17, item 6; docs/decisions/043-anonymous-feed.md).
 *
 * - The reported thing is read through `postColumns` / `commentColumns` (access.server.ts), so the
 *   report page shows it as any reader sees it: an anonymous author stays anonymous.
 * - One report per member and thing: the unique indexes of `anonymous_reports` decide, with
 *   `INSERT … ON CONFLICT DO NOTHING`, so two submits at once file one report and the other is told
 *   "you already reported this" (never a 500).
 * - Nobody reports their own words, nor what a moderator already hid.
 * Nothing here tells the author who reported them, and the queue never names the reporter.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { formatDate } from "~/lib/format";
import type { Language, Translate } from "~/lib/i18n";
import type { ReadForm } from "~/modules/accounts/index.server";
import type { FlashKind } from "~/services/flash.server";
import { hit, type Limit } from "~/services/rate-limit.server";
import { authorOf, commentColumns, commentSources, postColumns, postSources, type FeedAuthor, type FeedViewer } from "./access.server";
import type { ReportForm } from "./report-forms.server";
import {
  excerpt,
  REFUSAL_STATUS,
  refusalMessage,
  REPORT_QUOTE_MAX,
  reportHref,
  targetHref,
  type ReportedView,
  type ReportRefusal,
  type ReportTarget,
} from "./report-rules";
import { REPORT_FIELDS } from "./report-forms.server";

/** Reports one member may send in an hour: far more than a reader ever needs, few enough to stop a script. */
export const REPORT_LIMIT: Limit = { limit: 30, windowMs: 3_600_000 };

/** What the report page shows of the reported post or comment (as any reader sees it). */
export interface ReportedThing {
  target: ReportTarget;
  author: FeedAuthor;
  /** The start of the text (REPORT_QUOTE_MAX characters). */
  quote: string;
  createdAt: Date;
}

interface ThingState {
  thing: ReportedThing;
  mine: boolean;
  removed: boolean;
  /** When the viewer reported it, if they did. */
  reportedAt: Date | null;
}

/** A target whose ids are UUIDs (anything else names nothing: PostgreSQL would refuse it as uuid input). */
export function targetOf(postId: string | undefined, commentId?: string | undefined): ReportTarget | null {
  const post = (postId ?? "").toLowerCase();
  if (!isUuid(post)) return null;
  if (commentId === undefined) return { kind: "post", postId: post };
  const comment = commentId.toLowerCase();
  return isUuid(comment) ? { kind: "comment", postId: post, commentId: comment } : null;
}

/** The reported thing, whether it is the viewer's, hidden, and already reported by them. */
async function readThing(ctx: Ctx, viewerId: string, target: ReportTarget): Promise<ThingState | null> {
  const { anonymous_reports: reports } = ctx.t;
  if (target.kind === "post") {
    const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
    const [row] = await ctx.db
      .select({
        ...postColumns(ctx, viewerId),
        reportedAt: sql<Date | null>`(select ${reports.created_at} from ${reports} where ${reports.post_id} = ${p.id} and ${reports.reporter_id} = ${viewerId})`.mapWith(reports.created_at),
      })
      .from(p)
      .innerJoin(u, authorJoin)
      .leftJoin(r, removalJoin)
      .where(eq(p.id, target.postId))
      .limit(1);
    if (!row) return null;
    return {
      thing: { target, author: authorOf(row), quote: excerpt(row.content, REPORT_QUOTE_MAX), createdAt: row.createdAt },
      mine: row.mine,
      removed: row.removed,
      reportedAt: row.reportedAt ?? null,
    };
  }
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  const [row] = await ctx.db
    .select({
      ...commentColumns(ctx, viewerId),
      reportedAt: sql<Date | null>`(select ${reports.created_at} from ${reports} where ${reports.comment_id} = ${c.id} and ${reports.reporter_id} = ${viewerId})`.mapWith(reports.created_at),
    })
    .from(c)
    .innerJoin(u, authorJoin)
    .leftJoin(r, removalJoin)
    .where(and(eq(c.id, target.commentId), eq(c.post_id, target.postId)))
    .limit(1);
  if (!row) return null;
  return {
    thing: { target, author: authorOf(row), quote: excerpt(row.content, REPORT_QUOTE_MAX), createdAt: row.createdAt },
    mine: row.mine,
    removed: row.removed,
    reportedAt: row.reportedAt ?? null,
  };
}

export type ReportPage =
  | { kind: "form"; thing: ReportedThing }
  | { kind: "already"; thing: ReportedThing; reportedAt: Date }
  | { kind: "refused"; refusal: ReportRefusal };

/** What the report page shows `viewer` about `target`: the form, "you already reported this", or why not. */
export async function reportPage(ctx: Ctx, viewer: FeedViewer, target: ReportTarget): Promise<ReportPage> {
  const state = await readThing(ctx, viewer.id, target);
  if (!state) return { kind: "refused", refusal: "not_found" };
  if (state.mine) return { kind: "refused", refusal: "own" };
  if (state.removed) return { kind: "refused", refusal: "hidden" };
  if (state.reportedAt) return { kind: "already", thing: state.thing, reportedAt: state.reportedAt };
  return { kind: "form", thing: state.thing };
}

export type ReportOutcome =
  | { kind: "reported" }
  | { kind: "already" }
  | { kind: "refused"; refusal: ReportRefusal }
  | { kind: "limited"; retryAfterSeconds: number };

/**
 * Files `viewer`'s report of `target`: one row, once. Checked in the transaction that inserts it:
 * the thing exists (a comment on that post), is not the viewer's and is not hidden; the unique
 * index then decides between two submits at once. A report of something a moderator hides at the
 * same moment may land open; the queue shows it as removed and closes it like any other.
 */
export async function fileReport(ctx: Ctx, viewer: FeedViewer, target: ReportTarget, form: ReportForm, now = new Date()): Promise<ReportOutcome> {
  const limited = await hit(ctx, `feed-report:${viewer.id}`, REPORT_LIMIT, now);
  if (!limited.allowed) return { kind: "limited", retryAfterSeconds: limited.retryAfterSeconds };
  return withTx(ctx, async (tx): Promise<ReportOutcome> => {
    const state = await readThing(tx, viewer.id, target);
    if (!state) return { kind: "refused", refusal: "not_found" };
    if (state.mine) return { kind: "refused", refusal: "own" };
    if (state.removed) return { kind: "refused", refusal: "hidden" };
    if (state.reportedAt) return { kind: "already" };
    const { anonymous_reports: reports } = tx.t;
    const landed = await tx.db
      .insert(reports)
      .values({
        post_id: target.kind === "post" ? target.postId : null,
        comment_id: target.kind === "comment" ? target.commentId : null,
        reporter_id: viewer.id,
        reason: form.reason,
        details: form.details === "" ? null : form.details,
        status: "open",
        created_at: now,
      })
      .onConflictDoNothing()
      .returning({ id: reports.id });
    return landed.length > 0 ? { kind: "reported" } : { kind: "already" };
  });
}

/** What the report page's loader sends: the quoted thing, "already reported on …" or the form's addresses. */
export interface ReportPageData {
  thing: ReportedView;
  /** When the viewer reported it (their words), or null: the form. */
  already: string | null;
  action: string;
  back: string;
}

export type Refused = { kind: "refused"; status: number; message: string };

const refused = (refusal: ReportRefusal, target: ReportTarget | null, t: Translate): Refused => ({
  kind: "refused",
  status: REFUSAL_STATUS[refusal],
  message: t(refusalMessage(refusal, target?.kind ?? "post")),
});

/** The report page for `viewer`, in `lang`; or why it is refused (404, 403 for their own words, 409 when hidden). */
export async function loadReportPage(ctx: Ctx, viewer: FeedViewer, target: ReportTarget | null, lang: Language, t: Translate): Promise<{ kind: "page"; page: ReportPageData } | Refused> {
  if (!target) return refused("not_found", target, t);
  const page = await reportPage(ctx, viewer, target);
  if (page.kind === "refused") return refused(page.refusal, target, t);
  return {
    kind: "page",
    page: {
      thing: { kind: target.kind, author: page.thing.author, quote: page.thing.quote, written: formatDate(page.thing.createdAt, lang) },
      already: page.kind === "already" ? formatDate(page.reportedAt, lang) : null,
      action: reportHref(target),
      back: targetHref(target),
    },
  };
}

export type ReportSubmit =
  | { kind: "invalid"; errors: Record<string, string>; values: Record<string, string> }
  | { kind: "done"; to: string; flash: { message: string; kind: FlashKind } }
  | Refused
  | { kind: "limited"; retryAfterSeconds: number };

/** The report form's POST: 400 with the problems, or back to the post with a flash (or why not). */
export async function submitReport(ctx: Ctx, viewer: FeedViewer, target: ReportTarget | null, read: ReadForm<ReportForm>, t: Translate): Promise<ReportSubmit> {
  if (!target) return refused("not_found", target, t);
  if (!read.ok) {
    // What cannot be reported at all says so first, whatever was typed.
    const page = await reportPage(ctx, viewer, target);
    if (page.kind === "refused") return refused(page.refusal, target, t);
    const values: Record<string, string> = {};
    for (const name of REPORT_FIELDS) if (typeof read.values[name] === "string") values[name] = read.values[name];
    return { kind: "invalid", errors: read.errors, values };
  }
  const outcome = await fileReport(ctx, viewer, target, read.data);
  if (outcome.kind === "refused") return refused(outcome.refusal, target, t);
  if (outcome.kind === "limited") return outcome;
  const flash = outcome.kind === "reported" ? { message: "feedReports.flash.reported", kind: "success" as const } : { message: "feedReports.flash.already", kind: "info" as const };
  return { kind: "done", to: targetHref(target), flash };
}
