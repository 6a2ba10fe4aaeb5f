/**
 * A feed post in full, as its page shows it (issue 17, item 3): the topic and company as the
 * page's heading, who wrote it (AuthorLine: the anonymous name, the member's name, or nobody when
 * a moderator hid it), the industry, when and "edited", the text with its links clickable (parts
 * made on the server; React escapes every character), the picture (a link to it in lite mode), the
 * like button and the number of comments, and the author's or a member's links.
 * A hidden post shows "Removed by a moderator" in place of all it said.
 */
import { Link, useRouteLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { PostText } from "~/components/communities/PostCard";
import { AuthorLine } from "~/components/feed/AuthorLine";
import { LikeButton } from "~/components/feed/LikeButton";
import { MetaLine } from "~/components/ui/Meta";
import { useT } from "~/lib/i18n";
import { COMMENTS_ANCHOR, feedPostPath, postAnchor, postLikePath } from "~/modules/feed/comment-rules";
import { topicLabelId } from "~/modules/feed/rules";
// The shape is made on the server (post-page.server.ts); a type-only import leaves no server code here.
import type { FeedPostView } from "~/modules/feed/post-page.server";

export type { FeedPostView };

export function PostView({ post, signedIn }: { post: FeedPostView; signedIn: boolean }) {
  const t = useT();
  const lite = useRouteLoaderData<{ lite?: boolean }>("root")?.lite ?? false;
  const href = feedPostPath(post.id);
  const image = `${href}/image`;
  return (
    <article id={postAnchor(post.id)} data-post-id={post.id} aria-labelledby="post-title" className="card space-y-3">
      <h1 id="post-title" className="text-xl">
        {t(topicLabelId(post.topic))}
        {post.companyName ? (
          <>
            {" · "}
            <bdi>{post.companyName}</bdi>
          </>
        ) : null}
      </h1>
      {post.removed ? null : (
        <p>
          <AuthorLine author={post.author} mine={post.mine} />
        </p>
      )}
      <MetaLine
        parts={[
          post.industry ? <bdi key="industry">{post.industry}</bdi> : null,
          post.when,
          post.edited ? t("feedPost.post.edited") : null,
        ]}
      />
      {post.removed ? (
        <p className="italic text-stone-600">{t("feedPost.post.removed")}</p>
      ) : (
        <>
          <PostText parts={post.parts} />
          {post.hasImage ? (
            lite ? (
              <p>
                <a href={image}>{t("feedPost.post.imageLink")}</a>
              </p>
            ) : (
              <a href={image} className="block">
                <img src={image} alt={t("feedPost.post.imageAlt")} loading="lazy" decoding="async" className="max-h-96 w-auto max-w-full rounded border border-stone-200" />
              </a>
            )
          ) : null}
        </>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <LikeButton action={postLikePath(post.id)} liked={post.liked} count={post.likesCount} signedIn={signedIn} kind="post" disabled={post.removed} />
        <a href={`#${COMMENTS_ANCHOR}`} className="text-sm">
          {t("feedPost.post.comments", { count: post.commentsCount })}
        </a>
      </div>
      {signedIn ? (
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {post.mine && !post.removed ? <Link to={`${href}/edit`}>{t("feedPost.post.edit")}</Link> : null}
          {post.mine ? <Link to={`${href}/delete`}>{t("feedPost.post.delete")}</Link> : null}
          {!post.mine && !post.removed ? <Link to={`${href}/report`}>{t("feedPost.post.report")}</Link> : null}
        </p>
      ) : null}
    </article>
  );
}

/** The error page of the post page and its comment and like routes, with the way back to the feed. */
export function FeedPostErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
