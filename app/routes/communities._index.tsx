/**
 * /communities: the directory (issue 16). Everyone can browse and search it (a GET form over
 * names and descriptions, so a search is a link); pages go on by keyset ("More communities").
 * Each row has the member count and, for a signed-in member, where they stand: member, request
 * sent, or neither. A member's own communities come first, above the first page.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { SearchForm } from "~/components/SearchForm";
import { ButtonLink } from "~/components/ui/Button";
import { StatusPill } from "~/components/ui/StatusPill";
import { getCtx } from "~/db.server";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { directoryCursor, directoryPage, directoryQuery, yourCommunities, type DirectoryRow } from "~/modules/communities/directory.server";
import { DIRECTORY_QUERY_MAX } from "~/modules/communities/rules";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  const url = new URL(request.url);
  const q = directoryQuery(url.searchParams.get("q"));
  const t = await translatorFor(request);
  const after = directoryCursor.from(url.searchParams.get("after"), "directory");
  if (after === null) throw new Response(t("communities.directory.brokenLink"), { status: 400 });
  const ctx = getCtx();
  const [page, yours] = await Promise.all([
    directoryPage(ctx, user?.id ?? null, { q, afterId: after }),
    user && !after ? yourCommunities(ctx, user.id, q) : Promise.resolve(null),
  ]);
  if (!page) throw new Response(t("communities.directory.brokenLink"), { status: 400 });
  const next = page.nextId ? new URLSearchParams({ ...(q ? { q } : {}), after: directoryCursor.to(page.nextId, "directory") }) : null;
  return {
    q,
    signedIn: Boolean(user),
    paged: Boolean(after),
    yours,
    rows: page.rows,
    nextHref: next ? `/communities?${next}` : null,
    ...(await pageMessages(request, ["communities"])),
  };
}

/** One community: its name, where the viewer stands, and (unless `compact`, as in "Your communities") the start of its description. */
function CommunityRow({ row, compact = false }: { row: DirectoryRow; compact?: boolean }) {
  const t = useT();
  return (
    <li className="space-y-1">
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link to={`/communities/${row.id}`} className="break-words font-medium" dir="auto">
          {row.name}
        </Link>
        {row.status === "member" ? <StatusPill tone="green">{t("communities.status.member")}</StatusPill> : null}
        {row.status === "pending" ? <StatusPill tone="amber">{t("communities.status.pending")}</StatusPill> : null}
      </p>
      {row.summary && !compact ? (
        <p className="break-words text-sm" dir="auto">
          {row.summary}
        </p>
      ) : null}
      <p className="flex flex-wrap gap-x-3 text-sm text-stone-600">
        <span>{t("communities.members", { count: row.members })}</span>
        {row.created ? (
          <Link to={`/communities/${row.id}/edit`} aria-label={t("communities.directory.editNamed", { name: row.name })}>
            {t("communities.directory.edit")}
          </Link>
        ) : null}
      </p>
    </li>
  );
}

export default function Communities() {
  const { q, signedIn, paged, yours, rows, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  // What was searched for, kept whole inside a right-to-left sentence.
  const query = dirOf(useLanguage()) === "rtl" ? bidi(q) : q;
  const firstPage = q ? `/communities?${new URLSearchParams({ q })}` : "/communities";
  return (
    <section aria-labelledby="communities-title" className="space-y-4">
      <h1 id="communities-title">{t("common.area.communities")}</h1>
      <p className="text-sm text-stone-600">{t("communities.directory.intro")}</p>
      <p>
        {signedIn ? (
          <ButtonLink to="/communities/new">{t("communities.directory.create")}</ButtonLink>
        ) : (
          <Link to={`/login?${new URLSearchParams({ redirectTo: "/communities/new" })}`}>{t("communities.directory.signInToCreate")}</Link>
        )}
      </p>
      <SearchForm label={t("communities.directory.searchLabel")} defaultValue={q} maxLength={DIRECTORY_QUERY_MAX} submit={t("communities.directory.search")} />
      {yours && yours.rows.length > 0 ? (
        <section aria-labelledby="yours-title" className="space-y-2">
          <h2 id="yours-title">{t("communities.directory.yours")}</h2>
          <ul className="list">
            {yours.rows.map((row) => (
              <CommunityRow key={row.id} row={row} compact />
            ))}
          </ul>
          {yours.more ? <p className="text-sm text-stone-600">{t("communities.directory.yoursMore")}</p> : null}
        </section>
      ) : null}
      <section aria-labelledby="all-title" className="space-y-2">
        <h2 id="all-title">{q ? t("communities.directory.matching", { q: query }) : t("communities.directory.all")}</h2>
        {rows.length === 0 ? (
          <p className="card">{paged ? t("communities.directory.noMore") : q ? t("communities.directory.noMatch", { q: query }) : t("communities.directory.none")}</p>
        ) : (
          <ul className="list">
            {rows.map((row) => (
              <CommunityRow key={row.id} row={row} />
            ))}
          </ul>
        )}
        <p className="flex flex-wrap gap-3">
          {paged ? <Link to={firstPage}>{t("communities.directory.firstPage")}</Link> : null}
          {nextHref ? <Link to={nextHref}>{t("communities.directory.nextPage")}</Link> : null}
        </p>
      </section>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("communities.directory.metaTitle"), t("communities.directory.metaDescription")));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/communities", label: t("common.area.communities") }]} />;
}
