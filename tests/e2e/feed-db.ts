/**
 * Feed posts written straight into the browser tests' SQLite file (data/e2e[-offset].db), for the
 * page-weight check of a full feed page: many long posts, with images (lite mode shows a link), by
 * one member so their edit and delete pages are theirs to open. No likes or comments: counters stay
 * equal to their rows.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DB_FILE } from "./community-db";

export function makeFeedPostsInE2eDb(input: {
  userId: string;
  /** Oldest first; each gets a minute after the one before. */
  posts: { content: string; topic: string; company?: string; industry?: string; image?: boolean; anonymous?: boolean }[];
}): string[] {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 5000");
  try {
    const ids: string[] = [];
    const now = Date.now();
    db.transaction(() => {
      input.posts.forEach((post, i) => {
        const id = randomUUID();
        const at = now - 60_000 * (input.posts.length - i);
        // An image key the app could have made: no file behind it (lite mode only links it).
        const image = post.image ? `feed-${randomUUID().replace(/-/g, "")}.webp` : null;
        db.prepare(
          "insert into anonymous_post (id, user_id, content, image_url, is_anonymous, company_name, industry, topic, likes_count, comments_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        ).run(id, input.userId, post.content, image, post.anonymous === false ? 0 : 1, post.company ?? null, post.industry ?? null, post.topic, 0, 0, at, at);
        ids.push(id);
      });
    })();
    return ids;
  } finally {
    db.close();
  }
}
