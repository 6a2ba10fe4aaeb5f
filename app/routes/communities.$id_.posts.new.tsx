/**
 * /communities/<id>/posts/new: an approved member writes an update or an event (?type=event
 * chooses the event first). The community page's short update form posts here too, so a problem
 * with it comes back on this page with what was typed. Everyone else: 404 (visitors sign in first).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommunityErrorBoundary } from "~/components/communities/CommunityErrorBoundary";
import { PostForm } from "~/components/communities/PostForm";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { requireUser, type CurrentUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/index.server";
import { standingIn } from "~/modules/communities/access.server";
import { POST_FIELDS, postForm } from "~/modules/communities/post-forms.server";
import { createPost } from "~/modules/communities/posts.server";
import { flashHeader } from "~/services/flash.server";
import { countAttempt, LIMITS, refusalWithWait } from "~/services/rate-limit.server";

/** The community, when the viewer is an approved member of it; else a 404. */
async function memberOf(request: Request, user: CurrentUser, id: string) {
  const standing = await standingIn(getCtx(), { id: user.id, role: user.role }, id);
  if (!standing || standing.membership !== "approved") throw new Response((await translatorFor(request))("communityPosts.notFound"), { status: 404 });
  return standing;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const community = await memberOf(request, user, params.id ?? "");
  const { zone } = await effectiveZone(getCtx(), user.id, request);
  const type = new URL(request.url).searchParams.get("type") === "event" ? "event" : "update";
  return { community: { id: community.communityId, name: community.name }, zone, type, ...(await pageMessages(request, ["communityPosts"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const community = await memberOf(request, user, params.id ?? "");
  const ctx = getCtx();
  const { zone } = await effectiveZone(ctx, user.id, request);
  const read = await readForm(request, postForm(zone), { maxBytes: 100_000 });
  if (!read.ok) return data({ errors: read.errors, values: pick(read.values, POST_FIELDS) }, { status: 400 });
  // Counted before the write (decision 061), taken back if the post is not written.
  const counted = await countAttempt(ctx, `community-post:${user.id}`, LIMITS.communityPostPerMember);
  if (!counted.allowed) {
    const form = refusalWithWait(await translatorFor(request), "communityPosts.form.tooMany", counted.retryAfterSeconds, { limit: LIMITS.communityPostPerMember.limit });
    return data({ errors: { form }, values: pick(read.values, POST_FIELDS) }, { status: 429, headers: { "Retry-After": String(counted.retryAfterSeconds) } });
  }
  const outcome = await createPost(ctx, { id: user.id, role: user.role }, community.communityId, read.data);
  if (!outcome.ok) {
    await counted.takeBack();
    throw new Response((await translatorFor(request))("communityPosts.notFound"), { status: 404 });
  }
  const flash = await flashHeader(read.data.type === "event" ? "communityPosts.new.eventDone" : "communityPosts.new.updateDone");
  return redirect(`/communities/${community.communityId}`, { headers: { "Set-Cookie": flash } });
}

export default function NewPost() {
  const { community, zone, type } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const back = `/communities/${community.id}`;
  return (
    <section aria-labelledby="new-post-title" className="card space-y-4">
      <h1 id="new-post-title">{t("communityPosts.new.title")}</h1>
      <p>
        <Link to={back} dir="auto">
          {community.name}
        </Link>
      </p>
      <PostForm
        action={`${back}/posts/new`}
        values={failed?.values ?? { type }}
        errors={failed?.errors}
        zone={zone}
        submitLabel={t("communityPosts.new.submit")}
        cancelHref={back}
      />
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("communityPosts.new.title") })));

export function ErrorBoundary() {
  return <CommunityErrorBoundary />;
}
