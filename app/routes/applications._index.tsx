/** /applications: the member's job applications, newest first (keyset pages of 20). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MetaLine } from "~/components/ui/Meta";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { ROUND_TYPE_LABELS, statusLabel, zonedTime } from "~/modules/jobs/application-rules";
import { applicationsCursor } from "~/modules/jobs/applications-cursor.server";
import { applicationPath, listMyApplications } from "~/modules/jobs/applications.server";
import { savedZone } from "~/modules/calendar/time-zone.server";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = applicationsCursor.from(url.searchParams.get("cursor"), "my-applications");
  if (after === null) throw brokenPageLink("/applications");
  const ctx = getCtx();
  const [page, zone] = await Promise.all([listMyApplications(ctx, user.id, after), savedZone(ctx, user.id)]);
  return {
    paged: Boolean(after),
    items: page.items.map((a) => ({
      href: applicationPath(a.id),
      title: a.title ?? "A job that is no longer listed",
      employer: a.employer,
      status: statusLabel(a.status, a.withdrawn),
      tone: applicationTone(a.status, a.withdrawn),
      updated: formatDate(a.updatedAt),
      updatedAt: a.updatedAt.toISOString(),
      next: a.nextRound
        ? `Round ${a.nextRound.roundNumber}, ${ROUND_TYPE_LABELS[a.nextRound.roundType] ?? a.nextRound.roundType}: ${zonedTime(zone ?? "UTC", a.nextRound.scheduledDate)}`
        : null,
    })),
    nextHref: page.next ? `/applications?${new URLSearchParams({ cursor: applicationsCursor.to(page.next, "my-applications") })}` : null,
  };
}

export default function Applications() {
  const { paged, items, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="applications-title" className="space-y-4">
      <h1 id="applications-title">Your applications</h1>
      {items.length === 0 ? (
        <div className="card space-y-2">
          <p>{paged ? "There are no more applications." : "You have not applied to any job yet."}</p>
          <p>
            <Link to={paged ? "/applications" : "/jobs"}>{paged ? "Back to the newest" : "Find a job to apply to"}</Link>
          </p>
        </div>
      ) : (
        <ul aria-label="Your applications" className="list">
          {items.map((a) => (
            <li key={a.href} className="space-y-1">
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <h2 className="text-base">
                  <Link to={a.href}>{a.title}</Link>
                </h2>
                <StatusPill tone={a.tone}>{a.status}</StatusPill>
              </div>
              <MetaLine
                parts={[
                  a.employer,
                  <>
                    updated <time dateTime={a.updatedAt}>{a.updated}</time>
                  </>,
                ]}
              />
              {a.next ? <p className="text-sm">Next interview: {a.next}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref}>Older applications</Link>
        </p>
      ) : null}
      {paged && items.length > 0 ? (
        <p>
          <Link to="/applications">Back to the newest</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your applications | Ladder");
