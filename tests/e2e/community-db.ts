/**
 * A community written straight into the browser tests' SQLite file (data/e2e[-offset].db), as
 * the app makes one: the creator an approved member and its first moderator, the member count
 * kept. For the stories about the community page and its posts, which need a community before
 * the pages that create one and decide requests are in the same branch; those stories (see
 * communities.spec.ts when it lands) go through the pages.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";

const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
export const E2E_DB_FILE = `data/e2e${OFFSET ? `-${OFFSET}` : ""}.db`;

/** The SQLite file of the second test server, the one without an OpenAI key (playwright.config.ts OFFLINE_PORT). */
export const E2E_OFFLINE_DB_FILE = `data/e2e-offline${OFFSET ? `-${OFFSET}` : ""}.db`;

/** Runs `fn` in one transaction on the browser tests' SQLite file (the server has it open too). */
export function withE2eDb<T>(fn: (db: Database.Database) => T, file = E2E_DB_FILE): T {
  const db = new Database(file);
  db.pragma("busy_timeout = 5000");
  try {
    return db.transaction(() => fn(db))();
  } finally {
    db.close();
  }
}

export function makeCommunityInE2eDb(input: {
  name: string;
  description: string;
  creatorId: string;
  members: string[];
  /** Posts to add, oldest first, written by the creator; an event when `startsAt` is given. */
  posts?: { content: string; startsAt?: Date; place?: string }[];
}): string {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 5000");
  try {
    const id = randomUUID();
    const now = Date.now();
    db.transaction(() => {
      db.prepare("insert into communities (id, name, description, created_by, created_at) values (?, ?, ?, ?, ?)").run(id, input.name, input.description, input.creatorId, now);
      for (const userId of [input.creatorId, ...input.members]) {
        db.prepare("insert into community_memberships (id, community_id, user_id, status, joined_at) values (?, ?, ?, 'approved', ?)").run(randomUUID(), id, userId, now);
      }
      db.prepare("insert into community_moderators (community_id, user_id, appointed_at) values (?, ?, ?)").run(id, input.creatorId, now);
      db.prepare("insert into community_stats (community_id, members) values (?, ?)").run(id, 1 + input.members.length);
      (input.posts ?? []).forEach((post, i) => {
        const postId = randomUUID();
        const type = post.startsAt ? "event" : "update";
        db.prepare("insert into community_posts (id, community_id, user_id, content, type, created_at) values (?, ?, ?, ?, ?, ?)").run(postId, id, input.creatorId, post.content, type, now - 60_000 * (100 - i));
        if (post.startsAt) {
          db.prepare("insert into community_events (post_id, community_id, starts_at, place) values (?, ?, ?, ?)").run(postId, id, post.startsAt.getTime(), post.place ?? null);
        }
      });
    })();
    return id;
  } finally {
    db.close();
  }
}

/**
 * Uses up a rate limit's current window for `key` in the browser tests' database, as `limit`
 * earlier writes would have (app/services/rate-limit.server.ts: fixed windows from the epoch).
 */
export function useUpLimitInE2eDb(key: string, limit: { limit: number; windowMs: number }): void {
  const windowStart = Math.floor(Date.now() / limit.windowMs) * limit.windowMs;
  withE2eDb((db) =>
    db
      .prepare("insert into rate_limit_buckets (key, window_start, hits) values (?, ?, ?) on conflict (key, window_start) do update set hits = excluded.hits")
      .run(key, windowStart, limit.limit),
  );
}
