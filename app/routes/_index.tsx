/**
 * `/`: visitors see the public page (newest jobs, communities); a signed-in member sees the
 * home of their role (docs/decisions/026-home-per-role.md).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate, placeIn } from "~/lib/format";
import { useLanguage, useT, type Messages } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { dashboardFor } from "~/modules/home/dashboard.server";
import { newestCommunities, newestJobs } from "~/modules/home/home.server";
import { jobPath } from "~/modules/jobs/feeds";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = getCtx();
  const user = await getCurrentUser(request);
  const { messages } = await pageMessages(request, ["home"]);
  if (user) return { ...(await dashboardFor(ctx, user, request)), messages: only(messages, (id) => !id.startsWith("home.public.")) };
  const [jobs, communities] = await Promise.all([newestJobs(ctx), newestCommunities(ctx)]);
  return { kind: "public" as const, jobs, communities, messages: only(messages, forVisitor) };
}

/** The words of the public page: a visitor's page carries none of the dashboards' (issue 12), a member's none of these. */
const VISITOR_WORDS = new Set(["home.untitledJob", "home.employerUnknown", "home.jobLine"]);
const forVisitor = (id: string) => id.startsWith("home.public.") || id.startsWith("home.meta.") || VISITOR_WORDS.has(id);

const only = (messages: Messages, keep: (id: string) => boolean): Messages => Object.fromEntries(Object.entries(messages).filter(([id]) => keep(id)));

/**
 * The roles' homes are a module of their own that only a signed-in member downloads: a visitor's
 * first visit carries the public page alone (issue 12). The server waits for it (entry.server
 * renders onAllReady), so the HTML, the page without JavaScript and the first paint are as
 * before; hydration leaves the server's HTML in place until the module has arrived.
 */
const SignedInHome = lazy(() => import("~/components/home/Dashboards"));

export default function Home() {
  const data = useLoaderData<typeof loader>();
  if (data.kind === "public") return <PublicHome jobs={data.jobs} communities={data.communities} />;
  return (
    <Suspense fallback={null}>
      <SignedInHome data={data} />
    </Suspense>
  );
}

type PublicData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { kind: "public" }>;

function PublicHome({ jobs, communities }: Pick<PublicData, "jobs" | "communities">) {
  const t = useT();
  const lang = useLanguage();
  return (
    <div className="space-y-6">
      <section aria-labelledby="welcome" className="space-y-2">
        <h1 id="welcome">{t("home.public.title")}</h1>
        <p>{t("home.public.intro")}</p>
      </section>

      <section aria-labelledby="newest-jobs" className="space-y-2">
        <h2 id="newest-jobs">{t("home.public.newestJobs")}</h2>
        {jobs.length === 0 ? (
          <p className="card">{t("home.public.noJobs")}</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {jobs.map((job) => (
              <li key={job.id} className="p-3">
                <p>
                  <Link to={jobPath("general", job.id)} className="font-medium" dir="auto">
                    {job.title ?? t("home.untitledJob")}
                  </Link>
                </p>
                <p className="text-sm text-stone-600">
                  {t("home.jobLine", {
                    employer: job.employer ?? t("home.employerUnknown"),
                    place: placeIn(t, job.city, job.country, job.remote),
                    date: formatDate(job.postedAt, lang),
                  })}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/jobs">{t("home.public.allJobs")}</Link>
        </p>
      </section>

      <section aria-labelledby="communities" className="space-y-2">
        <h2 id="communities">{t("common.area.communities")}</h2>
        {communities.length === 0 ? (
          <p className="card">{t("home.public.noCommunities")}</p>
        ) : (
          <ul className="space-y-2">
            {communities.map((community) => (
              <li key={community.id} className="card">
                <p className="font-medium" dir="auto">
                  {community.name}
                </p>
                {community.description ? (
                  <p className="text-sm text-stone-600" dir="auto">
                    {community.description}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    args.data && args.data.kind !== "public"
      ? pageMeta(t("home.meta.memberTitle"), t("home.meta.memberDescription"))
      : pageMeta(t("home.meta.publicTitle"), t("home.meta.publicDescription")),
  );

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
