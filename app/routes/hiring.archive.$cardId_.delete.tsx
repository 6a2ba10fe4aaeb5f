/** /hiring/archive/<cardId>/delete: confirm, then delete the card and go back to the archive with a flash. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { cardIdOf, deleteCard, getCard } from "~/modules/hiring/archive.server";
import { flashHeader } from "~/services/flash.server";

const notFound = async (request: Request) => new Response((await translatorFor(request))("archive.notFound"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = cardIdOf(params.cardId);
  const card = id === null ? null : await getCard(getCtx(), { id: user.id, role: user.role }, id);
  if (!card) throw await notFound(request);
  const t = await translatorFor(request);
  return { id: card.id, name: card.name?.trim() || t("archive.card.unnamed"), ...(await pageMessages(request, ["archive"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = cardIdOf(params.cardId);
  await readForm(request, noFields, { maxBytes: 10_000 });
  if (id === null || !(await deleteCard(getCtx(), { id: user.id, role: user.role }, id))) throw await notFound(request);
  return redirect("/hiring/archive", { headers: { "Set-Cookie": await flashHeader("archive.delete.done") } });
}

export default function DeleteArchiveCard() {
  const { id, name } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title">{t("archive.delete.title")}</h1>
      <p className="break-words">{t("archive.delete.body", { name })}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">{t("archive.delete.submit")}</Button>
        <Link to={`/hiring/archive/${id}`}>{t("archive.delete.cancel")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("archive.delete.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/hiring/archive", label: t("archive.list.title") }]} />;
}
