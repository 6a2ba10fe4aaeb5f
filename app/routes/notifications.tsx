/** /notifications: newest first; a request shows while it is still pending; mark one or all read. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { networkCursor } from "~/modules/network/cursor.server";
import { listNotifications, markAllRead, markRead } from "~/modules/network/notifications.server";
import { notificationHref } from "~/modules/network/rules";
import { NETWORK_MESSAGES, notificationFormSchema } from "~/modules/network/forms.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = networkCursor.from(url.searchParams.get("cursor"), "notifications");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /notifications.", { status: 400 });
  const page = await listNotifications(getCtx(), user.id, { after });
  return {
    here: url.pathname + url.search,
    paged: Boolean(after),
    items: page.rows.map(({ href, ...n }) => ({ ...n, to: notificationHref({ href, type: n.type, relatedUserId: n.relatedUserId }), createdAt: formatDate(n.createdAt) })),
    nextHref: page.next ? `/notifications?${new URLSearchParams({ cursor: networkCursor.to(page.next, "notifications") })}` : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, notificationFormSchema, { maxBytes: 10_000 });
  const back = safeRedirectPath(read.values.back, "/notifications");
  if (!read.ok) return data({ error: NETWORK_MESSAGES.chooseNotification }, { status: 400 });
  const ctx = getCtx();
  if (read.data.intent === "read-all") {
    await markAllRead(ctx, user.id);
    return redirect(back, { headers: { "Set-Cookie": await flashHeader("All notifications marked as read.") } });
  }
  const ok = await markRead(ctx, user.id, read.data.id);
  if (!ok) return data({ error: "That notification is not in your list." }, { status: 404 });
  return redirect(back, { headers: { "Set-Cookie": await flashHeader("Marked as read.") } });
}

export default function Notifications() {
  const { here, paged, items, nextHref } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const unread = items.some((n) => !n.isRead);
  return (
    <section aria-labelledby="notifications-title" className="space-y-4">
      <h1 id="notifications-title">Notifications</h1>
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
            Mark all as read
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? (
        <p className="card">{paged ? "No older notifications." : "Nothing new. Requests and answers from other members appear here."}</p>
      ) : (
        <ul aria-label="Notifications" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {items.map((n) => (
            <li key={n.id} className={`space-y-1 p-3 ${n.isRead ? "" : "bg-teal-50"}`}>
              <h2 className="text-base font-semibold">
                {n.isRead ? null : <span className="sr-only">Unread: </span>}
                {n.to ? <Link to={n.to}>{n.title}</Link> : n.title}
              </h2>
              <p className="break-words">{n.message}</p>
              <div className="flex flex-wrap items-center gap-3 text-sm text-stone-600">
                <span>{n.createdAt}</span>
                {n.type === "connection_request" ? <Link to="/network">Answer the request</Link> : null}
                {n.isRead ? null : (
                  <Form method="post" className="inline">
                    <CsrfInput />
                    <input type="hidden" name="intent" value="read" />
                    <input type="hidden" name="id" value={n.id} />
                    <input type="hidden" name="back" value={here} />
                    <button type="submit" className="btn-quiet text-sm">
                      Mark as read<span className="sr-only">: {n.title}</span>
                    </button>
                  </Form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/notifications">Newest</Link> : null}
        {nextHref ? <Link to={nextHref}>Older notifications</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Notifications | Ladder");
