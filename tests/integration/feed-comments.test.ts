/**
 * Comments on the anonymous feed (issue 17, items 3 and 7): members comment (anonymously by
 * default), comments_count moves with the rows, authors edit and delete their own, pages of
 * comments oldest first, the post's author is told without the anonymous commenter being named,
 * hidden posts and comments, the hourly limit, and the post page through the real app (JavaScript
 * off: plain POSTs, 400 with the message beside the field and what was typed). On both databases.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createComment, deleteComment, FEED_COMMENT_LIMIT, getComment, listComments, updateComment } from "../../app/modules/feed/comments.server";
import { hit } from "../../app/services/rate-limit.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember, textOf } from "../support/app";
import { anonymousMember, hideComment, hidePost, makeFeedComment, makeFeedPost, notesOf, postCounts } from "../support/feed-post";
import { describeEachDatabase } from "../support/db";

const anonymously = (content: string) => ({ content, is_anonymous: true });
const named = (content: string) => ({ content, is_anonymous: false });

/** An anonymous post by Amal (her anonymous name chosen) and two members who read it. */
async function setting(ctx: Ctx) {
  const author = await anonymousMember(ctx, { name: "Amal Author" });
  const commenter = await anonymousMember(ctx, { name: "Karim Commenter" });
  const other = await createMember(ctx, { name: "Nour Named" });
  const post = await makeFeedPost(ctx, author.id);
  return { author, commenter, other, post };
}

