/**
 * The keyset cursors of /feed (decision 037): newest first on (created_at, id), and "Top this
 * week" on (likes_count, id) with the week's start carried along, so the pages after the first
 * read the same seven days as the first did.
 */
import { createCursor, createPositionCursor } from "~/lib/cursor.server";
import { isUuid } from "~/lib/ids";

export const feedCursor = createPositionCursor<"feed">("feed");

/** The last row of a "Top this week" page and the start of its week (epoch ms). */
export interface TopPosition {
  likes: number;
  id: string;
  since: number;
}

const BASE36 = /^[0-9a-z]{1,12}$/;

export const topCursor = createCursor<TopPosition, "feed-top">({
  name: "feed-top",
  encode: (p) => `${p.likes.toString(36)}.${p.since.toString(36)}.${p.id}`,
  decode(payload) {
    const [likes, since, id, ...rest] = payload.split(".");
    if (rest.length > 0 || !id || !isUuid(id) || !BASE36.test(likes ?? "") || !BASE36.test(since ?? "")) return null;
    const position = { likes: parseInt(likes, 36), since: parseInt(since, 36), id };
    return Number.isSafeInteger(position.likes) && Number.isSafeInteger(position.since) ? position : null;
  },
});
