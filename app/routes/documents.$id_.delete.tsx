/** /documents/<id>/delete: confirm, then delete every version and suggestion of my document. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { deleteDocument, getVersion, listVersions } from "~/modules/documents/documents.server";
import { uuidOf } from "~/lib/ids";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

const NOT_FOUND = "There is no such document among yours.";

function documentId(raw: string | undefined): string {
  const id = uuidOf(raw);
  if (!id) throw new Response(NOT_FOUND, { status: 404 });
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = documentId(params.id);
  const ctx = getCtx();
  const [latest, history] = await Promise.all([getVersion(ctx, user.id, id), listVersions(ctx, user.id, id)]);
  if (!latest) throw new Response(NOT_FOUND, { status: 404 });
  return { id, title: latest.title, versions: history.next ? `more than ${history.versions.length}` : String(history.versions.length) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const id = documentId(params.id);
  await readForm(request, noFields, { maxBytes: 10_000 });
  if (!(await deleteDocument(getCtx(), user.id, id))) throw new Response(NOT_FOUND, { status: 404 });
  return redirect("/documents", { headers: { "Set-Cookie": await flashHeader("Document deleted, with all its versions and suggestions.") } });
}

export default function DeleteDocument() {
  const { id, title, versions } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="delete-title" className="card space-y-3">
      <h1 id="delete-title" className="break-words">
        {`Delete “${title}”?`}
      </h1>
      <p>{`${versions === "1" ? "Its only version" : `All ${versions} versions`} and every suggestion on it are deleted for good. This cannot be undone.`}</p>
      <Form method="post" className="flex flex-wrap items-center gap-3">
        <CsrfInput />
        <Button variant="danger">
          Delete the document
        </Button>
        <Link to={`/documents/${id}`}>Cancel</Link>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Delete a document | Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary back={[{ to: "/documents", label: "Your documents" }]} />;
}
