/**
 * The header: one row of at most 56 px on any screen. A phone gets the name, the messages and
 * notifications badges, the member's picture and a Menu; wide screens add the main areas inline.
 * The menu is a <details> disclosure, so it opens and its links and Sign out work without
 * JavaScript; with it, the menu also closes on navigation, Escape and a click elsewhere.
 * See docs/decisions/024-phone-first-shell.md.
 */
import { Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { CsrfInput } from "~/components/forms";
import { Avatar } from "~/components/ui/Avatar";
import { currentAreaHref, menuFor, type Area } from "~/lib/areas";
import { useT } from "~/lib/i18n";

export interface SiteHeaderProps {
  user: { id: string; name: string | null; email: string; role: string | null; avatarUrl: string | null } | null;
  unreadNotifications: number;
  unreadMessages: number;
  /** Posts waiting for the career team; null for members who cannot review. */
  reviewWaiting: number | null;
  /** Membership requests waiting in /moderation (capped at 100, shown as 99+); null for members who moderate no community. */
  requestsWaiting?: number | null;
}

/** A count as a badge reads it: at most two digits. */
const shown = (count: number) => (count > 99 ? "99+" : String(count));

function Badge({ count, what, className = "" }: { count: number; what: string; className?: string }) {
  if (count <= 0) return null;
  return (
    <>
      {" "}
      <span className={`badge ${className}`}>
        {shown(count)}
        <span className="sr-only"> {what}</span>
      </span>
    </>
  );
}

function AreaLink({ area, current, reviewWaiting, className }: { area: Area; current: boolean; reviewWaiting: number | null; className: string }) {
  const t = useT();
  return (
    <Link to={area.href} prefetch="none" className={className} aria-current={current ? "page" : undefined}>
      {t(`common.area.${area.slug || "home"}`)}
      {area.slug === "review" && reviewWaiting ? <Badge count={reviewWaiting} what={t("common.badge.waiting")} /> : null}
    </Link>
  );
}

/** A header icon with its name for assistive technology and its unread count on top. */
function IconLink({ to, label, count, what, children }: { to: string; label: string; count: number; what?: string; children: ReactNode }) {
  const t = useT();
  return (
    <NavLink to={to} prefetch="none" className="icon-link">
      {children}
      <span className="sr-only">{label}</span>
      <Badge count={count} what={what ?? t("common.badge.unread")} className="badge-on-icon" />
    </NavLink>
  );
}

// Small outline icons drawn in 24-unit boxes: a few bytes each, no icon font or extra request.
const iconProps = { width: 24, height: 24, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true } as const;
const MessagesIcon = () => (
  <svg {...iconProps}>
    <path d="M4 5h16v11H9l-5 4z" />
  </svg>
);
const BellIcon = () => (
  <svg {...iconProps}>
    <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 21h4" />
  </svg>
);
const PeopleIcon = () => (
  <svg {...iconProps}>
    <path d="M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21v-1a6 6 0 0 1 12 0v1M16 3.5a4 4 0 0 1 0 7.5M18 14.5a6 6 0 0 1 4 5.5v1" />
  </svg>
);
const MenuIcon = () => (
  <svg {...iconProps} width={20} height={20}>
    <path d="M4 6h16M4 12h16M4 18h16" />
  </svg>
);

export function SiteHeader({ user, unreadNotifications, unreadMessages, reviewWaiting, requestsWaiting = null }: SiteHeaderProps) {
  const location = useLocation();
  const t = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  // A member without a role is a plain member (the spec's default), never a visitor.
  const items = menuFor(user ? (user.role ?? "user") : null);
  const inline = items.filter((area) => area.ready && area.inline);
  const ready = items.filter((area) => area.ready);
  const comingSoon = items.filter((area) => !area.ready);
  const currentHref = currentAreaHref(location.pathname, items);

  useEffect(() => {
    const close = (event: MouseEvent | KeyboardEvent) => {
      const details = menu.current;
      if (!details?.open) return;
      if (event instanceof KeyboardEvent) {
        if (event.key !== "Escape") return;
        details.open = false;
        details.querySelector("summary")?.focus();
      } else if (!details.contains(event.target as Node)) {
        details.open = false;
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);

  return (
    <header className="relative border-b border-stone-200 bg-white">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-1 px-2 sm:px-3">
        <Link to="/" prefetch="none" className="header-link shrink-0 px-1 text-lg font-bold text-stone-900">
          {t("common.brand")}
        </Link>
        <nav aria-label={t("common.nav.main")} className="hidden md:block">
          <ul className="flex items-center">
            {inline.map((area) => (
              <li key={area.href} className={area.inline === "lg" ? "hidden lg:block" : undefined}>
                <AreaLink area={area} current={area.href === currentHref} reviewWaiting={reviewWaiting} className="header-link text-sm" />
              </li>
            ))}
          </ul>
        </nav>
        <div className="ms-auto flex items-center gap-1">
          {user ? (
            <>
              {/* Moderators with requests waiting: the queue, from 640 px (phones find it in the menu). */}
              {requestsWaiting ? (
                <span className="hidden sm:contents">
                  <IconLink to="/moderation" label={t("common.nav.moderation")} count={requestsWaiting} what={t("common.badge.waiting")}>
                    <PeopleIcon />
                  </IconLink>
                </span>
              ) : null}
              <IconLink to="/messages" label={t("common.nav.messages")} count={unreadMessages}>
                <MessagesIcon />
              </IconLink>
              <IconLink to="/notifications" label={t("common.nav.notifications")} count={unreadNotifications}>
                <BellIcon />
              </IconLink>
              <Link to="/settings/profile" prefetch="none" className="icon-link">
                <Avatar id={user.id} name={user.name} email={user.email} avatarUrl={user.avatarUrl} size="xs" />
                <span className="sr-only">{t("common.nav.yourProfile", { name: user.name || user.email })}</span>
              </Link>
            </>
          ) : (
            <>
              <Link to="/login" prefetch="none" className="header-link text-sm font-medium">
                {t("common.nav.signIn")}
              </Link>
              <Link to="/signup" prefetch="none" className="btn inline-flex min-h-11 items-center whitespace-nowrap text-sm">
                <span className="min-[400px]:hidden">{t("common.nav.join")}</span>
                <span className="hidden min-[400px]:inline">{t("common.nav.createAccount")}</span>
              </Link>
            </>
          )}
          {/* A new key on every navigation: the menu starts closed on each page, with or without JavaScript. */}
          <details key={location.key} ref={menu} className="site-menu md:relative">
            <summary className="flex min-h-11 cursor-pointer items-center gap-1 rounded border border-stone-300 px-2 text-sm font-medium hover:bg-stone-100">
              <MenuIcon />
              {t("common.nav.menu")}
            </summary>
            <div className="absolute inset-x-0 top-full z-20 max-h-[calc(100vh-3.5rem)] overflow-y-auto border-b border-stone-200 bg-white p-2 shadow-lg md:start-auto md:end-0 md:mt-1 md:w-96 md:rounded md:border">
              <nav aria-label={t("common.nav.menu")}>
                <ul className="grid grid-cols-2 gap-x-2">
                  {ready.map((area) => (
                    <li key={area.href}>
                      <AreaLink area={area} current={area.href === currentHref} reviewWaiting={reviewWaiting} className="header-link w-full" />
                    </li>
                  ))}
                  {requestsWaiting !== null ? (
                    <li className="col-span-2">
                      <Link to="/moderation" prefetch="none" className="header-link w-full" aria-current={location.pathname === "/moderation" ? "page" : undefined}>
                        {t("common.nav.moderation")}
                        <Badge count={requestsWaiting} what={t("common.badge.waiting")} />
                      </Link>
                    </li>
                  ) : null}
                </ul>
                {comingSoon.length > 0 ? (
                  <>
                    <p id="menu-coming-soon" className="mt-2 border-t border-stone-200 px-2 pt-2 text-sm text-stone-600">
                      {t("common.nav.comingSoon")}
                    </p>
                    <ul aria-labelledby="menu-coming-soon" className="grid grid-cols-2 gap-x-2">
                      {comingSoon.map((area) => (
                        <li key={area.href}>
                          <AreaLink area={area} current={area.href === currentHref} reviewWaiting={null} className="header-link w-full text-stone-600" />
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </nav>
              {user ? (
                <form method="post" action="/logout" className="mt-2 grid grid-cols-2 items-center gap-x-2 border-t border-stone-200 pt-2">
                  <CsrfInput />
                  <Link to="/settings/profile" prefetch="none" className="header-link">
                    {t("common.nav.profileAndSettings")}
                  </Link>
                  <button type="submit" className="header-link w-full">
                    {t("common.nav.signOut")}
                  </button>
                </form>
              ) : null}
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}
