/** /documents/<id>/delete: confirm, then delete every version and suggestion of my document. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { useT } from "~/lib/i18n";
import { translatorFor } from "~/lib/i18n.server";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { deleteDocument, getVersion, listVersions } from "~/modules/documents/documents.server";
import { uuidOf } from "~/lib/ids";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

async function documentId(request: Request, raw: string | undefined): Promise<string> {
  const id = uuidOf(raw);
  if (!id) throw await notFound(request);
  return id;
}

const notFound = async (request: Request) => new Response((await translatorFor(request))("documents.notFound"), { status: 404 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = await documentId(request, params.id);
  const ctx = getCtx();
  const [latest, history] = await Promise.all([getVersion(ctx, user.id, id), listVersions(ctx, user.id, id)]);
  if (!latest) throw await notFound(request);
  return { id, title: latest.title, count: history.versions.length, more: Boolean(history.next), ...(await coachPageMessages(request, ["documents"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = await documentId(request, params.id);
  await readForm(request, noFields, { maxBytes: 10_000 });
  if (!(await deleteDocument(getCtx(), user.id, id))) throw await notFound(request);
  return redirect("/documents", { headers: { "Set-Cookie": await flashHeader("documents.delete.done") } });
}

export default function DeleteDocument() {
  const { id, title, count, more } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title" className="break-words">
        {t("documents.delete.heading", { title })}
      </h1>
      <p>{t(more ? "documents.delete.bodyMore" : count === 1 ? "documents.delete.bodyOne" : "documents.delete.bodyMany", { count })}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">
          {t("documents.delete.submit")}
        </Button>
        <Link to={`/documents/${id}`}>{t("documents.form.cancel")}</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("documents.delete.metaTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/documents", label: t("common.area.documents") }]} />;
}
