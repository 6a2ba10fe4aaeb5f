/** /applications/<id>: one of the member's applications: status, feedback, letter, CV, interview rounds. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { savedZone } from "~/modules/calendar/time-zone.server";
import { ROUND_TYPE_LABELS, statusLabel, zonedTime } from "~/modules/jobs/application-rules";
import { roundState } from "~/modules/hiring/rules";
import { getMyApplication } from "~/modules/jobs/applications.server";
import { jobPath } from "~/modules/jobs/feeds";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

const NOT_YOURS = "There is no application of yours at this address. It may have been deleted, or the link is wrong.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const id = (params.id ?? "").toLowerCase();
  const [app, saved] = await Promise.all([getMyApplication(ctx, user.id, id), savedZone(ctx, user.id)]);
  if (!app) throw new Response(NOT_YOURS, { status: 404 });
  const zone = saved ?? "UTC";
  return {
    id: app.id,
    title: app.title ?? "A job that is no longer listed",
    employer: app.employer,
    jobHref: app.title !== null ? jobPath(app.feed, app.jobId) : null,
    status: statusLabel(app.status, app.withdrawn),
    tone: applicationTone(app.status, app.withdrawn),
    feedback: app.feedback,
    coverLetter: app.coverLetter,
    name: app.name,
    email: app.email,
    cvHref: app.cvFileUrl ? `/applications/${app.id}/cv` : null,
    sent: formatDate(app.createdAt),
    updated: formatDate(app.updatedAt),
    withdrawHref: app.canWithdraw ? `/applications/${app.id}/withdraw` : null,
    zone,
    zoneSaved: saved !== null,
    rounds: app.rounds.map((r) => {
      // One wording of a round's state with the pipeline's (never "Scheduled" without a date).
      const state = roundState({ status: r.status, scheduledDate: r.scheduledDate, completedDate: r.completedDate }, (d) => zonedTime(zone, d));
      return {
        id: r.id,
        anchor: `round-${r.roundNumber}`,
        heading: `Round ${r.roundNumber}: ${ROUND_TYPE_LABELS[r.roundType] ?? r.roundType} · ${state.label}`,
        when: state.line,
        interviewer: r.interviewerName,
        feedback: r.feedback,
      };
    }),
  };
}

export default function Application() {
  const a = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="application-title" className="space-y-4">
      <p>
        <Link to="/applications"><Arrow to="back" /> Your applications</Link>
      </p>
      <h1 id="application-title">
        {a.title}
        {a.employer ? <span className="block text-base font-normal">{a.employer}</span> : null}
      </h1>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">Status</dt>
        <dd>
          <StatusPill tone={a.tone}>{a.status}</StatusPill>
        </dd>
        <dt className="font-medium">Sent</dt>
        <dd>{a.sent}</dd>
        <dt className="font-medium">Last change</dt>
        <dd>{a.updated}</dd>
        <dt className="font-medium">Contact</dt>
        <dd>
          {a.name}, {a.email}
        </dd>
      </dl>
      <section aria-labelledby="feedback-title" className="card space-y-1">
        <h2 id="feedback-title">Feedback</h2>
        <p className="whitespace-pre-wrap">{a.feedback ?? "No feedback yet."}</p>
      </section>
      <section aria-labelledby="rounds-title" className="card space-y-2">
        <h2 id="rounds-title">Interview rounds</h2>
        {a.rounds.length === 0 ? (
          <p>No interviews yet.</p>
        ) : (
          <ol className="space-y-2">
            {a.rounds.map((r) => (
              <li key={r.id} id={r.anchor}>
                <p className="font-medium">{r.heading}</p>
                <p className="text-sm">
                  {r.when}
                  {r.interviewer ? ` · with ${r.interviewer}` : ""}
                </p>
                {r.feedback ? <p className="whitespace-pre-wrap text-sm">{r.feedback}</p> : null}
              </li>
            ))}
          </ol>
        )}
        <p className="text-sm text-stone-600">
          Times are in {a.zone === "UTC" ? "UTC" : a.zone}. {a.zoneSaved ? null : <Link to="/settings/time-zone">Set your time zone</Link>}
        </p>
      </section>
      <section aria-labelledby="letter-title" className="card space-y-2">
        <h2 id="letter-title">Your cover letter</h2>
        <p className="whitespace-pre-wrap">{a.coverLetter}</p>
        <p>{a.cvHref ? <a href={a.cvHref}>Download your CV</a> : "No CV is attached to this application."}</p>
      </section>
      <p>
        {a.jobHref ? <Link to={a.jobHref}>The job</Link> : null}
        {a.jobHref && a.withdrawHref ? " · " : null}
        {a.withdrawHref ? <Link to={a.withdrawHref}>Withdraw this application</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data: d }) => pageMeta(d ? `Application: ${d.title} | Ladder` : "Application | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/applications", label: "Your applications" }, { to: "/jobs", label: "Jobs" }]} />;
}
