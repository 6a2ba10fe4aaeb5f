/** Weeks start on Monday in storage and their days are numbered from 0 (app/modules/calendar/week.ts). */
import { describe, expect, it } from "vitest";
import { blockInterval } from "../../app/modules/calendar/slots";
import { mondayOf, parseWeek } from "../../app/modules/calendar/week";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("weeks", () => {
  it("start on Monday: a Sunday belongs to the week that began six days before", () => {
    expect(mondayOf(day("2026-11-29")).toISOString()).toBe("2026-11-23T00:00:00.000Z"); // Sunday
    expect(mondayOf(day("2026-11-23")).toISOString()).toBe("2026-11-23T00:00:00.000Z"); // Monday
    expect(mondayOf(new Date("2026-11-26T23:59:00Z")).toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("read a YYYY-MM-DD as its week's Monday and refuse impossible dates", () => {
    expect(parseWeek("2026-12-03")?.toISOString()).toBe("2026-11-30T00:00:00.000Z");
    for (const bad of ["2026-02-30", "2026-13-01", "26-12-01", "1999-12-27", "2026-12-1", "", null, "2026-12-01x"]) expect(parseWeek(bad), String(bad)).toBeNull();
  });

  it("number the days from 0 for Monday: a block on day 6 is on Sunday", () => {
    const sunday = blockInterval("UTC", { weekStartDate: day("2026-11-23"), dayOfWeek: 6, startTime: "09:00:00", endTime: "10:00:00", isBlocked: false });
    expect(new Date(sunday!.start).toISOString()).toBe("2026-11-29T09:00:00.000Z");
  });
});