describeEachDatabase("Feed comments", (db) => {
  it("an anonymous comment is counted with its row, and the author is told without the commenter being named", async () => {
    const s = await setting(db.ctx);
    const made = await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("Keep a log of your work\nand share it weekly."));
    expect(made.ok).toBe(true);
    const commentId = made.ok ? made.commentId : "";
    expect(made.ok && made.href).toBe(`/feed/${s.post.id}#comment-${commentId}`);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 1, commentRows: 1 });
    const { anonymous_comment: c } = db.ctx.t;
    const [row] = await db.ctx.db.select().from(c).where(eq(c.id, commentId));
    expect(row).toMatchObject({ user_id: s.commenter.id, content: "Keep a log of your work\nand share it weekly.", is_anonymous: true });

    const notes = await notesOf(db.ctx, s.author.id);
    expect(notes).toEqual([
      expect.objectContaining({
        title: "New comment on your post",
        message: "Someone commented on your post: “Keep a log of your work”",
        relatedUserId: null,
        type: null,
        href: `/feed/${s.post.id}#comment-${commentId}`,
      }),
    ]);
    const told = JSON.stringify(notes);
    for (const trace of [s.commenter.id, s.commenter.name, s.commenter.email, s.commenter.anonymousName]) expect(told).not.toContain(trace);
    // Nobody else is told.
    expect(await notesOf(db.ctx, s.commenter.id)).toEqual([]);
  });

  it("a comment under the member's own name may name them; the author commenting on their own post is told nothing", async () => {
    const s = await setting(db.ctx);
    const made = await createComment(db.ctx, s.other.id, s.post.id, named("Talk to HR."));
    expect(made.ok).toBe(true);
    const [note] = await notesOf(db.ctx, s.author.id);
    expect(note).toMatchObject({ message: "Nour Named commented on your post: “Talk to HR.”", relatedUserId: null });
    await createComment(db.ctx, s.author.id, s.post.id, anonymously("Thanks, everyone."));
    expect(await notesOf(db.ctx, s.author.id)).toHaveLength(1);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 2, commentRows: 2 });
  });

  it("the author is told in their own saved language", async () => {
    const s = await setting(db.ctx);
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: s.author.id, language: "ar", updated_at: new Date() });
    await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("Same here"));
    const [note] = await notesOf(db.ctx, s.author.id);
    expect(note).toMatchObject({ title: "تعليق جديد على منشورك", message: "علّق أحدهم على منشورك: “Same here”" });
  });

  it("an anonymous comment needs the member's anonymous name; under their own name it does not", async () => {
    const s = await setting(db.ctx);
    expect(await createComment(db.ctx, s.other.id, s.post.id, anonymously("Me too"))).toEqual({ ok: false, reason: "needs_anonymous_name" });
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 0, commentRows: 0 });
    expect((await createComment(db.ctx, s.other.id, s.post.id, named("Me too"))).ok).toBe(true);
  });

  it("an unknown post is not found and a hidden one takes no comment; neither counter moves", async () => {
    const s = await setting(db.ctx);
    const moderator = await createMember(db.ctx, { role: "moderator" });
    expect(await createComment(db.ctx, s.commenter.id, "00000000-0000-4000-8000-000000000000", anonymously("Hello"))).toEqual({ ok: false, reason: "not_found" });
    expect(await createComment(db.ctx, s.commenter.id, "not-a-uuid", anonymously("Hello"))).toEqual({ ok: false, reason: "not_found" });
    await hidePost(db.ctx, s.post.id, moderator.id);
    expect(await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("Hello"))).toEqual({ ok: false, reason: "hidden" });
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 0, commentRows: 0 });
    expect(await notesOf(db.ctx, s.author.id)).toEqual([]);
  });

  it("comments come oldest first in keyset pages; a hidden one keeps its place with no text and no author", async () => {
    const s = await setting(db.ctx);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeFeedComment(db.ctx, s.post.id, s.commenter.id, { content: `Comment ${i}`, created_at: new Date(Date.UTC(2027, 0, 1, 10, i)) }));
    // Two comments in the same millisecond are ordered by id.
    await makeFeedComment(db.ctx, s.post.id, s.other.id, { content: "Comment 5", is_anonymous: false, created_at: new Date(Date.UTC(2027, 0, 1, 10, 4)) });
    await hideComment(db.ctx, made[1].id);
    const first = await listComments(db.ctx, s.other.id, s.post.id, { pageSize: 2 });
    expect(first.rows.map((r) => r.content)).toEqual(["Comment 0", ""]);
    expect(first.rows[1]).toMatchObject({ removed: true, author: { kind: "removed" } });
    const second = await listComments(db.ctx, s.other.id, s.post.id, { pageSize: 2, after: first.next! });
    expect(second.rows.map((r) => r.content)).toEqual(["Comment 2", "Comment 3"]);
    const third = await listComments(db.ctx, s.other.id, s.post.id, { pageSize: 2, after: second.next! });
    expect(third.rows.map((r) => r.content).sort()).toEqual(["Comment 4", "Comment 5"]);
    expect(third.next).toBeNull();
    // Every page has every comment once, and the anonymous commenter is never named.
    expect(JSON.stringify([first, second, third])).not.toContain(s.commenter.id);
    expect(third.rows.find((r) => r.content === "Comment 5")?.author).toEqual({ kind: "member", id: s.other.id, name: "Nour Named", avatarUrl: null });
    expect((await listComments(db.ctx, s.commenter.id, s.post.id)).rows.filter((r) => r.mine)).toHaveLength(5);
  });

  it("only the author edits a comment (then it reads 'edited'); a hidden comment cannot be edited", async () => {
    const s = await setting(db.ctx);
    const comment = await makeFeedComment(db.ctx, s.post.id, s.commenter.id, { created_at: new Date(Date.now() - 60_000), updated_at: new Date(Date.now() - 60_000) });
    expect(await updateComment(db.ctx, s.other.id, s.post.id, comment.id, "Hijacked")).toEqual({ ok: false, reason: "not_found" });
    expect(await updateComment(db.ctx, s.author.id, s.post.id, comment.id, "Hijacked")).toEqual({ ok: false, reason: "not_found" });
    const other = await makeFeedPost(db.ctx, s.author.id);
    expect(await updateComment(db.ctx, s.commenter.id, other.id, comment.id, "Moved?")).toEqual({ ok: false, reason: "not_found" });
    expect(await updateComment(db.ctx, s.commenter.id, s.post.id, comment.id, "Better words")).toEqual({ ok: true, href: `/feed/${s.post.id}#comment-${comment.id}` });
    expect(await getComment(db.ctx, s.commenter.id, s.post.id, comment.id)).toMatchObject({ content: "Better words", edited: true, mine: true });
    await hideComment(db.ctx, comment.id);
    expect(await updateComment(db.ctx, s.commenter.id, s.post.id, comment.id, "Again")).toEqual({ ok: false, reason: "hidden" });
  });

  it("only the author deletes a comment, and comments_count goes down with it", async () => {
    const s = await setting(db.ctx);
    const comment = await makeFeedComment(db.ctx, s.post.id, s.commenter.id);
    await makeFeedComment(db.ctx, s.post.id, s.other.id);
    expect(await deleteComment(db.ctx, s.other.id, s.post.id, comment.id)).toBe(false);
    expect(await deleteComment(db.ctx, s.author.id, s.post.id, comment.id)).toBe(false);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 2, commentRows: 2 });
    expect(await deleteComment(db.ctx, s.commenter.id, s.post.id, comment.id)).toBe(true);
    expect(await deleteComment(db.ctx, s.commenter.id, s.post.id, comment.id)).toBe(false);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 1, commentRows: 1 });
  });

  it("a member makes at most 60 comments an hour, then is told when to try again", async () => {
    const s = await setting(db.ctx);
    const now = new Date();
    for (let i = 0; i < FEED_COMMENT_LIMIT.limit - 1; i++) await hit(db.ctx, `feed-comment:${s.commenter.id}`, FEED_COMMENT_LIMIT, now);
    expect((await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("Sixtieth"), now)).ok).toBe(true);
    const refused = await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("Sixty-first"), now);
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(refused.ok === false && refused.reason === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 1, commentRows: 1 });
    // Another member is not held back.
    expect((await createComment(db.ctx, s.other.id, s.post.id, named("Hi"), now)).ok).toBe(true);
  });

  it("a comment past the first page of 30 is linked on the page of comments that starts at it", async () => {
    const s = await setting(db.ctx);
    for (let i = 0; i < 30; i++) await makeFeedComment(db.ctx, s.post.id, s.other.id, { content: `Old ${i}`, created_at: new Date(Date.UTC(2024, 0, 1, 10, i)) });
    const made = await createComment(db.ctx, s.commenter.id, s.post.id, anonymously("The newest"));
    expect(made.ok).toBe(true);
    const href = made.ok ? made.href : "";
    expect(href).toMatch(new RegExp(`^/feed/${s.post.id}\\?after=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+#comment-${made.ok ? made.commentId : ""}$`));
    const browser = await appClient(db.ctx);
    const page = await browser.get(href);
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain("The newest");
    expect(textOf(page.html)).not.toContain("Old 29");
  });
});

