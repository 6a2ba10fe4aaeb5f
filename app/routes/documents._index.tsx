/** /documents: my documents, the latest version of each, most recently saved first. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { effectiveZone } from "~/modules/calendar/time-zone.server";
import { documentsCursor } from "~/modules/documents/cursor.server";
import { listDocuments } from "~/modules/documents/documents.server";
import { KIND_LABELS, versionLabel } from "~/modules/documents/rules";
import { metaFor, pageMeta } from "~/lib/meta";
import { ButtonLink } from "~/components/ui/Button";
import { coachPageMessages } from "~/modules/coach/page-messages.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const lang = await languageOf(request);
  const t = translator(lang);
  const after = documentsCursor.from(new URL(request.url).searchParams.get("after"), "documents");
  if (after === null) throw new Response(t("documents.brokenLink"), { status: 400 });
  const ctx = getCtx();
  const [page, { zone }] = await Promise.all([listDocuments(ctx, user.id, after), effectiveZone(ctx, user.id, request)]);
  return {
    paged: Boolean(after),
    documents: page.documents.map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind in KIND_LABELS ? t(KIND_LABELS[d.kind as keyof typeof KIND_LABELS]) : d.kind,
      saved: versionLabel(d.createdAt, zone, lang),
    })),
    nextHref: page.next ? `/documents?after=${encodeURIComponent(documentsCursor.to(page.next, "documents"))}` : null,
    ...(await coachPageMessages(request, ["documents"])),
  };
}

export default function Documents() {
  const { documents, nextHref, paged } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="documents-title" className="space-y-4">
      <h1 id="documents-title">{t("documents.title")}</h1>
      <p className="flex flex-wrap items-center gap-3">
        <ButtonLink to="/documents/new">
          {t("documents.new")}
        </ButtonLink>
        <Link to="/coach">{t("documents.coachChats")}</Link>
      </p>
      <p className="text-sm text-stone-600">
        {t("documents.intro")}
      </p>
      {documents.length === 0 ? (
        <p className="text-stone-600">
          {paged ? (
            <>
              {t("documents.noMore")} <Link to="/documents">{t("common.pager.first")}</Link>
            </>
          ) : (
            t("documents.none")
          )}
        </p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {documents.map((d) => (
            <li key={d.id} className="py-2">
              <Link to={`/documents/${d.id}`} className="font-medium" dir="auto">
                {d.title}
              </Link>
              <span className="block text-sm text-stone-600">
                {t("documents.saved", { kind: d.kind, date: d.saved })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <p>
          <Link to={nextHref}>{t("documents.older")}</Link>
        </p>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("documents.title") })));
