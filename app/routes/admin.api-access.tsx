import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listApiAccess } from "~/modules/admin/signups.server";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const after = adminCursor.from(new URL(request.url).searchParams.get("cursor"), "api-access");
  if (after === null) throw brokenPageLink("the first page of sign-ups");
  const page = await listApiAccess(getCtx(), { after });
  return {
    paged: Boolean(after),
    rows: page.rows.map((r) => ({ ...r, createdAt: formatDate(r.createdAt) })),
    nextHref: page.next ? `/admin/api-access?${new URLSearchParams({ cursor: adminCursor.to(page.next, "api-access") })}` : null,
  };
}

export default function AdminApiAccess() {
  const { paged, rows, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="api-title" className="space-y-4">
      <h1 id="api-title">API sign-ups</h1>
      <p>
        Organisations that asked for API access, newest first. <a href="/admin/api-access.csv" download>Download all as CSV</a>
      </p>
      {rows.length === 0 ? (
        <p className="card">Nobody has asked for API access yet.</p>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {rows.map((r) => (
            <li key={r.id} className="space-y-1 p-3">
              <p>
                <span className="font-medium">{r.fullName}</span>
                {r.orgName ? `, ${r.orgName}` : null} · <a href={`mailto:${r.email}`}>{r.email}</a>
                {r.phone ? ` · ${r.phone}` : null}
              </p>
              {r.work ? <p className="break-words">Work: {r.work}</p> : null}
              {r.benefits ? <p className="whitespace-pre-line break-words">How it would help: {r.benefits}</p> : null}
              <p className="text-sm text-stone-600">Signed up {r.createdAt}</p>
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to="/admin/api-access">First page</Link> : null}
        {nextHref ? <Link to={nextHref}>Next page</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("API sign-ups | Admin | Ladder");
