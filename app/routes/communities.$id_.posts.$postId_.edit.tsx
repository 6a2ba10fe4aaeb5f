/**
 * /communities/<id>/posts/<postId>/edit: the author changes their post (its type stays; an
 * event's times in the author's zone). Anyone else, or an author who is no longer a member: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { CommunityErrorBoundary } from "~/components/communities/CommunityErrorBoundary";
import { PostForm } from "~/components/communities/PostForm";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { momentInputs } from "~/modules/communities/event-time";
import { POST_FIELDS, postForm } from "~/modules/communities/post-forms.server";
import { getPost, postHref, updatePost } from "~/modules/communities/posts.server";
import { flashHeader } from "~/services/flash.server";

/** The viewer's own post in that community, or a 404. */
async function ownPost(request: Request, user: CurrentUser, communityId: string, postId: string) {
  const post = await getPost(getCtx(), { id: user.id, role: user.role }, communityId, postId);
  if (!post || post.authorId !== user.id) throw new Response((await translatorFor(request))("communityPosts.post.notFound"), { status: 404 });
  return post;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const post = await ownPost(request, user, params.id ?? "", params.postId ?? "");
  const { zone } = await effectiveZone(getCtx(), user.id, request);
  const values: Record<string, string> = { type: post.type, content: post.content };
  if (post.event) {
    const start = momentInputs(zone, post.event.startsAt);
    Object.assign(values, { startDate: start.day, startTime: start.time, place: post.event.place ?? "", onlineUrl: post.event.onlineUrl ?? "" });
    if (post.event.endsAt) {
      const end = momentInputs(zone, post.event.endsAt);
      Object.assign(values, { endDate: end.day, endTime: end.time });
    }
  }
  return { communityId: post.communityId, postId: post.id, type: post.type, values, zone, ...(await pageMessages(request, ["communityPosts"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const post = await ownPost(request, user, params.id ?? "", params.postId ?? "");
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  const read = await readForm(request, postForm(zone, post.type), { maxBytes: 100_000 });
  if (!read.ok) return data({ errors: read.errors, values: pick(read.values, POST_FIELDS) }, { status: 400 });
  const outcome = await updatePost(ctx, { id: user.id, role: user.role }, post.communityId, post.id, read.data);
  if (outcome === "not_found") throw new Response((await translatorFor(request))("communityPosts.post.notFound"), { status: 404 });
  return redirect(postHref(post.communityId, post.id), { headers: { "Set-Cookie": await flashHeader("communityPosts.edit.done") } });
}

export default function EditPost() {
  const { communityId, postId, type, values, zone } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const href = `/communities/${communityId}/posts/${postId}`;
  return (
    <section aria-labelledby="edit-post-title" className="card space-y-4">
      <h1 id="edit-post-title">{type === "event" ? t("communityPosts.edit.titleEvent") : t("communityPosts.edit.titleUpdate")}</h1>
      <PostForm
        action={`${href}/edit`}
        values={failed?.values ?? values}
        errors={failed?.errors}
        fixedType={type}
        zone={zone}
        submitLabel={t("communityPosts.edit.submit")}
        cancelHref={href}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communityPosts.edit.titleUpdate") })));

export function ErrorBoundary() {
  return <CommunityErrorBoundary />;
}
