import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SearchForm } from "~/components/SearchForm";
import { CsrfInput } from "~/components/forms";
import { RoleSelect } from "~/components/RoleSelect";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { formatDate } from "~/lib/format";
import { requireRole } from "~/modules/accounts/current-user.server";
import { adminCursor } from "~/modules/admin/cursor.server";
import { listMembers, SEARCH_MAX } from "~/modules/admin/members.server";
import { roleLabel } from "~/modules/admin/roles";
import { pageMeta } from "~/lib/meta";
import { brokenPageLink } from "~/lib/cursor.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireRole(request, ["admin"]);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, SEARCH_MAX);
  const after = adminCursor.from(url.searchParams.get("cursor"), "members");
  if (after === null) throw brokenPageLink("the first page of members");
  const page = await listMembers(getCtx(), { q, after });
  const params = (cursor: string) => new URLSearchParams({ ...(q ? { q } : {}), cursor }).toString();
  return {
    q,
    meId: me.id,
    here: url.pathname + url.search,
    paged: Boolean(after),
    members: page.rows.map((m) => ({ id: m.id, name: m.name, email: m.email, role: m.role ?? "user", joined: formatDate(m.createdAt) })),
    nextHref: page.next ? `/admin/users?${params(adminCursor.to(page.next, "members"))}` : null,
  };
}

export default function AdminMembers() {
  const { q, meId, here, paged, members, nextHref } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="members-title" className="space-y-4">
      <h1 id="members-title">Members</h1>
      <SearchForm label="Search by name or email" defaultValue={q} maxLength={SEARCH_MAX} />
      {q ? (
        <p>
          Members whose name or email contains “{q}”. <Link to="/admin/users">Show everyone</Link>
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="card">{q ? `No member’s name or email contains “${q}”.` : "No members yet."}</p>
      ) : (
        <ul aria-label="Members" className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {members.map((m) => (
            <li key={m.id} className="space-y-1 p-3">
              <p>
                <span className="font-medium">{m.name || "(no name)"}</span> · {m.email}
              </p>
              <p className="text-sm text-stone-600">
                {roleLabel(m.role)} · joined {m.joined}
              </p>
              {m.id === meId ? (
                <p className="text-sm">This is you. Another admin can change your role.</p>
              ) : (
                <Form method="post" action={`/admin/users/${m.id}/role`} className="flex flex-wrap items-center gap-2">
                  <CsrfInput />
                  <input type="hidden" name="back" value={here} />
                  <RoleSelect id={`role-${m.id}`} label={`Role of ${m.name || m.email}`} defaultValue={m.role} labelClassName="sr-only" />
                  <Button variant="secondary" size="sm">
                    Change role
                  </Button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      )}
      <p className="flex flex-wrap gap-3">
        {paged ? <Link to={q ? `/admin/users?${new URLSearchParams({ q })}` : "/admin/users"}>First page</Link> : null}
        {nextHref ? <Link to={nextHref}>Next page</Link> : null}
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Members | Admin | Ladder");
