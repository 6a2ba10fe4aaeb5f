/**
 * /coach/<chatId>/title: rename your chat. The chat page's actions post here; this page is where
 * a refused title comes back (400, the message beside the field, what you typed kept) and the
 * rename form without the chat page around it. Someone else's chat: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { uuidOf } from "~/lib/ids";
import { ownChat, renameChat } from "~/modules/coach/chat-extras.server";
import { TITLE_MAX } from "~/modules/coach/extras-rules";
import { titleSchema } from "~/modules/coach/forms.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no chat of yours at this address. It may have been deleted, or the link is wrong.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chat = await ownChat(getCtx(), user.id, params.chatId ?? "");
  if (!chat) throw new Response(NOT_FOUND, { status: 404 });
  return { id: chat.id, title: chat.title };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, titleSchema, { maxBytes: 10_000 });
  const chatId = uuidOf(params.chatId);
  const ctx = getCtx();
  if (!chatId || !(await ownChat(ctx, user.id, chatId))) throw new Response(NOT_FOUND, { status: 404 });
  if (!read.ok) return data({ errors: read.errors, title: read.values.title ?? "" }, { status: 400 });
  if (!(await renameChat(ctx, user.id, chatId, read.data.title))) throw new Response(NOT_FOUND, { status: 404 });
  return redirect(`/coach/${chatId}`, { headers: { "Set-Cookie": await flashHeader("The chat is renamed.", "success") } });
}

export default function RenameChat() {
  const chat = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="rename-title" className="card space-y-3">
      <h1 id="rename-title">Rename this chat</h1>
      <ErrorSummary errors={failed?.errors} labels={{ title: "Title" }} />
      <Form method="post" className="space-y-3">
        <CsrfInput />
        <Field
          label={`Title (up to ${TITLE_MAX} characters)`}
          name="title"
          defaultValue={failed?.title ?? chat.title}
          error={failed?.errors.title}
          maxLength={TITLE_MAX + 40}
          required
        />
        <div className="flex flex-wrap items-center gap-3">
          <Button>
            Save title
          </Button>
          <Link to={`/coach/${chat.id}`}>Back to the chat</Link>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Rename a chat | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/coach", label: "Your chats" }]} />;
}
