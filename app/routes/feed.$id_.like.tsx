/**
 * POST /feed/<id>/like: like or unlike a feed post (issue 17, item 4). The form says which
 * (intent=like|unlike), so a double submit of "like" stays liked. Without JavaScript the answer
 * is a redirect back to the page the button was on (a local path, checked), at the post's anchor;
 * with JavaScript (via=fetcher) it is the new state as data. A visitor is sent to sign in; a hidden
 * post cannot be liked (409); an unknown post is 404. A GET goes to the post.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { FeedPostErrorBoundary } from "~/components/feed/PostView";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { likeForm } from "~/modules/feed/comment-forms.server";
import { backWithAnchor, feedPostPath, postAnchor, signInPath } from "~/modules/feed/comment-rules";
import { setPostLike } from "~/modules/feed/likes.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const postId = uuidOf(params.id);
  if (!postId) throw new Response((await translatorFor(request))("feedPost.notFound"), { status: 404 });
  return redirect(feedPostPath(postId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const postId = uuidOf(params.id);
  const user = await getCurrentUser(request);
  if (!user) return redirect(signInPath(postId ? feedPostPath(postId) : "/feed"));
  const read = await readForm(request, likeForm, { maxBytes: 4_000 });
  const t = await translatorFor(request);
  if (!postId) throw new Response(t("feedPost.notFound"), { status: 404 });
  if (!read.ok) throw new Response(read.errors.intent ?? t("feedPost.like.badForm"), { status: 400 });
  const outcome = await setPostLike(getCtx(), user.id, postId, read.data.intent === "like");
  const fetcher = read.data.via === "fetcher";
  if (!outcome.ok) {
    const hidden = outcome.reason === "hidden";
    const message = hidden ? t("feedPost.like.hiddenPost") : t("feedPost.notFound");
    const status = hidden ? 409 : 404;
    if (fetcher) return data({ error: message }, { status });
    throw new Response(message, { status });
  }
  if (fetcher) return data({ liked: outcome.liked, count: outcome.count });
  return redirect(backWithAnchor(safeRedirectPath(read.data.back, feedPostPath(postId)), postAnchor(postId)));
}

export default function Nothing() {
  return null;
}

export function ErrorBoundary() {
  return <FeedPostErrorBoundary />;
}
