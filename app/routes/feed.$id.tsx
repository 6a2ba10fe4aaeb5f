/**
 * /feed/<id>: one post of the anonymous feed (issue 17, item 3) and its comments, oldest first in
 * keyset pages of 30 (?after=<cursor>; with JavaScript the next page is fetched in place). Everyone
 * reads; a member likes (LikeButton posts to /feed/<id>/like) and comments here (POST: content,
 * is_anonymous, ticked by default), at most 60 comments an hour. A hidden post says "Removed by a
 * moderator" and takes no comments. An unknown or malformed id is 404.
 *
 * Nothing here can name an anonymous author: the data comes from access.server.ts's columns, which
 * never select an anonymous author's id or name, and only ids of posts and comments go into links.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommentForm, CommentList } from "~/components/feed/CommentList";
import { FeedPostErrorBoundary, PostView } from "~/components/feed/PostView";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { getCurrentUser, requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { COMMENT_MESSAGES, commentForm } from "~/modules/feed/comment-forms.server";
import { COMMENT_FORM_ANCHOR, COMMENTS_ANCHOR, feedPostPath, signInPath } from "~/modules/feed/comment-rules";
import { createComment } from "~/modules/feed/comments.server";
import { feedCommentsCursor } from "~/modules/feed/comments-cursor.server";
import { anonymousNameOf, postPage } from "~/modules/feed/post-page.server";
import { flashHeader } from "~/services/flash.server";
import { tooManyRequests } from "~/services/rate-limit.server";

const COMMENT_FIELDS = ["content", "is_anonymous"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const postId = uuidOf(params.id);
  if (!postId) throw new Response(t("feedPost.notFound"), { status: 404 });
  const after = feedCommentsCursor.from(new URL(request.url).searchParams.get("after"), "comments");
  if (after === null) throw new Response(t("feedPost.brokenLink"), { status: 400 });
  const [zone, anonymousName] = await Promise.all([
    user ? effectiveZone(ctx, user.id, request).then((z) => z.zone) : Promise.resolve("UTC"),
    user ? anonymousNameOf(ctx, user.id) : Promise.resolve(null),
  ]);
  const page = await postPage(ctx, postId, { viewerId: user?.id ?? null, zone, lang, after });
  if (!page) throw new Response(t("feedPost.notFound"), { status: 404 });
  const path = feedPostPath(page.post.id);
  return {
    post: page.post,
    comments: page.comments,
    nextHref: page.next ? `${path}?after=${feedCommentsCursor.to(page.next, "comments")}#${COMMENTS_ANCHOR}` : null,
    paged: Boolean(after),
    signedIn: user !== null,
    anonymousName,
    ...(await pageMessages(request, ["feed", "feedPost"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, commentForm, { maxBytes: 64_000 });
  const t = await translatorFor(request);
  const postId = uuidOf(params.id);
  if (!postId) throw new Response(t("feedPost.notFound"), { status: 404 });
  const values = pick(read.values, COMMENT_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values, refused: null }, { status: 400 });
  const outcome = await createComment(getCtx(), user.id, postId, read.data);
  if (outcome.ok) return redirect(outcome.href, { headers: { "Set-Cookie": await flashHeader("feedPost.comment.done") } });
  switch (outcome.reason) {
    case "needs_anonymous_name":
      return data({ errors: { is_anonymous: t(COMMENT_MESSAGES.needsAnonymousName) }, values, refused: null }, { status: 400 });
    case "hidden":
      return data({ errors: {}, values, refused: t("feedPost.comment.hiddenPost") }, { status: 409 });
    case "rate_limited":
      throw tooManyRequests("feedPost.comment.tooMany", outcome.retryAfterSeconds, t);
    default:
      throw new Response(t("feedPost.notFound"), { status: 404 });
  }
}

export default function FeedPostPage() {
  const { post, comments, nextHref, paged, signedIn, anonymousName } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const path = feedPostPath(post.id);
  return (
    <div className="space-y-6">
      <PostView post={post} signedIn={signedIn} />
      <section id={COMMENTS_ANCHOR} aria-labelledby="comments-title" className="space-y-3">
        <h2 id="comments-title">{t("feedPost.comments.title", { count: post.commentsCount })}</h2>
        {paged ? (
          <p>
            <Link to={`${path}#${COMMENTS_ANCHOR}`}>{t("feedPost.comments.first")}</Link>
          </p>
        ) : null}
        {/* Keyed by the page, so "more comments" fetched in place start again on another page. */}
        <CommentList key={`${post.id}:${paged ? (comments[0]?.id ?? "end") : "first"}`} postId={post.id} comments={comments} nextHref={nextHref} signedIn={signedIn} postRemoved={post.removed} />
        {comments.length === 0 && !post.removed ? <p className="text-stone-600">{paged ? t("feedPost.comments.noMore") : t("feedPost.comments.none")}</p> : null}
        {failed?.refused ? (
          <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
            {failed.refused}
          </p>
        ) : null}
        {post.removed ? (
          <p className="text-stone-600">{t("feedPost.comments.closed")}</p>
        ) : signedIn ? (
          <div className="card space-y-2">
            <h2 className="text-base font-semibold">{t("feedPost.form.title")}</h2>
            {/* Keyed by the count: with JavaScript the page stays mounted after commenting, and a new key empties the box. */}
            <CommentForm
              key={post.commentsCount}
              action={path}
              kind="new"
              values={failed?.values ?? {}}
              errors={failed?.errors}
              submitted={Boolean(failed)}
              anonymousName={anonymousName}
            />
          </div>
        ) : (
          <p id={COMMENT_FORM_ANCHOR}>
            <Link to={signInPath(`${path}#${COMMENT_FORM_ANCHOR}`)}>{t("feedPost.comments.signIn")}</Link>
          </p>
        )}
      </section>
    </div>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data?.post.summary || t("feedPost.pageTitle") })));

export function ErrorBoundary() {
  return <FeedPostErrorBoundary />;
}
