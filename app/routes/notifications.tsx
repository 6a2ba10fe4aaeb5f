/** /notifications: newest first; a request shows while it is still pending; mark one or all read. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { networkCursor } from "~/modules/network/cursor.server";
import { listNotifications, markAllRead, markRead, notificationWords } from "~/modules/network/notifications.server";
import { notificationHref } from "~/modules/network/rules";
import { NETWORK_MESSAGES, notificationFormSchema } from "~/modules/network/forms.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const lang = await languageOf(request);
  const t = translator(lang);
  const after = networkCursor.from(url.searchParams.get("cursor"), "notifications");
  if (after === null) throw new Response(t("network.brokenLink", { path: bidi("/notifications") }), { status: 400 });
  const page = await listNotifications(getCtx(), user.id, { after });
  return {
    here: url.pathname + url.search,
    paged: Boolean(after),
    // Each notification's words in the reader's language of the moment (notificationWords).
    items: page.rows.map(({ href, relatedName, ...n }) => ({
      ...n,
      ...notificationWords({ ...n, relatedName }, t),
      to: notificationHref({ href, type: n.type, relatedUserId: n.relatedUserId }),
      createdAt: formatDate(n.createdAt, lang),
    })),
    nextHref: page.next ? `/notifications?${new URLSearchParams({ cursor: networkCursor.to(page.next, "notifications") })}` : null,
    ...(await pageMessages(request, ["notifications"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, notificationFormSchema, { maxBytes: 10_000 });
  const back = safeRedirectPath(read.values.back, "/notifications");
  const t = await translatorFor(request);
  if (!read.ok) return data({ error: t(NETWORK_MESSAGES.chooseNotification) }, { status: 400 });
  const ctx = getCtx();
  if (read.data.intent === "read-all") {
    await markAllRead(ctx, user.id);
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("notifications.allMarked") } });
  }
  const ok = await markRead(ctx, user.id, read.data.id);
  if (!ok) return data({ error: t("notifications.notYours") }, { status: 404 });
  return redirect(back, { headers: { "Set-Cookie": await flashHeader("notifications.marked") } });
}

export default function Notifications() {
  const { here, paged, items, nextHref } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const unread = items.some((n) => !n.isRead);
  return (
    <section aria-labelledby="notifications-title" className="space-y-4">
      <h1 id="notifications-title">{t("common.nav.notifications")}</h1>
      {failed ? (
        <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
          {failed.error}
        </p>
      ) : null}
      {unread ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="read-all" />
          <input type="hidden" name="back" value={here} />
          <button type="submit" className="btn-quiet">
            {t("notifications.markAll")}
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p className="card">{paged ? t("notifications.noOlder") : t("notifications.empty")}</p>
      ) : (
        <ul aria-label={t("common.nav.notifications")} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`space-y-1 p-3 ${n.isRead ? "" : "bg-teal-50"}`}>
              <h2 className="text-base font-semibold">
                {n.isRead ? null : <span className="sr-only">{t("notifications.unreadPrefix")} </span>}
                {n.to ? (
                  <Link to={n.to} dir="auto">
                    {n.title}
                  </Link>
                ) : (
                  <bdi>{n.title}</bdi>
                )}
              </h2>
              <p className="break-words" dir="auto">
                {n.message}
              </p>
              <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
                <span>{n.createdAt}</span>
                {n.type === "connection_request" ? <Link to="/network">{t("notifications.answer")}</Link> : null}
                {n.isRead ? null : (
                  <Form method="post" className="inline">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="back" value={here} />
                    <button type="submit" className="btn-quiet text-sm">
                      {t("notifications.mark")}
                      <span className="sr-only">: {n.title}</span>
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/notifications">{t("notifications.newest")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("notifications.older")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("notifications.pageTitle")));
