/** The home page's reads: a small window onto the newest jobs and communities. */
import { desc } from "drizzle-orm";
import type { Ctx } from "~/db.server";

export async function newestJobs(ctx: Ctx, limit = 5) {
  const { jobs } = ctx.t;
  return ctx.db
    .select({
      id: jobs.job_id,
      title: jobs.job_title,
      employer: jobs.employer_name,
      city: jobs.job_city,
      country: jobs.job_country,
      remote: jobs.job_is_remote,
      postedAt: jobs.created_at,
    })
    .from(jobs)
    .orderBy(desc(jobs.created_at), desc(jobs.job_id))
    .limit(limit);
}

export async function newestCommunities(ctx: Ctx, limit = 3) {
  const { communities } = ctx.t;
  return ctx.db
    .select({ id: communities.id, name: communities.name, description: communities.description })
    .from(communities)
    .orderBy(desc(communities.created_at), desc(communities.id))
    .limit(limit);
}
