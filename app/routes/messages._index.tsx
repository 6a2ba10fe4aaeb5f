/** /messages: your conversations, the most recent first, each with its last message and how many are unread. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { listConversations } from "~/modules/messages/conversations.server";
import { messagesCursor } from "~/modules/messages/cursor.server";
import { previewOf } from "~/modules/messages/rules";
import { displayName } from "~/modules/network/rules";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const after = messagesCursor.from(url.searchParams.get("cursor"), "conversations");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /messages.", { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listConversations(ctx, user.id, { after }), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      userId: r.userId,
      name: displayName(r.name),
      preview: previewOf(r.lastText),
      fromMe: r.lastFromMe,
      at: formatDateTime(r.lastAt, zone),
      avatarUrl: r.avatarUrl,
      unread: r.unread,
    })),
    nextHref: page.next ? `/messages?${new URLSearchParams({ cursor: messagesCursor.to(page.next, "conversations") })}` : null,
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
        <ul aria-label="Conversations" className="list">
          {rows.map((r) => (
            <li key={r.userId} className={r.unread ? "bg-teal-50" : undefined}>
              <MemberCard
                id={r.userId}
                name={r.name}
                avatarUrl={r.avatarUrl}
                href={`/messages/${r.userId}#newest`}
                hiddenSuffix={r.unread ? `, ${r.unread} unread` : undefined}
                badge={
                  r.unread ? (
                    <span aria-hidden="true" className="pill border-teal-800 bg-teal-800 text-white">
                      {r.unread} unread
                    </span>
                  ) : null
                }
              >
                <p className="break-words text-sm text-stone-700">
                  {r.fromMe ? "You: " : null}
                  {r.preview}
                </p>
                <MetaLine parts={[r.at]} />
              </MemberCard>
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
