/**
 * /hiring/<feed>/<job_id>?status=…: one job's applications, newest first, filtered by status.
 * Only the job's poster, the career team and admins find the job; everyone else gets 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/Button";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { StatusPill } from "~/components/ui/StatusPill";
import { applicationTone } from "~/components/ui/status";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { hiringApplicationsCursor } from "~/modules/hiring/cursor.server";
import { getManagedJob, listApplications } from "~/modules/hiring/pipeline.server";
import { filterLabel, isStatusFilter, STATUS_FILTERS, statusLabel } from "~/modules/hiring/rules";
import { FEEDS, isFeedSlug, jobPath } from "~/modules/jobs/feeds";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";
import { Arrow } from "~/components/ui/Arrow";

const NOT_FOUND = "There is no job at this address that you manage. Your jobs are listed on /hiring.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { feed, jobId } = params;
  if (!isFeedSlug(feed) || !jobId) throw new Response(NOT_FOUND, { status: 404 });
  const ctx = getCtx();
  const viewer = { id: user.id, role: user.role };
  const job = await getManagedJob(ctx, viewer, feed, jobId);
  if (!job) throw new Response(NOT_FOUND, { status: 404 });
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get("status") || "all";
  if (!isStatusFilter(rawStatus)) throw new Response("That status is not one of the filters. Choose one from the list on the job's page.", { status: 400 });
  const scope = `${feed}/${jobId}/${rawStatus}`;
  const after = hiringApplicationsCursor.from(url.searchParams.get("after"), `applications:${scope}`);
  if (after === null) throw brokenPageLink("the job's first page");
  const [page, { zone }] = await Promise.all([listApplications(ctx, viewer, job, { filter: rawStatus, after }), effectiveZone(ctx, user.id, request)]);
  const base = `/hiring/${feed}/${encodeURIComponent(jobId)}`;
  const next = new URLSearchParams({ status: rawStatus });
  if (page.next) next.set("after", hiringApplicationsCursor.to(page.next, `applications:${scope}`));
  return {
    title: job.title?.trim() || "Untitled job",
    employer: job.employer,
    feedLabel: FEEDS[feed].label,
    jobHref: jobPath(feed, jobId),
    base,
    status: rawStatus,
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      at: formatDateTime(r.appliedAt, zone),
      status: statusLabel(r.status, r.withdrawn),
      tone: applicationTone(r.status, r.withdrawn),
      hasCv: r.hasCv,
      userId: r.userId,
      avatarUrl: r.avatarUrl,
    })),
    nextHref: page.next ? `${base}?${next}` : null,
  };
}

export default function JobPipeline() {
  const d = useLoaderData<typeof loader>();
  const current = filterLabel(d.status);
  return (
    <section aria-labelledby="pipeline-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/hiring"><Arrow to="back" /> Hiring</Link>
      </p>
      <h1 id="pipeline-title">{d.title}</h1>
      <p className="text-stone-700">
        {d.employer ? `${d.employer} · ` : ""}
        {d.feedLabel} · <Link to={d.jobHref}>Job page</Link>
      </p>
      <Form method="get" action={d.base} className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="status" className="block font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={d.status}>
            {STATUS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {filterLabel(f)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">Show</Button>
      </Form>
      <h2>{d.status === "all" ? "All applications" : `${current} applications`}</h2>
      {d.rows.length === 0 ? (
        <p className="card">{d.paged ? "No more applications." : d.status === "all" ? "No one has applied yet." : `No application is ${current.toLowerCase()}.`}</p>
      ) : (
        <ul aria-label="Applications" className="list">
          {d.rows.map((r) => (
            <li key={r.id}>
              <MemberCard id={r.userId} name={r.name} avatarUrl={r.avatarUrl} href={`/hiring/applications/${r.id}`} badge={<StatusPill tone={r.tone}>{r.status}</StatusPill>}>
                <MetaLine parts={[r.email, `applied ${r.at}`]} />
                <p className="text-sm">{r.hasCv ? <a href={`/applications/${r.id}/cv`}>Download CV</a> : "No CV attached"}</p>
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {d.paged ? <Link to={`${d.base}?status=${d.status}`}>Newest</Link> : null}
        {d.nextHref ? <Link to={d.nextHref}>More applications</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data ? `Applications: ${data.title}` : "Applications"} | Ladder`);
