/**
 * /coach/<chatId>: one of your chats with the coach, newest 20 messages (older ones behind
 * "Earlier messages"), and the send form. POST here sends without JavaScript: the whole reply,
 * then a redirect to it. With JavaScript the form streams instead (SendForm).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChatActions } from "~/components/coach/ChatActions";
import { DraftForm } from "~/components/coach/DraftForm";
import { SendForm } from "~/components/coach/SendForm";
import { VoteForm } from "~/components/coach/VoteForm";
import { CsrfInput } from "~/components/forms";
import { Prose } from "~/components/ui/Prose";
import { getCtx } from "~/db.server";
import { formatDateTime } from "~/lib/format";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { aiErrorMessage, aiMode } from "~/modules/coach/ai.server";
import { votesOf } from "~/modules/coach/chat-extras.server";
import { coachCursor, getChat, messagesPage, sendMessage } from "~/modules/coach/chats.server";
import { markdownHtml } from "~/modules/coach/markdown.server";
import { OFFLINE_LABEL } from "~/modules/coach/offline-coach";
import { messagesLeft, quotaLine, quotaReachedSentence } from "~/modules/coach/quota.server";
import { failureOf, noticeOf, textOf } from "~/modules/coach/rules";
import { messageSchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response("There is no such chat. It may have been deleted.", { status: 404 });
  const url = new URL(request.url);
  const before = coachCursor.from(url.searchParams.get("before"), "messages");
  if (before === null) throw new Response(`This page link is broken or was changed. Start again from /coach/${chat.id}.`, { status: 400 });
  const [page, left] = await Promise.all([messagesPage(ctx, user.id, chat.id, { before }), messagesLeft(ctx, user.id, new Date())]);
  const last = page.rows[page.rows.length - 1];
  const votes = await votesOf(ctx, user.id, chat.id);
  const { zone } = await effectiveZone(ctx, user.id, request);
  return {
    votes,
    shareUrl: `${publicOrigin(request)}/share/${chat.id}`,
    chat: { id: chat.id, title: chat.title, visibility: chat.visibility },
    paged: Boolean(before),
    earlierHref: page.earlier ? `/coach/${chat.id}?${new URLSearchParams({ before: coachCursor.to(page.earlier, "messages") })}` : null,
    messages: page.rows.map((m) => {
      const failure = m.role === "user" ? failureOf(m.parts) : null;
      return {
        id: m.id,
        role: m.role === "assistant" ? ("assistant" as const) : ("user" as const),
        html: markdownHtml(textOf(m.parts)),
        at: formatDateTime(m.createdAt, zone),
        notice: noticeOf(m.parts),
        failure: failure ? aiErrorMessage(failure) : null,
        retryable: Boolean(failure) && !before && m.id === last?.id,
      };
    }),
    left,
    quota: quotaLine(left),
    offline: aiMode() === "offline",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, messageSchema, { maxBytes: 40_000 });
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response("There is no such chat. It may have been deleted.", { status: 404 });
  if (!read.ok) return data({ errors: read.errors, message: read.values.message ?? "" }, { status: 400 });
  const now = new Date();
  const outcome = await sendMessage(ctx, user.id, chat.id, read.data.message, now);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now), { status: 429 });
  if (outcome.kind === "not_found") throw new Response("There is no such chat. It may have been deleted.", { status: 404 });
  if (outcome.kind === "failed") {
    const text = `${aiErrorMessage(outcome.reason)} Your message is kept and did not use up today's quota; press Retry to ask again.`;
    return redirect(`/coach/${chat.id}#${outcome.messageId}`, { headers: { "Set-Cookie": await flashHeader(text, "error") } });
  }
  return redirect(`/coach/${chat.id}#${outcome.replyId}`);
}

export default function CoachChat() {
  const { chat, messages, earlierHref, paged, left, quota, votes, shareUrl, offline } = useLoaderData<typeof loader>();
  // The offline coach costs nothing, so it still answers when the day's messages are used up.
  const blocked = left === 0 && !offline;
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="chat-title" className="space-y-4">
      <p>
        <Link to="/coach"><Arrow to="back" /> Your chats</Link>
      </p>
      <h1 id="chat-title" className="break-words">
        {chat.title}
      </h1>
      {earlierHref ? (
        <p>
          <Link to={earlierHref}>Earlier messages</Link>
        </p>
      ) : null}
      {messages.length === 0 ? <p className="text-stone-600">No messages here.</p> : null}
      <ol aria-label="Messages" className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} id={m.id}>
            <article className={`rounded border border-stone-200 p-3 ${m.role === "assistant" ? "bg-stone-50" : "bg-white"}`}>
              <p className="text-sm">
                <strong>{m.role === "assistant" ? "Coach" : "You"}</strong> <span className="text-stone-600">· {m.at}</span>
              </p>
              {/* markdownHtml: no raw HTML, no images, links only to http(s) and mailto: addresses. */}
              <Prose html={m.html} />
              {m.notice === "offline" ? <p className="text-sm text-stone-600">{OFFLINE_LABEL}</p> : null}
              {m.notice === "stopped" ? <p className="text-sm text-stone-600">Stopped: you ended this reply before it was finished.</p> : null}
              {m.role === "assistant" ? <VoteForm chatId={chat.id} messageId={m.id} vote={votes[m.id] ?? null} /> : null}
              {m.failure ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium text-red-800">Not answered: {m.failure} This message did not use up today&apos;s quota.</p>
                  {m.retryable ? (
                    <Form method="post" action={`/coach/${chat.id}/retry`}>
                      <CsrfInput />
                      <input type="hidden" name="messageId" value={m.id} />
                      <button type="submit" className="btn">
                        Retry
                      </button>
                    </Form>
                  ) : null}
                </div>
              ) : null}
            </article>
          </li>
        ))}
      </ol>
      {paged ? (
        <p>
          <Link to={`/coach/${chat.id}`}>Newest messages</Link>
        </p>
      ) : null}
      <p id="quota" className="text-sm">
        <strong>{quota}</strong> (resets at midnight UTC){offline ? ". Offline replies are free: they do not use any of them." : null}
      </p>
      {blocked ? <p>You have used your 7 messages for today. They come back at midnight UTC.</p> : null}
      <SendForm chatId={chat.id} disabled={blocked} error={failed?.errors.message} defaultMessage={failed?.message} lastReplyId={messages.at(-1)?.role === "assistant" ? messages.at(-1)!.id : null} />
      <ChatActions chatId={chat.id} title={chat.title} visibility={chat.visibility === "public" ? "public" : "private"} shareUrl={shareUrl} />
      {blocked ? null : <DraftForm chatId={chat.id} />}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(`${data?.chat.title ?? "Chat"} | Career coach | Ladder`);
