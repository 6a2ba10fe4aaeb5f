/**
 * Interview rounds of an application: add (numbered max + 1), schedule or reschedule, complete
 * with a score, private notes and feedback (only the feedback reaches the applicant; before the
 * round's day only when confirmed), cancel. Every write carries the pipeline's ownership and "not withdrawn" check in
 * its WHERE (managedBy). Adding takes a per-application advisory lock on PostgreSQL so two
 * recruiters adding at once get rounds N and N + 1, never two N's; SQLite's BEGIN IMMEDIATE
 * serialises writers already.
 */
import { and, asc, eq, exists, inArray, isNull, lte, max, or, sql, type AnyColumn } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { withTx } from "~/db.server";
import { isUuid } from "~/lib/ids";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/lib/i18n";
import { translator } from "~/lib/i18n.server";
import { offsetLabel } from "~/modules/calendar";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { managedBy, notWithdrawn, type ManagedApplication, type Viewer } from "./pipeline.server";
import { completesEarly, jobName, momentIn, OPEN_ROUND_STATUSES, rescheduledStatus, roundTypeLabel, type RoundStatus, type RoundType } from "./rules";

export interface Round {
  id: string;
  roundNumber: number;
  roundType: RoundType;
  status: RoundStatus;
  scheduledDate: Date | null;
  completedDate: Date | null;
  interviewerName: string | null;
  interviewerEmail: string | null;
  /** Private to the hiring side (poster, career team, admins): never selected for the applicant. */
  notes: string | null;
  feedback: string | null;
  score: number | null;
}

export async function listRounds(ctx: Ctx, applicationId: string): Promise<Round[]> {
  const r = ctx.t.interview_rounds;
  const rows = await ctx.db
    .select({
      id: r.id,
      roundNumber: r.roundNumber,
      roundType: r.roundType,
      status: r.status,
      scheduledDate: r.scheduledDate,
      completedDate: r.completedDate,
      interviewerName: r.interviewerName,
      interviewerEmail: r.interviewerEmail,
      notes: r.notes,
      feedback: r.feedback,
      score: r.score,
    })
    .from(r)
    .where(eq(r.applicationId, applicationId))
    .orderBy(asc(r.roundNumber), asc(r.createdAt));
  return rows.map((row) => ({ ...row, roundType: row.roundType as RoundType, status: (row.status ?? "scheduled") as RoundStatus }));
}

/** SQL: the application `applicationId` (a column of interview_rounds) is not withdrawn. */
function applicationOpen(ctx: Ctx, applicationId: AnyColumn) {
  const a = ctx.t.job_applications;
  return exists(ctx.db.select({ one: sql`1` }).from(a).where(and(eq(a.id, applicationId), notWithdrawn(ctx))));
}

async function lockApplication(tx: Ctx, applicationId: string) {
  if (tx.dialect !== "pg") return;
  await tx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`interview-rounds:${applicationId}`}))`);
}

/** "Tuesday 2 December 2026, 10:00 (Asia/Amman, GMT+3)", in the applicant's language. */
const when = (zone: string, at: Date, lang: Language) =>
  translator(lang)("hiring.notify.when", { when: momentIn(zone, at, lang), zone, offset: offsetLabel(zone, at.getTime()) });

/** The round on the applicant's page (applications.$id.tsx gives each round this anchor). */
const roundHref = (applicationId: string, roundNumber: number) => `/applications/${applicationId}#round-${roundNumber}`;

/** The applicant's general notification of a scheduled round, in the applicant's own zone and language. */
function roundNotice(app: ManagedApplication, round: { roundNumber: number; roundType: RoundType }, at: Date, applicant: { zone: string; lang: Language }, again: boolean) {
  const t = translator(applicant.lang);
  const values = { n: round.roundNumber, type: roundTypeLabel(round.roundType, t), job: jobName({ title: app.jobTitle, employer: app.employer }, t), when: when(applicant.zone, at, applicant.lang) };
  return {
    title: again ? t("hiring.notify.roundMoved") : t("hiring.notify.roundScheduled"),
    message: again ? t("hiring.notify.roundNowOn", values) : t("hiring.notify.roundOn", values),
  };
}

/** The applicant's zone and language, for the notice written to them. */
async function applicantSettings(tx: Ctx, userId: string): Promise<{ zone: string; lang: Language }> {
  const s = tx.t.member_settings;
  // One read of the settings row for both (savedLanguage would read it again).
  const [row] = await tx.db.select({ zone: s.time_zone, language: s.language }).from(s).where(eq(s.user_id, userId)).limit(1);
  return { zone: row?.zone || "UTC", lang: isLanguage(row?.language) ? row.language : DEFAULT_LANGUAGE };
}

export type AddOutcome = { ok: true; roundNumber: number } | { ok: false; reason: "gone" };

