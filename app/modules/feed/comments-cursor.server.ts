/** The post page's keyset cursor over comments, oldest first (created_at, id). */
import { createPositionCursor } from "~/lib/cursor.server";

export const feedCommentsCursor = createPositionCursor<"comments">("feed-comments");
