/** The key that signs the admin lists' cursors, derived from SESSION_SECRET. */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor, type Position } from "./cursor";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`admin-cursor:${env().SESSION_SECRET}`).digest("base64url"));

export type CursorScope = "members" | "premium" | "api-access";

export const toCursor = (position: Position, scope: CursorScope) => encodeCursor(position, cursorKey(), scope);

/** undefined: no cursor (the first page); null: a broken or tampered cursor. */
export function fromCursor(raw: string | null, scope: CursorScope): Position | null | undefined {
  if (raw === null || raw === "") return undefined;
  return decodeCursor(raw, cursorKey(), scope);
}
