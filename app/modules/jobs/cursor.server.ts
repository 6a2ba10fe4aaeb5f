/**
 * Cursors of the job feeds: the position after the last job shown (created_at, job_id), scoped by
 * feed. Job ids are not UUIDs (imported ids are any text up to 32 characters), so the payload is
 * JSON.
 */
import { createCursor } from "~/lib/cursor.server";
import { JOB_ID_MAX, type FeedSlug } from "./feeds";

export interface JobPosition {
  /** created_at in epoch milliseconds. */
  at: number;
  id: string;
}

export const jobCursor = createCursor<JobPosition, FeedSlug>({
  name: "jobs",
  encode: (position) => JSON.stringify([position.at, position.id]),
  decode(payload) {
    try {
      const [at, id, ...rest] = JSON.parse(payload) as unknown[];
      if (rest.length > 0 || typeof at !== "number" || !Number.isSafeInteger(at)) return null;
      if (typeof id !== "string" || id.length === 0 || id.length > JOB_ID_MAX) return null;
      return { at, id };
    } catch {
      return null;
    }
  },
});
