/**
 * The ErrorBoundary of the calendar's routes: a failure they threw (modules/calendar/failure.ts)
 * is the error page with its detail and ways back, in the reader's language; anything else is
 * the generic error page.
 */
import { Link, useRouteError } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorPage, RouteErrorBoundary } from "~/components/ErrorPage";
import { failureOf } from "~/modules/calendar/failure";

export function CalendarErrorBoundary() {
  const failure = failureOf(useRouteError());
  if (!failure) return <RouteErrorBoundary />;
  return (
    <>
      <ErrorPage status={failure.status} detail={failure.detail} />
      {failure.back.length > 0 ? (
        <p className="mt-3">
          {failure.back.map((link, i) => (
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
