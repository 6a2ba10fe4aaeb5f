import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { Fragment, useState, type ReactElement } from "react";
import { hydrationDone } from "~/lib/hydration";
import { useT, type Translate } from "~/lib/i18n";
import { ButtonLink } from "./ui/Button";

export interface ErrorCopy {
  title: string;
  message: string;
}

/** What a person reads for each status: what happened, in plain words (common.error.* messages). */
export function errorCopy(status: number, t: Translate): ErrorCopy {
  const known = [400, 401, 403, 404, 405, 429, 503];
  const key = known.includes(status) ? String(status) : status >= 500 ? "500" : "Other";
  return { title: t(`common.error.title${key}`), message: t(`common.error.message${key}`) };
}

/**
 * The id of the request this page answers (server.ts's X-Request-Id, in its log lines), when the
 * server drew the page; not after a navigation in the browser, whose request was another one.
 */
function useServerRequestId(): string | null {
  const root = useRouteLoaderData<{ requestId?: string | null }>("root");
  const [id] = useState(() => (hydrationDone() ? null : (root?.requestId ?? null)));
  return id;
}

export function ErrorPage({ status, detail }: { status: number; detail?: string }) {
  const t = useT();
  const copy = errorCopy(status, t);
  const requestId = useServerRequestId();
  return (
    <section aria-labelledby="error-title" className="card space-y-3">
      <p className="text-sm font-semibold text-stone-500">{t("common.error.label", { status })}</p>
      <h1 id="error-title">{copy.title}</h1>
      <p>{copy.message}</p>
      {detail ? <p className="text-stone-700">{detail}</p> : null}
      {status >= 500 && requestId ? (
        <p className="text-sm text-stone-600">
          {t("common.error.requestId")} <code dir="ltr" className="select-all break-all">{requestId}</code>
        </p>
      ) : null}
      <p className="flex flex-wrap gap-3">
        <ButtonLink to="/">
          {t("common.error.backHome")}
        </ButtonLink>
      </p>
    </section>
  );
}

/** A link a route's error page offers as the way back, e.g. { to: "/documents", label: "Your documents" }. */
export interface BackLink {
  to: string;
  label: string;
}

/** The status and the detail worth showing for what a route threw: a 4xx's own message, never a 5xx's. */
function routeErrorInfo(error: unknown): { status: number; detail?: string } {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : undefined;
  return { status, detail };
}

/**
 * A route's ErrorBoundary: the ErrorPage for what it threw, then the route's ways back, separated by " · ".
 * - back: the links after the page; none means no line of links.
 * - backOnlyForStatus: offer the links only for this status (e.g. 403), no links for any other.
 * - ownPage: a route's own page for an error it knows; return null to get the generic page.
 */
export function RouteErrorBoundary({
  back = [],
  backOnlyForStatus,
  ownPage,
}: {
  back?: BackLink[];
  backOnlyForStatus?: number;
  ownPage?: (error: unknown) => ReactElement | null;
}) {
  const error = useRouteError();
  const own = ownPage ? ownPage(error) : null;
  if (own) return own;
  const { status, detail } = routeErrorInfo(error);
  const showBack = back.length > 0 && (backOnlyForStatus === undefined || status === backOnlyForStatus);
  return (
    <>
      <ErrorPage status={status} detail={detail} />
      {showBack ? (
        <p className="mt-3">
          {back.map((link, i) => (
            <Fragment key={`${link.to} ${link.label}`}>
              {i > 0 ? " · " : null}
              <Link to={link.to}>{link.label}</Link>
            </Fragment>
          ))}
        </p>
      ) : null}
    </>
  );
}
