/** /network: your connections and your incoming and outgoing requests; every connection action posts here. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConnectionActions } from "~/components/ConnectionActions";
import { MemberCard } from "~/components/ui/MemberCard";
import { MetaLine } from "~/components/ui/Meta";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator, translatorFor } from "~/lib/i18n.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { changeConnection, listNetwork, requestConnection, type ListKind } from "~/modules/network/connections.server";
import { networkCursor } from "~/modules/network/cursor.server";
import { CHANGE_MESSAGES, displayName, OUTCOME_MESSAGES, REQUEST_MESSAGE_MAX, type ConnectionState } from "~/modules/network/rules";
import { connectionFormSchema, NETWORK_MESSAGES } from "~/modules/network/forms.server";
import { flashHeader } from "~/services/flash.server";
import { LIMITS } from "~/services/rate-limit.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { isUuid } from "~/lib/ids";
import { SLOT, withNode } from "~/components/WithNode";

const LISTS: { kind: ListKind; state: ConnectionState }[] = [
  { kind: "incoming", state: "incoming" },
  { kind: "connections", state: "connected" },
  { kind: "outgoing", state: "outgoing" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const ctx = getCtx();
  const lang = await languageOf(request);
  const t = translator(lang);
  const lists = await Promise.all(
    LISTS.map(async ({ kind, state }) => {
      const after = networkCursor.from(url.searchParams.get(kind), kind);
      if (after === null) throw new Response(t("network.brokenLink", { path: bidi("/network") }), { status: 400 });
      const page = await listNetwork(ctx, user.id, kind, { after });
      const next = new URLSearchParams(url.searchParams);
      if (page.next) next.set(kind, networkCursor.to(page.next, kind));
      return {
        kind,
        state,
        paged: Boolean(after),
        rows: page.rows.map((r) => ({
          userId: r.userId,
          name: displayName(r.name, t),
          headline: r.headline,
          avatarUrl: r.avatarUrl,
          message: r.message,
          at: formatDate(r.at, lang),
        })),
        nextHref: page.next ? `/network?${next}` : null,
      };
    }),
  );
  return { lists, here: url.pathname + url.search, ...(await pageMessages(request, ["network"])) };
}

/** What a refused connect says: beside the message field, or about the whole form. */
type ConnectErrors = { form?: string; message?: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, connectionFormSchema, { maxBytes: 10_000 });
  const back = safeRedirectPath(read.values.back, "/network");
  const t = await translatorFor(request);
  if (!read.ok) {
    const userId = read.values.userId ?? "";
    if (read.errors.message && isUuid(userId)) {
      return data({ errors: { message: read.errors.message } as ConnectErrors, userId, message: read.values.message ?? "", back }, { status: 400 });
    }
    return data({ errors: { form: t(NETWORK_MESSAGES.chooseMember) } as ConnectErrors, userId: null, message: "", back }, { status: 400 });
  }
  const ctx = getCtx();
  const input = read.data;
  if (input.intent === "connect") {
    const asked = await requestConnection(ctx, { me: user.id, otherId: input.userId, message: input.message });
    if (asked.outcome === "limited") {
      // The member's words are kept in the form below the message; it says when more can be sent.
      const limit = LIMITS.connectionRequestPerMember.limit;
      return data({ errors: { form: t(NETWORK_MESSAGES.tooManyRequests, { limit }) } as ConnectErrors, userId: input.userId, message: input.message ?? "", back }, { status: 429, headers: { "Retry-After": String(asked.retryAfterSeconds) } });
    }
    const outcome = asked.outcome;
    const ok = outcome === "requested" || outcome === "accepted";
    if (!ok && outcome !== "already_requested" && outcome !== "already_connected") {
      return data({ errors: { form: t(OUTCOME_MESSAGES[outcome]) } as ConnectErrors, userId: null, message: "", back }, { status: 400 });
    }
    return redirect(back, { headers: { "Set-Cookie": await flashHeader(OUTCOME_MESSAGES[outcome], ok ? "success" : "info") } });
  }
  const outcome = await changeConnection(ctx, { me: user.id, otherId: input.userId, intent: input.intent });
  const text = CHANGE_MESSAGES[input.intent][outcome];
  return redirect(back, { headers: { "Set-Cookie": await flashHeader(text, outcome === "done" ? "success" : "error") } });
}

/** Each list's words: network.list.<kind>.title, .empty, .since ("Asked 3 Dec 2026"), .more. */
const listText = (kind: ListKind, part: "title" | "empty" | "since" | "more") => `network.list.${kind}.${part}`;

export default function Network() {
  const { lists, here } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="network-title" className="space-y-4">
      <h1 id="network-title">{t("network.title")}</h1>
      <p>{withNode(t("network.find", { link: SLOT }), <Link to="/people">{t("network.findLink")}</Link>)}</p>
      {failed ? (
        <div className="card space-y-2">
          <ErrorSummary errors={failed.errors} labels={{ message: t("network.messageLabel") }} />
          {failed.userId ? (
            <Form method="post" className="space-y-2">
              <CsrfInput />
              <input type="hidden" name="intent" value="connect" />
              <input type="hidden" name="userId" value={failed.userId} />
              <input type="hidden" name="back" value={failed.back} />
              <TextareaField
                label={t("network.messageField", { max: REQUEST_MESSAGE_MAX })}
                name="message"
                dir="auto"
                defaultValue={failed.message}
                error={failed.errors.message}
                rows={3}
              />
              <Button>{t("network.sendRequest")}</Button>
            </Form>
          ) : null}
          <p>
            <Link to={failed.back}>{t("network.goBack")}</Link>
          </p>
        </div>
      ) : null}
      {lists.map((list) => (
        <section key={list.kind} aria-labelledby={`${list.kind}-title`} className="space-y-2">
          <h2 id={`${list.kind}-title`}>{t(listText(list.kind, "title"))}</h2>
          {list.rows.length === 0 ? (
            <p className="text-stone-600">{list.paged ? t("network.noMore") : t(listText(list.kind, "empty"))}</p>
          ) : (
            <ul aria-label={t(listText(list.kind, "title"))} className="list">
              {list.rows.map((r) => (
                <li key={r.userId}>
                  <MemberCard id={r.userId} name={r.name} avatarUrl={r.avatarUrl} href={`/u/${r.userId}`}>
                    {r.headline ? (
                      <p className="break-words text-sm" dir="auto">
                        {r.headline}
                      </p>
                    ) : null}
                    {r.message && list.kind !== "connections" ? (
                      <p className="whitespace-pre-line break-words text-sm" dir="auto">
                        {t("network.quoted", { text: r.message })}
                      </p>
                    ) : null}
                    <MetaLine parts={[t(listText(list.kind, "since"), { date: r.at })]} />
                    <ConnectionActions userId={r.userId} name={r.name} state={list.state} back={here} />
                  </MemberCard>
                </li>
              ))}
            </ul>
          )}
          {list.nextHref ? <Link to={list.nextHref}>{t(listText(list.kind, "more"))}</Link> : null}
        </section>
      ))}
    </section>
  );
}

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("network.pageTitle")));
