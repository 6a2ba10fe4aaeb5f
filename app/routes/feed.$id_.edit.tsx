/**
 * /feed/<id>/edit: the author changes their post (text, topic, company, industry; the image kept,
 * replaced or removed); the post then shows "edited". Whether it is anonymous stays as posted.
 * Anyone else: 404 (the author's id is in the read's WHERE). A post a moderator hid: 409.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { PostForm } from "~/components/feed/PostForm";
import { getCtx } from "~/db.server";
import { uuidOf } from "~/lib/ids";
import { useT, type Translate } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { ownPost } from "~/modules/feed/access.server";
import { readFeedPost } from "~/modules/feed/list.server";
import { FEED_FORM } from "~/modules/feed/post-forms.server";
import { FEED_MESSAGES, postHref, postImageHref } from "~/modules/feed/rules";
import { submitEdit } from "~/modules/feed/write.server";
import { flashHeader } from "~/services/flash.server";

/** The viewer's own post, or a 404; a hidden one is a 409. */
async function ownEditablePost(user: CurrentUser, rawId: string | undefined, t: Translate) {
  const id = uuidOf(rawId);
  const ctx = getCtx();
  const post = id ? await readFeedPost(ctx, user.id, id, ownPost(ctx, user.id, id)) : null;
  if (!post) throw new Response(t(FEED_MESSAGES.notFound), { status: 404 });
  if (post.removed) throw new Response(t(FEED_MESSAGES.removed), { status: 409 });
  return post;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = await ownEditablePost(user, params.id, await translatorFor(request));
  return {
    postId: post.id,
    values: { content: post.content, topic: post.topic, company_name: post.companyName ?? "", industry: post.industry ?? "" },
    image: post.imageKey ? postImageHref(post.id) : null,
    anonymous: post.anonymous,
    ...(await pageMessages(request, ["feed"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const t = await translatorFor(request);
  const post = await ownEditablePost(user, params.id, t);
  const read = await readForm(request, noFields, FEED_FORM);
  const outcome = await submitEdit(getCtx(), user, post.id, read, t);
  if (outcome.kind === "saved") return redirect(postHref(post.id), { headers: { "Set-Cookie": await flashHeader("feed.edit.done") } });
  if (outcome.kind === "missing") throw new Response(t(FEED_MESSAGES.notFound), { status: 404 });
  if (outcome.kind === "removed") throw new Response(t(FEED_MESSAGES.removed), { status: 409 });
  if (outcome.kind === "changed") return data({ errors: { form: t(FEED_MESSAGES.changed) }, values: outcome.values }, { status: 409 });
  return data({ errors: outcome.errors, values: outcome.values }, { status: outcome.status });
}

export default function EditFeedPost() {
  const { postId, values, image, anonymous } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const href = postHref(postId);
  return (
    <section aria-labelledby="edit-post-title" className="card space-y-4">
      <h1 id="edit-post-title">{t("feed.edit.title")}</h1>
      <PostForm
        key={failed ? JSON.stringify(failed.values) : "saved"}
        action={`${href}/edit`}
        values={failed && "content" in failed.values ? failed.values : values}
        errors={failed?.errors}
        edit={{ image, anonymous }}
        submitLabel={t("feed.edit.submit")}
        cancelHref={href}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("feed.edit.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/feed", label: t("common.area.feed") }]} />;
}
