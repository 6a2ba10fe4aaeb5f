/** Cursors of /applications (every application has a date). */
import { decodeDatedPosition, encodePosition } from "~/lib/cursor";
import { createCursor } from "~/lib/cursor.server";
import type { ApplicationPosition } from "./applications.server";

export const applicationsCursor = createCursor<ApplicationPosition, "my-applications">({ name: "applications", encode: encodePosition, decode: decodeDatedPosition });
