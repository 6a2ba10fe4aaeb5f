/**
 * Issue 17 item 5 below the pages: what the feed's reads return (the access module's columns in
 * the shapes the feed runs: a filtered list, a post, its comments, "Top this week", the reports
 * queue) for every kind of viewer (a visitor, a member, the commenter, a moderator, an admin and
 * the author), on both databases. An anonymous post or comment never carries its author's id,
 * name, email or avatar file, and nothing in a row ties it to the author's named post; only the
 * author's own rows say `mine`; a hidden post or comment carries no author and no text, for
 * moderators and the author too. The pages over these rows are crawled by feed-anonymity.spec.ts.
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authorOf, postColumns, postSources, type AuthorColumns, type FeedAuthor } from "../../app/modules/feed/access.server";
import { commentsPageQuery, feedPageQuery, reportsQueueQuery, topWeekFirstQuery, topWeekQuery } from "../../bench/feed-query-shapes";
import type { Ctx } from "../../db/client";
import { checkData, type Finding, type Protected } from "../e2e/anonymity-check";
import { createMember } from "../support/app";
import { describeEachDatabase } from "../support/db";

const HOUR = 3_600_000;

async function world(ctx: Ctx) {
  const { User, anonymous_post: p, anonymous_comment: c, anonymous_post_like: l, anonymous_reports: rep, anonymous_post_removals: pr, anonymous_comment_removals: cr } = ctx.t;
  const author = await createMember(ctx, { name: "Quxley Zarnowitz" });
  const commenter = await createMember(ctx, { name: "Bettany Vorquist" });
  const reader = await createMember(ctx, { name: "Cosmo Reader" });
  const moderator = await createMember(ctx, { name: "Mona Moderator", role: "moderator" });
  const admin = await createMember(ctx, { name: "Ada Admin", role: "admin" });
  await ctx.db.update(User).set({ anonymous_username: "heron_qux", anonymous_avatar: "heron", avatarUrl: "avatars/qux-real.webp" }).where(eq(User.id, author.id));
  await ctx.db.update(User).set({ anonymous_username: "ibis_bet", anonymous_avatar: "ibis", avatarUrl: "avatars/bet-real.webp" }).where(eq(User.id, commenter.id));
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const post = async (userId: string, content: string, anonymous: boolean, hoursAgo: number, image: string | null = null) => {
    const [row] = await ctx.db
      .insert(p)
      .values({ user_id: userId, content, is_anonymous: anonymous, company_name: "Quxley Works", industry: "Zeppelins", topic: "workplace_issues", image_url: image, created_at: at(hoursAgo), updated_at: at(hoursAgo) })
      .returning({ id: p.id });
    return row.id;
  };
  const anonPost = await post(author.id, "Pay is late again", true, 3, "feed/qux-image.webp");
  const namedPost = await post(author.id, "We are hiring two analysts", false, 4);
  const otherPost = await post(commenter.id, "Is a counter-offer ever worth it", true, 5);
  const hiddenPost = await post(author.id, "Something a moderator hid", true, 6);
  const comment = async (postId: string, userId: string, content: string, anonymous: boolean, hoursAgo: number) => {
    const [row] = await ctx.db.insert(c).values({ post_id: postId, user_id: userId, content, is_anonymous: anonymous, created_at: at(hoursAgo), updated_at: at(hoursAgo) }).returning({ id: c.id });
    return row.id;
  };
  const authorComment = await comment(otherPost, author.id, "Take it only in writing", true, 2);
  const hiddenComment = await comment(otherPost, author.id, "A comment a moderator hid", true, 1.5);
  const commenterComment = await comment(anonPost, commenter.id, "Talk to HR together", true, 1);
  await comment(anonPost, reader.id, "Good luck", false, 0.5);
  await ctx.db.update(p).set({ comments_count: 2, likes_count: 1 }).where(eq(p.id, anonPost));
  await ctx.db.update(p).set({ comments_count: 2 }).where(eq(p.id, otherPost));
  await ctx.db.insert(l).values({ post_id: anonPost, user_id: commenter.id });
  await ctx.db.insert(rep).values([
    { post_id: anonPost, reporter_id: reader.id, reason: "personal_information", details: "Names a manager" },
    { comment_id: authorComment, reporter_id: reader.id, reason: "other" },
  ]);
  await ctx.db.insert(pr).values({ post_id: hiddenPost, removed_by: moderator.id });
  await ctx.db.insert(cr).values({ comment_id: hiddenComment, removed_by: moderator.id });

  const protectA: Protected = {
    label: "the author",
    userId: author.id,
    identity: [author.id, author.name, author.email, "qux-real", namedPost, "We are hiring two analysts"],
    anonymous: ["heron_qux", anonPost, authorComment, "Pay is late again", "Take it only in writing", "feed/qux-image.webp", hiddenPost, hiddenComment],
    namedPostId: namedPost,
  };
  const protectB: Protected = {
    label: "the commenter",
    userId: commenter.id,
    identity: [commenter.id, commenter.name, commenter.email, "bet-real"],
    anonymous: ["ibis_bet", commenterComment, "Talk to HR together", otherPost, "Is a counter-offer ever worth it"],
    namedPostId: null,
  };
  const viewers = {
    visitor: null,
    reader: reader.id,
    commenter: commenter.id,
    moderator: moderator.id,
    admin: admin.id,
    author: author.id,
  } as const;
  return { author, commenter, viewers, anonPost, namedPost, otherPost, hiddenPost, authorComment, hiddenComment, commenterComment, protectA, protectB, since: at(24 * 7) };
}

/** What a loader would hand the page: the row with its author turned into a FeedAuthor. */
type Shown = AuthorColumns & { id: string; mine: boolean; content: string; author: FeedAuthor };
const shown = (rows: (AuthorColumns & { id: string; mine: boolean; content: string })[]): Shown[] => rows.map((row) => ({ ...row, author: authorOf(row) }));

