import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate, placeOf } from "~/lib/format";
import { jobPath } from "~/modules/jobs/feeds";
import { newestCommunities, newestJobs } from "~/modules/home/home.server";
import { pageMeta } from "~/lib/meta";

export async function loader() {
  const ctx = getCtx();
  const [jobs, communities] = await Promise.all([newestJobs(ctx), newestCommunities(ctx)]);
  return { jobs, communities };
}

export default function Home() {
  const { jobs, communities } = useLoaderData<typeof loader>();
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

export const meta: MetaFunction = () => pageMeta(
    "Ladder: careers on any connection",
    "Ladder is a career network for students, alumni and job seekers: jobs across MENA and India, people, an AI career coach. Every page works on a slow connection.",
  );
