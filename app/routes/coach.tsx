/** /coach: your chats with the AI career coach (newest first, keyset pages) and a form to start one. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { aiErrorMessage, aiMode } from "~/modules/coach/ai.server";
import { coachCursor, listChats, startChat } from "~/modules/coach/chats.server";
import { DAILY_MESSAGES, messagesLeft, quotaLine, quotaReachedSentence } from "~/modules/coach/quota.server";
import { MESSAGE_MAX } from "~/modules/coach/rules";
import { messageSchema } from "~/modules/coach/forms.server";
import { coachPageMessages } from "~/modules/coach/page-messages.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const url = new URL(request.url);
  const after = coachCursor.from(url.searchParams.get("cursor"), "chats");
  if (after === null) throw new Response(t("coach.brokenLink"), { status: 400 });
  const ctx = getCtx();
  const [page, left] = await Promise.all([listChats(ctx, user.id, { after }), messagesLeft(ctx, user.id, new Date())]);
  return {
    paged: Boolean(after),
    chats: page.rows.map((c) => ({ id: c.id, title: c.title, at: formatDate(c.createdAt, lang), visibility: c.visibility })),
    nextHref: page.next ? `/coach?${new URLSearchParams({ cursor: coachCursor.to(page.next, "chats") })}` : null,
    left,
    daily: DAILY_MESSAGES,
    quota: quotaLine(left, t),
    offline: aiMode() === "offline",
    ...(await coachPageMessages(request)),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, messageSchema, { maxBytes: 40_000 });
  if (!read.ok) return data({ errors: read.errors, message: read.values.message ?? "" }, { status: 400 });
  const lang = await languageOf(request);
  const t = translator(lang);
  const now = new Date();
  const outcome = await startChat(getCtx(), user.id, read.data.message, now, lang);
  if (outcome.kind === "quota") throw new Response(quotaReachedSentence(now, t), { status: 429 });
  if (outcome.kind === "not_found") throw new Response(t("coach.chat.deleted"), { status: 404 });
  if (outcome.kind === "failed") {
    const flash = await flashHeader("coach.failed.kept", "error", { reason: aiErrorMessage(outcome.reason, t) });
    return redirect(`/coach/${outcome.chatId}#${outcome.messageId}`, { headers: { "Set-Cookie": flash } });
  }
  return redirect(`/coach/${outcome.chatId}#${outcome.replyId}`);
}

export default function Coach() {
  const { chats, nextHref, paged, left, daily, quota, offline } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const sending = useNavigation().state === "submitting";
  const t = useT();
  return (
    <section aria-labelledby="coach-title" className="space-y-4">
      <h1 id="coach-title">{t("coach.title")}</h1>
      <p>
        {t("coach.intro")} {offline ? <strong>{t("coach.offlineNote")}</strong> : null}
      </p>
      <p>
        <Link to="/documents">{t("coach.documentsLink")}</Link>
        {t("coach.documentsAfter")}
      </p>
      <div className="card space-y-2">
        <h2>{t("coach.start.title")}</h2>
        <p id="quota" className="text-sm">
          <strong>{quota}</strong> {offline ? t("coach.quota.resetsOffline") : t("coach.quota.resets")}
        </p>
        {left === 0 && !offline ? (
          <p>{t("coach.quota.usedUpRead", { max: daily })}</p>
        ) : (
          <Form method="post" className="space-y-2">
            <CsrfInput />
            <ErrorSummary errors={failed?.errors} labels={{ message: t("coach.message.errorLabel") }} />
            <TextareaField
              label={t("coach.message.label")}
              name="message"
              rows={4}
              maxLength={MESSAGE_MAX}
              required
              defaultValue={failed?.message}
              error={failed?.errors.message}
              dir="auto"
            />
            <Button disabled={sending}>
              {sending ? t("coach.sending") : t("coach.start.submit")}
            </Button>
          </Form>
        )}
      </div>
      <section aria-labelledby="chats-title" className="space-y-2">
        <h2 id="chats-title">{t("coach.chats.title")}</h2>
        {chats.length === 0 ? (
          <p className="text-stone-600">{paged ? t("coach.chats.noMore") : t("coach.chats.none")}</p>
        ) : (
          <ul aria-label={t("coach.chats.title")} className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {chats.map((c) => (
              <li key={c.id} className="p-3">
                <Link to={`/coach/${c.id}`} className="font-medium" dir="auto">
                  {c.title}
                </Link>
                <span className="text-sm text-stone-600">
                  {" "}
                  · {c.at}
                  {c.visibility === "public" ? ` · ${t("coach.chats.public")}` : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
        {nextHref ? <Link to={nextHref}>{t("coach.chats.older")}</Link> : null}
        {paged ? (
          <p>
            <Link to="/coach">{t("coach.chats.newest")}</Link>
          </p>
        ) : null}
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("coach.title") })));
