/**
 * /feed/<id>/comments/<commentId>/edit: the author changes their comment's text (issue 17, item 2);
 * the comment then shows "edited". Anyone else: 404 (visitors sign in first). A comment a
 * moderator hid, or one on a hidden post, cannot be edited (409). Bad text: 400 with the message
 * beside the field and what was typed kept.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommentForm } from "~/components/feed/CommentList";
import { FeedPostErrorBoundary } from "~/components/feed/PostView";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { commentEditForm } from "~/modules/feed/comment-forms.server";
import { commentAnchor, commentPath, feedPostPath } from "~/modules/feed/comment-rules";
import { getComment, updateComment } from "~/modules/feed/comments.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const postId = uuidOf(params.id);
  const commentId = uuidOf(params.commentId);
  const comment = postId && commentId ? await getComment(getCtx(), user.id, postId, commentId) : null;
  if (!postId || !comment || !comment.mine) throw new Response(t("feedPost.comment.notFound"), { status: 404 });
  if (comment.removed || comment.postRemoved) throw new Response(t("feedPost.comment.hiddenEdit"), { status: 409 });
  return { postId, commentId: comment.id, content: comment.content, ...(await pageMessages(request, ["feed", "feedPost"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, commentEditForm, { maxBytes: 64_000 });
  const t = await translatorFor(request);
  const postId = uuidOf(params.id);
  const commentId = uuidOf(params.commentId);
  if (!postId || !commentId) throw new Response(t("feedPost.comment.notFound"), { status: 404 });
  if (!read.ok) return data({ errors: read.errors, values: pick(read.values, ["content"]) }, { status: 400 });
  const outcome = await updateComment(getCtx(), user.id, postId, commentId, read.data.content);
  if (outcome.ok) return redirect(outcome.href, { headers: { "Set-Cookie": await flashHeader("feedPost.comment.saved") } });
  if (outcome.reason === "hidden") throw new Response(t("feedPost.comment.hiddenEdit"), { status: 409 });
  throw new Response(t("feedPost.comment.notFound"), { status: 404 });
}

export default function EditComment() {
  const { postId, commentId, content } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="edit-comment-title" className="card space-y-4">
      <h1 id="edit-comment-title">{t("feedPost.edit.title")}</h1>
      <CommentForm
        action={`${commentPath(postId, commentId)}/edit`}
        kind="edit"
        values={failed?.values ?? { content }}
        errors={failed?.errors}
        submitted={Boolean(failed)}
        cancelHref={`${feedPostPath(postId)}#${commentAnchor(commentId)}`}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feedPost.edit.title") })));

export function ErrorBoundary() {
  return <FeedPostErrorBoundary />;
}
