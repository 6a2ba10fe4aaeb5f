/**
 * Keyset cursors for the admin lists: the position after the last row shown (createdAt, id),
 * as an opaque string in a "Next page" link. The cursor carries an HMAC tag, so a changed or
 * made-up cursor is refused (the page answers 400) instead of reaching the query. Pure: the key
 * is passed in (see cursor.server.ts).
 */
import crypto from "node:crypto";
import { isUuid } from "~/lib/ids";

export interface Position {
  /** createdAt in epoch milliseconds; null for rows without a date (they come last). */
  at: number | null;
  id: string;
}

const TAG_LENGTH = 16;

const tag = (key: string, scope: string, payload: string) =>
  crypto.createHmac("sha256", key).update(`${scope}:${payload}`).digest("base64url").slice(0, TAG_LENGTH);

/** `scope` names the list, so a cursor of one list is refused by another. */
export function encodeCursor(position: Position, key: string, scope: string): string {
  const payload = `${position.at === null ? "n" : position.at.toString(36)}.${position.id}`;
  return `${Buffer.from(payload).toString("base64url")}.${tag(key, scope, payload)}`;
}

/** The position, or null when the cursor is malformed, tampered with or from another list. */
export function decodeCursor(cursor: string, key: string, scope: string): Position | null {
  if (cursor.length > 200) return null;
  const dot = cursor.lastIndexOf(".");
  if (dot <= 0) return null;
  const encoded = cursor.slice(0, dot);
  const sent = cursor.slice(dot + 1);
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return null;
  const payload = Buffer.from(encoded, "base64url").toString("utf8");
  // Only the canonical encoding: base64 has spare bits, so two strings could decode alike.
  if (Buffer.from(payload).toString("base64url") !== encoded) return null;
  const expected = tag(key, scope, payload);
  if (sent.length !== expected.length || !crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) return null;
  const [at, id, ...rest] = payload.split(".");
  if (rest.length > 0 || !id || !isUuid(id)) return null;
  if (at === "n") return { at: null, id };
  if (!/^[0-9a-z]{1,12}$/.test(at)) return null;
  const ms = parseInt(at, 36);
  if (!Number.isSafeInteger(ms) || Number.isNaN(new Date(ms).getTime())) return null;
  return { at: ms, id };
}
