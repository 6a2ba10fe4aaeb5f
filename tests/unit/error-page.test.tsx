import { createRemixStub } from "@remix-run/testing";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorPage, errorCopy } from "~/components/ErrorPage";

describe("error pages", () => {
  it("explain 403, 404 and 500 in plain words", () => {
    expect(errorCopy(403).title).toMatch(/do not have access/);
    expect(errorCopy(404).title).toBe("Page not found");
    expect(errorCopy(500).title).toMatch(/on our side/);
    expect(errorCopy(502).title).toMatch(/on our side/);
  });

  it("always offer a way back to the home page", () => {
    const Stub = createRemixStub([{ path: "/", Component: () => <ErrorPage status={404} /> }]);
    const html = renderToString(<Stub />);
    expect(html).toContain('href="/"');
    expect(html).toContain("Back to the home page");
    expect(html).toContain("<h1");
  });
});
