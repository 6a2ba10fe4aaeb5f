/**
 * /feed/<id>/delete: the confirmation page, and the POST that deletes the post (its author only:
 * one DELETE whose WHERE says so; its comments, likes and reports go with it, then its image file).
 * Anyone else: 404, nothing changes.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { PostText } from "~/components/communities/PostCard";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { ownPost } from "~/modules/feed/access.server";
import { removeFeedImage } from "~/modules/feed/image.server";
import { feedCardView, readFeedPost } from "~/modules/feed/list.server";
import { FEED_MESSAGES } from "~/modules/feed/rules";
import { deleteFeedPost } from "~/modules/feed/write.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const id = uuidOf(params.id);
  const ctx = getCtx();
  const post = id ? await readFeedPost(ctx, user.id, id, ownPost(ctx, user.id, id)) : null;
  if (!post) throw new Response(translator(lang)(FEED_MESSAGES.notFound), { status: 404 });
  const card = feedCardView(post, { lang });
  return { postId: post.id, href: card.href, removed: card.removed, parts: card.parts, ...(await pageMessages(request, ["feed"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 2_000 });
  const id = uuidOf(params.id);
  const deleted = id ? await deleteFeedPost(getCtx(), user.id, id) : null;
  if (!deleted) throw new Response((await translatorFor(request))(FEED_MESSAGES.notFound), { status: 404 });
  // The row is gone: now its file.
  await removeFeedImage(deleted.imageKey);
  return redirect("/feed", { headers: { "Set-Cookie": await flashHeader("feed.delete.done") } });
}

export default function DeleteFeedPost() {
  const { href, removed, parts } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  return (
    <section aria-labelledby="delete-post-title" className="card space-y-3">
      <h1 id="delete-post-title">{t("feed.delete.title")}</h1>
      <p>{t("feed.delete.warn")}</p>
      <blockquote className="border-s-4 border-stone-300 ps-3 text-stone-700">{removed ? <p>{t("feed.author.removed")}</p> : <PostText parts={parts} />}</blockquote>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? t("feed.delete.deleting") : t("feed.delete.submit")}
        </Button>
        <Link to={href}>{t("feed.delete.keep")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feed.delete.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
