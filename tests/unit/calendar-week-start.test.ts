/** The week a member sees starts on their day (Saturday, Sunday or Monday); storage keeps Monday weeks (decision 029). */
import { describe, expect, it } from "vitest";
import { weekWindow } from "../../app/modules/calendar/slots";
import { isoDate, parseWeek, parseWeekStart, storedWeeksOf, weekLabel, weekStartOf, windowDays } from "../../app/modules/calendar/week";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("the first day of a member's week", () => {
  it("is the Saturday, Sunday or Monday on or before the date", () => {
    // Thursday 3 December 2026
    expect(isoDate(weekStartOf(day("2026-12-03"), 6))).toBe("2026-11-28");
    expect(isoDate(weekStartOf(day("2026-12-03"), 0))).toBe("2026-11-29");
    expect(isoDate(weekStartOf(day("2026-12-03"), 1))).toBe("2026-11-30");
    // The day itself when it is the first day.
    expect(isoDate(weekStartOf(day("2026-11-28"), 6))).toBe("2026-11-28");
    expect(isoDate(weekStartOf(day("2026-11-29"), 0))).toBe("2026-11-29");
    // A Friday belongs to the week that started the Saturday before.
    expect(isoDate(weekStartOf(day("2026-12-04"), 6))).toBe("2026-11-28");
  });

  it("reads a week in an address as the week that holds that date, Monday unless told", () => {
    expect(isoDate(parseWeek("2026-12-03")!)).toBe("2026-11-30");
    expect(isoDate(parseWeek("2026-12-03", 6)!)).toBe("2026-11-28");
    expect(isoDate(parseWeek("2026-11-30", 0)!)).toBe("2026-11-29");
    expect(parseWeek("2026-02-30", 6)).toBeNull();
  });

  it("accepts only Sunday, Monday and Saturday as a setting", () => {
    expect(["0", "1", "6", 0, 1, 6].map(parseWeekStart)).toEqual([0, 1, 6, 0, 1, 6]);
    expect(["2", "5", "", "06", "x", null, 7].map(parseWeekStart)).toEqual([null, null, null, null, null, null, null]);
  });

  it("names the week by its first day", () => {
    expect(weekLabel(day("2026-11-28"))).toBe("Saturday 28 November 2026");
    expect(weekLabel(day("2026-11-30"))).toBe("Monday 30 November 2026");
  });
});

describe("a week shown from Saturday or Sunday", () => {
  it("keeps each day in its stored Monday week: Saturday and Sunday in the week before, the rest in the next", () => {
    const days = windowDays(day("2026-11-28"));
    expect(days.map((d) => [isoDate(d.date), isoDate(d.week), d.dayOfWeek])).toEqual([
      ["2026-11-28", "2026-11-23", 5],
      ["2026-11-29", "2026-11-23", 6],
      ["2026-11-30", "2026-11-30", 0],
      ["2026-12-01", "2026-11-30", 1],
      ["2026-12-02", "2026-11-30", 2],
      ["2026-12-03", "2026-11-30", 3],
      ["2026-12-04", "2026-11-30", 4],
    ]);
    expect(storedWeeksOf(day("2026-11-28")).map(isoDate)).toEqual(["2026-11-23", "2026-11-30"]);
    expect(storedWeeksOf(day("2026-11-29")).map(isoDate)).toEqual(["2026-11-23", "2026-11-30"]);
  });

  it("is one stored week when it starts on Monday, as before", () => {
    const days = windowDays(day("2026-11-30"));
    expect(days.map((d) => d.dayOfWeek)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(new Set(days.map((d) => isoDate(d.week)))).toEqual(new Set(["2026-11-30"]));
    expect(storedWeeksOf(day("2026-11-30")).map(isoDate)).toEqual(["2026-11-30"]);
  });

  it("searches for a time from the first day 00:00 to the same day a week later, on the member's clock", () => {
    const window = weekWindow("Asia/Riyadh", day("2026-11-28"));
    expect(new Date(window.start).toISOString()).toBe("2026-11-27T21:00:00.000Z");
    expect(new Date(window.end).toISOString()).toBe("2026-12-04T21:00:00.000Z");
  });
});
