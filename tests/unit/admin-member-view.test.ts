/** The member view's pure rules (app/modules/admin/member-view.ts). */
import { expect, it } from "vitest";
import { memberPageHref, minutesAndSeconds, sessionState } from "../../app/modules/admin/member-view";

const DAY = 24 * 60 * 60 * 1000;

it("judges a session ended, expired (idle or too old) or active", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  const limits = { idleMs: 30 * DAY, maxMs: 90 * DAY };
  const fresh = { isActive: true, endedAt: null, startedAt: new Date(now.getTime() - DAY), lastActivityAt: now };
  expect(sessionState(fresh, now, limits)).toBe("active");
  expect(sessionState({ ...fresh, isActive: false }, now, limits)).toBe("ended");
  expect(sessionState({ ...fresh, endedAt: now }, now, limits)).toBe("ended");
  expect(sessionState({ ...fresh, lastActivityAt: new Date(now.getTime() - 31 * DAY) }, now, limits)).toBe("expired");
  expect(sessionState({ ...fresh, startedAt: new Date(now.getTime() - 91 * DAY) }, now, limits)).toBe("expired");
});

it("splits time on a page into minutes and seconds, and keeps a missing time missing", () => {
  expect(minutesAndSeconds(75)).toEqual({ minutes: 1, seconds: 15 });
  expect(minutesAndSeconds(59)).toEqual({ minutes: 0, seconds: 59 });
  expect(minutesAndSeconds(null)).toBeNull();
  expect(minutesAndSeconds(-1)).toBeNull();
});

it("builds a list's page address keeping the other lists' cursors, ending at the list", () => {
  const id = "00000000-0000-4000-8000-000000000001";
  expect(memberPageHref(id, { sessions: "s1", views: "v1" }, "activity", "a2")).toBe(`/admin/users/${id}?sessions=s1&activity=a2&views=v1#activity`);
  expect(memberPageHref(id, { sessions: "s1" }, "sessions", null)).toBe(`/admin/users/${id}#sessions`);
});
