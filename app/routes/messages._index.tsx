/** /messages: your conversations, the most recent first, each with its last message and how many are unread. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { listConversations } from "~/modules/messages/conversations.server";
import { messagesCursor } from "~/modules/messages/cursor.server";
import { previewOf } from "~/modules/messages/rules";
import { displayName } from "~/modules/network/rules";
import { metaFor, pageMeta } from "~/lib/meta";
import { SLOT, withNode } from "~/components/WithNode";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const after = messagesCursor.from(url.searchParams.get("cursor"), "conversations");
  if (after === null) throw new Response(t("network.brokenLink", { path: bidi("/messages") }), { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listConversations(ctx, user.id, { after }), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      userId: r.userId,
      name: displayName(r.name, t),
      preview: previewOf(r.lastText),
      fromMe: r.lastFromMe,
      at: formatDateTime(r.lastAt, zone, { lang }),
      avatarUrl: r.avatarUrl,
      unread: r.unread,
    })),
    nextHref: page.next ? `/messages?${new URLSearchParams({ cursor: messagesCursor.to(page.next, "conversations") })}` : null,
    ...(await pageMessages(request, ["messages"])),
  };
}

export default function Messages() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="messages-title" className="space-y-4">
      <h1 id="messages-title">{t("common.area.messages")}</h1>
      {rows.length === 0 ? (
        <p className="card">
          {paged
            ? t("messages.list.noOlder")
            : withNode(t("messages.list.empty", { link: SLOT }), <Link to="/network">{t("messages.list.emptyLink")}</Link>)}
        </p>
      ) : (
        <ul aria-label={t("messages.list.label")} className="list">
          {rows.map((r) => (
            <li key={r.userId} className={r.unread ? "bg-teal-50" : undefined}>
              <MemberCard
                id={r.userId}
                name={r.name}
                avatarUrl={r.avatarUrl}
                href={`/messages/${r.userId}#newest`}
                hiddenSuffix={r.unread ? t("messages.list.unreadSuffix", { count: r.unread }) : undefined}
                badge={
                  r.unread ? (
                    <span aria-hidden="true" className="pill border-teal-800 bg-teal-800 text-white">
                      {t("messages.list.unread", { count: r.unread })}
                    </span>
                  ) : null
                }
              >
                <p className="break-words text-sm text-stone-700">
                  {r.fromMe ? `${t("messages.list.you")} ` : null}
                  <bdi>{r.preview}</bdi>
                </p>
                <MetaLine parts={[r.at]} />
              </MemberCard>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/messages">{t("messages.list.mostRecent")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("messages.list.older")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("messages.pageTitle")));
