import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listPremium } from "~/modules/admin/signups.server";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const after = adminCursor.from(new URL(request.url).searchParams.get("cursor"), "premium");
  if (after === null) throw brokenPageLink("the first page of sign-ups");
  const page = await listPremium(getCtx(), { after });
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({ ...r, createdAt: formatDate(r.createdAt) })),
    nextHref: page.next ? `/admin/premium?${new URLSearchParams({ cursor: adminCursor.to(page.next, "premium") })}` : null,
  };
}

export default function AdminPremium() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="premium-title" className="space-y-4">
      <h1 id="premium-title">Premium sign-ups</h1>
      <p>
        People who asked about Premium, newest first. <a href="/admin/premium.csv" download>Download all as CSV</a>
      </p>
      {rows.length === 0 ? (
        <p className="card">Nobody has asked about Premium yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 p-3">
              <p>
                <span className="font-medium">{r.fullName}</span> · <a href={`mailto:${r.emailAddress}`}>{r.emailAddress}</a>
                {r.phoneNumber ? ` · ${r.phoneNumber}` : null}
              </p>
              {r.paragraphInterest ? <p className="whitespace-pre-line break-words">{r.paragraphInterest}</p> : null}
              <p className="text-sm text-stone-600">Signed up {r.createdAt}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/admin/premium">First page</Link> : null}
        {nextHref ? <Link to={nextHref}>Next page</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Premium sign-ups | Admin | Ladder");
