/** The admin area's layout: staff-only navigation around each admin page. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet } from "@remix-run/react";
import { requireRole } from "~/modules/accounts/current-user.server";

const pages = [
  { to: "/admin", label: "Overview", end: true },
  { to: "/admin/users", label: "Members", end: false },
  { to: "/admin/premium", label: "Premium sign-ups", end: false },
  { to: "/admin/api-access", label: "API sign-ups", end: false },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // Each admin route guards itself too: loaders run in parallel, so a layout guard alone is not enough.
  await requireRole(request, ["admin"]);
  return null;
}

export default function AdminLayout() {
  return (
    <div className="space-y-4">
      <nav aria-label="Admin">
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
          {pages.map((page) => (
            <li key={page.to}>
              <NavLink to={page.to} end={page.end} prefetch="none" className={({ isActive }) => (isActive ? "font-semibold text-stone-900" : "")}>
                {page.label}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
