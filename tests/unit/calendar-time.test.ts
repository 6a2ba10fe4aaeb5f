/** Times of day on the calendar's 15-minute grid, and when two ranges overlap (app/modules/calendar/time.ts). */
import { describe, expect, it } from "vitest";
import { checkRange, findOverlap, overlaps, parseTime, storedTime } from "../../app/modules/calendar/time";

describe("times of day", () => {
  it("reads quarter-hour times with or without seconds, up to 24:00", () => {
    expect(parseTime("09:00")).toBe(540);
    expect(parseTime("09:15:00")).toBe(555);
    expect(parseTime("00:00")).toBe(0);
    expect(parseTime("24:00:00")).toBe(1440);
  });

  it("refuses times off the 15-minute grid, past midnight, with seconds, or not times at all", () => {
    for (const bad of ["09:10", "24:15", "25:00", "09:00:30", "9:00", "09-00", "", "noon", "09:60"]) expect(parseTime(bad), bad).toBeNull();
  });

  it("stores minutes as HH:MM:SS, the end of the day as 24:00:00", () => {
    expect(storedTime(570)).toBe("09:30:00");
    expect(storedTime(1440)).toBe("24:00:00");
  });

  it("refuses an inverted or empty range with a message on the end field", () => {
    expect(checkRange("10:00", "09:00")).toEqual({ ok: false, field: "end", message: "The end (09:00) must be after the start (10:00)." });
    expect(checkRange("10:00", "10:00")).toMatchObject({ ok: false, field: "end" });
    expect(checkRange("24:00", "24:00")).toMatchObject({ ok: false, field: "start" });
    expect(checkRange("09:07", "10:00")).toMatchObject({ ok: false, field: "start" });
    expect(checkRange("23:00", "24:00")).toEqual({ ok: true, range: { start: 1380, end: 1440 } });
  });

  it("treats touching ranges as fine and any shared minute as an overlap", () => {
    const nineToTen = { start: 540, end: 600 };
    expect(overlaps(nineToTen, { start: 600, end: 660 })).toBe(false);
    expect(overlaps(nineToTen, { start: 480, end: 540 })).toBe(false);
    expect(overlaps(nineToTen, { start: 585, end: 660 })).toBe(true);
    expect(overlaps(nineToTen, { start: 555, end: 570 })).toBe(true);
    expect(overlaps(nineToTen, { start: 480, end: 720 })).toBe(true);
    expect(findOverlap({ start: 570, end: 630 }, [{ start: 0, end: 60, id: "a" }, nineToTen])).toBe(nineToTen);
    expect(findOverlap({ start: 600, end: 630 }, [nineToTen])).toBeNull();
  });
});
