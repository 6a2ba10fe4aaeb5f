import { describe, expect, it } from "vitest";
import { notificationHref } from "../../app/modules/network/rules";

const base = { href: null, type: null, relatedUserId: null };

describe("where a notification's title leads", () => {
  it("a stored local path is followed as it is, anchors and queries included", () => {
    expect(notificationHref({ ...base, href: "/applications/abc" })).toBe("/applications/abc");
    expect(notificationHref({ ...base, href: "/applications/abc#round-2" })).toBe("/applications/abc#round-2");
  });

  it("a stored link that leaves Ladder leads nowhere", () => {
    for (const href of ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "/\t/evil.example", "applications/abc"]) {
      expect(notificationHref({ ...base, href }), href).toBeNull();
    }
  });

  it("a connection request or acceptance without a stored link leads to the person", () => {
    expect(notificationHref({ ...base, type: "connection_request", relatedUserId: "u1" })).toBe("/u/u1");
    expect(notificationHref({ ...base, type: "connection_accepted", relatedUserId: "u1" })).toBe("/u/u1");
  });

  it("an old declined-request notification and a general one without a link lead nowhere", () => {
    expect(notificationHref({ ...base, type: "connection_rejected", relatedUserId: "u1" })).toBeNull();
    expect(notificationHref(base)).toBeNull();
  });
});
