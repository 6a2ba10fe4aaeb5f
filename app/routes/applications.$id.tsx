/** /applications/<id>: one of the member's applications: status, feedback, letter, CV, interview rounds. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { savedZone } from "~/modules/calendar/time-zone.server";
import { applicantStatusLabel, roundState, roundTypeLabel, zonedMoment } from "~/modules/hiring/rules";
import { getMyApplication } from "~/modules/jobs/applications.server";
import { jobPath } from "~/modules/jobs/feeds";
import { metaFor, pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const id = (params.id ?? "").toLowerCase();
  const [app, saved, lang] = await Promise.all([getMyApplication(ctx, user.id, id), savedZone(ctx, user.id), languageOf(request)]);
  const t = translator(lang);
  if (!app) throw new Response(t("applications.detail.notYours"), { status: 404 });
  const zone = saved ?? "UTC";
  return {
    id: app.id,
    title: app.title ?? t("applications.job.unlisted"),
    employer: app.employer,
    jobHref: app.title !== null ? jobPath(app.feed, app.jobId) : null,
    status: applicantStatusLabel(app.status, app.withdrawn, t),
    tone: applicationTone(app.status, app.withdrawn),
    feedback: app.feedback,
    coverLetter: app.coverLetter,
    name: app.name,
    email: app.email,
    cvHref: app.cvFileUrl ? `/applications/${app.id}/cv` : null,
    sent: formatDate(app.createdAt, lang),
    updated: formatDate(app.updatedAt, lang),
    withdrawHref: app.canWithdraw ? `/applications/${app.id}/withdraw` : null,
    zone,
    zoneSaved: saved !== null,
    rounds: app.rounds.map((r) => {
      // One wording of a round's state with the pipeline's (never "Scheduled" without a date).
      const state = roundState({ status: r.status, scheduledDate: r.scheduledDate, completedDate: r.completedDate }, (d) => zonedMoment(zone, d, lang, t), t);
      return {
        id: r.id,
        anchor: `round-${r.roundNumber}`,
        heading: t("applications.round.heading", { n: r.roundNumber, type: roundTypeLabel(r.roundType, t), state: state.label }),
        when: state.line,
        interviewer: r.interviewerName,
        feedback: r.feedback,
      };
    }),
    ...(await pageMessages(request, ["applications", "jobs"])),
  };
}

export default function Application() {
  const a = useLoaderData<typeof loader>();
  const t = useT();
  const lang = useLanguage();
  return (
    <section aria-labelledby="application-title" className="space-y-4">
      <p>
        <Link to="/applications"><Arrow to="back" /> {t("applications.index.title")}</Link>
      </p>
      <h1 id="application-title">
        <span dir="auto">{a.title}</span>
        {a.employer ? <span className="block text-base font-normal" dir="auto">{a.employer}</span> : null}
      </h1>
      <dl className="card grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">{t("applications.detail.status")}</dt>
        <dd>
          <StatusPill tone={a.tone}>{a.status}</StatusPill>
        </dd>
        <dt className="font-medium">{t("applications.detail.sent")}</dt>
        <dd>{a.sent}</dd>
        <dt className="font-medium">{t("applications.detail.lastChange")}</dt>
        <dd>{a.updated}</dd>
        <dt className="font-medium">{t("applications.detail.contact")}</dt>
        <dd>
          <bdi dir="auto">{a.name}</bdi>, <bdi>{a.email}</bdi>
        </dd>
      </dl>
      <section aria-labelledby="feedback-title" className="card space-y-1">
        <h2 id="feedback-title">{t("applications.detail.feedback")}</h2>
        {a.feedback !== null ? (
          <p className="whitespace-pre-wrap" dir="auto">
            {a.feedback}
          </p>
        ) : (
          <p className="whitespace-pre-wrap">{t("applications.detail.noFeedback")}</p>
        )}
      </section>
      <section aria-labelledby="rounds-title" className="card space-y-2">
        <h2 id="rounds-title">{t("applications.detail.rounds")}</h2>
        {a.rounds.length === 0 ? (
          <p>{t("applications.detail.noRounds")}</p>
        ) : (
          <ol className="space-y-2">
            {a.rounds.map((r) => (
              <li key={r.id} id={r.anchor}>
                <p className="font-medium">{r.heading}</p>
                <p className="text-sm">
                  {r.when}
                  {r.interviewer ? ` · ${t("applications.detail.with", { name: r.interviewer })}` : ""}
                </p>
                {r.feedback ? (
                  <p className="whitespace-pre-wrap text-sm" dir="auto">
                    {r.feedback}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        <p className="text-sm text-stone-600">
          {t("applications.detail.timesIn", { zone: lang === "ar" ? bidi(a.zone) : a.zone })}{" "}
          {a.zoneSaved ? null : <Link to="/settings/time-zone">{t("applications.detail.setZone")}</Link>}
        </p>
      </section>
      <section aria-labelledby="letter-title" className="card space-y-2">
        <h2 id="letter-title">{t("applications.detail.coverLetter")}</h2>
        <p className="whitespace-pre-wrap" dir="auto">
          {a.coverLetter}
        </p>
        <p>{a.cvHref ? <a href={a.cvHref}>{t("applications.detail.downloadCv")}</a> : t("applications.detail.noCv")}</p>
      </section>
      <p>
        {a.jobHref ? <Link to={a.jobHref}>{t("applications.detail.theJob")}</Link> : null}
        {a.jobHref && a.withdrawHref ? " · " : null}
        {a.withdrawHref ? <Link to={a.withdrawHref}>{t("applications.detail.withdraw")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(args.data ? t("applications.detail.pageTitle", { title: args.data.title }) : t("applications.detail.pageTitleBare")));

export function ErrorBoundary() {
  const t = useT();
  // The route failed, so only the root's common messages are here.
  return <RouteErrorBoundary back={[{ to: "/applications", label: t("common.area.applications") }, { to: "/jobs", label: t("common.area.jobs") }]} />;
}
