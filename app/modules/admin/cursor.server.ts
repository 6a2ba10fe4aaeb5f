/** Cursors of the admin lists (members, premium requests, API access requests). */
import { createPositionCursor } from "~/lib/cursor.server";

export const adminCursor = createPositionCursor<"members" | "premium" | "api-access">("admin");
