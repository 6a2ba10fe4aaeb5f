/**
 * Cursors of the hiring lists: a job's applications, scoped by the job (`applications:<feed>:<id>`),
 * and the jobs of /hiring, keyed by (created_at, feed, job_id); job ids are not UUIDs, so that
 * payload is JSON.
 */
import { createCursor, createPositionCursor } from "~/lib/cursor.server";
import { FEED_SLUGS, type FeedSlug, isFeedSlug, isJobId } from "~/modules/jobs/index.server";

export const hiringApplicationsCursor = createPositionCursor<`applications:${string}`>("hiring");

export interface JobPosition {
  at: number;
  feed: FeedSlug;
  jobId: string;
}

export const hiringJobsCursor = createCursor<JobPosition, "jobs">({
  name: "hiring",
  encode: (position) => JSON.stringify([position.at, FEED_SLUGS.indexOf(position.feed), position.jobId]),
  decode(payload) {
    try {
      const [at, feedIndex, jobId] = JSON.parse(payload) as unknown[];
      const feed = FEED_SLUGS[Number(feedIndex)];
      if (typeof at !== "number" || !Number.isSafeInteger(at) || !isFeedSlug(feed) || !isJobId(jobId)) return null;
      return { at, feed, jobId };
    } catch {
      return null;
    }
  },
});

/** The archive's cards, keyed by (created_at, card_id); card ids are integers. One scope per search. */
export const archiveCursor = createCursor<{ at: number; id: number }, `archive:${string}`>({
  name: "hiring-archive",
  encode: (position) => `${position.at.toString(36)}.${position.id.toString(36)}`,
  decode(payload) {
    const [at, id, ...rest] = payload.split(".");
    if (rest.length > 0 || !at || !id || !/^[0-9a-z]{1,12}$/.test(at) || !/^[0-9a-z]{1,8}$/.test(id)) return null;
    const position = { at: parseInt(at, 36), id: parseInt(id, 36) };
    return Number.isSafeInteger(position.at) && Number.isSafeInteger(position.id) && position.id > 0 ? position : null;
  },
});
