import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { useT } from "~/lib/i18n";
import { languageOf, pageMessages, translator } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listPremium } from "~/modules/admin/signups.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const lang = await languageOf(request);
  const after = adminCursor.from(new URL(request.url).searchParams.get("cursor"), "premium");
  if (after === null) throw new Response(translator(lang)("admin.signups.brokenLink"), { status: 400 });
  const page = await listPremium(getCtx(), { after });
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({ ...r, createdAt: formatDate(r.createdAt, lang) })),
    nextHref: page.next ? `/admin/premium?${new URLSearchParams({ cursor: adminCursor.to(page.next, "premium") })}` : null,
    ...(await pageMessages(request, ["admin"])),
  };
}

export default function AdminPremium() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="premium-title" className="space-y-4">
      <h1 id="premium-title">{t("admin.nav.premium")}</h1>
      <p>
        {t("admin.premium.intro")}{" "}
        <a href="/admin/premium.csv" download>
          {t("admin.signups.download")}
        </a>
      </p>
      {rows.length === 0 ? (
        <p className="card">{t("admin.premium.empty")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 p-3">
              <p>
                <span className="font-medium" dir="auto">
                  {r.fullName}
                </span>{" "}
                · <a href={`mailto:${r.emailAddress}`}><bdi>{r.emailAddress}</bdi></a>
                {r.phoneNumber ? (
                  <>
                    {" · "}
                    <bdi>{r.phoneNumber}</bdi>
                  </>
                ) : null}
              </p>
              {r.paragraphInterest ? (
                <p className="whitespace-pre-line break-words" dir="auto">
                  {r.paragraphInterest}
                </p>
              ) : null}
              <p className="text-sm text-stone-600">{t("admin.signups.signedUp", { date: r.createdAt })}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/admin/premium">{t("admin.pager.first")}</Link> : null}
        {nextHref ? <Link to={nextHref}>{t("admin.pager.next")}</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("admin.premium.metaTitle")));
