/** /documents/new: write a document (text, code or a CSV sheet). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/DocumentForm";
import { getCtx } from "~/db.server";
import { typedValues } from "~/lib/forms";
import { parseForm } from "~/modules/accounts/csrf.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { createDocument } from "~/modules/documents/documents.server";
import { checkDocument, DOCUMENT_FIELDS } from "~/modules/documents/rules";
import { flashHeader } from "~/services/flash.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await parseForm(request, { maxBytes: 700_000 });
  const values = typedValues(form, DOCUMENT_FIELDS);
  const checked = checkDocument(values);
  if (!checked.ok) return data({ errors: checked.errors, values }, { status: 400 });
  const created = await createDocument(getCtx(), user.id, checked.input);
  return redirect(`/documents/${created.id}`, { headers: { "Set-Cookie": await flashHeader("Document saved.") } });
}

export default function NewDocument() {
  const failed = useActionData<typeof action>();
  return (
    <section aria-labelledby="new-document-title" className="space-y-4">
      <h1 id="new-document-title">New document</h1>
      <DocumentForm action="/documents/new" values={failed?.values ?? {}} errors={failed?.errors} submitLabel="Save the document" cancelHref="/documents" />
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("New document | Ladder");
