import { Outlet } from "@remix-run/react";
import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPage, errorCopy, RouteErrorBoundary } from "~/components/ErrorPage";
import { messagesFor, translator } from "~/lib/i18n.server";

// The root route's data, as the root loader sends it: the language and the common messages.
const rootData = (lang: "en" | "ar" = "en") => ({ lang, messages: messagesFor(lang, ["common"]) });
const english = translator("en");

describe("error pages", () => {
  it("explain 403, 404 and 500 in plain words", () => {
    expect(errorCopy(403, english).title).toMatch(/do not have access/);
    expect(errorCopy(404, english).title).toBe("Page not found");
    expect(errorCopy(500, english).title).toMatch(/on our side/);
    expect(errorCopy(502, english).title).toMatch(/on our side/);
  });

  it("explain the same statuses in Arabic and Hindi", () => {
    expect(errorCopy(404, translator("ar")).title).toBe("الصفحة غير موجودة");
    expect(errorCopy(404, translator("hi")).title).toBe("पेज नहीं मिला");
  });

  it("always offer a way back to the home page", () => {
    const Stub = createRemixStub([{ id: "root", path: "/", Component: () => <ErrorPage status={404} /> }]);
    const html = renderToString(<Stub hydrationData={{ loaderData: { root: rootData() } }} />);
    expect(html).toContain('href="/"');
    expect(html).toContain("Back to the home page");
    expect(html).toContain("<h1");
  });
});

/** What Remix hands a boundary for a thrown Response: the shape isRouteErrorResponse recognises. */
function errorResponse(status: number, data: unknown) {
  return { status, statusText: "", internal: false, data };
}

/**
 * Renders a route, already failed with `error`, whose ErrorBoundary is `boundary`, as the server would;
 * without React's text separators (<!-- -->) and Remix's data-discover, which a reader never sees.
 */
function renderFailed(error: unknown, boundary: () => JSX.Element): string {
  const Stub = createRemixStub([
    { id: "root", path: "/", Component: Outlet, children: [{ id: "failed", index: true, Component: () => <p>The page itself</p>, ErrorBoundary: boundary }] },
  ]);
  return renderToString(<Stub hydrationData={{ loaderData: { root: rootData() }, errors: { failed: error } }} />)
    .replaceAll("<!-- -->", "")
    .replaceAll(' data-discover="true"', "");
}

describe("the request id on an error page", () => {
  const withId = { ...rootData(), requestId: "req-id-for-the-500-page" };
  const render = (status: number) => {
    const Stub = createRemixStub([{ id: "root", path: "/", Component: () => <ErrorPage status={status} /> }]);
    return renderToString(<Stub hydrationData={{ loaderData: { root: withId } }} />).replaceAll("<!-- -->", "");
  };

  it("a 500 page drawn by the server names its request, to quote when telling us", () => {
    const html = render(500);
    expect(html).toContain("If you tell us about it, quote this reference:");
    expect(html).toContain('<code dir="ltr" class="select-all break-all">req-id-for-the-500-page</code>');
  });

  it("a 404 page does not name its request", () => {
    expect(render(404)).not.toContain("req-id-for-the-500-page");
  });
});

describe("route error boundaries", () => {
  const back = [
    { to: "/documents", label: "Your documents" },
    { to: "/jobs", label: "Jobs" },
  ];

  it("a route error boundary shows the status, the message of a 4xx and the route's way back", () => {
    const html = renderFailed(errorResponse(404, "That document is gone."), () => <RouteErrorBoundary back={back} />);
    expect(html).not.toContain("The page itself");
    expect(html).toContain("Error 404");
    expect(html).toContain("Page not found");
    expect(html).toContain("That document is gone.");
    expect(html).toContain('<p class="mt-3"><a href="/documents">Your documents</a> · <a href="/jobs">Jobs</a></p>');
    expect(html).toContain("Back to the home page");
  });

  it("a route error boundary hides the detail of a 500", () => {
    const html = renderFailed(errorResponse(500, "select * from secrets failed"), () => <RouteErrorBoundary back={back} />);
    expect(html).toContain("Error 500");
    expect(html).toMatch(/on our side/);
    expect(html).not.toContain("secrets");
    expect(html).toContain('href="/documents"');
  });

  it("a route error boundary treats a thrown Error as a 500 and never shows its message", () => {
    const html = renderFailed(new Error("undefined is not a function"), () => <RouteErrorBoundary back={back} />);
    expect(html).toContain("Error 500");
    expect(html).not.toContain("undefined is not a function");
  });

  it("a route error boundary without ways back shows only the error page", () => {
    const html = renderFailed(errorResponse(403, "Not yours."), () => <RouteErrorBoundary />);
    expect(html).toContain("Error 403");
    expect(html).toContain("Not yours.");
    expect(html).not.toContain('class="mt-3"');
  });

  it("a route error boundary offers its ways back only for the status it names", () => {
    const boundary = () => <RouteErrorBoundary back={[{ to: "/calendar", label: "Your calendar" }]} backOnlyForStatus={403} />;
    expect(renderFailed(errorResponse(403, "You are not connected."), boundary)).toContain('<a href="/calendar">Your calendar</a>');
    const notFound = renderFailed(errorResponse(404, "No such member."), boundary);
    expect(notFound).toContain("Error 404");
    expect(notFound).not.toContain("/calendar");
  });

  it("a route's own page replaces the generic one for the error it knows, and other errors still get the generic page", () => {
    const ownPage = (error: unknown) => (error instanceof Error && error.message === "known" ? <h1>The route&apos;s own page</h1> : null);
    const boundary = () => <RouteErrorBoundary back={back} ownPage={ownPage} />;
    const known = renderFailed(new Error("known"), boundary);
    expect(known).toContain("own page");
    expect(known).not.toContain("Error 500");
    expect(known).not.toContain('href="/documents"');
    const other = renderFailed(errorResponse(404, "Gone."), boundary);
    expect(other).not.toContain("own page");
    expect(other).toContain("Error 404");
    expect(other).toContain('href="/documents"');
  });
});
