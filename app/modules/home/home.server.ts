/** The home page's reads: a small window onto the newest jobs and communities. */
import { and, desc, eq, notExists, sql } from "drizzle-orm";
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
    // Listed jobs only (docs/decisions/014.1-posting-state-and-applicant-tables.md): no posting row, or an approved one.
    .where(
      notExists(
        ctx.db
          .select({ one: sql`1` })
          .from(ctx.t.job_postings)
          .where(and(eq(ctx.t.job_postings.feed, "general"), eq(ctx.t.job_postings.job_id, jobs.job_id), sql`${ctx.t.job_postings.status} <> 'approved'`)),
      ),
    )
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
