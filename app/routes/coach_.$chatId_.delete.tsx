/**
 * /coach/<chatId>/delete: the confirmation page, and the POST that deletes the chat with all its
 * messages and votes in one transaction (deleteChat). Someone else's chat: 404, nothing deleted.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { deleteChat, ownChat } from "~/modules/coach/chat-extras.server";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no chat of yours at this address. It may have been deleted already, or the link is wrong.";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chat = await ownChat(getCtx(), user.id, params.chatId ?? "");
  if (!chat) throw new Response(NOT_FOUND, { status: 404 });
  return { id: chat.id, title: chat.title, isPublic: chat.visibility === "public" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 4_000 });
  if (!(await deleteChat(getCtx(), user.id, params.chatId ?? ""))) throw new Response(NOT_FOUND, { status: 404 });
  return redirect("/coach", { headers: { "Set-Cookie": await flashHeader("The chat is deleted, with its messages and votes.", "success") } });
}

export default function DeleteChat() {
  const chat = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title">{`Delete the chat “${chat.title}”?`}</h1>
      <p>
        Its messages, the coach&apos;s replies and your votes are deleted for good. This cannot be undone.
        {chat.isPublic ? " Its share link will stop working." : ""} Documents you drafted from it stay in your documents.
      </p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? "Deleting…" : "Delete chat"}
        </Button>
        <Link to={`/coach/${chat.id}`}>Keep the chat</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Delete a chat | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/coach", label: "Your chats" }]} />;
}
