/** Cursors of /documents (every document has a date). */
import { decodeDatedPosition, encodePosition } from "~/lib/cursor";
import { createCursor } from "~/lib/cursor.server";
import type { Position } from "./documents.server";

export const documentsCursor = createCursor<Position, "documents">({ name: "documents", encode: encodePosition, decode: decodeDatedPosition });
