import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "~/lib/safe-redirect";

describe("where a redirect target may send a member", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeRedirectPath("/ok?x=1#y")).toBe("/ok?x=1#y");
    expect(safeRedirectPath("/jobs/remote?q=react&cursor=abc")).toBe("/jobs/remote?q=react&cursor=abc");
    expect(safeRedirectPath("/settings/profile")).toBe("/settings/profile");
  });

  it("returns the address as a browser would read it, percent-encoded", () => {
    expect(safeRedirectPath("/people?q=Zoë Ng")).toBe("/people?q=Zo%C3%AB%20Ng");
    expect(safeRedirectPath("/a/../b")).toBe("/b");
  });

  it.each([
    ["a tab that browsers drop", "/\t/evil.example/"],
    ["a newline that browsers drop", "/\n/evil.example/"],
    ["a backslash that browsers read as a slash", "/\\evil.example"],
    ["a protocol-relative address", "//evil.example"],
    ["a percent-encoded tab", "/%09/evil.example"],
    ["a percent-encoded backslash", "/%5C/evil.example"],
    ["another origin", "https://evil.example"],
    ["header injection", "/\r\nSet-Cookie:x"],
    ["percent-encoded header injection", "/x%0d%0aSet-Cookie:a=b"],
    ["a script address", "javascript:alert(1)"],
    ["a relative path", "settings"],
    ["a C1 control character", "/a\u0085b"],
    ["DEL", "/a\u007fb"],
    ["malformed percent-encoding", "/a%E0%A4%A"],
    ["an empty value", ""],
    ["an address longer than any of ours", `/${"a".repeat(3000)}`],
  ])("falls back to / for %s", (_why, target) => {
    expect(safeRedirectPath(target)).toBe("/");
  });

  it("falls back to the page's own fallback for a missing or non-text value", () => {
    expect(safeRedirectPath(null, "/network")).toBe("/network");
    expect(safeRedirectPath(undefined, "/network")).toBe("/network");
    expect(safeRedirectPath(new File(["x"], "x.txt"), "/network")).toBe("/network");
  });
});
