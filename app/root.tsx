import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, useLayoutEffect, type ReactNode } from "react";
import stylesheet from "~/tailwind.css";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { FlashMessage } from "~/components/FlashMessage";
import { ScriptsAfterPaint } from "~/components/ScriptsAfterPaint";
import { CsrfInput } from "~/components/forms";
import { SiteHeader } from "~/components/SiteHeader";
import { FAVICON_DATA_URI, FAVICON_PATH } from "~/lib/favicon";
import { pageMeta } from "~/lib/meta";
import { isLiteRequest, readLiteChoice } from "~/lib/lite";
import { stylesheetText } from "~/lib/stylesheet.server";
import { useNonce } from "~/lib/nonce";
import { markHydrationDone } from "~/lib/hydration";
import { csrfFor } from "~/modules/accounts/csrf.server";
import { namePageView } from "~/modules/analytics/page-views.server";
import { PageViewBeacon } from "~/components/PageViewBeacon";
import { getCurrentUser } from "~/modules/accounts/current-user.server";
import { getCtx } from "~/db.server";
import { headerCounts } from "~/modules/home/header-counts.server";
import { readFlash } from "~/services/flash.server";
import { dirOf, translateMatches, useLanguage, useT } from "~/lib/i18n";
import { LanguageForm } from "~/components/LanguageForm";
import { LANGUAGE_NAMES, languageOf, messagesFor, translator } from "~/lib/i18n.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [{ flash: sent, clear }, current, csrf, lang] = await Promise.all([readFlash(request), getCurrentUser(request), csrfFor(request), languageOf(request)]);
  // A flash is a message id with its values, put into words here in the reader's language.
  const flash = sent ? { kind: sent.kind, message: translator(lang)(sent.message, sent.values) } : null;
  const lite = isLiteRequest(request);
  // Lite mode inlines the stylesheet (one round trip fewer); full mode links the cached file.
  const inlineCss = lite ? stylesheetText(stylesheet) : null;
  const icon = lite ? FAVICON_DATA_URI : FAVICON_PATH;
  const liteChosen = readLiteChoice(request.headers.get("Cookie")) !== null;
  // The id this page's beacon reports with (never in lite mode, which has no scripts).
  const viewId = namePageView(request, context, current);
  const pageViewId = lite ? null : viewId;
  const user = current ? { id: current.id, name: current.name, email: current.email, role: current.role, avatarUrl: current.avatarUrl } : null;
  // The header's counts: each one indexed query, all at once.
  const ctx = getCtx();
  const { unread, unreadMessages, reviewWaiting, requestsWaiting } = current
    ? await headerCounts(ctx, current)
    : { unread: 0, unreadMessages: 0, reviewWaiting: null, requestsWaiting: null };
  const headers = new Headers();
  if (clear) headers.append("Set-Cookie", clear);
  if (csrf.setCookie) headers.append("Set-Cookie", csrf.setCookie);
  const messages = messagesFor(lang, ["common"]);
  return data({ lang, languageNames: LANGUAGE_NAMES, lite, inlineCss, icon, liteChosen, flash, user, unread, unreadMessages, reviewWaiting, requestsWaiting, csrf: csrf.token, messages, pageViewId, requestId: context.requestId ?? null }, { headers });
}

// Error responses keep their own headers (Retry-After on a 429); pages are never cached shared.
export const headers: HeadersFunction = ({ errorHeaders }) => {
  // Vary: the same address answers in the language of the browser's Accept-Language (decision 040).
  const headers = new Headers({ "Cache-Control": "private, no-cache", Vary: "Accept-Language, Cookie" });
  const retryAfter = errorHeaders?.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/**
 * A link between pages reruns only the new page's loader; the header's unread counts also come
 * back after the member has been to their messages or notifications, where they change.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || [currentUrl, nextUrl].some((url) => ["/messages", "/notifications", "/moderation"].some((path) => url.pathname.startsWith(path)));

export type RootLoaderData = Awaited<ReturnType<typeof loader>>["data"];

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const lite = root?.lite ?? false;
  const lang = useLanguage();
  const t = useT();
  return (
    <html lang={lang} dir={dirOf(lang)}>
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
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:bg-white focus:p-2">
          {t("common.skipToContent")}
        </a>
        <SiteHeader
          user={root?.user ?? null}
          unreadNotifications={root?.unread ?? 0}
          unreadMessages={root?.unreadMessages ?? 0}
          reviewWaiting={root?.reviewWaiting ?? null}
          requestsWaiting={root?.requestsWaiting ?? null}
        />
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
            {root?.pageViewId ? <PageViewBeacon firstViewId={root.pageViewId} /> : null}
          </>
        )}
      </body>
    </html>
  );
}

function SiteFooter({ lite }: { lite: boolean }) {
  const location = useLocation();
  const t = useT();
  const here = location.pathname + location.search;
  return (
    <footer className="border-t border-stone-200 bg-white text-sm text-stone-600">
      <form method="post" action="/settings/lite" className="mx-auto flex max-w-3xl flex-wrap items-center gap-2 px-3 pt-4">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={here} />
        <input type="hidden" name="lite" value={lite ? "0" : "1"} />
        <span>{lite ? t("common.footer.liteOn") : t("common.footer.liteAsk")}</span>
        <button type="submit" className="btn-quiet text-sm">
          {lite ? t("common.footer.liteTurnOff") : t("common.footer.liteTurnOn")}
        </button>
      </form>
      <LanguageForm redirectTo={here} className="mx-auto flex max-w-3xl flex-wrap items-center gap-2 px-3 pt-3" />
      <p className="mx-auto flex max-w-3xl flex-wrap gap-3 px-3 py-4">
        <a href="/premium">{t("common.footer.premium")}</a>
        <a href="/api-access">{t("common.footer.apiAccess")}</a>
      </p>
    </footer>
  );
}

export default function App() {
  return <Outlet />;
}

/** Hands input events to React once hydration has committed (the bootstrap held them, decision 022). */
function HydrationDone() {
  useCommitEffect(() => {
    markHydrationDone();
    (window as Window & { __ladderRelease?: () => void }).__ladderRelease?.();
  }, []);
  return null;
}

// A layout effect runs in the hydration commit itself; on the server (where React warns about
// layout effects) the plain effect, which the server never runs either.
const useCommitEffect = typeof document === "undefined" ? useEffect : useLayoutEffect;

export const meta: MetaFunction = ({ error, matches }) => {
  const t = translateMatches(matches);
  return pageMeta(error ? t("common.error.pageTitle", { status: isRouteErrorResponse(error) ? error.status : 500 }) : t("common.brand"), t("common.site.description"));
};

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
