/**
 * Keyset cursors, the pure part: the position after the last row shown, signed into an opaque
 * string for a "Next page" link, so that a changed or made-up cursor is refused (the page answers
 * 400) instead of reaching a query. Wire format: base64url(payload) "." tag, where the tag is the
 * first 16 base64url characters of HMAC-SHA256(key, scope ":" payload); the scope names the list,
 * so one list's cursor is refused by another. Keys and areas: cursor.server.ts (createCursor).
 */
import crypto from "node:crypto";
import { isUuid } from "./ids";

const TAG_LENGTH = 16;
/** Longer than any cursor Ladder makes (a job id is at most 32 characters). */
const CURSOR_MAX = 300;

const tag = (key: string, scope: string, payload: string) =>
  crypto.createHmac("sha256", key).update(`${scope}:${payload}`).digest("base64url").slice(0, TAG_LENGTH);

export function signCursor(payload: string, key: string, scope: string): string {
  return `${Buffer.from(payload).toString("base64url")}.${tag(key, scope, payload)}`;
}

/** The payload, or null when the cursor is malformed, tampered with or from another list. */
export function verifyCursor(cursor: string, key: string, scope: string): string | null {
  if (cursor.length > CURSOR_MAX) return null;
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
  return payload;
}

/** The position of most lists: (createdAt, id), newest first. */
export interface Position {
  /** createdAt in epoch milliseconds; null for rows without a date (they come last). */
  at: number | null;
  id: string;
}

export function encodePosition(position: Position): string {
  return `${position.at === null ? "n" : position.at.toString(36)}.${position.id}`;
}

export function decodePosition(payload: string): Position | null {
  const [at, id, ...rest] = payload.split(".");
  if (rest.length > 0 || !id || !isUuid(id)) return null;
  if (at === "n") return { at: null, id };
  if (!/^[0-9a-z]{1,12}$/.test(at)) return null;
  const ms = parseInt(at, 36);
  if (!Number.isSafeInteger(ms) || Number.isNaN(new Date(ms).getTime())) return null;
  return { at: ms, id };
}

/** A position whose rows always have a date (documents, applications). */
export function decodeDatedPosition(payload: string): { at: number; id: string } | null {
  const position = decodePosition(payload);
  return position && position.at !== null ? { at: position.at, id: position.id } : null;
}

export const encodeCursor = (position: Position, key: string, scope: string) => signCursor(encodePosition(position), key, scope);

export function decodeCursor(cursor: string, key: string, scope: string): Position | null {
  const payload = verifyCursor(cursor, key, scope);
  return payload === null ? null : decodePosition(payload);
}
