/** Signed keyset cursors for /documents (same format as the admin lists, own key and scope). */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor } from "~/modules/admin/cursor";
import type { Position } from "./documents.server";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`documents-cursor:${env().SESSION_SECRET}`).digest("base64url"));

export const toDocumentsCursor = (position: Position) => encodeCursor(position, cursorKey(), "documents");

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromDocumentsCursor(raw: string | null): Position | null | undefined {
  if (raw === null || raw === "") return undefined;
  const position = decodeCursor(raw, cursorKey(), "documents");
  return position && position.at !== null ? { at: position.at, id: position.id } : null;
}
