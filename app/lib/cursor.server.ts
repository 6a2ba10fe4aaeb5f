/**
 * One factory for every area's keyset cursors (the format is in cursor.ts): each kind of cursor
 * gets its own key, derived from SESSION_SECRET and the kind's name, its scopes, and the area's
 * own payload (most lists use the (createdAt, id) position of cursor.ts).
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodePosition, encodePosition, type Position, signCursor, verifyCursor } from "./cursor";

export interface Cursor<T, S extends string> {
  to(position: T, scope: S): string;
  /** undefined: no cursor (the first page); null: broken, tampered with or from another list. */
  from(raw: string | null, scope: S): T | null | undefined;
}

export function createCursor<T, S extends string>(kind: { name: string; encode(position: T): string; decode(payload: string): T | null }): Cursor<T, S> {
  let key: string | undefined;
  const keyOf = () => (key ??= crypto.createHash("sha256").update(`${kind.name}-cursor:${env().SESSION_SECRET}`).digest("base64url"));
  return {
    to: (position, scope) => signCursor(kind.encode(position), keyOf(), scope),
    from(raw, scope) {
      if (raw === null || raw === "") return undefined;
      const payload = verifyCursor(raw, keyOf(), scope);
      return payload === null ? null : kind.decode(payload);
    },
  };
}

/** A cursor over (createdAt, id) positions, the kind most lists use. */
export const createPositionCursor = <S extends string>(name: string) => createCursor<Position, S>({ name, encode: encodePosition, decode: decodePosition });

/** The 400 for a page link whose cursor is broken or from another list, saying where to start again. */
export const brokenPageLink = (startFrom: string) => new Response(`This page link is broken or was changed. Start again from ${startFrom}.`, { status: 400 });
