import { describe, expect, it } from "vitest";
import { formatDate, placeOf } from "~/lib/format";

describe("dates and places as members read them", () => {
  it("shows an absolute day in UTC", () => {
    expect(formatDate(new Date("2026-11-26T23:30:00Z"))).toBe("26 Nov 2026");
    expect(formatDate("2026-01-02T00:00:00Z")).toBe("2 Jan 2026");
  });

  it("says so honestly when the date is missing or broken", () => {
    expect(formatDate(null)).toBe("date unknown");
    expect(formatDate("not a date")).toBe("date unknown");
  });

  it("names remote jobs and missing places plainly", () => {
    expect(placeOf("Cairo", "EG", false)).toBe("Cairo, EG");
    expect(placeOf(null, "AE", true)).toBe("Remote · AE");
    expect(placeOf(null, null, null)).toBe("Place not given");
  });
});
