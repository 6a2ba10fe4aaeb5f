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
import { fieldErrors, type FieldErrors } from "~/lib/forms";
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
  CONFLICT_LINE,
  FEEDBACK_MAX,
  INTERVIEWER_NAME_MAX,
  nextRoundNumber,
  OPEN_ROUND_STATUSES,
  ROUND_TYPE_LABELS,
  roundState,
  ROUND_TYPES,
  STATUS_LABELS,
  WITHDRAWN_LINE,
} from "~/modules/hiring/rules";
import { zonedTime } from "~/modules/jobs/application-rules";
import { FEEDS } from "~/modules/jobs/feeds";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

const NOT_FOUND = "There is no application at this address that you manage. Your jobs and their applications are listed on /hiring.";
const ROUND_NOT_FOUND = "That round is not on this application. Choose one from the list of rounds.";
const ROUND_CLOSED = "That round is already completed or cancelled, so it cannot change any more.";

async function load(request: Request, id: string | undefined) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const viewer: Viewer = { id: user.id, role: user.role };
  const app = id ? await getApplication(ctx, viewer, id) : null;
  if (!app) throw new Response(NOT_FOUND, { status: 404 });
  return { ctx, user, viewer, app };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { ctx, user, app } = await load(request, params.id);
  const [rounds, tz] = await Promise.all([listRounds(ctx, app.id), effectiveZone(ctx, user.id, request)]);
  const zone = tz.zone;
  // Every moment of a round in the recruiter's zone, with that moment's own offset.
  const at = (d: Date) => zonedTime(zone, d);
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
    applied: formatDateTime(app.createdAt, zone),
    updated: formatDateTime(app.updatedAt, zone),
    updatedAt: String(app.updatedAt.getTime()),
    jobTitle: app.jobTitle?.trim() || "Untitled job",
    employer: app.employer,
    feedLabel: FEEDS[app.feed].label,
    pipelineHref: `/hiring/${app.feed}/${encodeURIComponent(app.jobId)}`,
    zone,
    zoneLabel: `${zone}, ${offsetLabel(zone, Date.now())}`,
    zoneGuessed: tz.source !== "saved",
    nextRound: nextRoundNumber(rounds.map((r) => r.roundNumber)),
    rounds: rounds.map((r) => ({
      id: r.id,
      n: r.roundNumber,
      type: ROUND_TYPE_LABELS[r.roundType] ?? r.roundType,
      status: r.status,
      state: roundState(r, at),
      open: (OPEN_ROUND_STATUSES as readonly string[]).includes(r.status),
      scheduled: r.scheduledDate !== null,
      date: r.scheduledDate ? isoDate(zoneDate(zone, r.scheduledDate.getTime())) : "",
      time: r.scheduledDate ? timeIn(zone, r.scheduledDate.getTime()) : "",
      interviewer: [r.interviewerName, r.interviewerEmail].filter(Boolean).join(" · ") || null,
      score: r.score,
      notes: r.notes,
      feedback: r.feedback,
    })),
  };
}

/** `question`: completing a round before its day, asked beside the button (a 400 until confirmed). */
type Failure = { form: string; errors: FieldErrors; values: Record<string, string>; conflict?: boolean; question?: string };
const fail = (failure: Failure, status = 400) => data(failure, { status });

