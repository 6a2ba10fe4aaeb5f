/**
 * /coach/<chatId>/draft: the coach drafts a document (cover letter, CV summary, plan) from my chat
 * and my profile. GET shows the choice on its own page; POST drafts and opens the new document.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { DraftForm } from "~/components/coach/DraftForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
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
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no such chat among yours.";

function chatId(raw: string | undefined): string {
  const id = uuidOf(raw);
  if (!id) throw new Response(NOT_FOUND, { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = chatId(params.chatId);
  const ctx = getCtx();
  const chat = await ownChat(ctx, user.id, id);
  if (!chat) throw new Response(NOT_FOUND, { status: 404 });
  return { id, title: chat.title, quota: quotaLine(await messagesLeft(ctx, user.id, new Date())) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = chatId(params.chatId);
  const read = await readForm(request, draftSchema, { maxBytes: 10_000 });
  if (!read.ok) return data({ error: read.errors.draft ?? DOCUMENT_MESSAGES.draft }, { status: 400 });
  const kind = read.data.draft;
  const outcome = await draftFromChat(getCtx(), user.id, id, kind);
  switch (outcome.kind) {
    case "not_found":
      throw new Response(NOT_FOUND, { status: 404 });
    case "quota":
    case "failed":
      return redirect(`/coach/${id}`, { headers: { "Set-Cookie": await flashHeader(outcome.message, "error") } });
    case "drafted":
      return redirect(`/documents/${outcome.id}`, {
        headers: {
          "Set-Cookie": await flashHeader(
            `${DRAFT_KINDS[kind].label} ${outcome.offline ? "filled in from a template by the offline coach (no AI)" : "drafted by the coach"}. Edit it and save. ${quotaLine(outcome.left)}.`,
          ),
        },
      });
  }
}

export default function DraftPage() {
  const { id, title, quota } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="draft-page-title" className="card space-y-3">
      <h1 id="draft-page-title" className="break-words">
        Draft a document from “{title}”
      </h1>
      <p className="text-sm text-stone-600">{quota}.</p>
      <DraftForm chatId={id} error={failed?.error} />
      <p>
        <Link to={`/coach/${id}`}>Back to the chat</Link> · <Link to="/documents">Your documents</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Draft a document | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/coach", label: "Your coach chats" }, { to: "/documents", label: "Your documents" }]} />;
}
