import { describe, expect, it } from "vitest";
import { isLite, readLiteChoice } from "~/lib/lite";
import { safeRedirectPath } from "~/lib/safe-redirect";

describe("lite mode", () => {
  it("is on when the browser asks to save data", () => {
    expect(isLite("on", null)).toBe(true);
    expect(isLite("On ", "")).toBe(true);
  });

  it("is off by default", () => {
    expect(isLite(null, null)).toBe(false);
    expect(isLite("off", "other=1")).toBe(false);
  });

  it("follows the member's own choice over the browser's hint", () => {
    expect(isLite(null, "a=b; ladder_lite=1")).toBe(true);
    expect(isLite("on", "ladder_lite=0")).toBe(false);
    expect(readLiteChoice("ladder_lite=maybe")).toBeNull();
  });
});

describe("redirects after a form", () => {
  it("keep local paths", () => {
    expect(safeRedirectPath("/jobs?page=2")).toBe("/jobs?page=2");
  });

  it("never leave the site", () => {
    for (const target of ["//evil.test", "https://evil.test", "javascript:alert(1)", "/\\evil.test", "", null]) {
      expect(safeRedirectPath(target)).toBe("/");
    }
  });
});
