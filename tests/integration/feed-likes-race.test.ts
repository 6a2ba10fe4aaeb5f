/**
 * The feed's counters under concurrent calls, on PostgreSQL with a pool of 20 so the calls really
 * run at once (SQLite serialises every write and would pass a naive check-then-write): likes_count
 * and comments_count always equal their rows, and a member's like is one row however often it is
 * sent (issue 17, "Done when").
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createComment } from "../../app/modules/feed/comments.server";
import { setCommentLike, setPostLike } from "../../app/modules/feed/likes.server";
import type { Ctx } from "../../db/client";
import { createMember, type Member } from "../support/app";
import { describePostgres } from "../support/db";
import { anonymousMember, commentCounts, makeFeedComment, makeFeedPost, notesOf, postCounts } from "../support/feed-post";

async function members(ctx: Ctx, count: number): Promise<Member[]> {
  const made: Member[] = [];
  for (let i = 0; i < count; i++) made.push(await createMember(ctx));
  return made;
}

/** 40 calls, like and unlike by turns, from 10 members in a shuffled order (the same order on every run). */
function mixedCalls(people: Member[]): { member: Member; like: boolean }[] {
  const calls = Array.from({ length: 40 }, (_, i) => ({ member: people[i % people.length], like: i % 3 !== 2 }));
  let x = 7;
  for (let i = calls.length - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const j = x % (i + 1);
    [calls[i], calls[j]] = [calls[j], calls[i]];
  }
  return calls;
}

describePostgres(
  "Concurrent likes and comments on a pool of 20",
  (db) => {
    it("50 members liking one post at once give 50 rows, likes_count 50 and one notification saying 50 people", async () => {
      const author = await anonymousMember(db.ctx);
      const post = await makeFeedPost(db.ctx, author.id, { content: "Fifty likes" });
      const people = await members(db.ctx, 50);
      const outcomes = await Promise.all(people.map((member) => setPostLike(db.ctx, member.id, post.id, true)));
      expect(outcomes.every((o) => o.ok && o.liked)).toBe(true);
      expect(await postCounts(db.ctx, post.id)).toMatchObject({ likes: 50, likeRows: 50 });
      const notes = await notesOf(db.ctx, author.id);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ message: "50 people liked your post “Fifty likes”.", relatedUserId: null, isRead: false });
    });

    it("one member sending 20 concurrent likes gives 1 row and likes_count 1", async () => {
      const author = await anonymousMember(db.ctx);
      const post = await makeFeedPost(db.ctx, author.id);
      const [member] = await members(db.ctx, 1);
      const outcomes = await Promise.all(Array.from({ length: 20 }, () => setPostLike(db.ctx, member.id, post.id, true)));
      expect(outcomes.every((o) => o.ok && o.liked)).toBe(true);
      expect(await postCounts(db.ctx, post.id)).toMatchObject({ likes: 1, likeRows: 1 });
      expect(await notesOf(db.ctx, author.id)).toHaveLength(1);
    });

    it("40 mixed concurrent likes and unlikes end with likes_count equal to the rows", async () => {
      const author = await anonymousMember(db.ctx);
      const post = await makeFeedPost(db.ctx, author.id);
      const people = await members(db.ctx, 10);
      // Half of them like it already, so unlikes have rows to take.
      for (const member of people.slice(0, 5)) await setPostLike(db.ctx, member.id, post.id, true);
      const outcomes = await Promise.all(mixedCalls(people).map((call) => setPostLike(db.ctx, call.member.id, post.id, call.like)));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const counts = await postCounts(db.ctx, post.id);
      expect(counts.likes).toBe(counts.likeRows);
      expect(counts.likeRows).toBeLessThanOrEqual(10);
    });

    it("30 concurrent comments give comments_count 30, and the author is told of each", async () => {
      const author = await anonymousMember(db.ctx);
      const post = await makeFeedPost(db.ctx, author.id);
      const people = await members(db.ctx, 15);
      const outcomes = await Promise.all(
        Array.from({ length: 30 }, (_, i) => createComment(db.ctx, people[i % people.length].id, post.id, { content: `Comment ${i}`, is_anonymous: false })),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(30);
      expect(await postCounts(db.ctx, post.id)).toMatchObject({ comments: 30, commentRows: 30 });
      expect(await notesOf(db.ctx, author.id)).toHaveLength(30);
    });

    it("a comment's likes hold the same way: 50 members give 50, one member's 20 give 1, and 40 mixed calls end equal to the rows", async () => {
      const author = await anonymousMember(db.ctx);
      const post = await makeFeedPost(db.ctx, author.id);
      const [many, once, mixed] = [await makeFeedComment(db.ctx, post.id, author.id), await makeFeedComment(db.ctx, post.id, author.id), await makeFeedComment(db.ctx, post.id, author.id)];
      const people = await members(db.ctx, 50);
      await Promise.all(people.map((member) => setCommentLike(db.ctx, member.id, post.id, many.id, true)));
      expect(await commentCounts(db.ctx, many.id)).toEqual({ likes: 50, likeRows: 50 });
      await Promise.all(Array.from({ length: 20 }, () => setCommentLike(db.ctx, people[0].id, post.id, once.id, true)));
      expect(await commentCounts(db.ctx, once.id)).toEqual({ likes: 1, likeRows: 1 });
      for (const member of people.slice(0, 5)) await setCommentLike(db.ctx, member.id, post.id, mixed.id, true);
      const outcomes = await Promise.all(mixedCalls(people.slice(0, 10)).map((call) => setCommentLike(db.ctx, call.member.id, post.id, mixed.id, call.like)));
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const counts = await commentCounts(db.ctx, mixed.id);
      expect(counts.likes).toBe(counts.likeRows);
      // Comment likes tell nobody; the post's own counters did not move.
      expect(await notesOf(db.ctx, author.id)).toEqual([]);
      const { anonymous_post: p } = db.ctx.t;
      const [row] = await db.ctx.db.select({ likes: p.likes_count, comments: p.comments_count }).from(p).where(eq(p.id, post.id));
      expect(row).toEqual({ likes: 0, comments: 3 });
    });
  },
  { poolSize: 20 },
);
