/**
 * /communities/<id>/requests: the moderation queue of one community (the same rows and forms as
 * /moderation). Only its moderators (and global moderators and admins) see it: others get 403,
 * and a community that does not exist 404. Deciding checks the same in the write itself.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RequestQueue, type QueueFailure } from "~/components/communities/RequestQueue";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { standingIn } from "~/modules/communities/access.server";
import { queueFormSchema } from "~/modules/communities/moderation-forms.server";
import { listQueue, moderationCursor } from "~/modules/communities/moderation.server";
import { submitQueue } from "~/modules/communities/queue-submit.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const standing = await standingIn(ctx, user, params.id ?? "");
  if (!standing) throw new Response(t("moderation.notFound"), { status: 404 });
  if (!standing.moderates) throw new Response(t("moderation.onlyModerators"), { status: 403 });
  const here = `/communities/${standing.communityId}/requests`;
  const after = moderationCursor.from(url.searchParams.get("after"), "queue");
  if (after === null) throw new Response(t("moderation.brokenLink", { path: bidi(here) }), { status: 400 });
  const page = await listQueue(ctx, user, { communityId: standing.communityId, after });
  return {
    community: { id: standing.communityId, name: standing.name },
    rows: page.rows.map(({ askedAt, ...r }) => ({ ...r, name: displayName(r.name, t), asked: formatDate(askedAt, lang) })),
    nextHref: page.next ? `${here}?after=${moderationCursor.to(page.next, "queue")}` : null,
    paged: Boolean(after),
    ...(await pageMessages(request, ["moderation"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, queueFormSchema, { maxBytes: 20_000 });
  const t = translator(await languageOf(request));
  const ctx = getCtx();
  const standing = await standingIn(ctx, user, params.id ?? "");
  if (!standing) throw new Response(t("moderation.notFound"), { status: 404 });
  if (!standing.moderates) throw new Response(t("moderation.onlyModerators"), { status: 403 });
  const result = await submitQueue(ctx, user, read, t);
  if (result.kind === "fetcher") return data(result.reply, { status: result.status });
  if (result.kind === "failed") return data({ failure: result.failure }, { status: 400 });
  const here = `/communities/${standing.communityId}/requests`;
  return redirect(here, { headers: { "Set-Cookie": await flashHeader(result.said.message, result.said.kind, result.said.values) } });
}

export default function CommunityRequests() {
  const { community, rows, nextHref, paged } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const failure = failed && "failure" in failed ? (failed.failure as QueueFailure) : null;
  const t = useT();
  const page = `/communities/${community.id}`;
  return (
    <section aria-labelledby="requests-title" className="space-y-3">
      <h1 id="requests-title" dir="auto">
        {t("moderation.requests.title", { community: community.name })}
      </h1>
      <p className="flex flex-wrap gap-x-3">
        <Link to={page}>{t("moderation.membership.backToCommunity")}</Link>
        <Link to={`${page}/members`}>{t("moderation.members.link")}</Link>
        <Link to="/moderation">{t("moderation.requests.allLink")}</Link>
      </p>
      <RequestQueue rows={rows} showCommunity={false} failure={failure} nextHref={nextHref} paged={paged} />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("moderation.requests.pageTitle", { community: args.data?.community.name ?? "" })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
