/**
 * /moderation: every waiting request of every community the viewer moderates (global moderators
 * and admins: all communities), oldest first, keyset pages. Approve or decline one, or tick several
 * and decide them in one submit (RequestQueue; with JavaScript the rows leave without a reload).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { RequestQueue, type QueueFailure } from "~/components/communities/RequestQueue";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { ModerationTabs } from "~/components/feed/ModerationTabs";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { moderatedCommunityIds } from "~/modules/communities/access.server";
import { moderationTabs } from "~/modules/feed/moderation.server";
import { queueFormSchema } from "~/modules/communities/moderation-forms.server";
import { listQueue, moderationCursor } from "~/modules/communities/moderation.server";
import { submitQueue } from "~/modules/communities/queue-submit.server";
import { displayName } from "~/modules/network/rules";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const after = moderationCursor.from(url.searchParams.get("after"), "queue");
  if (after === null) throw new Response(t("moderation.brokenLink", { path: bidi("/moderation") }), { status: 400 });
  const ctx = getCtx();
  const [moderated, page, tabs] = await Promise.all([moderatedCommunityIds(ctx, user), listQueue(ctx, user, { after }), moderationTabs(ctx, user, t, "requests")]);
  return {
    tabs,
    moderatesAny: moderated === "all" || moderated.length > 0,
    rows: page.rows.map(({ askedAt, ...r }) => ({ ...r, name: displayName(r.name, t), asked: formatDate(askedAt, lang) })),
    nextHref: page.next ? `/moderation?after=${moderationCursor.to(page.next, "queue")}` : null,
    paged: Boolean(after),
    ...(await pageMessages(request, ["moderation"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, queueFormSchema, { maxBytes: 20_000 });
  const t = translator(await languageOf(request));
  const result = await submitQueue(getCtx(), user, read, t);
  if (result.kind === "fetcher") return data(result.reply, { status: result.status });
  if (result.kind === "failed") return data({ failure: result.failure }, { status: 400 });
  return redirect("/moderation", { headers: { "Set-Cookie": await flashHeader(result.said.message, result.said.kind, result.said.values) } });
}

export default function Moderation() {
  const { tabs, moderatesAny, rows, nextHref, paged } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const failure = failed && "failure" in failed ? (failed.failure as QueueFailure) : null;
  const t = useT();
  return (
    <section aria-labelledby="moderation-title" className="space-y-3">
      <ModerationTabs nav={tabs} />
      <h1 id="moderation-title">{t("moderation.queue.title")}</h1>
      {moderatesAny ? (
        <>
          <p>{t("moderation.queue.intro")}</p>
          <RequestQueue rows={rows} showCommunity failure={failure} nextHref={nextHref} paged={paged} />
        </>
      ) : (
        <p>
          {t("moderation.queue.noCommunities")} <Link to="/communities">{t("moderation.queue.browse")}</Link>
        </p>
      )}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("moderation.queue.pageTitle")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
