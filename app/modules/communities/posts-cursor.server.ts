/** The community page's keyset cursor over posts, newest first (created_at, id). */
import { createPositionCursor } from "~/lib/cursor.server";

export const communityPostsCursor = createPositionCursor<"posts">("community-posts");
