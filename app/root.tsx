import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  NavLink,
  Outlet,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, useLayoutEffect, type ReactNode } from "react";
import stylesheet from "~/tailwind.css";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FlashMessage } from "~/components/FlashMessage";
import { ScriptsAfterPaint } from "~/components/ScriptsAfterPaint";
import { CsrfInput } from "~/components/forms";
import { areas } from "~/lib/areas";
import { FAVICON_DATA_URI, FAVICON_PATH } from "~/lib/favicon";
import { pageMeta } from "~/lib/meta";
import { isLiteRequest, readLiteChoice } from "~/lib/lite";
import { stylesheetText } from "~/lib/stylesheet.server";
import { useNonce } from "~/lib/nonce";
import { csrfFor } from "~/modules/accounts/csrf.server";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { getCtx } from "~/db.server";
import { unreadCount } from "~/modules/network/notifications.server";
import { readFlash } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const [{ flash, clear }, current, csrf] = await Promise.all([readFlash(request), getCurrentUser(request), csrfFor(request)]);
  const lite = isLiteRequest(request);
  // Lite mode inlines the stylesheet (one round trip fewer); full mode links the cached file.
  const inlineCss = lite ? stylesheetText(stylesheet) : null;
  const icon = lite ? FAVICON_DATA_URI : FAVICON_PATH;
  const liteChosen = readLiteChoice(request.headers.get("Cookie")) !== null;
  const user = current ? { id: current.id, name: current.name, email: current.email, role: current.role } : null;
  const unread = current ? await unreadCount(getCtx(), current.id) : 0;
  const headers = new Headers();
  if (clear) headers.append("Set-Cookie", clear);
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  return data({ lite, inlineCss, icon, liteChosen, flash, user, unread, csrf: csrf.token }, { headers });
}

// Error responses keep their own headers (Retry-After on a 429); pages are never cached shared.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  const headers = new Headers({ "Cache-Control": "private, no-cache" });
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lite = root?.lite ?? false;
  return (
    <html lang="en" dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {/* Lite mode: the stylesheet and the icon inline, so that the page is one request (decision 022). */}
        {root?.inlineCss ? <style nonce={nonce} dangerouslySetInnerHTML={{ __html: root.inlineCss }} /> : <link rel="stylesheet" href={stylesheet} />}
        <link rel="icon" href={root?.icon ?? FAVICON_PATH} type="image/svg+xml" />
        <Links />
      </head>
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto max-w-3xl px-3 py-5">
          {root?.flash ? <FlashMessage flash={root.flash} /> : null}
          {children}
        </main>
        <SiteFooter lite={lite} />
        {/* Lite mode: not one script in the document. Otherwise the scripts load after the first paint. */}
        {lite ? null : (
          <>
            <ScrollRestoration nonce={nonce} />
            <ScriptsAfterPaint nonce={nonce} />
            <HydrationDone />
          </>
        )}
      </body>
    </html>
  );
}

function SiteHeader() {
  const root = useRouteLoaderData<typeof loader>("root");
  const user = root?.user;
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto max-w-3xl px-3 py-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-lg font-bold">
            <a href="/" className="text-stone-900 no-underline">
              Ladder
            </a>
          </p>
          {user ? (
            <form method="post" action="/logout" className="flex flex-wrap items-center gap-2 text-sm">
              <CsrfInput />
              <a href="/notifications">
                Notifications{root?.unread ? " " : null}
                {root?.unread ? <span className="ml-1 rounded bg-teal-700 px-1.5 text-white">{root.unread}<span className="sr-only"> unread</span></span> : null}
              </a>
              <a href="/settings/profile">{user.name || user.email}</a>
              <button type="submit" className="btn-quiet text-sm">
                Sign out
              </button>
            </form>
          ) : (
            <p className="flex gap-3 text-sm">
              <a href="/login">Sign in</a>
              <a href="/signup">Create an account</a>
            </p>
          )}
        </div>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm">
            {areas.map((area) => (
              <li key={area.href}>
                <NavLink
                  to={area.href}
                  end={area.href === "/"}
                  prefetch="none"
                  className={({ isActive }) => (isActive ? "font-semibold text-stone-900" : "")}
                >
                  {area.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter({ lite }: { lite: boolean }) {
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <form method="post" action="/settings/lite" className="mx-auto flex max-w-3xl flex-wrap items-center gap-2 px-3 py-4">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={here} />
        <input type="hidden" name="lite" value={lite ? "0" : "1"} />
        <span>{lite ? "Lite mode is on: no scripts, fewer bytes." : "Slow or costly connection?"}</span>
        <button type="submit" className="btn-quiet text-sm">
          {lite ? "Turn lite mode off" : "Turn lite mode on"}
        </button>
      </form>
      <p className="mx-auto flex max-w-3xl flex-wrap gap-3 px-3 pb-4">
        <a href="/premium">Ladder Premium</a>
        <a href="/api-access">API access</a>
      </p>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

/** Hands input events to React once hydration has committed (the bootstrap held them, decision 022). */
function HydrationDone() {
  useCommitEffect(() => (window as Window & { __ladderRelease?: () => void }).__ladderRelease?.(), []);
  return null;
}

// A layout effect runs in the hydration commit itself; on the server (where React warns about
// layout effects) the plain effect, which the server never runs either.
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

export const meta: MetaFunction = ({ error }) =>
  pageMeta(error ? `Error ${isRouteErrorResponse(error) ? error.status : 500} | Ladder` : "Ladder");

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
