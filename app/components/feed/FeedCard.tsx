/**
 * One post on /feed (issue 17): who wrote it (AuthorLine: the anonymous name and picture, the
 * member's name, or "Removed by a moderator"), its topic, company and industry (each a link that
 * filters the feed), the day, "edited", the text with links clickable and long text clipped with
 * "Read more", the image (in lite mode a link to it instead), and the like and comment counts.
 * The author gets Edit and Delete. Everything comes from the server's FeedCardData: no id of an
 * anonymous author ever reaches this component.
 */
import { Link, useRouteLoaderData } from "@remix-run/react";
import { AuthorLine } from "~/components/feed/AuthorLine";
import { LikeButton } from "~/components/feed/LikeButton";
import { PostText } from "~/components/communities/PostCard";
import { MetaLine } from "~/components/ui/Meta";
import { useT } from "~/lib/i18n";
import { postLikePath } from "~/modules/feed/comment-rules";
import { feedHref, NO_FILTERS, topicLabelId } from "~/modules/feed/rules";
// The shape is made on the server (list.server.ts); a type-only import leaves no server code here.
import type { FeedCardData } from "~/modules/feed/list.server";

export type { FeedCardData };

export function FeedCard({ post, signedIn, headingLevel = 3 }: { post: FeedCardData; signedIn: boolean; headingLevel?: 2 | 3 }) {
  const t = useT();
  const lite = useRouteLoaderData<{ lite?: boolean }>("root")?.lite ?? false;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const headingId = `post-${post.id}`;
  return (
    <article data-post-id={post.id} aria-labelledby={headingId} className="space-y-2">
      <Heading id={headingId} className="text-base font-normal">
        <AuthorLine author={post.author} mine={post.mine} />
      </Heading>
      <MetaLine
        parts={[
          <Link key="topic" to={feedHref({ ...NO_FILTERS, topic: post.topic })}>
            {t(topicLabelId(post.topic))}
          </Link>,
          post.company ? (
            <Link key="company" to={feedHref({ ...NO_FILTERS, company: post.company })} dir="auto">
              {post.company}
            </Link>
          ) : null,
          post.industry ? (
            <Link key="industry" to={feedHref({ ...NO_FILTERS, industry: post.industry })} dir="auto">
              {post.industry}
            </Link>
          ) : null,
          <Link key="date" to={post.href} className="whitespace-nowrap">
            {post.date}
          </Link>,
          post.edited ? t("feed.card.edited") : null,
        ]}
      />
      {post.removed ? null : (
        <>
          <PostText parts={post.parts} />
          {post.clipped ? (
            <p>
              <Link to={post.href} aria-describedby={headingId}>
                {t("feed.card.readMore")}
              </Link>
            </p>
          ) : null}
          {post.image ? (
            lite ? (
              <p>
                <a href={post.image}>{t("feed.card.image")}</a>
              </p>
            ) : (
              <img src={post.image} alt={t("feed.card.imageAlt")} loading="lazy" decoding="async" className="max-h-96 w-auto max-w-full rounded border border-stone-200 bg-stone-100" />
            )
          ) : null}
        </>
      )}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700">
        {/* Lite mode keeps the page small: the count here, the button on the post's page. */}
        {lite || post.removed ? (
          <span>{t("feed.card.likes", { count: post.likes, shown: post.likesShown })}</span>
        ) : (
          <LikeButton action={postLikePath(post.id)} liked={post.liked} count={post.likes} signedIn={signedIn} kind="post" />
        )}
        <Link to={`${post.href}#comments`}>{t("feed.card.comments", { count: post.comments, shown: post.commentsShown })}</Link>
        {post.mine && !post.removed ? <Link to={`${post.href}/edit`}>{t("feed.card.edit")}</Link> : null}
        {post.mine ? <Link to={`${post.href}/delete`}>{t("feed.card.delete")}</Link> : null}
      </div>
    </article>
  );
}
