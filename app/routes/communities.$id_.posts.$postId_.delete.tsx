/**
 * /communities/<id>/posts/<postId>/delete: the confirmation page, and the POST that deletes the
 * post (its author, or a moderator of the community: one DELETE whose WHERE says so; a post a
 * moderator removes tells its author). Anyone else: 404, nothing changes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { CommunityErrorBoundary } from "~/components/communities/CommunityErrorBoundary";
import { PostText } from "~/components/communities/PostCard";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { standingIn } from "~/modules/communities/access.server";
import { linkParts } from "~/modules/communities/links.server";
import { deletePost, getPost } from "~/modules/communities/posts.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const ctx = getCtx();
  const t = translator(await languageOf(request));
  const [standing, post] = await Promise.all([standingIn(ctx, viewer, params.id ?? ""), getPost(ctx, viewer, params.id ?? "", params.postId ?? "")]);
  const mine = post?.authorId === user.id;
  if (!standing || !post || !(mine || standing.moderates)) throw new Response(t("communityPosts.post.notFound"), { status: 404 });
  return {
    communityId: standing.communityId,
    postId: post.id,
    mine,
    author: displayName(post.authorName, t),
    parts: linkParts(post.content),
    ...(await pageMessages(request, ["communityPosts"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 2_000 });
  const id = params.id ?? "";
  const outcome = await deletePost(getCtx(), { id: user.id, role: user.role }, id, params.postId ?? "");
  if (!outcome.ok) throw new Response((await translatorFor(request))("communityPosts.post.notFound"), { status: 404 });
  const flash = await flashHeader(outcome.byModerator ? "communityPosts.delete.doneModerator" : "communityPosts.delete.done");
  return redirect(`/communities/${id}`, { headers: { "Set-Cookie": flash } });
}

export default function DeletePost() {
  const { communityId, postId, mine, author, parts } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  return (
    <section aria-labelledby="delete-post-title" className="card space-y-3">
      <h1 id="delete-post-title">{mine ? t("communityPosts.delete.titleOwn") : t("communityPosts.delete.titleOther", { name: author })}</h1>
      <p>{mine ? t("communityPosts.delete.warnOwn") : t("communityPosts.delete.warnOther", { name: author })}</p>
      <blockquote className="border-s-4 border-stone-300 ps-3 text-stone-700">
        <PostText parts={parts} />
      </blockquote>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? t("communityPosts.delete.deleting") : t("communityPosts.delete.submit")}
        </Button>
        <Link to={`/communities/${communityId}/posts/${postId}`}>{t("communityPosts.delete.keep")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communityPosts.delete.metaTitle") })));

export function ErrorBoundary() {
  return <CommunityErrorBoundary />;
}
