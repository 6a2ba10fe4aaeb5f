/**
 * /hiring/applications/<id>: one application for the people who manage its job: cover letter,
 * CV, the status and feedback form (with an optimistic check against a stale form) and the
 * interview rounds (add, schedule or reschedule, complete with a score, cancel). Every change is
 * a POST here with an intent. A withdrawn application is read-only.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, SelectField, TextareaField } from "~/components/forms";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import type { FieldErrors } from "~/lib/forms";
import { bidi, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translatedFieldErrors, translator } from "~/lib/i18n.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { isoDate } from "~/modules/calendar/week";
import { offsetLabel, timeIn, zoneDate } from "~/modules/calendar/zone";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { changeStatus, getApplication, type Viewer } from "~/modules/hiring/pipeline.server";
import { addRoundSchema, completeRoundSchema, roundWhenForm, statusFormSchema } from "~/modules/hiring/forms.server";
import { addRound, changeRound, listRounds, type RoundChange } from "~/modules/hiring/rounds.server";
import {
  APPLICATION_STATUSES,
  feedLabelId,
  FEEDBACK_MAX,
  INTERVIEWER_NAME_MAX,
  nextRoundNumber,
  OPEN_ROUND_STATUSES,
  pipelineStatusLabel,
  roundState,
  roundTypeLabel,
  ROUND_TYPES,
  zonedMoment,
} from "~/modules/hiring/rules";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

const NOT_FOUND = "hiring.application.notFound";
const ROUND_NOT_FOUND = "hiring.rounds.notFound";
const ROUND_CLOSED = "hiring.rounds.closed";
const WITHDRAWN_LINE = "hiring.application.withdrawnLine";
const CONFLICT_LINE = "hiring.application.conflictLine";

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const viewer: Viewer = { id: user.id, role: user.role };
  const app = id ? await getApplication(ctx, viewer, id) : null;
  if (!app) throw new Response(t(NOT_FOUND), { status: 404 });
  return { ctx, user, viewer, app, lang, t };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, user, app, lang, t } = await load(request, params.id);
  const [rounds, tz] = await Promise.all([listRounds(ctx, app.id), effectiveZone(ctx, user.id, request)]);
  const zone = tz.zone;
  // Every moment of a round in the recruiter's zone, with that moment's own offset.
  const at = (d: Date) => zonedMoment(zone, d, lang, t);
  return {
    id: app.id,
    name: app.name,
    profileHref: `/u/${app.applicantId}`,
    email: app.email,
    coverLetter: app.coverLetter,
    hasCv: app.hasCv,
    status: app.status,
    feedback: app.feedback ?? "",
    withdrawn: app.withdrawn,
    applied: formatDateTime(app.createdAt, zone, { lang }),
    updated: formatDateTime(app.updatedAt, zone, { lang }),
    updatedAt: String(app.updatedAt.getTime()),
    jobTitle: app.jobTitle?.trim() || t("hiring.job.untitled"),
    employer: app.employer,
    feedLabel: t(feedLabelId(app.feed)),
    pipelineHref: `/hiring/${app.feed}/${encodeURIComponent(app.jobId)}`,
    zone,
    zoneLabel: `${zone}, ${offsetLabel(zone, Date.now())}`,
    zoneGuessed: tz.source !== "saved",
    nextRound: nextRoundNumber(rounds.map((r) => r.roundNumber)),
    rounds: rounds.map((r) => ({
      id: r.id,
      n: r.roundNumber,
      type: roundTypeLabel(r.roundType, t),
      status: r.status,
      state: roundState(r, at, t),
      open: (OPEN_ROUND_STATUSES as readonly string[]).includes(r.status),
      scheduled: r.scheduledDate !== null,
      date: r.scheduledDate ? isoDate(zoneDate(zone, r.scheduledDate.getTime())) : "",
      time: r.scheduledDate ? timeIn(zone, r.scheduledDate.getTime()) : "",
      interviewer: [r.interviewerName, r.interviewerEmail].filter(Boolean).join(" · ") || null,
      score: r.score,
      notes: r.notes,
      feedback: r.feedback,
    })),
    ...(await pageMessages(request, ["hiring", "applications", "jobs"])),
  };
}

/** `question`: completing a round before its day, asked beside the button (a 400 until confirmed). */
type Failure = { form: string; errors: FieldErrors; values: Record<string, string>; conflict?: boolean; question?: string };
const fail = (failure: Failure, status = 400) => data(failure, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, user, viewer, app, lang, t } = await load(request, params.id);
  // Five forms post here, told apart by intent; each part is checked below by its own schema.
  const { values } = await readForm(request, noFields, { maxBytes: 40_000 });
  const intent = values.intent ?? "";
  const here = `/hiring/applications/${app.id}`;
  const done = async (message: string, kind: "success" | "info" | "error" = "success", flashValues?: Record<string, string | number>) =>
    redirect(here, { headers: { "Set-Cookie": await flashHeader(message, kind, flashValues) } });
  const fieldErrors = (error: Parameters<typeof translatedFieldErrors>[0]) => translatedFieldErrors(error, t);
  if (app.withdrawn) return fail({ form: intent, errors: { form: t(WITHDRAWN_LINE) }, values });

  if (intent === "status") {
    const parsed = statusFormSchema.safeParse(values);
    if (!parsed.success) return fail({ form: "status", errors: fieldErrors(parsed.error), values });
    const outcome = await changeStatus(ctx, viewer, {
      id: app.id,
      status: parsed.data.status,
      feedback: parsed.data.feedback,
      expectedUpdatedAt: Number(parsed.data.updatedAt),
      link: `${publicOrigin(request)}/applications/${app.id}`,
    });
    switch (outcome.kind) {
      case "not_found":
        throw new Response(t(NOT_FOUND), { status: 404 });
      case "withdrawn":
        return fail({ form: "status", errors: { form: t(WITHDRAWN_LINE) }, values });
      case "conflict":
        return fail({ form: "status", errors: { form: t(CONFLICT_LINE) }, values, conflict: true }, 409);
      case "unchanged":
        return done("hiring.flash.unchanged", "info");
      case "changed": {
        const sent = await outcome.mail;
        // The flash is read by this recruiter: the status in their language, the name as written.
        const told = { status: pipelineStatusLabel(outcome.status, t), name: app.name.slice(0, 300) };
        if (outcome.statusChanged) return sent.ok ? done("hiring.flash.statusTold", "success", told) : done("hiring.flash.statusNotMailed", "info", told);
        return sent.ok ? done("hiring.flash.feedbackTold", "success", told) : done("hiring.flash.feedbackNotMailed", "info", told);
      }
    }
  }

  const zone = (await effectiveZone(ctx, user.id, request)).zone;
  if (intent === "add-round") {
    const parsed = addRoundSchema.safeParse(values);
    const when = roundWhenForm(zone).safeParse(values);
    const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...(when.success ? {} : fieldErrors(when.error)) };
    if (!parsed.success || !when.success) return fail({ form: "add", errors, values });
    const outcome = await addRound(ctx, viewer, app, { ...parsed.data, scheduledAt: when.data });
    if (!outcome.ok) return fail({ form: "add", errors: { form: t(WITHDRAWN_LINE) }, values });
    return done(when.data ? "hiring.flash.roundAddedScheduled" : "hiring.flash.roundAdded", "success", { n: outcome.roundNumber });
  }

  if (intent === "reschedule" || intent === "complete" || intent === "cancel") {
    const roundId = values.roundId ?? "";
    const key = `${intent}-${roundId}`;
    let change: RoundChange;
    if (intent === "reschedule") {
      const when = roundWhenForm(zone, { required: true }).safeParse(values);
      if (!when.success || !when.data) return fail({ form: key, errors: when.success ? { date: t("hiring.when.dayRequired") } : fieldErrors(when.error), values });
      change = { kind: "reschedule", at: when.data };
    } else if (intent === "complete") {
      const parsed = completeRoundSchema.safeParse(values);
      if (!parsed.success) return fail({ form: key, errors: fieldErrors(parsed.error), values });
      change = { kind: "complete", score: parsed.data.score, notes: parsed.data.notes, feedback: parsed.data.feedback, confirmedEarly: values.confirmEarly === "yes" };
    } else change = { kind: "cancel" };
    const outcome = await changeRound(ctx, viewer, app, roundId, change);
    if (outcome === "not_found") return fail({ form: key, errors: { form: t(ROUND_NOT_FOUND) }, values }, 404);
    if (outcome === "closed") return fail({ form: key, errors: { form: t(ROUND_CLOSED) }, values });
    if (typeof outcome === "object") {
      const question = t("hiring.rounds.early", { when: zonedMoment(zone, outcome.scheduledDate, lang, t) });
      return fail({ form: key, errors: {}, values, question });
    }
    return done(intent === "reschedule" ? "hiring.flash.roundScheduled" : intent === "complete" ? "hiring.flash.roundCompleted" : "hiring.flash.roundCancelled");
  }

  return fail({ form: "", errors: { form: t("hiring.application.chooseForm") }, values });
}