describeEachDatabase("The post page through the app", (db) => {
  it("a visitor reads the post and its comments, links made clickable and no HTML, and is offered sign-in instead of the form", async () => {
    const s = await setting(db.ctx);
    const post = await makeFeedPost(db.ctx, s.author.id, { content: "Slides: https://example.com/slides <b>bold</b> <script>alert(1)</script>", company_name: "Nile Systems", industry: "Fintech", topic: "career_advice" });
    await makeFeedComment(db.ctx, post.id, s.commenter.id, { content: "Thanks https://example.com/more" });
    const visitor = await appClient(db.ctx);
    const page = await visitor.get(`/feed/${post.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const words of ["Career advice · Nile Systems", s.author.anonymousName, "Fintech", "1 comment", "0 likes", s.commenter.anonymousName, "Sign in to comment"]) expect(text).toContain(words);
    expect(page.html).toContain('<a href="https://example.com/slides" rel="nofollow noopener noreferrer ugc"');
    expect(page.html).toContain('<a href="https://example.com/more" rel="nofollow noopener noreferrer ugc"');
    expect(page.html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(page.html).not.toContain("<script>alert(1)");
    expect(page.html).toContain(`href="/login?redirectTo=${encodeURIComponent(`/feed/${post.id}#comment-form`)}"`);
    expect(page.html).not.toContain('name="content"');
    for (const trace of [s.author.id, s.author.name, s.author.email, s.commenter.id, s.commenter.name, s.commenter.email]) expect(page.html).not.toContain(trace);
    // A visitor who posts anyway is sent to sign in.
    const sent = await visitor.post(`/feed/${post.id}`, { content: "Hi" });
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("a member comments: redirected to the comment with a flash, and the author's links are theirs alone", async () => {
    const s = await setting(db.ctx);
    const member = await appClient(db.ctx);
    await member.signIn(s.commenter);
    const form = await member.get(`/feed/${s.post.id}`);
    expect(form.html).toMatch(/<input[^>]*type="checkbox"[^>]*name="is_anonymous"[^>]*checked=""/);
    expect(textOf(form.html)).toContain(`Others see your anonymous name, ${s.commenter.anonymousName}`);
    expect(form.html).toContain(`href="/feed/${s.post.id}/report"`);
    expect(form.html).not.toContain(`href="/feed/${s.post.id}/edit"`);
    const res = await member.post(`/feed/${s.post.id}`, { content: "Document everything.", is_anonymous: "1" });
    expect(res.status).toBe(302);
    const [comment] = await db.ctx.db.select({ id: db.ctx.t.anonymous_comment.id }).from(db.ctx.t.anonymous_comment).where(eq(db.ctx.t.anonymous_comment.post_id, s.post.id));
    expect(res.location).toBe(`/feed/${s.post.id}#comment-${comment.id}`);
    const page = await member.get(`/feed/${s.post.id}`);
    const text = textOf(page.html);
    expect(text).toContain("Your comment is posted.");
    expect(text).toContain("Document everything.");
    expect(text).toContain("(you, anonymously)");
    expect(page.html).toContain(`href="/feed/${s.post.id}/comments/${comment.id}/edit"`);
    expect(page.html).toContain(`href="/feed/${s.post.id}/comments/${comment.id}/delete"`);

    const author = await appClient(db.ctx);
    await author.signIn(s.author);
    const asAuthor = await author.get(`/feed/${s.post.id}`);
    expect(asAuthor.html).toContain(`href="/feed/${s.post.id}/edit"`);
    expect(asAuthor.html).toContain(`href="/feed/${s.post.id}/delete"`);
    expect(asAuthor.html).toContain(`href="/feed/${s.post.id}/comments/${comment.id}/report"`);
    expect(asAuthor.html).not.toContain(`/comments/${comment.id}/edit`);
    for (const trace of [s.commenter.id, s.commenter.name, s.commenter.email]) expect(asAuthor.html).not.toContain(trace);
  });

  it("bad input answers 400 with the message beside the field and what was typed kept", async () => {
    const s = await setting(db.ctx);
    const member = await appClient(db.ctx);
    await member.signIn(s.commenter);
    const path = `/feed/${s.post.id}`;
    const empty = await member.post(path, { content: "   ", is_anonymous: "1" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="content-error"');
    expect(textOf(empty.html)).toContain("Write your comment first.");

    const long = await member.post(path, { content: "x".repeat(2001), is_anonymous: "1" });
    expect(long.status).toBe(400);
    expect(textOf(long.html)).toContain("At most 2,000 characters: this has 2,001.");
    expect(long.html).toContain("x".repeat(2001));
    expect((await member.post(path, { content: "é".repeat(2000), is_anonymous: "1" })).status).toBe(302);

    // No anonymous name: told beside the box, with the way to choose one; the text stays, the box stays ticked.
    const nameless = await appClient(db.ctx);
    await nameless.signIn(s.other);
    const refused = await nameless.post(path, { content: "My two cents", is_anonymous: "1" });
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('id="is_anonymous-error"');
    expect(textOf(refused.html)).toContain("You have no anonymous name yet. Choose one in your profile settings first");
    expect(refused.html).toContain('href="/settings/profile"');
    expect(refused.html).toContain("My two cents");
    expect(refused.html).toMatch(/<input[^>]*name="is_anonymous"[^>]*checked=""/);
    // Unticked, it goes under their own name.
    expect((await nameless.post(path, { content: "My two cents" })).status).toBe(302);
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 2, commentRows: 2 });
  });

  it("an unknown or malformed post address is 404 with a way back, and a tampered page link 400", async () => {
    const browser = await appClient(db.ctx);
    const unknown = await browser.get("/feed/00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('href="/feed"');
    expect((await browser.get("/feed/not-an-id")).status).toBe(404);
    const s = await setting(db.ctx);
    expect((await browser.get(`/feed/${s.post.id}?after=broken`)).status).toBe(400);
  });

  it("a hidden post says so in place, shows no text and takes no comment (409); a hidden comment keeps its place", async () => {
    const s = await setting(db.ctx);
    const comment = await makeFeedComment(db.ctx, s.post.id, s.commenter.id, { content: "Rude words", created_at: new Date(Date.UTC(2024, 0, 1, 10)) });
    await makeFeedComment(db.ctx, s.post.id, s.other.id, { content: "A kind reply", is_anonymous: false, created_at: new Date(Date.UTC(2024, 0, 1, 11)) });
    await hideComment(db.ctx, comment.id);
    const member = await appClient(db.ctx);
    await member.signIn(s.commenter);
    const page = await member.get(`/feed/${s.post.id}`);
    const text = textOf(page.html);
    expect(text).not.toContain("Rude words");
    expect(text.indexOf("Removed by a moderator")).toBeLessThan(text.indexOf("A kind reply"));
    expect(text).toContain("2 comments");

    await hidePost(db.ctx, s.post.id);
    const hidden = await member.get(`/feed/${s.post.id}`);
    const hiddenText = textOf(hidden.html);
    expect(hiddenText).toContain("Removed by a moderator");
    expect(hiddenText).not.toContain("takes credit");
    expect(hiddenText).toContain("A moderator removed this post: it takes no new comments.");
    expect(hidden.html).not.toContain('name="content"');
    expect(hidden.html).not.toContain(s.author.anonymousName);
    const refused = await member.post(`/feed/${s.post.id}`, { content: "Still here?", is_anonymous: "1" });
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("A moderator removed this post: it takes no new comments.");
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 2, commentRows: 2 });
  });

  it("thirty comments make a page; 'More comments' links the next, which links back to the first", async () => {
    const s = await setting(db.ctx);
    for (let i = 0; i < 31; i++) await makeFeedComment(db.ctx, s.post.id, s.other.id, { content: `Reply number ${i}.`, created_at: new Date(Date.UTC(2027, 0, 1, 10, i)) });
    const browser = await appClient(db.ctx);
    const first = await browser.get(`/feed/${s.post.id}`);
    expect(textOf(first.html)).toContain("Reply number 29.");
    expect(textOf(first.html)).not.toContain("Reply number 30.");
    const next = /href="(\/feed\/[0-9a-f-]{36}\?after=[^"#]+)#comments"/.exec(first.html)?.[1];
    expect(next, "a More comments link").toBeTruthy();
    const second = await browser.get(next!);
    expect(textOf(second.html)).toContain("Reply number 30.");
    expect(textOf(second.html)).not.toContain("Reply number 29.");
    expect(textOf(second.html)).toContain("Back to the first comments");
    expect(textOf(second.html)).not.toContain("More comments");
  });

  it("the author edits a comment through its page (then 'edited'), others get 404; the author deletes it after the confirmation page", async () => {
    const s = await setting(db.ctx);
    const comment = await makeFeedComment(db.ctx, s.post.id, s.commenter.id, { content: "First words", created_at: new Date(Date.now() - 60_000), updated_at: new Date(Date.now() - 60_000) });
    const base = `/feed/${s.post.id}/comments/${comment.id}`;
    const member = await appClient(db.ctx);
    await member.signIn(s.commenter);
    const form = await member.get(`${base}/edit`);
    expect(form.status).toBe(200);
    expect(form.html).toContain("First words");
    expect(form.html).not.toContain('name="is_anonymous"');
    const empty = await member.post(`${base}/edit`, { content: "" });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="content-error"');
    const saved = await member.post(`${base}/edit`, { content: "Better words" });
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/feed/${s.post.id}#comment-${comment.id}`);
    const page = textOf((await member.get(`/feed/${s.post.id}`)).html);
    expect(page).toContain("Your comment is saved.");
    expect(page).toContain("Better words");
    expect(page).toContain("edited");

    const other = await appClient(db.ctx);
    await other.signIn(s.author);
    expect((await other.get(`${base}/edit`)).status).toBe(404);
    expect((await other.post(`${base}/edit`, { content: "Hijack" })).status).toBe(404);
    expect((await other.get(`${base}/delete`)).status).toBe(404);
    expect((await other.post(`${base}/delete`, {})).status).toBe(404);

    const confirm = await member.get(`${base}/delete`);
    expect(textOf(confirm.html)).toContain("Delete your comment?");
    expect(textOf(confirm.html)).toContain("Better words");
    const gone = await member.post(`${base}/delete`, {});
    expect(gone.status).toBe(302);
    expect(gone.location).toBe(`/feed/${s.post.id}#comments`);
    expect(textOf((await member.get(gone.location!)).html)).toContain("Your comment is deleted.");
    expect(await postCounts(db.ctx, s.post.id)).toMatchObject({ comments: 0, commentRows: 0 });
    expect((await member.get(`${base}/edit`)).status).toBe(404);

    // A hidden comment's edit page says why it cannot be edited.
    const hiddenOne = await makeFeedComment(db.ctx, s.post.id, s.commenter.id);
    await hideComment(db.ctx, hiddenOne.id);
    const refused = await member.get(`/feed/${s.post.id}/comments/${hiddenOne.id}/edit`);
    expect(refused.status).toBe(409);
    expect(textOf(refused.html)).toContain("A moderator removed this comment or its post: it cannot be edited.");
  });

  it("the 61st comment in an hour answers 429 with Retry-After", async () => {
    const s = await setting(db.ctx);
    for (let i = 0; i < FEED_COMMENT_LIMIT.limit; i++) await hit(db.ctx, `feed-comment:${s.commenter.id}`, FEED_COMMENT_LIMIT);
    const member = await appClient(db.ctx);
    await member.signIn(s.commenter);
    const res = await member.post(`/feed/${s.post.id}`, { content: "One more", is_anonymous: "1" });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(res.html)).toContain("You have commented a lot in the last hour.");
  });
});
