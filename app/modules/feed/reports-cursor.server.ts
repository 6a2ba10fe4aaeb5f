/** The keyset cursor of the feed's reports queue (decision 037): the (created_at, id) of a row's oldest open report. */
import { createPositionCursor } from "~/lib/cursor.server";

export const reportsCursor = createPositionCursor<"queue">("feed-reports");