export async function action({ request, params }: ActionFunctionArgs) {
  const { ctx, user, viewer, app } = await load(request, params.id);
  // Five forms post here, told apart by intent; each part is checked below by its own schema.
  const { values } = await readForm(request, noFields, { maxBytes: 40_000 });
  const intent = values.intent ?? "";
  const here = `/hiring/applications/${app.id}`;
  const done = async (message: string, kind: "success" | "info" | "error" = "success") =>
    redirect(here, { headers: { "Set-Cookie": await flashHeader(message, kind) } });
  if (app.withdrawn) return fail({ form: intent, errors: { form: WITHDRAWN_LINE }, values });

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
        throw new Response(NOT_FOUND, { status: 404 });
      case "withdrawn":
        return fail({ form: "status", errors: { form: WITHDRAWN_LINE }, values });
      case "conflict":
        return fail({ form: "status", errors: { form: CONFLICT_LINE }, values, conflict: true }, 409);
      case "unchanged":
        return done("Nothing changed: the status and feedback were already as you saved them.", "info");
      case "changed": {
        const sent = await outcome.mail;
        const what = outcome.statusChanged ? `Status changed to ${STATUS_LABELS[outcome.status]}.` : "Feedback saved.";
        return sent.ok
          ? done(`${what} ${app.name} was told by notification and email.`)
          : done(`${what} ${app.name} was told by notification, but the email could not be sent.`, "info");
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
    if (!outcome.ok) return fail({ form: "add", errors: { form: WITHDRAWN_LINE }, values });
    return done(`Round ${outcome.roundNumber} added${when.data ? " and scheduled" : ""}.`);
  }

  if (intent === "reschedule" || intent === "complete" || intent === "cancel") {
    const roundId = values.roundId ?? "";
    const key = `${intent}-${roundId}`;
    let change: RoundChange;
    if (intent === "reschedule") {
      const when = roundWhenForm(zone, { required: true }).safeParse(values);
      if (!when.success || !when.data) return fail({ form: key, errors: when.success ? { date: "Choose the day of the interview." } : fieldErrors(when.error), values });
      change = { kind: "reschedule", at: when.data };
    } else if (intent === "complete") {
      const parsed = completeRoundSchema.safeParse(values);
      if (!parsed.success) return fail({ form: key, errors: fieldErrors(parsed.error), values });
      change = { kind: "complete", score: parsed.data.score, notes: parsed.data.notes, feedback: parsed.data.feedback, confirmedEarly: values.confirmEarly === "yes" };
    } else change = { kind: "cancel" };
    const outcome = await changeRound(ctx, viewer, app, roundId, change);
    if (outcome === "not_found") return fail({ form: key, errors: { form: ROUND_NOT_FOUND }, values }, 404);
    if (outcome === "closed") return fail({ form: key, errors: { form: ROUND_CLOSED }, values });
    if (typeof outcome === "object") {
      const question = `This round is scheduled for ${zonedTime(zone, outcome.scheduledDate)}, which has not come yet. Did it take place early? Complete it now only if it did.`;
      return fail({ form: key, errors: {}, values, question });
    }
    const verb = intent === "reschedule" ? "scheduled" : intent === "complete" ? "completed" : "cancelled";
    return done(`Round ${verb}.`);
  }

  return fail({ form: "", errors: { form: "Choose one of the forms on this page." }, values });
}

/** A form's errors keyed by element id (the summary links to them). */
const byId = (errors: FieldErrors, prefix: string) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === "form" ? k : `${prefix}${k}`, v]));

/**
 * Day and time in the recruiter's zone. One hint names the zone for both fields; the format is
 * the browser's own (its date and time pickers show the member's locale), and the placeholders
 * only appear where a browser has no picker and the fields are plain text.
 */
function DateTimeFields({ prefix, date, time, errors, zoneLabel, optional }: { prefix: string; date: string; time: string; errors: FieldErrors; zoneLabel: string; optional?: boolean }) {
  const hint = `${optional ? "Optional. " : ""}Day and time in ${zoneLabel}.`;
  return (
    <fieldset className="space-y-1" aria-describedby={`${prefix}when-hint`}>
      <legend className="font-medium">When</legend>
      <p id={`${prefix}when-hint`} className="text-sm text-stone-600">
        {hint}
      </p>
      <div className="flex flex-wrap gap-2">
        <Field label="Day" name="date" id={`${prefix}date`} type="date" placeholder="YYYY-MM-DD" defaultValue={date} error={errors.date} />
        <Field label="Time" name="time" id={`${prefix}time`} type="time" placeholder="HH:MM" defaultValue={time} error={errors.time} />
      </div>
    </fieldset>
  );
}

