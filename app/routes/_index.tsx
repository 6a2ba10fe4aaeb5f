/**
 * `/`: visitors see the public page (newest jobs, communities); a signed-in member sees the
 * home of their role (docs/decisions/026-home-per-role.md).
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { lazy, Suspense } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate, placeOf } from "~/lib/format";
import { pageMeta } from "~/lib/meta";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { dashboardFor } from "~/modules/home/dashboard.server";
import { newestCommunities, newestJobs } from "~/modules/home/home.server";
import { jobPath } from "~/modules/jobs/feeds";

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = getCtx();
  const user = await getCurrentUser(request);
  if (user) return dashboardFor(ctx, user, request);
  const [jobs, communities] = await Promise.all([newestJobs(ctx), newestCommunities(ctx)]);
  return { kind: "public" as const, jobs, communities };
}

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
  return (
    <div className="space-y-6">
      <section aria-labelledby="welcome" className="space-y-2">
        <h1 id="welcome">Your next step, on any connection</h1>
        <p>
          Ladder is a career network for students, alumni and job seekers: people, jobs, an AI career coach and
          honest talk about workplaces. Every page works without JavaScript and loads in one round trip.
        </p>
      </section>

      <section aria-labelledby="newest-jobs" className="space-y-2">
        <h2 id="newest-jobs">Newest jobs</h2>
        {jobs.length === 0 ? (
          <p className="card">No jobs have been posted yet.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {jobs.map((job) => (
              <li key={job.id} className="p-3">
                <p>
                  <Link to={jobPath("general", job.id)} className="font-medium">
                    {job.title ?? "Untitled job"}
                  </Link>
                </p>
                <p className="text-sm text-stone-600">
                  {job.employer ?? "Employer not given"} · {placeOf(job.city, job.country, job.remote)} · posted{" "}
                  {formatDate(job.postedAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/jobs">All jobs</Link>
        </p>
      </section>

      <section aria-labelledby="communities" className="space-y-2">
        <h2 id="communities">Communities</h2>
        {communities.length === 0 ? (
          <p className="card">No communities yet.</p>
        ) : (
          <ul className="space-y-2">
            {communities.map((community) => (
              <li key={community.id} className="card">
                <p className="font-medium">{community.name}</p>
                {community.description ? <p className="text-sm text-stone-600">{community.description}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data && data.kind !== "public"
    ? pageMeta("Your home | Ladder", "What needs you on Ladder today.")
    : pageMeta(
        "Ladder: careers on any connection",
        "Ladder is a career network for students, alumni and job seekers: jobs across MENA and India, people, an AI career coach. Every page works on a slow connection.",
      );

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
