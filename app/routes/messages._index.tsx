/** /messages: your conversations, the most recent first, each with its last message and how many are unread. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { listConversations } from "~/modules/messages/conversations.server";
import { fromCursor, toCursor } from "~/modules/messages/cursor.server";
import { previewOf } from "~/modules/messages/rules";
import { displayName } from "~/modules/network/rules";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = fromCursor(url.searchParams.get("cursor"), "conversations");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /messages.", { status: 400 });
  const page = await listConversations(getCtx(), user.id, { after });
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      userId: r.userId,
      name: displayName(r.name),
      preview: previewOf(r.lastText),
      fromMe: r.lastFromMe,
      at: formatDateTime(r.lastAt),
      unread: r.unread,
    })),
    nextHref: page.next ? `/messages?${new URLSearchParams({ cursor: toCursor(page.next, "conversations") })}` : null,
  };
}

export default function Messages() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="messages-title" className="space-y-4">
      <h1 id="messages-title">Messages</h1>
      {rows.length === 0 ? (
        <p className="card">
          {paged ? (
            "No older conversations."
          ) : (
            <>
              No conversations yet. You can message your connections: open <Link to="/network">your network</Link> and choose Message.
            </>
          )}
        </p>
      ) : (
        <ul aria-label="Conversations" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.userId} className={`p-3 ${r.unread ? "bg-teal-50" : ""}`}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <Link to={`/messages/${r.userId}#newest`} className="font-medium">
                  {r.name}
                  {r.unread ? <span className="sr-only">, {r.unread} unread</span> : null}
                </Link>
                {r.unread ? (
                  <span aria-hidden="true" className="rounded-full bg-teal-800 px-2 text-sm text-white">
                    {r.unread} unread
                  </span>
                ) : null}
                <span className="text-sm text-stone-600">{r.at}</span>
              </p>
              <p className="break-words text-sm text-stone-700">
                {r.fromMe ? "You: " : null}
                {r.preview}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/messages">Most recent</Link> : null}
        {nextHref ? <Link to={nextHref}>Older conversations</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Messages | Ladder");
