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
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { hiringApplicationsCursor } from "~/modules/hiring/cursor.server";
import { getManagedJob, listApplications } from "~/modules/hiring/pipeline.server";
import { feedLabelId, filterLabel, isStatusFilter, STATUS_FILTERS, statusLabel } from "~/modules/hiring/rules";
import { isFeedSlug, jobPath } from "~/modules/jobs/feeds";
import { metaFor, pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";
import { Arrow } from "~/components/ui/Arrow";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const NOT_FOUND = t("hiring.pipeline.notFound");
  const { feed, jobId } = params;
  if (!isFeedSlug(feed) || !jobId) throw new Response(NOT_FOUND, { status: 404 });
  const ctx = getCtx();
  const viewer = { id: user.id, role: user.role };
  const job = await getManagedJob(ctx, viewer, feed, jobId);
  if (!job) throw new Response(NOT_FOUND, { status: 404 });
  const url = new URL(request.url);
  const rawStatus = url.searchParams.get("status") || "all";
  if (!isStatusFilter(rawStatus)) throw new Response(t("hiring.pipeline.badStatus"), { status: 400 });
  const scope = `${feed}/${jobId}/${rawStatus}`;
  const after = hiringApplicationsCursor.from(url.searchParams.get("after"), `applications:${scope}`);
  if (after === null) throw brokenPageLink(t("hiring.pipeline.firstPage"));
  const [page, { zone }] = await Promise.all([listApplications(ctx, viewer, job, { filter: rawStatus, after }), effectiveZone(ctx, user.id, request)]);
  const base = `/hiring/${feed}/${encodeURIComponent(jobId)}`;
  const next = new URLSearchParams({ status: rawStatus });
  if (page.next) next.set("after", hiringApplicationsCursor.to(page.next, `applications:${scope}`));
  return {
    title: job.title?.trim() || t("hiring.job.untitled"),
    employer: job.employer,
    feedLabel: t(feedLabelId(feed)),
    jobHref: jobPath(feed, jobId),
    base,
    status: rawStatus,
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      at: formatDateTime(r.appliedAt, zone, { lang }),
      status: statusLabel(r.status, r.withdrawn, t),
      tone: applicationTone(r.status, r.withdrawn),
      hasCv: r.hasCv,
      userId: r.userId,
      avatarUrl: r.avatarUrl,
    })),
    nextHref: page.next ? `${base}?${next}` : null,
    ...(await pageMessages(request, ["hiring", "applications", "jobs"])),
  };
}

export default function JobPipeline() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const current = filterLabel(d.status, t);
  return (
    <section aria-labelledby="pipeline-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/hiring"><Arrow to="back" /> {t("common.area.hiring")}</Link>
      </p>
      <h1 id="pipeline-title" dir="auto">{d.title}</h1>
      <p className="text-stone-700">
        {d.employer ? <><bdi dir="auto">{d.employer}</bdi> · </> : ""}
        {d.feedLabel} · <Link to={d.jobHref}>{t("hiring.pipeline.jobPage")}</Link> · <Link to={`${d.base}/candidates`}>{t("hiring.pipeline.candidates")}</Link>
      </p>
      <Form method="get" action={d.base} className="flex flex-wrap items-end gap-2">
        <div className="space-y-1">
          <label htmlFor="status" className="block font-medium">
            {t("hiring.pipeline.status")}
          </label>
          <select id="status" name="status" defaultValue={d.status}>
            {STATUS_FILTERS.map((f) => (
              <option key={f} value={f}>
                {filterLabel(f, t)}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("hiring.pipeline.show")}</Button>
      </Form>
      <h2>{d.status === "all" ? t("hiring.pipeline.all") : t("hiring.pipeline.filtered", { status: current })}</h2>
      {d.rows.length === 0 ? (
        <p className="card">
          {d.paged ? t("hiring.pipeline.noMore") : d.status === "all" ? t("hiring.pipeline.noneYet") : t("hiring.pipeline.noneIs", { status: current.toLowerCase() })}
        </p>
      ) : (
        <ul aria-label={t("hiring.pipeline.listLabel")} className="list">
          {d.rows.map((r) => (
            <li key={r.id}>
              <MemberCard id={r.userId} name={r.name} avatarUrl={r.avatarUrl} href={`/hiring/applications/${r.id}`} badge={<StatusPill tone={r.tone}>{r.status}</StatusPill>}>
                <MetaLine parts={[<bdi key="email">{r.email}</bdi>, t("hiring.pipeline.applied", { date: r.at })]} />
                <p className="text-sm">{r.hasCv ? <a href={`/applications/${r.id}/cv`}>{t("hiring.downloadCv")}</a> : t("hiring.noCv")}</p>
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {d.paged ? <Link to={`${d.base}?status=${d.status}`}>{t("hiring.pager.newest")}</Link> : null}
        {d.nextHref ? <Link to={d.nextHref}>{t("hiring.pipeline.more")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(args.data ? t("hiring.pipeline.pageTitle", { title: args.data.title }) : t("hiring.pipeline.pageTitleBare")));
