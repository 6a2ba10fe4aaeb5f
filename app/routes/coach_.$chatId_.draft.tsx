/**
 * /coach/<chatId>/draft: the coach drafts a document (cover letter, CV summary, plan) from my chat
 * and my profile. GET shows the choice on its own page; POST drafts and opens the new document.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DraftForm } from "~/components/coach/DraftForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { languageOf, translator, translatorFor } from "~/lib/i18n.server";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { ownChat } from "~/modules/coach/chat-extras.server";
import { messagesLeft, quotaLine } from "~/modules/coach/quota.server";
import { draftFromChat } from "~/modules/documents/coach.server";
import { uuidOf } from "~/lib/ids";
import { DRAFT_KINDS } from "~/modules/documents/rules";
import { DOCUMENT_MESSAGES, draftSchema } from "~/modules/documents/forms.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("coach.draft.notFound"), { status: 404 });

async function chatId(request: Request, raw: string | undefined): Promise<string> {
  const id = uuidOf(raw);
  if (!id) throw await notFound(request);
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = await chatId(request, params.chatId);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const chat = await ownChat(ctx, user.id, id);
  if (!chat) throw await notFound(request);
  return {
    id,
    title: chat.title,
    quota: quotaLine(await messagesLeft(ctx, user.id, new Date()), t),
    ...(await coachPageMessages(request, ["coach", "documents"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = await chatId(request, params.chatId);
  const lang = await languageOf(request);
  const t = translator(lang);
  const read = await readForm(request, draftSchema, { maxBytes: 10_000 });
  if (!read.ok) return data({ error: read.errors.draft ?? t(DOCUMENT_MESSAGES.draft) }, { status: 400 });
  const kind = read.data.draft;
  const outcome = await draftFromChat(getCtx(), user.id, id, kind, new Date(), lang);
  switch (outcome.kind) {
    case "not_found":
      throw await notFound(request);
    case "quota":
    case "failed":
      return redirect(`/coach/${id}`, { headers: { "Set-Cookie": await flashHeader(outcome.message, "error") } });
    case "drafted":
      return redirect(`/documents/${outcome.id}`, {
        headers: {
          "Set-Cookie": await flashHeader(outcome.offline ? "coach.draft.doneOffline" : "coach.draft.done", "success", {
            kind: t(DRAFT_KINDS[kind].label),
            quota: quotaLine(outcome.left, t),
          }),
        },
      });
  }
}

export default function DraftPage() {
  const { id, title, quota } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="draft-page-title" className="card space-y-3">
      <h1 id="draft-page-title" className="break-words">
        {t("coach.draft.heading", { title })}
      </h1>
      <p className="text-sm text-stone-600">{t("coach.draft.quota", { quota })}</p>
      <DraftForm chatId={id} error={failed?.error} />
      <p>
        <Link to={`/coach/${id}`}>{t("coach.chat.back")}</Link> · <Link to="/documents">{t("coach.documentsLink")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("coach.draft.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return (
    <RouteErrorBoundary
      back={[
        { to: "/coach", label: t("common.area.coach") },
        { to: "/documents", label: t("common.area.documents") },
      ]}
    />
  );
}
