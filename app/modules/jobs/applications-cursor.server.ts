/** Signed keyset cursors for /applications (same format as the admin lists, own key and scope). */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { decodeCursor, encodeCursor } from "~/modules/admin/cursor";
import type { ApplicationPosition } from "./applications.server";

let key: string | undefined;
const cursorKey = () => (key ??= crypto.createHash("sha256").update(`applications-cursor:${env().SESSION_SECRET}`).digest("base64url"));

export const toApplicationsCursor = (position: ApplicationPosition) => encodeCursor(position, cursorKey(), "my-applications");

/** undefined: no cursor (first page); null: broken or tampered. */
export function fromApplicationsCursor(raw: string | null): ApplicationPosition | null | undefined {
  if (raw === null || raw === "") return undefined;
  const position = decodeCursor(raw, cursorKey(), "my-applications");
  return position && position.at !== null ? { at: position.at, id: position.id } : null;
}
