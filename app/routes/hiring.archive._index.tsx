/**
 * /hiring/archive?q=…: the candidates the recruiter archived (admins: every card), newest first,
 * 20 a page by keyset, searched by name, email or note; each opens its card. A CSV of the same
 * list is /hiring/archive.csv?q=….
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/SearchForm";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { MetaLine } from "~/components/ui/Meta";
import { getCtx } from "~/db.server";
import { brokenPageLink } from "~/lib/cursor.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { ARCHIVE_QUERY_MAX, listCards } from "~/modules/hiring/archive.server";
import { archiveCursor } from "~/modules/hiring/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, ARCHIVE_QUERY_MAX);
  const scope = `archive:${q}` as const;
  const after = archiveCursor.from(url.searchParams.get("after"), scope);
  if (after === null) throw brokenPageLink("/hiring/archive");
  const page = await listCards(getCtx(), { id: user.id, role: user.role }, { q, after });
  const lang = await languageOf(request);
  const t = translator(lang);
  const next = new URLSearchParams(q ? { q } : {});
  if (page.next) next.set("after", archiveCursor.to(page.next, scope));
  return {
    q,
    admin: user.role === "admin",
    paged: Boolean(after),
    rows: page.rows.map((r) => ({
      id: r.id,
      name: r.name?.trim() || t("archive.card.unnamed"),
      email: r.email,
      match: r.matchPercentage,
      desc: r.desc && [...r.desc].length > 140 ? `${[...r.desc].slice(0, 140).join("")}…` : r.desc,
      at: formatDate(r.createdAt, lang),
    })),
    csvHref: `/hiring/archive.csv${q ? `?${new URLSearchParams({ q })}` : ""}`,
    firstHref: `/hiring/archive${q ? `?${new URLSearchParams({ q })}` : ""}`,
    nextHref: page.next ? `/hiring/archive?${next}` : null,
    ...(await pageMessages(request, ["archive"])),
  };
}

export default function Archive() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="archive-title" className="space-y-4">
      <p className="text-sm">
        <Link to="/hiring">{t("common.area.hiring")}</Link>
      </p>
      <h1 id="archive-title">{t("archive.list.pageTitle")}</h1>
      <p className="text-stone-700">{d.admin ? t("archive.list.introAdmin") : t("archive.list.introOwn")}</p>
      <SearchForm label={t("archive.list.searchLabel")} defaultValue={d.q} maxLength={100} />
      {d.rows.length === 0 ? (
        <div className="card">
          <p>{d.paged ? t("archive.list.noMore") : d.q ? t("archive.list.noMatch", { q: d.q }) : t("archive.list.none")}</p>
        </div>
      ) : (
        <>
          <p>
            <a href={d.csvHref} download>
              {t("archive.list.export")}
            </a>
          </p>
          <ul aria-label={t("archive.list.label")} className="list">
            {d.rows.map((r) => (
              <li key={r.id} className="space-y-1">
                <p>
                  <Link to={`/hiring/archive/${r.id}`} className="font-medium" dir="auto">
                    {r.name}
                  </Link>
                </p>
                <MetaLine
                  parts={[
                    r.email ? <bdi dir="ltr">{r.email}</bdi> : null,
                    r.match ? t("archive.list.match", { match: r.match }) : null,
                    t("archive.list.archived", { date: r.at }),
                  ]}
                />
                {r.desc ? (
                  <p className="break-words text-sm text-stone-700" dir="auto">
                    {r.desc}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="flex flex-wrap gap-3">
        {d.paged ? <Link to={d.firstHref}>{t("archive.list.newest")}</Link> : null}
        {d.nextHref ? <Link to={d.nextHref}>{t("archive.list.more")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("archive.list.pageTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/hiring", label: t("common.area.hiring") }]} />;
}
