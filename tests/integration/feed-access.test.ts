/**
 * The feed's author columns (issue 17, decision 043): what a reader's query returns for anonymous,
 * named and hidden posts and comments, on both databases.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authorOf, commentColumns, commentSources, postColumns, postSources } from "../../app/modules/feed/access.server";
import type { Ctx } from "../../db/client";
import { createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";

async function readPost(ctx: Ctx, viewerId: string | null, postId: string) {
  const { p, r, u, authorJoin, removalJoin } = postSources(ctx);
  const [row] = await ctx.db.select(postColumns(ctx, viewerId)).from(p).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(p.id, postId));
  return row;
}

async function readComment(ctx: Ctx, viewerId: string | null, commentId: string) {
  const { c, r, u, authorJoin, removalJoin } = commentSources(ctx);
  const [row] = await ctx.db.select(commentColumns(ctx, viewerId)).from(c).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(c.id, commentId));
  return row;
}

describeEachDatabase("Feed access columns", (db) => {
  it("an anonymous post carries the anonymous name and picture, never the author's id or real name", async () => {
    const author = await createMember(db.ctx, { name: "Real Person" });
    const reader = await createMember(db.ctx);
    const { User, anonymous_post: p } = db.ctx.t;
    await db.ctx.db.update(User).set({ anonymous_username: `quietfox${author.id.slice(0, 6)}`, anonymous_avatar: "fox", avatarUrl: "avatars/real.webp" }).where(eq(User.id, author.id));
    const [post] = await db.ctx.db.insert(p).values({ user_id: author.id, content: "Pay is late", company_name: "Acme" }).returning({ id: p.id });
    const seen = await readPost(db.ctx, reader.id, post.id);
    expect(seen).toMatchObject({ content: "Pay is late", anonymous: true, removed: false, authorId: null, authorAvatarUrl: null, mine: false, likesCount: 0, edited: false });
    expect(authorOf(seen)).toEqual({ kind: "anonymous", name: `quietfox${author.id.slice(0, 6)}`, picture: "fox" });
    expect(JSON.stringify(seen)).not.toContain(author.id);
    expect(JSON.stringify(seen)).not.toContain("Real Person");
    expect((await readPost(db.ctx, author.id, post.id)).mine).toBe(true);
    expect((await readPost(db.ctx, null, post.id)).mine).toBe(false);
  });

  it("a post with 'post anonymously' off names its author; a hidden one names nobody and keeps no text", async () => {
    const author = await createMember(db.ctx, { name: "Open Person" });
    const moderator = await createMember(db.ctx, { role: "moderator" });
    const { anonymous_post: p, anonymous_post_removals: removals } = db.ctx.t;
    const [post] = await db.ctx.db.insert(p).values({ user_id: author.id, content: "Hiring in Cairo", is_anonymous: false, image_url: "feed/x.webp" }).returning({ id: p.id });
    expect(authorOf(await readPost(db.ctx, null, post.id))).toEqual({ kind: "member", id: author.id, name: "Open Person", avatarUrl: null });
    await db.ctx.db.insert(removals).values({ post_id: post.id, removed_by: moderator.id });
    const hidden = await readPost(db.ctx, moderator.id, post.id);
    expect(hidden).toMatchObject({ content: "", imageKey: null, removed: true, authorId: null, authorName: null });
    expect(authorOf(hidden)).toEqual({ kind: "removed" });
  });

  it("an anonymous comment hides its author the same way, and a hidden one keeps no text", async () => {
    const author = await createMember(db.ctx, { name: "Post Author" });
    const commenter = await createMember(db.ctx, { name: "Secret Commenter" });
    const { anonymous_post: p, anonymous_comment: c, anonymous_comment_removals: removals } = db.ctx.t;
    const [post] = await db.ctx.db.insert(p).values({ user_id: author.id, content: "Question" }).returning({ id: p.id });
    const [comment] = await db.ctx.db.insert(c).values({ post_id: post.id, user_id: commenter.id, content: "Answer" }).returning({ id: c.id });
    const seen = await readComment(db.ctx, author.id, comment.id);
    expect(seen).toMatchObject({ content: "Answer", anonymous: true, authorId: null, authorName: null, mine: false });
    expect(JSON.stringify(seen)).not.toContain(commenter.id);
    expect((await readComment(db.ctx, commenter.id, comment.id)).mine).toBe(true);
    await db.ctx.db.insert(removals).values({ comment_id: comment.id });
    expect(await readComment(db.ctx, author.id, comment.id)).toMatchObject({ content: "", removed: true });
  });
});
