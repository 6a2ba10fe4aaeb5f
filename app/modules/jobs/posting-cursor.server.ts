/**
 * Cursors of the posting lists (/jobs/mine, /jobs/review) and /jobs/saved: (created_at, job_id,
 * feed). Job ids are not UUIDs, so the payload is JSON.
 */
import { createCursor } from "~/lib/cursor.server";
import { isFeedSlug, isJobId } from "./feeds";
import type { JobPosition } from "./posting.server";

export const postingCursor = createCursor<JobPosition, "my-posts" | "review" | "saved-jobs">({
  name: "job-posting",
  encode: (position) => JSON.stringify([position.at, position.jobId, position.feed]),
  decode(payload) {
    try {
      const [at, jobId, feed] = JSON.parse(payload) as unknown[];
      if (typeof at !== "number" || !Number.isSafeInteger(at) || !isJobId(jobId) || !isFeedSlug(feed)) return null;
      return { at, jobId, feed };
    } catch {
      return null;
    }
  },
});
