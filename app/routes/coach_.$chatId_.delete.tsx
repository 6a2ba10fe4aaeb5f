/**
 * /coach/<chatId>/delete: the confirmation page, and the POST that deletes the chat with all its
 * messages and votes in one transaction (deleteChat). Someone else's chat: 404, nothing deleted.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { deleteChat, ownChat } from "~/modules/coach/chat-extras.server";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("coach.delete.notFound"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const chat = await ownChat(getCtx(), user.id, params.chatId ?? "");
  if (!chat) throw await notFound(request);
  return { id: chat.id, title: chat.title, isPublic: chat.visibility === "public", ...(await coachPageMessages(request)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await readForm(request, noFields, { maxBytes: 4_000 });
  if (!(await deleteChat(getCtx(), user.id, params.chatId ?? ""))) throw await notFound(request);
  return redirect("/coach", { headers: { "Set-Cookie": await flashHeader("coach.delete.done", "success") } });
}

export default function DeleteChat() {
  const chat = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const t = useT();
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title">{t("coach.delete.heading", { title: chat.title })}</h1>
      <p>{t(chat.isPublic ? "coach.delete.bodyPublic" : "coach.delete.body")}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger" disabled={busy}>
          {busy ? t("coach.delete.deleting") : t("coach.delete.submit")}
        </Button>
        <Link to={`/coach/${chat.id}`}>{t("coach.delete.keep")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("coach.delete.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/coach", label: t("common.area.coach") }]} />;
}
