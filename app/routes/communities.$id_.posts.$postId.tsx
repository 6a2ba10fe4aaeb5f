/**
 * /communities/<id>/posts/<postId>: one post, for the community's approved members and its
 * moderators; everyone else signed in gets 404 (the post's existence is the members' business),
 * visitors sign in first. An event shows its time in the reader's zone and "Add to calendar".
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CommunityErrorBoundary } from "~/components/communities/CommunityErrorBoundary";
import { PostCard } from "~/components/communities/PostCard";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { standingIn } from "~/modules/communities/access.server";
import { getPost } from "~/modules/communities/posts.server";
import { postView } from "~/modules/communities/post-view.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const [standing, post, tz] = await Promise.all([
    standingIn(ctx, viewer, params.id ?? ""),
    getPost(ctx, viewer, params.id ?? "", params.postId ?? ""),
    effectiveZone(ctx, user.id, request),
  ]);
  if (!standing || !post) throw new Response(t("communityPosts.post.notFound"), { status: 404 });
  return {
    community: { id: standing.communityId, name: standing.name },
    post: postView(post, { viewer, moderates: standing.moderates, zone: tz.zone, lang, t }),
    ...(await pageMessages(request, ["communityPosts"])),
  };
}

export default function PostPage() {
  const { community, post } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="post-page-title" className="card space-y-3">
      <h1 id="post-page-title" className="break-words" dir="auto">
        {post.event ? post.event.title : t("communityPosts.post.title", { name: post.authorName })}
      </h1>
      <p>
        {t("communityPosts.post.in")}{" "}
        <Link to={`/communities/${community.id}`} dir="auto">
          {community.name}
        </Link>
      </p>
      <PostCard post={post} headingLevel={2} standalone />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data?.post.event?.title ?? args.data?.community.name ?? t("communityPosts.pageTitle") })));

export function ErrorBoundary() {
  return <CommunityErrorBoundary />;
}
