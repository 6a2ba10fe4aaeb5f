/** Cursors of the network lists. */
import { createPositionCursor } from "~/lib/cursor.server";

export const networkCursor = createPositionCursor<"connections" | "incoming" | "outgoing" | "notifications" | "people">("network");