export async function addRound(
  ctx: Ctx,
  viewer: Viewer,
  app: ManagedApplication,
  input: { roundType: RoundType; scheduledAt: Date | null; interviewerName: string | null; interviewerEmail: string | null; now?: Date },
): Promise<AddOutcome> {
  const now = input.now ?? new Date();
  const { interview_rounds: r, job_applications: a } = ctx.t;
  return withTx(ctx, async (tx) => {
    await lockApplication(tx, app.id);
    // Ownership and "not withdrawn", read inside the transaction that writes.
    const [open] = await tx.db.select({ id: a.id }).from(a).where(and(eq(a.id, app.id), notWithdrawn(tx), managedBy(tx, viewer, app.feed, a.id))).limit(1);
    if (!open) return { ok: false, reason: "gone" } as const;
    const [top] = await tx.db.select({ n: max(r.roundNumber) }).from(r).where(eq(r.applicationId, app.id));
    const roundNumber = Number(top?.n ?? 0) + 1;
    await tx.db.insert(r).values({
      applicationId: app.id,
      roundNumber,
      roundType: input.roundType,
      scheduledDate: input.scheduledAt,
      interviewerName: input.interviewerName,
      interviewerEmail: input.interviewerEmail,
      status: "scheduled",
      createdAt: now,
      updatedAt: now,
    });
    if (input.scheduledAt) {
      const text = roundNotice(app, { roundNumber, roundType: input.roundType }, input.scheduledAt, await applicantSettings(tx, app.applicantId), false);
      await insertLinkedNotification(tx, { userId: app.applicantId, title: text.title, message: text.message, href: roundHref(app.id, roundNumber), at: now });
    }
    return { ok: true, roundNumber } as const;
  });
}

export type RoundChange =
  | { kind: "reschedule"; at: Date }
  | { kind: "complete"; score: number; notes: string | null; feedback: string | null; confirmedEarly?: boolean }
  | { kind: "cancel" };

/**
 * done; not_found (no such round of this application, or not the viewer's); closed (completed,
 * cancelled, or the application withdrawn); early: completing a round whose date has not come
 * needs `confirmedEarly` (with the date the round has now).
 */
export type RoundOutcome = "done" | "not_found" | "closed" | { kind: "early"; scheduledDate: Date };

export async function changeRound(ctx: Ctx, viewer: Viewer, app: ManagedApplication, roundId: string, change: RoundChange, now = new Date()): Promise<RoundOutcome> {
  if (!isUuid(roundId)) return "not_found";
  const { interview_rounds: r } = ctx.t;
  const [round] = await ctx.db
    .select({ id: r.id, roundNumber: r.roundNumber, roundType: r.roundType, scheduledDate: r.scheduledDate, status: r.status })
    .from(r)
    .where(and(eq(r.id, roundId), eq(r.applicationId, app.id)))
    .limit(1);
  if (!round) return "not_found";
  const unconfirmedEarly = change.kind === "complete" && !change.confirmedEarly;
  const isOpen = (status: string | null) => status === null || (OPEN_ROUND_STATUSES as readonly string[]).includes(status);
  if (unconfirmedEarly && isOpen(round.status) && completesEarly(round.scheduledDate, now)) return { kind: "early", scheduledDate: round.scheduledDate! };
  const values =
    change.kind === "reschedule"
      ? { scheduledDate: change.at, status: rescheduledStatus(round.scheduledDate !== null), updatedAt: now }
      : change.kind === "complete"
        ? { status: "completed" as const, score: change.score, notes: change.notes, feedback: change.feedback, completedDate: now, updatedAt: now }
        : { status: "cancelled" as const, updatedAt: now };
  return withTx(ctx, async (tx) => {
    const rows = await tx.db
      .update(tx.t.interview_rounds)
      .set(values)
      .where(
        and(
          eq(r.id, roundId),
          eq(r.applicationId, app.id),
          inArray(r.status, [...OPEN_ROUND_STATUSES]),
          managedBy(tx, viewer, app.feed, r.applicationId),
          applicationOpen(tx, r.applicationId),
          // Moved to a later day since it was read: still not completed without confirmation.
          unconfirmedEarly ? or(isNull(r.scheduledDate), lte(r.scheduledDate, now)) : undefined,
        ),
      )
      .returning({ id: r.id });
    if (rows.length === 0) {
      if (!unconfirmedEarly) return "closed";
      const [again] = await tx.db.select({ status: r.status, scheduledDate: r.scheduledDate }).from(r).where(and(eq(r.id, roundId), eq(r.applicationId, app.id))).limit(1);
      return again && isOpen(again.status) && completesEarly(again.scheduledDate, now) ? ({ kind: "early", scheduledDate: again.scheduledDate! } as const) : "closed";
    }
    if (change.kind === "reschedule") {
      const text = roundNotice(app, { roundNumber: round.roundNumber, roundType: round.roundType as RoundType }, change.at, await applicantSettings(tx, app.applicantId), round.scheduledDate !== null);
      await insertLinkedNotification(tx, { userId: app.applicantId, title: text.title, message: text.message, href: roundHref(app.id, round.roundNumber), at: now });
    }
    return "done";
  });
}
