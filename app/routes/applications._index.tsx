/** /applications: the member's job applications, newest first (keyset pages of 20). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MetaLine } from "~/components/ui/Meta";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { applicantStatusLabel, roundTypeLabel, zonedMoment } from "~/modules/hiring/rules";
import { applicationsCursor } from "~/modules/jobs/applications-cursor.server";
import { applicationPath, listMyApplications } from "~/modules/jobs/applications.server";
import { savedZone } from "~/modules/calendar/time-zone.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = applicationsCursor.from(url.searchParams.get("cursor"), "my-applications");
  if (after === null) throw brokenPageLink("/applications");
  const ctx = getCtx();
  const [page, zone, lang] = await Promise.all([listMyApplications(ctx, user.id, after), savedZone(ctx, user.id), languageOf(request)]);
  const t = translator(lang);
  return {
    paged: Boolean(after),
    items: page.items.map((a) => ({
      href: applicationPath(a.id),
      title: a.title ?? t("applications.job.unlisted"),
      employer: a.employer,
      status: applicantStatusLabel(a.status, a.withdrawn, t),
      tone: applicationTone(a.status, a.withdrawn),
      updated: formatDate(a.updatedAt, lang),
      updatedAt: a.updatedAt.toISOString(),
      next: a.nextRound
        ? t("applications.index.nextRound", {
            n: a.nextRound.roundNumber,
            type: roundTypeLabel(a.nextRound.roundType, t),
            when: zonedMoment(zone ?? "UTC", a.nextRound.scheduledDate, lang, t),
          })
        : null,
    })),
    nextHref: page.next ? `/applications?${new URLSearchParams({ cursor: applicationsCursor.to(page.next, "my-applications") })}` : null,
    ...(await pageMessages(request, ["applications", "jobs"])),
  };
}

export default function Applications() {
  const { paged, items, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  // "updated <time>": the sentence around the date, in the reader's word order.
  const [updatedBefore, updatedAfter] = t("applications.index.updated", { date: "\u0000" }).split("\u0000");
  return (
    <section aria-labelledby="applications-title" className="space-y-4">
      <h1 id="applications-title">{t("applications.index.title")}</h1>
      {items.length === 0 ? (
        <div className="card space-y-2">
          <p>{paged ? t("applications.index.noMore") : t("applications.index.none")}</p>
          <p>
            <Link to={paged ? "/applications" : "/jobs"}>{paged ? t("applications.index.backNewest") : t("applications.index.findJob")}</Link>
          </p>
        </div>
      ) : (
        <ul aria-label={t("applications.index.title")} className="list">
          {items.map((a) => (
            <li key={a.href} className="space-y-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <h2 className="text-base">
                  <Link to={a.href} dir="auto">
                    {a.title}
                  </Link>
                </h2>
                <StatusPill tone={a.tone}>{a.status}</StatusPill>
              </div>
              <MetaLine
                parts={[
                  a.employer ? <bdi dir="auto">{a.employer}</bdi> : null,
                  <>
                    {updatedBefore}
                    <time dateTime={a.updatedAt}>{a.updated}</time>
                    {updatedAfter}
                  </>,
                ]}
              />
              {a.next ? <p className="text-sm">{t("applications.index.nextInterview", { round: a.next })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref}>{t("applications.index.older")}</Link>
        </p>
      ) : null}
      {paged && items.length > 0 ? (
        <p>
          <Link to="/applications">{t("applications.index.backNewest")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("applications.index.pageTitle")));
