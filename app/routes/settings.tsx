/** Settings: one layout for the member's own pages (lite mode works signed out too). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";

const pages = [
  { to: "/settings/profile", label: "settings.nav.profile" },
  { to: "/settings/cv", label: "settings.nav.cv" },
  { to: "/settings/candidates", label: "settings.nav.candidates" },
  { to: "/settings/password", label: "settings.nav.password" },
  { to: "/settings/sessions", label: "settings.nav.sessions" },
  { to: "/settings/time-zone", label: "settings.nav.timeZone" },
  { to: "/settings/language", label: "settings.nav.language" },
  { to: "/settings/lite", label: "settings.nav.lite" },
  { to: "/settings/delete", label: "settings.nav.delete" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return { signedIn: Boolean(await getCurrentUser(request)), ...(await pageMessages(request, ["settings"])) };
}

export default function SettingsLayout() {
  const { signedIn } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      {signedIn ? (
        <nav aria-label={t("settings.nav.label")}>
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {pages.map((page) => (
              <li key={page.to}>
                <NavLink to={page.to} prefetch="none" className={({ isActive }) => (isActive ? "font-semibold text-stone-900" : "")}>
                  {t(page.label)}
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