export default function HiringApplication() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
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
        <Link to={d.pipelineHref}><Arrow to="back" /> All applications for {d.jobTitle}</Link>
      </p>
      <h1 id="application-title">{d.name}</h1>
      <p>
        <Link to={d.profileHref}>{`See ${d.name}’s profile`}</Link>
      </p>
      <p className="text-stone-700">
        Applied for <strong>{d.jobTitle}</strong>
        {`${d.employer ? ` at ${d.employer}` : ""} (${d.feedLabel}) on ${d.applied}.`}
      </p>
      <p className="break-words">
        <a href={`mailto:${d.email}`}>{d.email}</a> · {d.hasCv ? <a href={`/applications/${d.id}/cv`}>Download CV</a> : "No CV attached"}
      </p>
      {failed && !shownInForm(failed.form) ? <ErrorSummary errors={failed.errors} /> : null}

      <section aria-labelledby="cover-title" className="card space-y-2">
        <h2 id="cover-title">Cover letter</h2>
        <p className="whitespace-pre-line break-words">{d.coverLetter}</p>
      </section>

      <section aria-labelledby="status-title" className="card space-y-3">
        <h2 id="status-title">
          Status: <StatusPill tone={applicationTone(d.status, d.withdrawn)}>{d.withdrawn ? "Withdrawn" : STATUS_LABELS[d.status]}</StatusPill>
        </h2>
        {d.withdrawn ? (
          <>
            <p role="status">{WITHDRAWN_LINE}</p>
            {d.feedback ? <p className="whitespace-pre-line break-words">Feedback: {d.feedback}</p> : null}
          </>
        ) : (
          <Form key={d.updatedAt} method="post" className="space-y-3">
            <ErrorSummary errors={byId(errorsFor("status"), "status-")} labels={{ "status-feedback": "Feedback", "status-status": "Status" }} />
            {failed?.conflict ? (
              <p className="text-sm">
                Now: <strong>{STATUS_LABELS[d.status]}</strong>, last changed {d.updated}
                {d.feedback ? `, feedback: “${d.feedback}”` : ", no feedback"}. Your choice is kept below.
              </p>
            ) : null}
            <CsrfInput />
            <input type="hidden" name="intent" value="status" />
            <input type="hidden" name="updatedAt" value={d.updatedAt} />
            <div className="space-y-1">
              <label htmlFor="status-status" className="block font-medium">
                Status
              </label>
              <select id="status-status" name="status" defaultValue={statusValues?.status ?? d.status}>
                {APPLICATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </div>
            <TextareaField
              label={`Feedback to the applicant (optional, up to ${FEEDBACK_MAX.toLocaleString("en")} characters)`}
              name="feedback"
              id="status-feedback"
              rows={4}
              defaultValue={statusValues?.feedback ?? d.feedback}
              error={errorsFor("status").feedback}
            />
            <p className="text-sm text-stone-600">The applicant is told of the change by a notification and an email.</p>
            <button type="submit" className="btn">
              Save status
            </button>
          </Form>
        )}
      </section>

      <section aria-labelledby="rounds-title" className="space-y-3">
        <h2 id="rounds-title">Interview rounds</h2>
        <p className="text-sm text-stone-600">
          Times are in {d.zoneLabel}
          {d.zoneGuessed ? " (a guess from your browser)" : ""}. <Link to="/settings/time-zone">Change your time zone</Link>
        </p>
        {d.rounds.length === 0 ? <p>No rounds yet.</p> : null}
        <ol aria-label="Interview rounds" className="space-y-3">
          {d.rounds.map((r) => {
            const rs = errorsFor(`reschedule-${r.id}`);
            const rv = valuesFor(`reschedule-${r.id}`);
            const cs = errorsFor(`complete-${r.id}`);
            const cv = valuesFor(`complete-${r.id}`);
            const xs = errorsFor(`cancel-${r.id}`);
            return (
              <li key={`${r.id}-${r.status}-${r.date}-${r.time}`} className="card space-y-2">
                <h3 className="text-base font-semibold">{`Round ${r.n}: ${r.type} · ${r.state.label}`}</h3>
                <p className="text-sm">
                  {r.state.line}
                  {r.interviewer ? ` · ${r.interviewer}` : ""}
                  {r.score !== null ? ` · score ${r.score}/10` : ""}
                </p>
                {r.notes ? <p className="whitespace-pre-line break-words text-sm">Notes (hiring team only): {r.notes}</p> : null}
                {r.feedback ? <p className="whitespace-pre-line break-words text-sm">Feedback to the candidate: {r.feedback}</p> : null}
                {r.open && !d.withdrawn ? (
                  <>
                    <Form method="post" className="space-y-2">
                      <ErrorSummary errors={byId({ ...rs, ...xs }, `s${r.n}-`)} labels={{ [`s${r.n}-date`]: "Day", [`s${r.n}-time`]: "Time" }} />
                      <CsrfInput />
                      <input type="hidden" name="roundId" value={r.id} />
                      <DateTimeFields prefix={`s${r.n}-`} date={rv?.date ?? r.date} time={rv?.time ?? r.time} errors={rs} zoneLabel={d.zoneLabel} />
                      <p className="flex flex-wrap gap-2">
                        <button type="submit" name="intent" value="reschedule" className="btn-quiet">
                          {r.scheduled ? "Reschedule" : "Schedule"} round {r.n}
                        </button>
                        <button type="submit" name="intent" value="cancel" className="btn-quiet">
                          Cancel round {r.n} (it stays listed as cancelled)
                        </button>
                      </p>
                    </Form>
                    <Form method="post" className="space-y-2">
                      <ErrorSummary errors={byId(cs, `c${r.n}-`)} labels={{ [`c${r.n}-score`]: "Score", [`c${r.n}-notes`]: "Notes", [`c${r.n}-feedback`]: "Feedback" }} />
                      <CsrfInput />
                      <input type="hidden" name="intent" value="complete" />
                      <input type="hidden" name="roundId" value={r.id} />
                      <Field
                        label="Score (1 to 10)"
                        name="score"
                        id={`c${r.n}-score`}
                        inputMode="numeric"
                        hint="Only the hiring team sees the score."
                        defaultValue={cv?.score ?? ""}
                        error={cs.score}
                        className="max-w-24"
                      />
                      <TextareaField
                        label="Notes (optional)"
                        name="notes"
                        id={`c${r.n}-notes`}
                        rows={2}
                        hint="Private: only the hiring team sees these notes."
                        defaultValue={cv?.notes ?? ""}
                        error={cs.notes}
                      />
                      <TextareaField
                        label="Feedback (optional)"
                        name="feedback"
                        id={`c${r.n}-feedback`}
                        rows={2}
                        hint="The candidate will see this."
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
                              Yes, complete round {r.n} now
                            </button>
                          </p>
                        </div>
                      ) : (
                        <button type="submit" className="btn-quiet">
                          Complete round {r.n}
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
              Add round {d.nextRound}
            </h3>
            <ErrorSummary
              errors={byId(addErrors, "add-")}
              labels={{ "add-roundType": "Kind", "add-date": "Day", "add-time": "Time", "add-interviewerName": "Interviewer", "add-interviewerEmail": "Interviewer's email" }}
            />
            <CsrfInput />
            <input type="hidden" name="intent" value="add-round" />
            <SelectField label="Kind of round" name="roundType" id="add-roundType" defaultValue={addValues?.roundType ?? "phone_screening"} error={addErrors.roundType}>
              {ROUND_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ROUND_TYPE_LABELS[t]}
                </option>
              ))}
            </SelectField>
            <DateTimeFields prefix="add-" date={addValues?.date ?? ""} time={addValues?.time ?? ""} errors={addErrors} zoneLabel={d.zoneLabel} optional />
            <Field label="Interviewer (optional)" name="interviewerName" id="add-interviewerName" maxLength={INTERVIEWER_NAME_MAX} defaultValue={addValues?.interviewerName ?? ""} error={addErrors.interviewerName} />
            <Field label="Interviewer's email (optional)" name="interviewerEmail" id="add-interviewerEmail" type="email" defaultValue={addValues?.interviewerEmail ?? ""} error={addErrors.interviewerEmail} />
            <button type="submit" className="btn">
              Add round {d.nextRound}
            </button>
          </Form>
        )}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data ? `${data.name}: application` : "Application"} | Ladder`);
