/**
 * /share/<chatId>: the read-only page of a public chat, for anyone (signed in or not). A private
 * chat answers 404 to everyone here, its owner and admins included: the owner reads it on
 * /coach/<chatId>. No forms, no votes; messages are rendered by markdownHtml (safe HTML only).
 * Not indexed by search engines: a share link is for the people it is sent to.
 */
import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Prose } from "~/components/ui/Prose";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { messagePage, ownChat, publicChat, shareCursor } from "~/modules/coach/chat-extras.server";
import { attachmentNames, textOfParts } from "~/modules/coach/extras-rules";
import { markdownHtml } from "~/modules/coach/markdown.server";
import { OFFLINE_LABEL } from "~/modules/coach/offline-coach";
import { noticeOf } from "~/modules/coach/rules";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

const NOT_SHARED = "There is no shared chat at this address. Its owner may have made it private or deleted it, or the link is wrong.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = getCtx();
  const chat = await publicChat(ctx, params.chatId ?? "");
  if (!chat) throw new Response(NOT_SHARED, { status: 404, headers: { "X-Robots-Tag": "noindex" } });
  const url = new URL(request.url);
  const after = shareCursor.from(url.searchParams.get("after"), `share:${chat.id}`);
  if (after === null) throw brokenPageLink("the first page of the chat");
  const [page, viewer] = await Promise.all([messagePage(ctx, chat.id, after), getCurrentUser(request)]);
  return data(
    {
      chat: { id: chat.id, title: chat.title, started: formatDate(chat.createdAt) },
      isOwner: viewer ? (await ownChat(ctx, viewer.id, chat.id)) !== null : false,
      paged: Boolean(after),
      messages: page.rows
        .filter((m) => m.role === "user" || m.role === "assistant")
        .map((m) => ({ id: m.id, role: m.role, html: markdownHtml(textOfParts(m.parts)), notice: noticeOf(m.parts), attachments: attachmentNames(m) })),
      nextHref: page.next ? `/share/${chat.id}?after=${encodeURIComponent(shareCursor.to(page.next, `share:${chat.id}`))}` : null,
    },
    { headers: { "X-Robots-Tag": "noindex", "Cache-Control": "private, no-cache" } },
  );
}

export default function SharedChat() {
  const { chat, isOwner, paged, messages, nextHref } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="share-title" className="space-y-4">
      <header className="space-y-1">
        <h1 id="share-title">{chat.title}</h1>
        <p className="text-sm">
          A conversation with Ladder&apos;s career coach, shared by its owner. Started {chat.started}. Read only.
        </p>
        {isOwner ? (
          <p className="text-sm">
            This is how others see your chat. <Link to={`/coach/${chat.id}`}>Back to your chat</Link>
          </p>
        ) : null}
        {paged ? (
          <p className="text-sm">
            <Link to={`/share/${chat.id}`}>From the beginning</Link>
          </p>
        ) : null}
      </header>
      {messages.length === 0 ? <p>This chat has no messages{paged ? " after these" : ""}.</p> : null}
      <ol className="space-y-3" aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id} id={m.id} className="card space-y-1">
            <p className="text-sm font-semibold">{m.role === "assistant" ? "Coach" : "Member"}</p>
            <Prose html={m.html} />
            {m.notice === "offline" ? <p className="text-sm text-stone-600">{OFFLINE_LABEL}</p> : null}
            {m.notice === "stopped" ? <p className="text-sm text-stone-600">Stopped before the reply was finished.</p> : null}
            {m.attachments.length > 0 ? <p className="text-sm">Attachments: {m.attachments.join(", ")}</p> : null}
          </li>
        ))}
      </ol>
      {nextHref ? (
        <p>
          <Link to={nextHref}>Later messages</Link>
        </p>
      ) : null}
      <p className="text-sm">
        <Link to="/coach">Ladder&apos;s career coach</Link>: your own chats, private unless you share them.
      </p>
    </article>
  );
}

export const headers: HeadersFunction = ({ loaderHeaders, errorHeaders, parentHeaders }) => {
  const out = new Headers(parentHeaders);
  for (const name of ["X-Robots-Tag", "Cache-Control"]) {
    const value = (errorHeaders ?? loaderHeaders).get(name);
    if (value) out.set(name, value);
  }
  return out;
};

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) =>
  pageMeta(`${loaded?.chat.title ?? "Shared chat"} | Ladder`, "A conversation with Ladder's career coach, shared by a member.", { name: "robots", content: "noindex" });

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/", label: "Ladder's home page" }]} />;
}
