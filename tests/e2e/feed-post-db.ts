/**
 * Feed posts written straight into the browser tests' SQLite file (data/e2e[-offset].db), as the
 * app writes them (comments counted in comments_count), for the stories of the post page, whose
 * writing page is another part of issue 17. Also a member's anonymous name, as /settings/profile
 * saves it.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { E2E_DB_FILE } from "./community-db";

function open() {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 5000");
  return db;
}

export function setAnonymousNameInE2eDb(userId: string, name: string, picture = "falcon"): void {
  const db = open();
  try {
    db.prepare('update "User" set anonymous_username = ?, anonymous_avatar = ? where id = ?').run(name, picture, userId);
  } finally {
    db.close();
  }
}

export function makeFeedPostInE2eDb(input: {
  authorId: string;
  content: string;
  companyName?: string | null;
  industry?: string | null;
  topic?: "company_culture" | "workplace_issues" | "career_advice" | "general";
  isAnonymous?: boolean;
  imageKey?: string | null;
  /** Comments to add, oldest first (anonymous unless said otherwise). */
  comments?: { authorId: string; content: string; isAnonymous?: boolean }[];
}): { postId: string; commentIds: string[] } {
  const db = open();
  try {
    const postId = randomUUID();
    const commentIds: string[] = [];
    const comments = input.comments ?? [];
    const now = Date.now();
    const created = now - 60_000 * (comments.length + 10);
    db.transaction(() => {
      db.prepare(
        "insert into anonymous_post (id, user_id, content, image_url, is_anonymous, company_name, industry, topic, likes_count, comments_count, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
      ).run(postId, input.authorId, input.content, input.imageKey ?? null, input.isAnonymous === false ? 0 : 1, input.companyName ?? null, input.industry ?? null, input.topic ?? "general", comments.length, created, created);
      comments.forEach((comment, i) => {
        const id = randomUUID();
        commentIds.push(id);
        const at = created + 60_000 * (i + 1);
        db.prepare("insert into anonymous_comment (id, post_id, user_id, content, is_anonymous, likes_count, created_at, updated_at) values (?, ?, ?, ?, ?, 0, ?, ?)").run(
          id,
          postId,
          comment.authorId,
          comment.content,
          comment.isAnonymous === false ? 0 : 1,
          at,
          at,
        );
      });
    })();
    return { postId, commentIds };
  } finally {
    db.close();
  }
}
