/** The admin area's layout: staff-only navigation around each admin page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";

const pages = [
  { to: "/admin", label: "admin.nav.overview", end: true },
  { to: "/admin/users", label: "admin.nav.members", end: false },
  { to: "/admin/premium", label: "admin.nav.premium", end: false },
  { to: "/admin/api-access", label: "admin.nav.apiAccess", end: false },
  { to: "/admin/analytics", label: "admin.nav.analytics", end: false },
  { to: "/admin/analytics/tracking", label: "admin.nav.tracking", end: false },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Each admin route guards itself too: loaders run in parallel, so a layout guard alone is not enough.
  await requireRole(request, ["admin"]);
  return pageMessages(request, ["admin"]);
}

export default function AdminLayout() {
  const t = useT();
  return (
    <div className="space-y-4">
      <nav aria-label={t("admin.nav.label")}>
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {pages.map((page) => (
            <li key={page.to}>
              <NavLink to={page.to} end={page.end} prefetch="none" className={({ isActive }) => (isActive ? "font-semibold text-stone-900" : "")}>
                {t(page.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
