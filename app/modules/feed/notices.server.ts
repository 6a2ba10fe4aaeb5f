/**
 * What a post's author is told (issue 17, item 7), always inside the transaction of the comment or
 * like it reports, in the author's saved language (decision 040), and never about their own acts
 * (the callers do not call these for the author's own comment or like).
 *
 * The anonymity promise: no notification names an anonymous commenter ("Someone commented on your
 * post"), none carries related_user_id (insertLinkedNotification writes it NULL), and each links to
 * the post, /feed/<postId>, by the post's id alone.
 *
 * Likes are told as a group: a post has at most one unread "N people liked your post"
 * (anonymous_like_notices holds which). While it is unread each new like rewrites its message;
 * once the author has read it, the next like starts a new one. N is the number of people (not the
 * author) who like the post now and liked it since the group began (the notification's time). The
 * callers hold the post's row lock (they changed its likes_count first), so two likes of one post
 * never decide this at once.
 */
import { and, count, eq, gte, ne } from "drizzle-orm";
import type { Ctx } from "~/db.server";
import { translator } from "~/lib/i18n.server";
import { savedLanguage } from "~/modules/accounts/index.server";
import { displayName } from "~/modules/network";
import { insertLinkedNotification } from "~/modules/network/index.server";
import { truthy } from "./access.server";
import { commentAnchor, excerpt, feedPostPath } from "./comment-rules";

/** A new comment on `postId`; `commenterName` is null for an anonymous comment (then nobody is named). */
export async function tellOfComment(
  tx: Ctx,
  input: { authorId: string; postId: string; commentId: string; anonymous: boolean; commenterName: string | null; content: string; at: Date },
): Promise<void> {
  const t = translator(await savedLanguage(tx, input.authorId));
  const quote = excerpt(input.content);
  await insertLinkedNotification(tx, {
    userId: input.authorId,
    title: t("feedPost.notify.commentTitle"),
    message: input.anonymous
      ? t("feedPost.notify.commentAnonymous", { excerpt: quote })
      : t("feedPost.notify.commentNamed", { name: displayName(input.commenterName, t), excerpt: quote }),
    href: `${feedPostPath(input.postId)}#${commentAnchor(input.commentId)}`,
    at: input.at,
  });
}

/** A new like of `postId` by someone other than its author: the group's notification, made or rewritten. */
export async function tellOfLike(tx: Ctx, input: { authorId: string; postId: string; postContent: string; at: Date }): Promise<void> {
  const { anonymous_like_notices: notices, notification: n, anonymous_post_like: likes } = tx.t;
  const t = translator(await savedLanguage(tx, input.authorId));
  const said = (people: number) => t("feedPost.notify.likes", { count: people, excerpt: excerpt(input.postContent) });
  const [open] = await tx.db
    .select({ id: n.id, isRead: n.is_read, createdAt: n.created_at })
    .from(notices)
    .innerJoin(n, eq(n.id, notices.notification_id))
    .where(eq(notices.post_id, input.postId))
    .limit(1);
  if (open && !truthy(open.isRead)) {
    // A like whose clock was behind the group's start (it waited for the row lock) moves the start back.
    const since = open.createdAt.getTime() <= input.at.getTime() ? open.createdAt : input.at;
    const [row] = await tx.db
      .select({ people: count() })
      .from(likes)
      .where(and(eq(likes.post_id, input.postId), ne(likes.user_id, input.authorId), gte(likes.created_at, since)));
    const people = Math.max(1, Number(row?.people ?? 1));
    await tx.db.update(n).set({ message: said(people), created_at: since }).where(eq(n.id, open.id));
    return;
  }
  const notificationId = await insertLinkedNotification(tx, {
    userId: input.authorId,
    title: t("feedPost.notify.likesTitle"),
    message: said(1),
    href: feedPostPath(input.postId),
    at: input.at,
  });
  await tx.db
    .insert(notices)
    .values({ post_id: input.postId, notification_id: notificationId })
    .onConflictDoUpdate({ target: notices.post_id, set: { notification_id: notificationId } });
}
