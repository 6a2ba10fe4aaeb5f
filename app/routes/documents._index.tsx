/** /documents: my documents, the latest version of each, most recently saved first. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { documentsCursor } from "~/modules/documents/cursor.server";
import { listDocuments } from "~/modules/documents/documents.server";
import { KIND_LABELS, versionLabel } from "~/modules/documents/rules";
import { pageMeta } from "~/lib/meta";
import { ButtonLink } from "~/components/ui/Button";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const after = documentsCursor.from(new URL(request.url).searchParams.get("after"), "documents");
  if (after === null) throw new Response("This page link is broken or was changed. Start again from /documents.", { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listDocuments(ctx, user.id, after), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    documents: page.documents.map((d) => ({ id: d.id, title: d.title, kind: KIND_LABELS[d.kind] ?? d.kind, saved: versionLabel(d.createdAt, zone) })),
    nextHref: page.next ? `/documents?after=${encodeURIComponent(documentsCursor.to(page.next, "documents"))}` : null,
  };
}

export default function Documents() {
  const { documents, nextHref, paged } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="documents-title" className="space-y-4">
      <h1 id="documents-title">Your documents</h1>
      <p className="flex flex-wrap items-center gap-3">
        <ButtonLink to="/documents/new">
          New document
        </ButtonLink>
        <Link to="/coach">Your coach chats</Link>
      </p>
      <p className="text-sm text-stone-600">
        Cover letters, CV summaries, plans, code and sheets. Every save keeps the earlier version; the coach can suggest improvements. Only you see your documents.
      </p>
      {documents.length === 0 ? (
        <p className="text-stone-600">
          {paged ? (
            <>
              No more documents. <Link to="/documents">Back to the first page</Link>
            </>
          ) : (
            "You have no documents yet. Write one with “New document”, or ask the coach to draft one from a chat."
          )}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {documents.map((d) => (
            <li key={d.id} className="py-2">
              <Link to={`/documents/${d.id}`} className="font-medium">
                {d.title}
              </Link>
              <span className="block text-sm text-stone-600">
                {d.kind} · saved {d.saved}
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref}>Older documents</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Your documents | Ladder");
