/** Cursors of the message lists: conversations (/messages), a conversation's older pages, and the polling route's newer ones. */
import { createPositionCursor } from "~/lib/cursor.server";

export const messagesCursor = createPositionCursor<"conversations" | "older" | "newer">("messages");
