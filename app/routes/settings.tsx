/** Settings: one layout for the member's own pages (lite mode works signed out too). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { getCurrentUser } from "~/modules/accounts/current-user.server";

const pages = [
  { to: "/settings/profile", label: "Profile" },
  { to: "/settings/cv", label: "CV" },
  { to: "/settings/password", label: "Password" },
  { to: "/settings/sessions", label: "Sessions" },
  { to: "/settings/time-zone", label: "Time zone" },
  { to: "/settings/language", label: "Language" },
  { to: "/settings/lite", label: "Lite mode" },
  { to: "/settings/delete", label: "Delete account" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { signedIn: Boolean(await getCurrentUser(request)) };
}

export default function SettingsLayout() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      {signedIn ? (
        <nav aria-label="Settings">
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {pages.map((page) => (
              <li key={page.to}>
                <NavLink to={page.to} prefetch="none" className={({ isActive }) => (isActive ? "font-semibold text-stone-900" : "")}>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </div>
  );
}
