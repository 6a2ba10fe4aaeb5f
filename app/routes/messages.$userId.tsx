/**
 * /messages/<userId>: the conversation with one member, newest at the bottom, "Older messages"
 * as a link, and a send form while the two are connected. Opening the page marks the messages
 * it shows as read. Without JavaScript the form posts and redirects back (to #newest); with
 * JavaScript it posts through a fetcher and the page polls for new messages every 5 seconds
 * while it is visible. See docs/decisions/012-direct-messages.md.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useFetcher, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { bidi, useLanguage, useT, type Translate } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { formatNumber } from "~/lib/format";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { conversationPage, markSeen, memberName } from "~/modules/messages/conversations.server";
import { messagesCursor } from "~/modules/messages/cursor.server";
import { sendMessage } from "~/modules/messages/messages.server";
import { sendMessageSchema } from "~/modules/messages/forms.server";
import { MESSAGE_MAX, SEND_REFUSAL_IDS } from "~/modules/messages/rules";
import { viewOf, type MessageView } from "~/modules/messages/view";
import { stateWith } from "~/modules/network/connections.server";
import { displayName } from "~/modules/network/rules";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { uuidOf } from "~/lib/ids";
import { SLOT, withNode } from "~/components/WithNode";

const POLL_MS = 5_000;
const POLL_MAX_MS = 60_000;

/** The other member's id from the URL, lowercased; a 404 for anything that is not a uuid. */
function otherIdOf(params: { userId?: string }, t: Translate): string {
  const id = uuidOf(params.userId);
  if (!id) throw new Response(t("messages.notFound"), { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const otherId = otherIdOf(params, t);
  const url = new URL(request.url);
  const before = messagesCursor.from(url.searchParams.get("before"), "older");
  if (before === null) throw new Response(t("network.brokenLink", { path: bidi(`/messages/${otherId}`) }), { status: 400 });
  const ctx = getCtx();
  const [member, state, page, { zone }] = await Promise.all([
    memberName(ctx, otherId),
    stateWith(ctx, user.id, otherId),
    conversationPage(ctx, user.id, otherId, { before }),
    effectiveZone(ctx, user.id, request),
  ]);
  if (!member || otherId === user.id) throw new Response(t("messages.notFound"), { status: 404 });
  const name = displayName(member.name, t);
  const connected = state === "connected";
  // No connection and nothing to read: a stranger. Messages stay readable after a connection ends.
  // The error page gets its words with the error: a failed loader sends no messages.
  if (!connected && page.messages.length === 0) {
    const words: NotConnectedWords = {
      title: t("messages.notConnected.title"),
      body: t("messages.notConnected.body", { name }),
      profile: t("messages.profileLink", { name }),
      back: t("messages.notConnected.back"),
    };
    throw data({ notConnected: true, userId: otherId, name, words }, { status: 403 });
  }
  const unseen = page.messages.filter((m) => !m.read).map((m) => m.id);
  if (unseen.length > 0) await markSeen(ctx, user.id, otherId, unseen);
  const newest = page.messages[page.messages.length - 1];
  return {
    userId: otherId,
    name,
    connected,
    paged: Boolean(before),
    // Not `messages`: that is the page's words (pageMessages).
    shownMessages: page.messages.map(viewOf(zone, lang)),
    olderHref: page.older ? `/messages/${otherId}?${new URLSearchParams({ before: messagesCursor.to(page.older, "older") })}` : null,
    // Where polling starts: the newest message shown, or now for an empty conversation.
    since: before ? null : messagesCursor.to(newest ? { at: newest.at.getTime(), id: newest.id } : { at: Date.now(), id: "00000000-0000-4000-8000-000000000000" }, "newer"),
    ...(await pageMessages(request, ["messages"])),
  };
}

interface NotConnectedWords {
  title: string;
  body: string;
  profile: string;
  back: string;
}

type Failure = { errors: { message: string }; text: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const otherId = otherIdOf(params, t);
  // 5,000 characters of 4-byte text, percent-encoded, plus the other fields.
  const read = await readForm(request, sendMessageSchema, { maxBytes: MESSAGE_MAX * 12 + 2_000 });
  const text = read.values.message ?? "";
  const fail = (message: string, status: number, headers?: HeadersInit) => data({ errors: { message }, text } satisfies Failure, { status, headers });
  if (!read.ok) return fail(read.errors.message ?? t(SEND_REFUSAL_IDS.empty), 400);
  const viaFetcher = read.data.via === "fetcher";
  const ctx = getCtx();
  const limit = await hit(ctx, `message-send:${user.id}`, LIMITS.messageSendPerMember);
  if (!limit.allowed) {
    return fail(t("messages.rateLimited", { limit: LIMITS.messageSendPerMember.limit }), 429, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }
  const outcome = await sendMessage(ctx, { senderId: user.id, receiverId: otherId, text });
  if (!outcome.ok) return fail(t(SEND_REFUSAL_IDS[outcome.reason], { max: MESSAGE_MAX }), outcome.reason === "not_connected" ? 403 : 400);
  if (viaFetcher) {
    const { zone } = await effectiveZone(ctx, user.id, request);
    return { sent: viewOf(zone, lang)({ id: outcome.id, fromMe: true, text: text.trim(), at: outcome.createdAt, read: true }) };
  }
  return redirect(`/messages/${otherId}#newest`);
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

/** A message sent through the fetcher is added on the page; the loader need not run again. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, actionResult, defaultShouldRevalidate }) => {
  if (formMethod === "POST" && actionResult && typeof actionResult === "object" && "sent" in actionResult) return false;
  return defaultShouldRevalidate;
};

/** Loader messages plus those added since (sent here or polled), once each, oldest first. */
function merged(base: MessageView[], extra: MessageView[]): MessageView[] {
  if (extra.length === 0) return base;
  const seen = new Set(base.map((m) => m.id));
  const all = [...base, ...extra.filter((m) => !seen.has(m.id) && (seen.add(m.id), true))];
  return all.sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Polls the updates route while the tab is visible; backs off (up to a minute) after errors. */
function usePolling(userId: string, since: string | null, onMessages: (messages: MessageView[]) => void) {
  const callback = useRef(onMessages);
  callback.current = onMessages;
  useEffect(() => {
    if (!since) return;
    let cursor = since;
    let delay = POLL_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const schedule = (ms: number) => {
      clearTimeout(timer);
      if (!stopped && document.visibilityState === "visible") timer = setTimeout(tick, ms);
    };
    async function tick() {
      try {
        const res = await fetch(`/messages/${userId}/updates?${new URLSearchParams({ after: cursor })}`, { headers: { Accept: "application/json" } });
        if (!res.ok || !(res.headers.get("Content-Type") ?? "").includes("json")) throw new Error(`status ${res.status}`);
        const body = (await res.json()) as { messages: MessageView[]; cursor: string };
        cursor = body.cursor;
        delay = POLL_MS;
        if (body.messages.length > 0 && !stopped) callback.current(body.messages);
      } catch {
        delay = Math.min(delay * 2, POLL_MAX_MS);
      }
      schedule(delay);
    }
    const onVisibility = () => (document.visibilityState === "visible" ? schedule(0) : clearTimeout(timer));
    document.addEventListener("visibilitychange", onVisibility);
    schedule(delay);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [userId, since]);
}

export default function Conversation() {
  const { userId, name, connected, paged, shownMessages, olderHref, since } = useLoaderData<typeof loader>();
  const failedWithoutJs = useActionData<typeof action>();
  const t = useT();
  const lang = useLanguage();
  const fetcher = useFetcher<typeof action>({ key: `send-${userId}` });
  const formRef = useRef<HTMLFormElement>(null);
  const [extra, setExtra] = useState<MessageView[]>([]);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setExtra([]), [userId, since]);
  usePolling(userId, since, (incoming) => setExtra((prev) => [...prev, ...incoming]));

  const result = fetcher.data ?? failedWithoutJs;
  const sent = result && "sent" in result ? result.sent : null;
  useEffect(() => {
    if (!sent) return;
    setExtra((prev) => [...prev, sent]);
    formRef.current?.reset();
  }, [sent]);
  const failure = result && "errors" in result ? result : null;
  const shown = useMemo(() => merged(shownMessages, extra), [shownMessages, extra]);

  return (
    <section aria-labelledby="conversation-title" className="space-y-4">
      <p>
        <Link to="/messages">{t("messages.conversation.all")}</Link>
      </p>
      <h1 id="conversation-title" className="break-words">
        {withNode(
          t("messages.conversation.with", { name: SLOT }),
          <Link to={`/u/${userId}`} dir="auto">
            {name}
          </Link>,
        )}
      </h1>
      {olderHref ? (
        <p>
          <Link to={olderHref}>{t("messages.conversation.older")}</Link>
        </p>
      ) : shown.length > 0 ? (
        <p className="text-sm text-stone-600">{t("messages.conversation.start")}</p>
      ) : null}
      {shown.length === 0 ? (
        <p className="card">{t("messages.conversation.empty", { name })}</p>
      ) : (
        <ol aria-label={t("messages.conversation.label", { name })} aria-live="polite" className="space-y-2">
          {shown.map((m) => (
            <li key={m.id} id={`m-${m.id}`} className={`max-w-prose rounded border p-2 ${m.fromMe ? "ms-auto border-teal-200 bg-teal-50" : "border-stone-200 bg-white"}`}>
              <p className="text-sm text-stone-600">
                <bdi className="font-semibold text-stone-800">{m.fromMe ? t("messages.conversation.you") : name}</bdi> · {m.at}
                {m.unread ? <span className="ms-2 rounded bg-amber-100 px-1 text-stone-900">{t("messages.conversation.new")}</span> : null}
              </p>
              <p className="whitespace-pre-wrap break-words" dir="auto">
                {m.text}
              </p>
            </li>
          ))}
        </ol>
      )}
      <div id="newest" className="space-y-2">
        {paged ? (
          <p>
            <Link to={`/messages/${userId}#newest`}>{t("messages.conversation.newest")}</Link>
          </p>
        ) : null}
        {connected ? (
          <fetcher.Form method="post" ref={formRef} className="space-y-2">
            <CsrfInput />
            {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
            <TextareaField
              label={t("messages.form.label")}
              name="message"
              rows={3}
              dir="auto"
              hint={t("messages.form.hint", { max: formatNumber(MESSAGE_MAX, lang) })}
              defaultValue={failure?.text}
              key={failure ? `failed-${failure.text.length}` : "fresh"}
              error={failure?.errors.message}
            />
            <Button disabled={fetcher.state !== "idle"}>
              {fetcher.state === "idle" ? t("messages.form.send") : t("messages.form.sending")}
            </Button>
          </fetcher.Form>
        ) : (
          <div className="card space-y-2">
            <p>
              {t("messages.refusal.notConnected")} <Link to={`/u/${userId}`}>{t("messages.profileLink", { name })}</Link>
            </p>
            {failure?.text ? (
              <>
                <p role="alert">{t("messages.conversation.notSent")}</p>
                <pre className="whitespace-pre-wrap break-words font-sans" dir="auto">
                  {failure.text}
                </pre>
              </>
            ) : null}
          </div>
        )}
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(args.data?.name ? t("messages.conversation.pageTitle", { name: args.data.name }) : t("messages.pageTitle")));

/** A 403 for people who are not connected gets its own page: the way to connect first. */
function notConnectedPage(error: unknown) {
  if (!(isRouteErrorResponse(error) && error.status === 403 && error.data && typeof error.data === "object" && "notConnected" in error.data)) return null;
  const { userId, words } = error.data as { userId: string; words: NotConnectedWords };
  return <NotConnectedPage userId={userId} words={words} />;
}

function NotConnectedPage({ userId, words }: { userId: string; words: NotConnectedWords }) {
  const t = useT();
  return (
    <section aria-labelledby="error-title" className="card space-y-3">
      <p className="text-sm font-semibold text-stone-500">{t("common.error.label", { status: 403 })}</p>
      <h1 id="error-title">{words.title}</h1>
      <p>{words.body}</p>
      <p className="flex flex-wrap gap-3">
        <Link to={`/u/${userId}`} className="btn">
          {words.profile}
        </Link>
        <Link to="/messages">{words.back}</Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <RouteErrorBoundary ownPage={notConnectedPage} />;
}