describeEachDatabase("What the feed's reads return about anonymous authors", (db) => {
  it("no viewer's rows tie an anonymous post or comment to its author, in the list, the post, its comments, Top this week or the queue", async () => {
    const w = await world(db.ctx);
    const { p, r, u, authorJoin, removalJoin } = postSources(db.ctx);
    for (const [kind, viewerId] of Object.entries(w.viewers)) {
      const reads: Record<string, unknown> = {
        list: shown(await feedPageQuery(db.ctx, viewerId, { company: "quxley works" })),
        post: shown(await db.ctx.db.select(postColumns(db.ctx, viewerId)).from(p).innerJoin(u, authorJoin).leftJoin(r, removalJoin).where(eq(p.id, w.anonPost))),
        commentsOnTheirPost: shown(await commentsPageQuery(db.ctx, viewerId, w.anonPost)),
        commentsOnOtherPost: shown(await commentsPageQuery(db.ctx, viewerId, w.otherPost)),
        top: shown(await topWeekQuery(db.ctx, viewerId, w.since)),
        topWeekFirst: shown(await topWeekFirstQuery(db.ctx, viewerId, w.since)),
        queue: await reportsQueueQuery(db.ctx),
      };
      const findings: Finding[] = [];
      for (const who of [w.protectA, w.protectB]) {
        if (who.userId === viewerId) continue;
        for (const [name, data] of Object.entries(reads)) checkData(`${kind}: ${name}`, data, who, findings);
      }
      expect(findings, kind).toEqual([]);

      // Row by row: the anonymous post and comments carry no author id, name of the member or avatar file, whoever reads.
      const list = reads.list as Shown[];
      const anon = list.find((x) => x.id === w.anonPost)!;
      expect(anon.author, kind).toEqual({ kind: "anonymous", name: "heron_qux", picture: "heron" });
      expect(anon.authorId, kind).toBeNull();
      expect(anon.authorAvatarUrl, kind).toBeNull();
      expect(JSON.stringify(anon), kind).not.toMatch(new RegExp(`${w.author.id}|Quxley Zarnowitz|qux-real|${w.namedPost}`));
      expect(anon.mine, kind).toBe(kind === "author");
      // The named post names them, to everyone.
      expect(list.find((x) => x.id === w.namedPost)!.author, kind).toMatchObject({ kind: "member", id: w.author.id, name: "Quxley Zarnowitz" });
      // The hidden post: no text, no image, nobody, for moderators and the author too.
      const hidden = list.find((x) => x.id === w.hiddenPost)!;
      expect(hidden, kind).toMatchObject({ content: "", imageKey: null, companyName: null, removed: true, authorId: null, authorName: null, authorPicture: null });
      expect(hidden.author, kind).toEqual({ kind: "removed" });
      const comments = reads.commentsOnOtherPost as Shown[];
      expect(comments.find((x) => x.id === w.authorComment)!, kind).toMatchObject({ authorId: null, authorName: "heron_qux", mine: kind === "author" });
      expect(comments.find((x) => x.id === w.hiddenComment)!, kind).toMatchObject({ content: "", authorId: null, authorName: null, removed: true });
      const onTheirs = reads.commentsOnTheirPost as Shown[];
      expect(onTheirs.find((x) => x.id === w.commenterComment)!, kind).toMatchObject({ authorId: null, authorName: "ibis_bet", mine: kind === "commenter" });
    }
  });

  it("the reports queue carries the reported words and the reason, never who wrote them", async () => {
    const w = await world(db.ctx);
    const queue = await reportsQueueQuery(db.ctx);
    expect(queue.map((x) => x.post ?? x.comment).sort()).toEqual(["Pay is late again", "Take it only in writing"]);
    expect(JSON.stringify(queue)).not.toMatch(new RegExp(`${w.author.id}|Quxley|heron_qux|${w.namedPost}`));
  });
});
