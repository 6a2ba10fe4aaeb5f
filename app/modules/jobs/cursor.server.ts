/**
 * Signed keyset cursors for the job feeds: the position after the last job shown (created_at,
 * job_id). Job ids are not UUIDs (imported ids are any text up to 32 characters), so the id is
 * carried base64url-encoded; the HMAC tag and the feed as scope work as in ~/modules/admin/cursor.
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { JOB_ID_MAX, type FeedSlug } from "./feeds";

export interface JobPosition {
  /** created_at in epoch milliseconds. */
  at: number;
  id: string;
}

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`jobs-cursor:${env().SESSION_SECRET}`).digest("base64url"));
const tag = (scope: string, payload: string) => crypto.createHmac("sha256", cursorKey()).update(`${scope}:${payload}`).digest("base64url").slice(0, 16);

export function toJobCursor(position: JobPosition, feed: FeedSlug): string {
  const payload = `${position.at.toString(36)}.${Buffer.from(position.id).toString("base64url")}`;
  return `${payload}.${tag(feed, payload)}`;
}

/** undefined: no cursor (first page); null: broken, tampered with or from another feed. */
export function fromJobCursor(raw: string | null, feed: FeedSlug): JobPosition | null | undefined {
  if (raw === null || raw === "") return undefined;
  if (raw.length > 120) return null;
  const parts = raw.split(".");
  if (parts.length !== 3) return null;
  const [at, id64, sent] = parts;
  if (!/^-?[0-9a-z]{1,12}$/.test(at) || !/^[A-Za-z0-9_-]+$/.test(id64)) return null;
  const payload = `${at}.${id64}`;
  const expected = tag(feed, payload);
  if (sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return null;
  const ms = parseInt(at, 36);
  const id = Buffer.from(id64, "base64url").toString("utf8");
  if (!Number.isSafeInteger(ms) || id.length === 0 || id.length > JOB_ID_MAX) return null;
  return { at: ms, id };
}
