/**
 * Signed keyset cursors of the hiring lists (own key). The applications of a job use the admin
 * format (createdAt, application id); the jobs of /hiring are keyed by (created_at, feed, job_id),
 * and job ids are not uuids, so they get their own small signed format.
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor, type Position } from "~/modules/admin/cursor";
import { FEED_SLUGS, isFeedSlug, isJobId, type FeedSlug } from "~/modules/jobs/feeds";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`hiring-cursor:${env().SESSION_SECRET}`).digest("base64url"));

/** The scope names the job, so a cursor of one job's list is refused by another's. */
export const toApplicationsCursor = (position: Position, scope: string) => encodeCursor(position, cursorKey(), `applications:${scope}`);

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromApplicationsCursor(raw: string | null, scope: string): Position | null | undefined {
  if (raw === null || raw === "") return undefined;
  return decodeCursor(raw, cursorKey(), `applications:${scope}`);
}

export interface JobPosition {
  at: number;
  feed: FeedSlug;
  jobId: string;
}

const tag = (payload: string) => crypto.createHmac("sha256", cursorKey()).update(`jobs:${payload}`).digest("base64url").slice(0, 16);

export function toJobsCursor(position: JobPosition): string {
  const payload = JSON.stringify([position.at, FEED_SLUGS.indexOf(position.feed), position.jobId]);
  return `${Buffer.from(payload).toString("base64url")}.${tag(payload)}`;
}

export function fromJobsCursor(raw: string | null): JobPosition | null | undefined {
  if (raw === null || raw === "") return undefined;
  if (raw.length > 300) return null;
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return null;
  const encoded = raw.slice(0, dot);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  const expected = tag(payload);
  const sent = raw.slice(dot + 1);
  if (sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return null;
  try {
    const [at, feedIndex, jobId] = JSON.parse(payload) as unknown[];
    const feed = FEED_SLUGS[Number(feedIndex)];
    if (typeof at !== "number" || !Number.isSafeInteger(at) || !isFeedSlug(feed) || !isJobId(jobId)) return null;
    return { at, feed, jobId };
  } catch {
    return null;
  }
}
