import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { countMembersByRole } from "~/modules/admin/members.server";
import { todayLive } from "~/modules/analytics/dashboard.server";
import { roleLabel, userRoles } from "~/modules/admin/roles";
import { countSignups } from "~/modules/admin/signups.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, ["admin"]);
  const ctx = getCtx();
  const [members, signups, today] = await Promise.all([countMembersByRole(ctx), countSignups(ctx), todayLive(ctx, new Date())]);
  return { members, signups, today, ...(await pageMessages(request, ["admin"])) };
}

export default function AdminOverview() {
  const { members, signups, today } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <section aria-labelledby="admin-title" className="space-y-4">
      <h1 id="admin-title">{t("admin.overview.title")}</h1>
      <ul className="space-y-3">
        <li className="card space-y-1" data-testid="analytics-today">
          <h2>
            <Link to="/admin/analytics">{t("admin.nav.analytics")}</Link>
          </h2>
          <p>{t("admin.overview.analyticsToday", today)}</p>
          <p className="text-sm text-stone-600">{t("admin.overview.analyticsMore")}</p>
        </li>
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/users">{t("admin.nav.members")}</Link>
          </h2>
          <p>{t("admin.overview.members", { count: members.total })}</p>
          <p className="text-sm text-stone-600">
            {userRoles.map((role) => t("admin.overview.roleCount", { role: roleLabel(role, t), count: members.byRole[role] ?? 0 })).join(" · ")}
          </p>
        </li>
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/premium">{t("admin.nav.premium")}</Link>
          </h2>
          <p>{t("admin.overview.premium", { count: signups.premium })}</p>
        </li>
        <li className="card space-y-1">
          <h2>
            <Link to="/admin/api-access">{t("admin.nav.apiAccess")}</Link>
          </h2>
          <p>{t("admin.overview.apiAccess", { count: signups.apiAccess })}</p>
        </li>
      </ul>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("admin.overview.metaTitle")));
