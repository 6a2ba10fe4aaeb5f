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
import { useT } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { aiErrorMessage, aiMode } from "~/modules/coach/ai.server";
import { votesOf } from "~/modules/coach/chat-extras.server";
import { coachCursor, getChat, messagesPage, sendMessage } from "~/modules/coach/chats.server";
import { markdownHtml } from "~/modules/coach/markdown.server";
import { DAILY_MESSAGES, messagesLeft, quotaLine, quotaReachedSentence } from "~/modules/coach/quota.server";
import { failureOf, noticeOf, textOf } from "~/modules/coach/rules";
import { messageSchema } from "~/modules/coach/forms.server";
import { coachPageMessages } from "~/modules/coach/page-messages.server";
import { flashHeader } from "~/services/flash.server";
import { publicOrigin } from "~/services/request-info.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { Arrow } from "~/components/ui/Arrow";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response(t("coach.chat.notFound"), { status: 404 });
  const url = new URL(request.url);
  const before = coachCursor.from(url.searchParams.get("before"), "messages");
  if (before === null) throw new Response(t("coach.chat.brokenLink", { id: chat.id }), { status: 400 });
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
    // The chat's messages (`messages` is the page's words, decision 040).
    chatMessages: page.rows.map((m) => {
      const failure = m.role === "user" ? failureOf(m.parts) : null;
      return {
        id: m.id,
        role: m.role === "assistant" ? ("assistant" as const) : ("user" as const),
        html: markdownHtml(textOf(m.parts)),
        at: formatDateTime(m.createdAt, zone, { lang }),
        notice: noticeOf(m.parts),
        failure: failure ? aiErrorMessage(failure, t) : null,
        retryable: Boolean(failure) && !before && m.id === last?.id,
      };
    }),
    left,
    daily: DAILY_MESSAGES,
    quota: quotaLine(left, t),
    offline: aiMode() === "offline",
    ...(await coachPageMessages(request, ["coach", "documents"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, messageSchema, { maxBytes: 40_000 });
  const lang = await languageOf(request);
  const t = translator(lang);
  const ctx = getCtx();
  const chat = await getChat(ctx, user.id, params.chatId ?? "");
  if (!chat) throw new Response(t("coach.chat.notFound"), { status: 404 });
  if (!read.ok) return data({ errors: read.errors, message: read.values.message ?? "" }, { status: 400 });
  const now = new Date();
  const outcome = await sendMessage(ctx, user.id, chat.id, read.data.message, now, lang);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now, t), { status: 429 });
  if (outcome.kind === "not_found") throw new Response(t("coach.chat.notFound"), { status: 404 });
  if (outcome.kind === "failed") {
    const flash = await flashHeader("coach.failed.kept", "error", { reason: aiErrorMessage(outcome.reason, t) });
    return redirect(`/coach/${chat.id}#${outcome.messageId}`, { headers: { "Set-Cookie": flash } });
  }
  return redirect(`/coach/${chat.id}#${outcome.replyId}`);
}

export default function CoachChat() {
  const { chat, chatMessages: messages, earlierHref, paged, left, daily, quota, votes, shareUrl, offline } = useLoaderData<typeof loader>();
  const t = useT();
  // The offline coach costs nothing, so it still answers when the day's messages are used up.
  const blocked = left === 0 && !offline;
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="chat-title" className="space-y-4">
      <p>
        <Link to="/coach"><Arrow to="back" /> {t("coach.chats.title")}</Link>
      </p>
      <h1 id="chat-title" className="break-words" dir="auto">
        {chat.title}
      </h1>
      {earlierHref ? (
        <p>
          <Link to={earlierHref}>{t("coach.chat.earlier")}</Link>
        </p>
      ) : null}
      {messages.length === 0 ? <p className="text-stone-600">{t("coach.chat.empty")}</p> : null}
      <ol aria-label={t("coach.chat.messages")} className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} id={m.id}>
            <article className={`rounded border border-stone-200 p-3 ${m.role === "assistant" ? "bg-stone-50" : "bg-white"}`}>
              <p className="text-sm">
                <strong>{m.role === "assistant" ? t("coach.role.coach") : t("coach.role.you")}</strong> <span className="text-stone-600">· {m.at}</span>
              </p>
              {/* markdownHtml: no raw HTML, no images, links only to http(s) and mailto: addresses. */}
              <Prose html={m.html} />
              {m.notice === "offline" ? <p className="text-sm text-stone-600">{t("coach.offline.label")}</p> : null}
              {m.notice === "stopped" ? <p className="text-sm text-stone-600">{t("coach.chat.stopped")}</p> : null}
              {m.role === "assistant" ? <VoteForm chatId={chat.id} messageId={m.id} vote={votes[m.id] ?? null} /> : null}
              {m.failure ? (
                <div className="space-y-1">
                  <p className="text-sm font-medium text-red-800">{t("coach.chat.notAnswered", { reason: m.failure })}</p>
                  {m.retryable ? (
                    <Form method="post" action={`/coach/${chat.id}/retry`}>
                      <CsrfInput />
                      <input type="hidden" name="messageId" value={m.id} />
                      <button type="submit" className="btn">
                        {t("coach.chat.retry")}
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
          <Link to={`/coach/${chat.id}`}>{t("coach.chat.newest")}</Link>
        </p>
      ) : null}
      <p id="quota" className="text-sm">
        <strong>{quota}</strong> {offline ? t("coach.quota.resetsOffline") : t("coach.quota.resets")}
      </p>
      {blocked ? <p>{t("coach.quota.usedUpBack", { max: daily })}</p> : null}
      <SendForm chatId={chat.id} disabled={blocked} error={failed?.errors.message} defaultMessage={failed?.message} lastReplyId={messages.at(-1)?.role === "assistant" ? messages.at(-1)!.id : null} />
      <ChatActions chatId={chat.id} title={chat.title} visibility={chat.visibility === "public" ? "public" : "private"} shareUrl={shareUrl} />
      {blocked ? null : <DraftForm chatId={chat.id} />}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("coach.chat.pageTitle", { title: args.data?.chat.title ?? t("coach.chat.untitled") })));