/** A form's errors keyed by element id (the summary links to them). */
const byId = (errors: FieldErrors, prefix: string) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "form" ? k : `${prefix}${k}`, v]));

/**
 * Day and time in the recruiter's zone. One hint names the zone for both fields; the format is
 * the browser's own (its date and time pickers show the member's locale), and the placeholders
 * only appear where a browser has no picker and the fields are plain text.
 */
function DateTimeFields({ prefix, date, time, errors, zoneLabel, optional }: { prefix: string; date: string; time: string; errors: FieldErrors; zoneLabel: string; optional?: boolean }) {
  const t = useT();
  const lang = useLanguage();
  const zone = lang === "ar" ? bidi(zoneLabel) : zoneLabel;
  const hint = optional ? t("hiring.when.hintOptional", { zone }) : t("hiring.when.hint", { zone });
  return (
    <fieldset className="space-y-1" aria-describedby={`${prefix}when-hint`}>
      <legend className="font-medium">{t("hiring.when.legend")}</legend>
      <p id={`${prefix}when-hint`} className="text-sm text-stone-600">
        {hint}
      </p>
      <div className="flex flex-wrap gap-2">
        <Field label={t("hiring.when.day")} name="date" id={`${prefix}date`} type="date" placeholder={t("hiring.when.dayPlaceholder")} defaultValue={date} error={errors.date} />
        <Field label={t("hiring.when.time")} name="time" id={`${prefix}time`} type="time" placeholder={t("hiring.when.timePlaceholder")} defaultValue={time} error={errors.time} />
      </div>
    </fieldset>
  );
}

