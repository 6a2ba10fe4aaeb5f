/** /documents/new: write a document (text, code or a CSV sheet). */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { DocumentForm } from "~/components/documents/DocumentForm";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { createDocument } from "~/modules/documents/documents.server";
import { documentSchema } from "~/modules/documents/forms.server";
import { DOCUMENT_FIELDS } from "~/modules/documents/rules";
import { pick } from "~/lib/forms";
import { flashHeader } from "~/services/flash.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return coachPageMessages(request, ["documents"]);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, documentSchema(), { maxBytes: 700_000 });
  if (!read.ok) return data({ errors: read.errors, values: pick(read.values, DOCUMENT_FIELDS) }, { status: 400 });
  const created = await createDocument(getCtx(), user.id, read.data);
  return redirect(`/documents/${created.id}`, { headers: { "Set-Cookie": await flashHeader("documents.new.saved") } });
}

export default function NewDocument() {
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="new-document-title" className="space-y-4">
      <h1 id="new-document-title">{t("documents.new")}</h1>
      <DocumentForm action="/documents/new" values={failed?.values ?? {}} errors={failed?.errors} submitLabel={t("documents.new.submit")} cancelHref="/documents" />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("documents.new") })));
