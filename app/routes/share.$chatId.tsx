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
import { useT } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { messagePage, ownChat, publicChat, shareCursor } from "~/modules/coach/chat-extras.server";
import { attachmentNames, textOfParts } from "~/modules/coach/extras-rules";
import { markdownHtml } from "~/modules/coach/markdown.server";
import { noticeOf } from "~/modules/coach/rules";
import { coachPageMessages } from "~/modules/coach/page-messages.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const chat = await publicChat(ctx, params.chatId ?? "");
  if (!chat) throw new Response(t("coach.share.notShared"), { status: 404, headers: { "X-Robots-Tag": "noindex" } });
  const url = new URL(request.url);
  const after = shareCursor.from(url.searchParams.get("after"), `share:${chat.id}`);
  if (after === null) throw new Response(t("coach.share.brokenLink"), { status: 400 });
  const [page, viewer] = await Promise.all([messagePage(ctx, chat.id, after), getCurrentUser(request)]);
  return data(
    {
      chat: { id: chat.id, title: chat.title, started: formatDate(chat.createdAt, lang) },
      isOwner: viewer ? (await ownChat(ctx, viewer.id, chat.id)) !== null : false,
      paged: Boolean(after),
      // The chat's messages (`messages` is the page's words, decision 040).
      chatMessages: page.rows
        .filter((m) => m.role === "user" || m.role === "assistant")
        .map((m) => ({ id: m.id, role: m.role, html: markdownHtml(textOfParts(m.parts)), notice: noticeOf(m.parts), attachments: attachmentNames(m) })),
      nextHref: page.next ? `/share/${chat.id}?after=${encodeURIComponent(shareCursor.to(page.next, `share:${chat.id}`))}` : null,
      ...(await coachPageMessages(request)),
    },
    { headers: { "X-Robots-Tag": "noindex", "Cache-Control": "private, no-cache" } },
  );
}

export default function SharedChat() {
  const { chat, isOwner, paged, chatMessages: messages, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <article aria-labelledby="share-title" className="space-y-4">
      <header className="space-y-1">
        <h1 id="share-title" dir="auto">
          {chat.title}
        </h1>
        <p className="text-sm">{t("coach.share.byline", { date: chat.started })}</p>
        {isOwner ? (
          <p className="text-sm">
            {t("coach.share.ownerNote")} <Link to={`/coach/${chat.id}`}>{t("coach.share.backToChat")}</Link>
          </p>
        ) : null}
        {paged ? (
          <p className="text-sm">
            <Link to={`/share/${chat.id}`}>{t("coach.share.fromStart")}</Link>
          </p>
        ) : null}
      </header>
      {messages.length === 0 ? <p>{paged ? t("coach.share.emptyAfter") : t("coach.share.empty")}</p> : null}
      <ol className="space-y-3" aria-label={t("coach.chat.messages")}>
        {messages.map((m) => (
          <li key={m.id} id={m.id} className="card space-y-1">
            <p className="text-sm font-semibold">{m.role === "assistant" ? t("coach.role.coach") : t("coach.role.member")}</p>
            <Prose html={m.html} />
            {m.notice === "offline" ? <p className="text-sm text-stone-600">{t("coach.offline.label")}</p> : null}
            {m.notice === "stopped" ? <p className="text-sm text-stone-600">{t("coach.share.stopped")}</p> : null}
            {m.attachments.length > 0 ? <p className="text-sm">{t("coach.share.attachments", { names: m.attachments.join(", ") })}</p> : null}
          </li>
        ))}
      </ol>
      {nextHref ? (
        <p>
          <Link to={nextHref}>{t("coach.share.later")}</Link>
        </p>
      ) : null}
      <p className="text-sm">
        <Link to="/coach">{t("coach.share.coachLink")}</Link>
        {t("coach.share.coachAfter")}
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

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(t("common.title.suffix", { title: args.data?.chat.title ?? t("coach.share.untitled") }), t("coach.share.description"), { name: "robots", content: "noindex" }),
  );

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/", label: t("common.area.home") }]} />;
}