export default function HiringApplication() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  // A left-to-right value (a time zone) kept whole inside a right-to-left sentence.
  const ltr = (value: string) => (lang === "ar" ? bidi(value) : value);
  const errorsFor = (form: string) => (failed && failed.form === form ? failed.errors : {});
  const valuesFor = (form: string) => (failed && failed.form === form ? failed.values : null);
  const statusValues = valuesFor("status");
  // Errors of a form that is not on the page (a round that closed meanwhile, a withdrawn
  // application) show at the top.
  const shownInForm = (form: string) =>
    !d.withdrawn && (form === "status" || form === "add" || d.rounds.some((r) => r.open && [`reschedule-${r.id}`, `complete-${r.id}`, `cancel-${r.id}`].includes(form)));
  const addValues = valuesFor("add");
  const addErrors = errorsFor("add");
  return (
    <section aria-labelledby="application-title" className="space-y-4">
      <p className="text-sm">
        <Link to={d.pipelineHref}><Arrow to="back" /> {t("hiring.application.allFor", { title: d.jobTitle })}</Link>
      </p>
      <h1 id="application-title" dir="auto">{d.name}</h1>
      <p>
        <Link to={d.profileHref}>{t("hiring.application.seeProfile", { name: d.name })}</Link>
      </p>
      <p className="text-stone-700">
        {t("hiring.application.appliedBefore")} <strong dir="auto">{d.jobTitle}</strong>{" "}
        {d.employer
          ? t("hiring.application.appliedAt", { employer: d.employer, feed: d.feedLabel, date: d.applied })
          : t("hiring.application.appliedAfter", { feed: d.feedLabel, date: d.applied })}
      </p>
      <p className="break-words">
        <a href={`mailto:${d.email}`}><bdi>{d.email}</bdi></a> · {d.hasCv ? <a href={`/applications/${d.id}/cv`}>{t("hiring.downloadCv")}</a> : t("hiring.noCv")}
      </p>
      {failed && !shownInForm(failed.form) ? <ErrorSummary errors={failed.errors} /> : null}

      <section aria-labelledby="cover-title" className="card space-y-2">
        <h2 id="cover-title">{t("hiring.application.coverLetter")}</h2>
        <p className="whitespace-pre-line break-words" dir="auto">{d.coverLetter}</p>
      </section>

      <section aria-labelledby="status-title" className="card space-y-3">
        <h2 id="status-title">
          {t("hiring.application.statusHeading")}{" "}
          <StatusPill tone={applicationTone(d.status, d.withdrawn)}>{d.withdrawn ? t("applications.status.withdrawn") : pipelineStatusLabel(d.status, t)}</StatusPill>
        </h2>
        {d.withdrawn ? (
          <>
            <p role="status">{t(WITHDRAWN_LINE)}</p>
            {d.feedback ? (
              <p className="whitespace-pre-line break-words">
                {t("hiring.application.feedbackShown")} <span dir="auto">{d.feedback}</span>
              </p>
            ) : null}
          </>
        ) : (
          <Form key={d.updatedAt} method="post" className="space-y-3">
            <ErrorSummary
              errors={byId(errorsFor("status"), "status-")}
              labels={{ "status-feedback": t("hiring.application.labelFeedback"), "status-status": t("hiring.application.labelStatus") }}
            />
            {failed?.conflict ? (
              <p className="text-sm">
                {t("hiring.application.conflictNow")} <strong>{pipelineStatusLabel(d.status, t)}</strong>
                {d.feedback
                  ? t("hiring.application.conflictFeedback", { date: d.updated, feedback: d.feedback })
                  : t("hiring.application.conflictNoFeedback", { date: d.updated })}
              </p>
            ) : null}
            <CsrfInput />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="updatedAt" value={d.updatedAt} />
            <div className="space-y-1">
              <label htmlFor="status-status" className="block font-medium">
                {t("hiring.application.labelStatus")}
              </label>
              <select id="status-status" name="status" defaultValue={statusValues?.status ?? d.status}>
                {APPLICATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {pipelineStatusLabel(s, t)}
                  </option>
                ))}
              </select>
            </div>
            <TextareaField
              label={t("hiring.application.feedbackField", { max: FEEDBACK_MAX })}
              name="feedback"
              id="status-feedback"
              rows={4}
              defaultValue={statusValues?.feedback ?? d.feedback}
              error={errorsFor("status").feedback}
            />
            <p className="text-sm text-stone-600">{t("hiring.application.told")}</p>
            <button type="submit" className="btn">
              {t("hiring.application.saveStatus")}
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="rounds-title" className="space-y-3">
        <h2 id="rounds-title">{t("hiring.rounds.title")}</h2>
        <p className="text-sm text-stone-600">
          {t(d.zoneGuessed ? "hiring.rounds.timesInGuessed" : "hiring.rounds.timesIn", { zone: ltr(d.zoneLabel) })}{" "}
          <Link to="/settings/time-zone">{t("hiring.rounds.changeZone")}</Link>
        </p>
        {d.rounds.length === 0 ? <p>{t("hiring.rounds.none")}</p> : null}
        <ol aria-label={t("hiring.rounds.title")} className="space-y-3">
          {d.rounds.map((r) => {
            const rs = errorsFor(`reschedule-${r.id}`);
            const rv = valuesFor(`reschedule-${r.id}`);
            const cs = errorsFor(`complete-${r.id}`);
            const cv = valuesFor(`complete-${r.id}`);
            const xs = errorsFor(`cancel-${r.id}`);
            return (
              <li key={`${r.id}-${r.status}-${r.date}-${r.time}`} className="card space-y-2">
                <h3 className="text-base font-semibold">{t("applications.round.heading", { n: r.n, type: r.type, state: r.state.label })}</h3>
                <p className="text-sm">
                  {r.state.line}
                  {r.interviewer ? <> · <bdi dir="auto">{r.interviewer}</bdi></> : ""}
                  {r.score !== null ? ` · ${t("hiring.round.score", { score: r.score })}` : ""}
                </p>
                {r.notes ? (
                  <p className="whitespace-pre-line break-words text-sm">
                    {t("hiring.round.notes")} <span dir="auto">{r.notes}</span>
                  </p>
                ) : null}
                {r.feedback ? (
                  <p className="whitespace-pre-line break-words text-sm">
                    {t("hiring.round.feedback")} <span dir="auto">{r.feedback}</span>
                  </p>
                ) : null}
                {r.open && !d.withdrawn ? (
                  <>
                    <Form method="post" className="space-y-2">
                      <ErrorSummary errors={byId({ ...rs, ...xs }, `s${r.n}-`)} labels={{ [`s${r.n}-date`]: t("hiring.when.day"), [`s${r.n}-time`]: t("hiring.when.time") }} />
                      <CsrfInput />
                      <input type="hidden" name="roundId" value={r.id} />
                      <DateTimeFields prefix={`s${r.n}-`} date={rv?.date ?? r.date} time={rv?.time ?? r.time} errors={rs} zoneLabel={d.zoneLabel} />
                      <p className="flex flex-wrap gap-2">
                        <button type="submit" name="intent" value="reschedule" className="btn-quiet">
                          {t(r.scheduled ? "hiring.round.reschedule" : "hiring.round.schedule", { n: r.n })}
                        </button>
                        <button type="submit" name="intent" value="cancel" className="btn-quiet">
                          {t("hiring.round.cancel", { n: r.n })}
                        </button>
                      </p>
                    </Form>
                    <Form method="post" className="space-y-2">
                      <ErrorSummary errors={byId(cs, `c${r.n}-`)} labels={{
                          [`c${r.n}-score`]: t("hiring.round.labelScore"),
                          [`c${r.n}-notes`]: t("hiring.round.labelNotes"),
                          [`c${r.n}-feedback`]: t("hiring.round.labelFeedback"),
                        }} />
                      <CsrfInput />
                      <input type="hidden" name="intent" value="complete" />
                      <input type="hidden" name="roundId" value={r.id} />
                      <Field
                        label={t("hiring.round.scoreField")}
                        name="score"
                        id={`c${r.n}-score`}
                        inputMode="numeric"
                        hint={t("hiring.round.scoreHint")}
                        defaultValue={cv?.score ?? ""}
                        error={cs.score}
                        className="max-w-24"
                      />
                      <TextareaField
                        label={t("hiring.round.notesField")}
                        name="notes"
                        id={`c${r.n}-notes`}
                        rows={2}
                        hint={t("hiring.round.notesHint")}
                        defaultValue={cv?.notes ?? ""}
                        error={cs.notes}
                      />
                      <TextareaField
                        label={t("hiring.round.feedbackField")}
                        name="feedback"
                        id={`c${r.n}-feedback`}
                        rows={2}
                        hint={t("hiring.round.feedbackHint")}
                        defaultValue={cv?.feedback ?? ""}
                        error={cs.feedback}
                      />
                      {failed?.form === `complete-${r.id}` && failed.question ? (
                        <div className="space-y-2 rounded border-s-4 border-amber-600 bg-amber-50 p-3">
                          <p id={`c${r.n}-question`} role="alert">
                            {failed.question}
                          </p>
                          <p className="flex flex-wrap gap-2">
                            <button type="submit" name="confirmEarly" value="yes" className="btn" aria-describedby={`c${r.n}-question`}>
                              {t("hiring.round.confirmEarly", { n: r.n })}
                            </button>
                          </p>
                        </div>
                      ) : (
                        <button type="submit" className="btn-quiet">
                          {t("hiring.round.complete", { n: r.n })}
                        </button>
                      )}
                    </Form>
                  </>
                ) : null}
              </li>
            );
          })}
        </ol>
        {d.withdrawn ? null : (
          // Keyed by the round number: with JavaScript the page is not reloaded, and a new form must start empty.
          <Form key={d.nextRound} method="post" className="card space-y-2" aria-labelledby="add-round-title">
            <h3 id="add-round-title" className="text-base font-semibold">
              {t("hiring.round.add", { n: d.nextRound })}
            </h3>
            <ErrorSummary
              errors={byId(addErrors, "add-")}
              labels={{
                "add-roundType": t("hiring.round.labelKind"),
                "add-date": t("hiring.when.day"),
                "add-time": t("hiring.when.time"),
                "add-interviewerName": t("hiring.round.labelInterviewer"),
                "add-interviewerEmail": t("hiring.round.labelInterviewerEmail"),
              }}
            />
            <CsrfInput />
            <input type="hidden" name="intent" value="add-round" />
            <SelectField label={t("hiring.round.kindField")} name="roundType" id="add-roundType" defaultValue={addValues?.roundType ?? "phone_screening"} error={addErrors.roundType}>
              {ROUND_TYPES.map((type) => (
                <option key={type} value={type}>
                  {roundTypeLabel(type, t)}
                </option>
              ))}
            </SelectField>
            <DateTimeFields prefix="add-" date={addValues?.date ?? ""} time={addValues?.time ?? ""} errors={addErrors} zoneLabel={d.zoneLabel} optional />
            <Field label={t("hiring.round.interviewerField")} name="interviewerName" id="add-interviewerName" maxLength={INTERVIEWER_NAME_MAX} defaultValue={addValues?.interviewerName ?? ""} error={addErrors.interviewerName} />
            <Field label={t("hiring.round.interviewerEmailField")} name="interviewerEmail" id="add-interviewerEmail" type="email" defaultValue={addValues?.interviewerEmail ?? ""} error={addErrors.interviewerEmail} />
            <button type="submit" className="btn">
              {t("hiring.round.add", { n: d.nextRound })}
            </button>
          </Form>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(args.data ? t("hiring.application.pageTitle", { name: args.data.name }) : t("hiring.application.pageTitleBare")));
