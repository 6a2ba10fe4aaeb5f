/**
 * Plain SQL for the dashboards: the job joins and the count reader. (rowsOf, tsParam and msOf,
 * shared with messages and the job feeds, are in db/raw-sql.ts.)
 */
import { sql, type SQL } from "drizzle-orm";

/**
 * Title, employer and poster of a job whose feed and id are the columns `feed` and `jobId` of
 * an outer row: one primary-key probe into the feed table that `feed` names.
 */
export function jobJoins(feed: string, jobId: string): { joins: SQL; title: SQL; employer: SQL; poster: SQL } {
  const f = sql.raw(feed);
  const id = sql.raw(jobId);
  return {
    joins: sql`left join jobs jg on ${f} = 'general' and jg.job_id = ${id}
      left join remote_jobs jr on ${f} = 'remote' and jr.job_id = ${id}
      left join part_time_jobs jp on ${f} = 'part-time' and jp.job_id = ${id}`,
    title: sql`coalesce(jg.job_title, jr.job_title, jp.job_title)`,
    employer: sql`coalesce(jg.employer_name, jr.employer_name, jp.employer_name)`,
    poster: sql`coalesce(jg.posted_by_user_id, jr.posted_by_user_id, jp.posted_by_user_id)`,
  };
}

/** COUNT(*) comes back as a string from pg (bigint) and a number from SQLite. */
export const num = (value: unknown) => Number(value ?? 0);
