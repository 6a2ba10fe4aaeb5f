/**
 * Signed keyset cursors for the posting lists (/jobs/mine, /jobs/review) and /jobs/saved: the position after the
 * last row shown, (created_at, job_id, feed). A changed or made-up cursor is refused (the page
 * answers 400) instead of reaching the query; job ids are not UUIDs, so this is its own format.
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { isFeedSlug, isJobId } from "./feeds";
import type { JobPosition } from "./posting.server";

export type PostingCursorScope = "my-posts" | "review" | "saved-jobs";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`job-posting-cursor:${env().SESSION_SECRET}`).digest("base64url"));
const tag = (scope: string, payload: string) => crypto.createHmac("sha256", cursorKey()).update(`${scope}:${payload}`).digest("base64url").slice(0, 16);

export function toPostingCursor(position: JobPosition, scope: PostingCursorScope): string {
  const payload = JSON.stringify([position.at, position.jobId, position.feed]);
  return `${Buffer.from(payload).toString("base64url")}.${tag(scope, payload)}`;
}

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromPostingCursor(raw: string | null, scope: PostingCursorScope): JobPosition | null | undefined {
  if (raw === null || raw === "") return undefined;
  if (raw.length > 300) return null;
  const dot = raw.lastIndexOf(".");
  if (dot <= 0) return null;
  const encoded = raw.slice(0, dot);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  if (Buffer.from(payload).toString("base64url") !== encoded) return null;
  const sent = raw.slice(dot + 1);
  const expected = tag(scope, payload);
  if (sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return null;
  try {
    const [at, jobId, feed] = JSON.parse(payload) as unknown[];
    if (typeof at !== "number" || !Number.isSafeInteger(at) || !isJobId(jobId) || !isFeedSlug(feed)) return null;
    return { at, jobId, feed };
  } catch {
    return null;
  }
}
