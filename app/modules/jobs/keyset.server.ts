/**
 * The shape of a newest-first keyset page, shared by the job feeds (feed.server.ts) and the saved
 * jobs list (saved.server.ts): the position condition, the columns of a job card read from a feed
 * table, and the page cut from `size + 1` rows (the extra row only says there is a next page).
 */
import { and, eq, lt, or, type Column, type SQL } from "drizzle-orm";
import type { feedTable } from "./jobs.server";

/**
 * Rows that come after a position in a descending order on several columns, most significant
 * first: `a < x or (a = x and (b < y or (b = y and c < z)))`, which the (a, b, c) index reads as
 * one range.
 */
export function before(keys: ReadonlyArray<readonly [Column, unknown]>): SQL | undefined {
  const [[column, value], ...rest] = keys;
  if (rest.length === 0) return lt(column, value);
  return or(lt(column, value), and(eq(column, value), before(rest)));
}

/** What every job list shows of a job, from its feed table. */
export function jobCardColumns(j: ReturnType<typeof feedTable>) {
  return {
    jobId: j.job_id,
    title: j.job_title,
    employer: j.employer_name,
    city: j.job_city,
    country: j.job_country,
    remote: j.job_is_remote,
  };
}

/** A page of at most `size` rows out of `size + 1` read, and its last row when a next page exists. */
export function cutPage<T>(rows: T[], size: number): { page: T[]; lastBeforeMore: T | null } {
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return { page, lastBeforeMore: rows.length > size && last ? last : null };
}
