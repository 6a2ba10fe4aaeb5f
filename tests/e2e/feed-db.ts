/**
 * Feed rows written straight into the browser tests' SQLite file (data/e2e[-offset].db), as the
 * app writes them (counters equal to the rows), for the anonymity crawl (feed-anonymity.spec.ts),
 * which needs an author with posts of both kinds, comments, a like and reports before it reads
 * every page. The stories about writing, liking and reporting go through the pages. And, for the
 * page-weight check of a full feed page, many long posts by one member (makeFeedPostsInE2eDb).
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DB_FILE, withE2eDb as withDb } from "./community-db";


/** The member's anonymous name and picture (what /settings/profile saves), and an avatar file key. */
export function setAnonymousIdentityInE2eDb(userId: string, anonymousName: string, picture: string, avatarUrl: string | null): void {
  withDb((db) => db.prepare('update "User" set anonymous_username = ?, anonymous_avatar = ?, "avatarUrl" = ? where id = ?').run(anonymousName, picture, avatarUrl, userId));
}

export function makeFeedPostInE2eDb(post: {
  userId: string;
  content: string;
  anonymous: boolean;
  topic: "company_culture" | "workplace_issues" | "career_advice" | "general";
  company?: string;
  industry?: string;
  imageKey?: string;
  /** minutes before now (default 1) */
  minutesAgo?: number;
}): string {
  const id = randomUUID();
  const at = Date.now() - 60_000 * (post.minutesAgo ?? 1);
  withDb((db) =>
    db
      .prepare(
        "insert into anonymous_post (id, user_id, content, image_url, is_anonymous, company_name, industry, topic, likes_count, comments_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)",
      )
      .run(id, post.userId, post.content, post.imageKey ?? null, post.anonymous ? 1 : 0, post.company ?? null, post.industry ?? null, post.topic, at, at),
  );
  return id;
}

/** A comment, with its post's comments_count kept equal to the rows. */
export function makeFeedCommentInE2eDb(comment: { postId: string; userId: string; content: string; anonymous: boolean }): string {
  const id = randomUUID();
  const at = Date.now();
  withDb((db) => {
    db.prepare("insert into anonymous_comment (id, post_id, user_id, content, is_anonymous, likes_count, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)").run(id, comment.postId, comment.userId, comment.content, comment.anonymous ? 1 : 0, at, at);
    db.prepare("update anonymous_post set comments_count = comments_count + 1 where id = ?").run(comment.postId);
  });
  return id;
}

/** An open report by `reporterId` on a post or a comment. */
export function reportInE2eDb(report: { postId?: string; commentId?: string; reporterId: string; reason: string; details?: string }): string {
  const id = randomUUID();
  withDb((db) =>
    db
      .prepare("insert into anonymous_reports (id, post_id, comment_id, reporter_id, reason, details, status, created_at) values (?, ?, ?, ?, ?, ?, 'open', ?)")
      .run(id, report.postId ?? null, report.commentId ?? null, report.reporterId, report.reason, report.details ?? null, Date.now()),
  );
  return id;
}

/** What the app wrote: the anonymous comments by `userId` on a post, and whether `userId` likes a post. */
export function feedRowsInE2eDb(userId: string, postId: string): { comments: { id: string; anonymous: boolean }[]; likes: boolean } {
  const db = new Database(E2E_DB_FILE, { readonly: true });
  try {
    const comments = db.prepare("select id, is_anonymous as anonymous from anonymous_comment where user_id = ? and post_id = ?").all(userId, postId) as { id: string; anonymous: number }[];
    const like = db.prepare("select 1 from anonymous_post_like where user_id = ? and post_id = ?").get(userId, postId);
    return { comments: comments.map((c) => ({ id: c.id, anonymous: c.anonymous === 1 })), likes: like !== undefined };
  } finally {
    db.close();
  }
}

/**
 * Many long posts with images (lite mode shows a link), by one member so their edit and delete
 * pages are theirs to open. No likes or comments: counters stay equal to their rows.
 */
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
