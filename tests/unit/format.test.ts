import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, placeOf } from "~/lib/format";

describe("dates and places as members read them", () => {
  it("shows an absolute day in UTC", () => {
    expect(formatDate(new Date("2026-11-26T23:30:00Z"))).toBe("26 Nov 2026");
    expect(formatDate("2026-01-02T00:00:00Z")).toBe("2 Jan 2026");
  });

  it("says so honestly when the date is missing or broken", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate("not a date")).toBe("—");
  });

  it("names remote jobs and missing places plainly", () => {
    expect(placeOf("Cairo", "EG", false)).toBe("Cairo, EG");
    expect(placeOf(null, "AE", true)).toBe("Remote · AE");
    expect(placeOf(null, null, null)).toBe("Place not given");
  });

  it("shows a moment in the member's zone and always names the zone and its offset", () => {
    const at = new Date("2026-11-26T20:45:00Z");
    expect(formatDateTime(at, "Asia/Kolkata")).toBe("27 Nov 2026, 02:15 Asia/Kolkata (GMT+5:30)");
    expect(formatDateTime(at, "Asia/Dubai")).toBe("27 Nov 2026, 00:45 Asia/Dubai (GMT+4)");
    expect(formatDateTime(at, "UTC")).toBe("26 Nov 2026, 20:45 UTC");
    expect(formatDateTime(at)).toBe("26 Nov 2026, 20:45 UTC");
  });

  it("follows summer time: the offset is the one in force at that moment", () => {
    expect(formatDateTime(new Date("2026-01-15T12:00:00Z"), "Europe/London")).toBe("15 Jan 2026, 12:00 Europe/London (GMT)");
    expect(formatDateTime(new Date("2026-07-15T12:00:00Z"), "Europe/London")).toBe("15 Jul 2026, 13:00 Europe/London (GMT+1)");
    // New York's clocks go back at 06:00 UTC on 1 Nov 2026: the same wall hour, two offsets.
    expect(formatDateTime(new Date("2026-11-01T05:30:00Z"), "America/New_York")).toBe("1 Nov 2026, 01:30 America/New_York (GMT-4)");
    expect(formatDateTime(new Date("2026-11-01T06:30:00Z"), "America/New_York")).toBe("1 Nov 2026, 01:30 America/New_York (GMT-5)");
  });

  it("shows seconds when asked, for versions saved within one minute", () => {
    expect(formatDateTime(new Date("2026-11-26T20:45:07Z"), "Asia/Kolkata", { seconds: true })).toBe("27 Nov 2026, 02:15:07 Asia/Kolkata (GMT+5:30)");
    expect(formatDateTime(new Date("2026-11-26T20:45:07Z"), "UTC", { seconds: true })).toBe("26 Nov 2026, 20:45:07 UTC");
  });

  it("falls back to UTC, and says so, for a zone it does not know; a broken moment says so too", () => {
    expect(formatDateTime(new Date("2026-11-26T20:45:00Z"), "Mars/Olympus")).toBe("26 Nov 2026, 20:45 UTC");
    expect(formatDateTime("nonsense", "Asia/Kolkata")).toBe("—");
    expect(formatDateTime(undefined, "Asia/Kolkata")).toBe("—");
  });
});
