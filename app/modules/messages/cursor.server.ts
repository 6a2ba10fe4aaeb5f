/** Signed keyset cursors for the message lists (same format as the network lists, own key). */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor, type Position } from "~/modules/admin/cursor";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`messages-cursor:${env().SESSION_SECRET}`).digest("base64url"));

/** conversations: /messages; older: a conversation's older pages; newer: the polling route. */
export type MessagesCursorScope = "conversations" | "older" | "newer";

export const toCursor = (position: Position, scope: MessagesCursorScope) => encodeCursor(position, cursorKey(), scope);

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromCursor(raw: string | null, scope: MessagesCursorScope): Position | null | undefined {
  if (raw === null || raw === "") return undefined;
  return decodeCursor(raw, cursorKey(), scope);
}
