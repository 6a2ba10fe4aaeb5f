/**
 * Likes on the anonymous feed (issue 17, items 4 and 7): one form that likes or unlikes (a double
 * "like" stays liked), likes_count equal to the rows, hidden content refused, the author's grouped
 * "N people liked your post" notification (one unread per post, in their language, nobody named),
 * and the like routes through the real app (JavaScript off: a redirect back to the page at the
 * thing's anchor; visitors sent to sign in). On both databases; the races are in
 * feed-likes-race.test.ts.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { setCommentLike, setPostLike } from "../../app/modules/feed/likes.server";
import { markRead } from "../../app/modules/network/notifications.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf } from "../support/app";
import { anonymousMember, commentCounts, hideComment, hidePost, makeFeedComment, makeFeedPost, notesOf, postCounts } from "../support/feed-post";
import { describeEachDatabase } from "../support/db";

async function setting(ctx: Ctx) {
  const author = await anonymousMember(ctx, { name: "Amal Author" });
  const reader = await createMember(ctx, { name: "Rami Reader" });
  const post = await makeFeedPost(ctx, author.id, { content: "Is a 10% raise after two years fair?\nMore details inside." });
  const comment = await makeFeedComment(ctx, post.id, author.id);
  return { author, reader, post, comment };
}

describeEachDatabase("Feed likes", (db) => {
  it("a like counts once, a second 'like' stays liked, and 'unlike' takes it back once", async () => {
    const s = await setting(db.ctx);
    expect(await setPostLike(db.ctx, s.reader.id, s.post.id, true)).toEqual({ ok: true, liked: true, count: 1 });
    expect(await setPostLike(db.ctx, s.reader.id, s.post.id, true)).toEqual({ ok: true, liked: true, count: 1 });
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 1, likeRows: 1 });
    expect(await setPostLike(db.ctx, s.reader.id, s.post.id, false)).toEqual({ ok: true, liked: false, count: 0 });
    expect(await setPostLike(db.ctx, s.reader.id, s.post.id, false)).toEqual({ ok: true, liked: false, count: 0 });
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 0, likeRows: 0 });
  });

  it("a comment's likes work the same way, and a comment asked for under another post is not found", async () => {
    const s = await setting(db.ctx);
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, s.comment.id, true)).toEqual({ ok: true, liked: true, count: 1 });
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, s.comment.id, true)).toEqual({ ok: true, liked: true, count: 1 });
    expect(await setCommentLike(db.ctx, s.author.id, s.post.id, s.comment.id, true)).toEqual({ ok: true, liked: true, count: 2 });
    expect(await commentCounts(db.ctx, s.comment.id)).toEqual({ likes: 2, likeRows: 2 });
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, s.comment.id, false)).toEqual({ ok: true, liked: false, count: 1 });
    const other = await makeFeedPost(db.ctx, s.author.id);
    expect(await setCommentLike(db.ctx, s.reader.id, other.id, s.comment.id, true)).toEqual({ ok: false, reason: "not_found" });
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, "not-a-uuid", true)).toEqual({ ok: false, reason: "not_found" });
    expect(await setPostLike(db.ctx, s.reader.id, "00000000-0000-4000-8000-000000000000", true)).toEqual({ ok: false, reason: "not_found" });
    expect(await commentCounts(db.ctx, s.comment.id)).toEqual({ likes: 1, likeRows: 1 });
    // Comment likes tell nobody.
    expect(await notesOf(db.ctx, s.author.id)).toEqual([]);
  });

  it("hidden content cannot be liked, but a like of it can be taken back", async () => {
    const s = await setting(db.ctx);
    await setPostLike(db.ctx, s.reader.id, s.post.id, true);
    await setCommentLike(db.ctx, s.reader.id, s.post.id, s.comment.id, true);
    const second = await makeFeedComment(db.ctx, s.post.id, s.author.id);
    await hideComment(db.ctx, second.id);
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, second.id, true)).toEqual({ ok: false, reason: "hidden" });
    await hidePost(db.ctx, s.post.id);
    const late = await createMember(db.ctx);
    expect(await setPostLike(db.ctx, late.id, s.post.id, true)).toEqual({ ok: false, reason: "hidden" });
    expect(await setCommentLike(db.ctx, late.id, s.post.id, s.comment.id, true)).toEqual({ ok: false, reason: "hidden" });
    expect(await setPostLike(db.ctx, s.reader.id, s.post.id, false)).toEqual({ ok: true, liked: false, count: 0 });
    expect(await setCommentLike(db.ctx, s.reader.id, s.post.id, s.comment.id, false)).toEqual({ ok: true, liked: false, count: 0 });
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 0, likeRows: 0 });
  });

  it("likes are told to the author as one unread notification per post, 'N people liked your post', naming nobody", async () => {
    const s = await setting(db.ctx);
    const likers = [s.reader, await anonymousMember(db.ctx, { name: "Huda Liker" }), await createMember(db.ctx, { name: "Sami Liker" })];
    const t0 = Date.now();
    for (const [i, liker] of likers.entries()) await setPostLike(db.ctx, liker.id, s.post.id, true, new Date(t0 + i * 1000));
    // The author's own like counts on the post, but is not news to them.
    await setPostLike(db.ctx, s.author.id, s.post.id, true, new Date(t0 + 5000));
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 4, likeRows: 4 });
    const notes = await notesOf(db.ctx, s.author.id);
    expect(notes).toEqual([
      expect.objectContaining({
        title: "Likes on your post",
        message: "3 people liked your post “Is a 10% raise after two years fair?”.",
        relatedUserId: null,
        type: null,
        isRead: false,
        href: `/feed/${s.post.id}`,
      }),
    ]);
    const told = JSON.stringify(notes);
    for (const liker of likers) for (const trace of [liker.id, liker.name, liker.email]) expect(told).not.toContain(trace);
    const { anonymous_like_notices: notices } = db.ctx.t;
    expect(await db.ctx.db.select().from(notices).where(eq(notices.post_id, s.post.id))).toEqual([{ post_id: s.post.id, notification_id: notes[0].id }]);
    for (const liker of likers) expect(await notesOf(db.ctx, liker.id)).toEqual([]);

    // Once read, the next like starts a new notification; the read one stays as it was.
    expect(await markRead(db.ctx, s.author.id, notes[0].id)).toBe(true);
    const fourth = await createMember(db.ctx);
    await setPostLike(db.ctx, fourth.id, s.post.id, true, new Date(t0 + 10_000));
    const after = await notesOf(db.ctx, s.author.id);
    expect(after.map((n) => [n.message, n.isRead])).toEqual([
      ["1 person liked your post “Is a 10% raise after two years fair?”.", false],
      ["3 people liked your post “Is a 10% raise after two years fair?”.", true],
    ]);
    expect(await db.ctx.db.select().from(notices).where(eq(notices.post_id, s.post.id))).toEqual([{ post_id: s.post.id, notification_id: after[0].id }]);
    // A like that is taken back and given again is one person, not two.
    await setPostLike(db.ctx, fourth.id, s.post.id, false, new Date(t0 + 11_000));
    await setPostLike(db.ctx, fourth.id, s.post.id, true, new Date(t0 + 12_000));
    const fifth = await createMember(db.ctx);
    await setPostLike(db.ctx, fifth.id, s.post.id, true, new Date(t0 + 13_000));
    expect((await notesOf(db.ctx, s.author.id))[0].message).toBe("2 people liked your post “Is a 10% raise after two years fair?”.");
  });

  it("the grouped notification is written in the author's saved language, with its plural", async () => {
    const s = await setting(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: s.author.id, language: "ar", updated_at: new Date() });
    const other = await createMember(db.ctx);
    await setPostLike(db.ctx, s.reader.id, s.post.id, true);
    await setPostLike(db.ctx, other.id, s.post.id, true);
    const [note] = await notesOf(db.ctx, s.author.id);
    expect(note.title).toBe("إعجابات بمنشورك");
    expect(note.message).toBe("أُعجب شخصان بمنشورك “Is a 10% raise after two years fair?”.");
  });
});

describeEachDatabase("The like routes through the app", (db) => {
  it("without JavaScript a like redirects back to the page it came from at the post's anchor; a second submit of the same form stays liked", async () => {
    const s = await setting(db.ctx);
    const reader = await appClient(db.ctx);
    await reader.signIn(s.reader);
    const page = await reader.get(`/feed/${s.post.id}`);
    expect(page.html).toContain(`action="/feed/${s.post.id}/like"`);
    expect(page.html).toMatch(/<input type="hidden" name="intent" value="like"\/>/);
    const liked = await reader.post(`/feed/${s.post.id}/like`, { intent: "like", back: `/feed/${s.post.id}?after=x#somewhere` });
    expect(liked.status).toBe(302);
    expect(liked.location).toBe(`/feed/${s.post.id}?after=x#post-${s.post.id}`);
    expect((await reader.post(`/feed/${s.post.id}/like`, { intent: "like", back: `/feed/${s.post.id}` })).status).toBe(302);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 1, likeRows: 1 });
    const after = await reader.get(`/feed/${s.post.id}`);
    expect(after.html).toMatch(/aria-pressed="true"/);
    expect(after.html).toMatch(/<input type="hidden" name="intent" value="unlike"\/>/);
    expect(textOf(after.html)).toContain("1 like");
    // A return path off the site falls back to the post.
    const unliked = await reader.post(`/feed/${s.post.id}/like`, { intent: "unlike", back: "//evil.example/x" });
    expect(unliked.location).toBe(`/feed/${s.post.id}#post-${s.post.id}`);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 0, likeRows: 0 });
  });

  it("a comment's like goes back to the comment's anchor; a broken form is 400 and an unknown comment 404", async () => {
    const s = await setting(db.ctx);
    const reader = await appClient(db.ctx);
    await reader.signIn(s.reader);
    const path = `/feed/${s.post.id}/comments/${s.comment.id}/like`;
    const liked = await reader.post(path, { intent: "like", back: `/feed/${s.post.id}` });
    expect(liked.location).toBe(`/feed/${s.post.id}#comment-${s.comment.id}`);
    expect(await commentCounts(db.ctx, s.comment.id)).toEqual({ likes: 1, likeRows: 1 });
    expect((await reader.post(path, { intent: "love" })).status).toBe(400);
    expect((await reader.post(`/feed/${s.post.id}/comments/00000000-0000-4000-8000-000000000000/like`, { intent: "like" })).status).toBe(404);
    const other = await makeFeedPost(db.ctx, s.author.id);
    expect((await reader.post(`/feed/${other.id}/comments/${s.comment.id}/like`, { intent: "like" })).status).toBe(404);
  });

  it("with JavaScript's fetcher the answer is the new state, not a redirect", async () => {
    const s = await setting(db.ctx);
    const reader = await appClient(db.ctx);
    await reader.signIn(s.reader);
    const res = await reader.post(`/feed/${s.post.id}/like.data`, { intent: "like", via: "fetcher" });
    expect(res.status).toBe(200);
    expect(res.html).toContain("liked");
    expect(res.html).toContain("count");
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 1, likeRows: 1 });
    await hidePost(db.ctx, s.post.id);
    const other = await createMember(db.ctx);
    const refused = await appClient(db.ctx);
    await refused.signIn(other);
    const hidden = await refused.post(`/feed/${s.post.id}/like.data`, { intent: "like", via: "fetcher" });
    expect(hidden.status).toBe(409);
    expect(hidden.html).toContain("A moderator removed this post: it cannot be liked.");
  });

  it("a visitor is sent to sign in; a GET of a like address goes to the post; a hidden post's like is 409", async () => {
    const s = await setting(db.ctx);
    const visitor = await appClient(db.ctx);
    const page = await visitor.get(`/feed/${s.post.id}`);
    expect(page.html).not.toContain(`action="/feed/${s.post.id}/like"`);
    expect(page.html).toContain(`href="/login?redirectTo=${encodeURIComponent(`/feed/${s.post.id}`)}"`);
    const sent = await visitor.post(`/feed/${s.post.id}/like`, { intent: "like" });
    expect(sent.status).toBe(302);
    expect(sent.location).toBe(`/login?redirectTo=${encodeURIComponent(`/feed/${s.post.id}`)}`);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ likes: 0, likeRows: 0 });
    const get = await visitor.get(`/feed/${s.post.id}/like`);
    expect(get.status).toBe(302);
    expect(get.location).toBe(`/feed/${s.post.id}`);

    await hidePost(db.ctx, s.post.id);
    const reader = await appClient(db.ctx);
    await reader.signIn(s.reader);
    const refused = await reader.post(`/feed/${s.post.id}/like`, { intent: "like" });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("A moderator removed this post: it cannot be liked.");
    expect(refused.html).toContain('href="/feed"');
  });
});
