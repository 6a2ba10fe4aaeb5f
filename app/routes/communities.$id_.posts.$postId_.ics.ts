/**
 * /communities/<id>/posts/<postId>/ics: an event as an RFC 5545 file ("Add to calendar"), for the
 * community's members and moderators; an update, or anyone else's asking: 404.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { buildIcs } from "~/modules/calendar/index.server";
import { standingIn } from "~/modules/communities/access.server";
import { eventMinutes, eventTitle } from "~/modules/communities/post-rules";
import { getPost } from "~/modules/communities/posts.server";
import { env } from "~/env.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const ctx = getCtx();
  const t = translator(await languageOf(request));
  const [standing, post] = await Promise.all([standingIn(ctx, viewer, params.id ?? ""), getPost(ctx, viewer, params.id ?? "", params.postId ?? "")]);
  if (!standing || !post?.event) throw new Response(t("communityPosts.post.notFound"), { status: 404 });
  const origin = env().PUBLIC_URL ?? new URL(request.url).origin;
  const link = `${origin}/communities/${standing.communityId}/posts/${post.id}`;
  const body = buildIcs({
    uid: `community-event-${post.id}@ladder`,
    now: Date.now(),
    start: post.event.startsAt.getTime(),
    minutes: eventMinutes(post.event.startsAt, post.event.endsAt),
    summary: eventTitle(post.content),
    description: `${t("communityPosts.ics.in", { community: standing.name })}\n\n${post.content}\n\n${link}`,
    location: post.event.place ?? post.event.onlineUrl,
    url: post.event.onlineUrl ?? link,
    product: "Communities",
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="ladder-event.ics"',
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
