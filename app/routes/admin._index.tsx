import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { countMembersByRole } from "~/modules/admin/members.server";
import { roleLabel, userRoles } from "~/modules/admin/roles";
import { countSignups } from "~/modules/admin/signups.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const ctx = getCtx();
  const [members, signups] = await Promise.all([countMembersByRole(ctx), countSignups(ctx)]);
  return { members, signups };
}

const n = (value: number) => value.toLocaleString("en-US");

export default function AdminOverview() {
  const { members, signups } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="admin-title" className="space-y-4">
      <h1 id="admin-title">Admin</h1>
      <ul className="space-y-3">
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/users">Members</Link>
          </h2>
          <p>{n(members.total)} members.</p>
          <p className="text-sm text-stone-600">
            {userRoles.map((role) => `${roleLabel(role)}: ${n(members.byRole[role] ?? 0)}`).join(" · ")}
          </p>
        </li>
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/premium">Premium sign-ups</Link>
          </h2>
          <p>{n(signups.premium)} people asked about Premium.</p>
        </li>
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/api-access">API sign-ups</Link>
          </h2>
          <p>{n(signups.apiAccess)} organisations asked for API access.</p>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Admin | Ladder");
