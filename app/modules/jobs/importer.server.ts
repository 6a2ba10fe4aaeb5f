/**
 * The job importer's database part: upsert checked rows by job_id, in batches, each batch in one
 * transaction. searchedat = now; posted_by = 'external'; created_at (the feeds' "newest" order)
 * = the job's posting time when given and not in the future, else now. A job_id that belongs to a
 * Ladder post (a job_postings row, or a row posted by alumni or the career team) is never
 * overwritten: that row is rejected with a reason.
 */
import { and, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { withTx, type Ctx } from "~/db.server";
import type { FeedSlug } from "./feeds";
import { checkImportRow, type ImportRow } from "./importer";
import { feedTable } from "./jobs.server";

export interface Rejected {
  /** The row's position in the file, from 0. */
  index: number;
  jobId: string | null;
  reason: string;
}

export interface ImportResult {
  inserted: number;
  updated: number;
  rejected: Rejected[];
}

export const IMPORT_BATCH = 500;

export async function importJobs(ctx: Ctx, feed: FeedSlug, items: unknown[], options: { now?: Date; batchSize?: number } = {}): Promise<ImportResult> {
  const now = options.now ?? new Date();
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const result: ImportResult = { inserted: 0, updated: 0, rejected: [] };
  const firstSeen = new Map<string, number>();
  const valid: { index: number; row: ImportRow }[] = [];
  items.forEach((item, index) => {
    const check = checkImportRow(item);
    if (!check.ok) return result.rejected.push({ index, jobId: check.jobId, reason: check.reason });
    const earlier = firstSeen.get(check.row.job_id);
    if (earlier !== undefined) return result.rejected.push({ index, jobId: check.row.job_id, reason: `the same job_id as row ${earlier} of this file` });
    firstSeen.set(check.row.job_id, index);
    valid.push({ index, row: check.row });
  });

  const j = feedTable(ctx, feed);
  const p = ctx.t.job_postings;
  const defaults = feed === "remote" ? { job_is_remote: true } : feed === "part-time" ? { job_employment_type: "Part-time" } : {};
  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const ids = batch.map((b) => b.row.job_id);
    const outcome = await withTx(ctx, async (tx) => {
      const posts = await tx.db.select({ id: p.job_id }).from(p).where(and(eq(p.feed, feed), inArray(p.job_id, ids)));
      const ladder = await tx.db.select({ id: j.job_id }).from(j).where(and(inArray(j.job_id, ids), isNotNull(j.posted_by), ne(j.posted_by, "external")));
      const existing = await tx.db.select({ id: j.job_id }).from(j).where(inArray(j.job_id, ids));
      const protectedIds = new Set([...posts, ...ladder].map((r) => r.id));
      const existingIds = new Set(existing.map((r) => r.id));
      const write = batch.filter((b) => !protectedIds.has(b.row.job_id));
      if (write.length > 0) {
        await tx.db
          .insert(j)
          .values(
            write.map(({ row }) => {
              const posted = row.job_posted_at_datetime_utc;
              return {
                ...row,
                job_is_remote: row.job_is_remote ?? (defaults.job_is_remote ?? null),
                job_employment_type: row.job_employment_type ?? (defaults.job_employment_type ?? null),
                searchedat: now,
                posted_by: "external" as const,
                posted_by_user_id: null,
                created_at: posted && posted.getTime() <= now.getTime() ? posted : now,
              };
            }),
          )
          .onConflictDoUpdate({
            target: j.job_id,
            set: {
              job_title: sql`excluded.job_title`,
              employer_name: sql`excluded.employer_name`,
              employer_logo: sql`excluded.employer_logo`,
              job_city: sql`excluded.job_city`,
              job_state: sql`excluded.job_state`,
              job_country: sql`excluded.job_country`,
              job_posted_at_datetime_utc: sql`excluded.job_posted_at_datetime_utc`,
              job_apply_link: sql`excluded.job_apply_link`,
              job_employment_type: sql`excluded.job_employment_type`,
              job_description: sql`excluded.job_description`,
              job_is_remote: sql`excluded.job_is_remote`,
              job_min_salary: sql`excluded.job_min_salary`,
              job_max_salary: sql`excluded.job_max_salary`,
              job_salary_period: sql`excluded.job_salary_period`,
              searchedat: sql`excluded.searchedat`,
              // A new posting time moves the job in the feeds; without one it keeps its place.
              created_at: sql`case when excluded.job_posted_at_datetime_utc is null then ${j.created_at} else excluded.created_at end`,
            },
            // Belt and braces for a row that became a Ladder post since the check above.
            setWhere: sql`${j.posted_by} is null or ${j.posted_by} = 'external'`,
          });
      }
      return { protectedIds, existingIds };
    });
    for (const b of batch) {
      if (outcome.protectedIds.has(b.row.job_id)) result.rejected.push({ index: b.index, jobId: b.row.job_id, reason: "this job_id is a job posted in Ladder; imports never overwrite it" });
      else if (outcome.existingIds.has(b.row.job_id)) result.updated++;
      else result.inserted++;
    }
  }
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}
