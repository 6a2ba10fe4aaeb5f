/**
 * One community post as the community page and the post page show it: the author, when, the
 * text with its links clickable (parts made on the server; React escapes every character), an
 * event's time, place and link with "Add to calendar", and the author's and moderators' links.
 */
import { Fragment } from "react";
import { Link } from "@remix-run/react";
import { MetaLine } from "~/components/ui/Meta";
import { useT } from "~/lib/i18n";

/** The rel of every link members write (the same as the coach's Markdown links). */
const MEMBER_LINK_REL = "nofollow noopener noreferrer ugc";

// The shape is made on the server (post-view.server.ts); type-only imports leave no server code here.
import type { TextPart } from "~/modules/communities/links.server";
import type { PostView as PostCardData } from "~/modules/communities/post-view.server";

export type { PostCardData, TextPart };

export function PostText({ parts }: { parts: TextPart[] }) {
  return (
    <p className="whitespace-pre-wrap break-words" dir="auto">
      {parts.map((part, i) =>
        typeof part === "string" ? (
          <Fragment key={i}>{part}</Fragment>
        ) : (
          <a key={i} href={part.href} rel={MEMBER_LINK_REL} className="break-all">
            {part.text}
          </a>
        ),
      )}
    </p>
  );
}

export function PostCard({ post, headingLevel = 3, standalone = false }: { post: PostCardData; headingLevel?: 2 | 3; standalone?: boolean }) {
  const t = useT();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const label = post.type === "event" ? t("communityPosts.kind.event") : t("communityPosts.kind.update");
  return (
    <article aria-labelledby={`post-${post.id}`} className="space-y-2">
      <Heading id={`post-${post.id}`} className="text-base font-semibold">
        <Link to={`/u/${post.authorId}`} dir="auto">
          {post.authorName}
        </Link>
      </Heading>
      <MetaLine parts={[label, standalone ? post.postedAt : <Link to={post.href}>{post.postedAt}</Link>]} />
      {post.event ? (
        <div className="rounded border-s-4 border-teal-700 bg-teal-50 p-2 text-sm">
          <p className="font-semibold">{post.event.ends ? t("communityPosts.event.fromTo", { start: post.event.starts, end: post.event.ends }) : t("communityPosts.event.starts", { start: post.event.starts })}</p>
          {post.event.place ? (
            <p>
              {t("communityPosts.event.place")} <span dir="auto">{post.event.place}</span>
            </p>
          ) : null}
          {post.event.onlineUrl ? (
            <p className="break-all">
              {t("communityPosts.event.online")}{" "}
              <a href={post.event.onlineUrl} rel={MEMBER_LINK_REL}>
                {post.event.onlineUrl}
              </a>
            </p>
          ) : null}
          <p>
            <a href={post.event.icsHref} download="ladder-event.ics">
              {t("communityPosts.event.addToCalendar")}
            </a>
          </p>
        </div>
      ) : null}
      <PostText parts={post.parts} />
      {post.canEdit || post.canDelete ? (
        <p className="flex flex-wrap gap-3 text-sm">
          {post.canEdit ? <Link to={`${post.href}/edit`}>{t("communityPosts.post.edit")}</Link> : null}
          {post.canDelete ? <Link to={`${post.href}/delete`}>{t("communityPosts.post.delete")}</Link> : null}
        </p>
      ) : null}
    </article>
  );
}
