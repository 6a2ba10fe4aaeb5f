import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { bidi, dirOf, useLanguage, useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listApiAccess } from "~/modules/admin/signups.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const after = adminCursor.from(new URL(request.url).searchParams.get("cursor"), "api-access");
  if (after === null) throw new Response(translator(lang)("admin.signups.brokenLink"), { status: 400 });
  const page = await listApiAccess(getCtx(), { after });
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({ ...r, createdAt: formatDate(r.createdAt, lang) })),
    nextHref: page.next ? `/admin/api-access?${new URLSearchParams({ cursor: adminCursor.to(page.next, "api-access") })}` : null,
    ...(await pageMessages(request, ["admin"])),
  };
}

export default function AdminApiAccess() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  // What a person wrote, kept whole inside a right-to-left sentence.
  const rtl = dirOf(useLanguage()) === "rtl";
  const whole = (value: string) => (rtl ? bidi(value) : value);
  return (
    <section aria-labelledby="api-title" className="space-y-4">
      <h1 id="api-title">{t("admin.nav.apiAccess")}</h1>
      <p>
        {t("admin.apiAccess.intro")}{" "}
        <a href="/admin/api-access.csv" download>
          {t("admin.signups.download")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="card">{t("admin.apiAccess.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 p-3">
              <p>
                <span className="font-medium" dir="auto">
                  {r.fullName}
                </span>
                {r.orgName ? t("admin.apiAccess.org", { org: whole(r.orgName) }) : null} ·{" "}
                <a href={`mailto:${r.email}`}>
                  <bdi>{r.email}</bdi>
                </a>
                {r.phone ? (
                  <>
                    {" · "}
                    <bdi>{r.phone}</bdi>
                  </>
                ) : null}
              </p>
              {r.work ? <p className="break-words">{t("admin.apiAccess.work", { work: whole(r.work) })}</p> : null}
              {r.benefits ? <p className="whitespace-pre-line break-words">{t("admin.apiAccess.benefits", { benefits: whole(r.benefits) })}</p> : null}
              <p className="text-sm text-stone-600">{t("admin.signups.signedUp", { date: r.createdAt })}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/admin/api-access">{t("admin.pager.first")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("admin.pager.next")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("admin.apiAccess.metaTitle")));
