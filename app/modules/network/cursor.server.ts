/** Signed keyset cursors for the network lists (same format as the admin lists, own key). */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor, type Position } from "~/modules/admin/cursor";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`network-cursor:${env().SESSION_SECRET}`).digest("base64url"));

export type NetworkCursorScope = "connections" | "incoming" | "outgoing" | "notifications" | "people";

export const toCursor = (position: Position, scope: NetworkCursorScope) => encodeCursor(position, cursorKey(), scope);

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromCursor(raw: string | null, scope: NetworkCursorScope): Position | null | undefined {
  if (raw === null || raw === "") return undefined;
  return decodeCursor(raw, cursorKey(), scope);
}
