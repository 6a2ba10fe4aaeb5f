/**
 * /feed/<id>/comments/<commentId>/delete: the confirmation page, and the POST that deletes the
 * comment (its author only: one DELETE whose WHERE says so; the post's comments_count goes down in
 * the same transaction). Anyone else: 404, nothing changes (visitors sign in first).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { PostText } from "~/components/communities/PostCard";
import { FeedPostErrorBoundary } from "~/components/feed/PostView";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { uuidOf } from "~/lib/ids";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { linkParts } from "~/modules/communities/links.server";
import { commentAnchor, COMMENTS_ANCHOR, feedPostPath } from "~/modules/feed/comment-rules";
import { deleteComment, getComment } from "~/modules/feed/comments.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const postId = uuidOf(params.id);
  const commentId = uuidOf(params.commentId);
  const comment = postId && commentId ? await getComment(getCtx(), user.id, postId, commentId) : null;
  if (!postId || !comment || !comment.mine) throw new Response(t("feedPost.comment.notFound"), { status: 404 });
  return {
    postId,
    commentId: comment.id,
    removed: comment.removed,
    parts: comment.removed ? [] : linkParts(comment.content),
    ...(await pageMessages(request, ["feed", "feedPost"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 2_000 });
  const postId = uuidOf(params.id);
  const commentId = uuidOf(params.commentId);
  const deleted = postId && commentId ? await deleteComment(getCtx(), user.id, postId, commentId) : false;
  if (!postId || !deleted) throw new Response((await translatorFor(request))("feedPost.comment.notFound"), { status: 404 });
  return redirect(`${feedPostPath(postId)}#${COMMENTS_ANCHOR}`, { headers: { "Set-Cookie": await flashHeader("feedPost.comment.deleted") } });
}

export default function DeleteComment() {
  const { postId, commentId, removed, parts } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  return (
    <section aria-labelledby="delete-comment-title" className="card space-y-3">
      <h1 id="delete-comment-title">{t("feedPost.delete.title")}</h1>
      <p>{t("feedPost.delete.warn")}</p>
      <blockquote className="border-s-4 border-stone-300 ps-3 text-stone-700">
        {removed ? <p className="italic">{t("feedPost.comment.removed")}</p> : <PostText parts={parts} />}
      </blockquote>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? t("feedPost.delete.deleting") : t("feedPost.delete.submit")}
        </Button>
        <Link to={`${feedPostPath(postId)}#${commentAnchor(commentId)}`}>{t("feedPost.delete.keep")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feedPost.delete.title") })));

export function ErrorBoundary() {
  return <FeedPostErrorBoundary />;
}
