/** The slots two members share, and the slot an address names (app/modules/calendar/slots.ts). */
import { describe, expect, it } from "vitest";
import { findSlots, freeIntervals, intersectIntervals, parseDuration, parseSlotStart, weekWindow, type WeekBlock } from "../../app/modules/calendar/slots";

const utc = (iso: string) => Date.parse(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("slots two members share", () => {
  const week = day("2026-11-30");
  const block = (dayOfWeek: number, startTime: string, endTime: string, isBlocked = false): WeekBlock => ({ weekStartDate: week, dayOfWeek, startTime, endTime, isBlocked });

  it("intersect interval lists", () => {
    expect(intersectIntervals([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 5, end: 25 }])).toEqual([
      { start: 5, end: 10 },
      { start: 20, end: 25 },
    ]);
  });

  it("take blocked time out of available time", () => {
    const free = freeIntervals("UTC", [block(0, "09:00:00", "12:00:00"), block(0, "10:00:00", "10:30:00", true)]);
    expect(free.map((i) => [new Date(i.start).toISOString().slice(11, 16), new Date(i.end).toISOString().slice(11, 16)])).toEqual([
      ["09:00", "10:00"],
      ["10:30", "12:00"],
    ]);
  });

  it("list the viewer's half hours where both are free, across zones, skipping the other's blocked time", () => {
    const result = findSlots({
      viewerZone: "Asia/Kolkata",
      week,
      minutes: 30,
      now: utc("2026-11-01T00:00:00Z"),
      // 14:00–18:00 in Kolkata is 08:30–12:30 UTC
      mine: { zone: "Asia/Kolkata", blocks: [block(0, "14:00:00", "18:00:00")] },
      // London in December is UTC: 09:00–12:00, blocked 10:00–10:30
      theirs: { zone: "Europe/London", blocks: [block(0, "09:00:00", "12:00:00"), block(0, "10:00:00", "10:30:00", true)] },
    });
    expect(result.why).toBe("ok");
    expect(result.starts.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["09:00", "09:30", "10:30", "11:00", "11:30"]);
    expect(weekWindow("Asia/Kolkata", week)).toEqual({ start: utc("2026-11-29T18:30:00Z"), end: utc("2026-12-06T18:30:00Z") });
  });

  it("leave out slots that have begun, and say why a list is empty", () => {
    const mine = { zone: "UTC", blocks: [block(1, "09:00:00", "11:00:00")] };
    const search = { viewerZone: "UTC", week, minutes: 60, mine };
    const passed = findSlots({ ...search, now: utc("2026-12-01T09:20:00Z"), theirs: mine });
    expect(passed.starts.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["09:30", "10:00"]);
    expect(findSlots({ ...search, now: utc("2026-12-02T00:00:00Z"), theirs: mine }).why).toBe("passed");
    expect(findSlots({ ...search, now: 0, theirs: { zone: "UTC", blocks: [] } }).why).toBe("them_none");
    expect(findSlots({ ...search, now: 0, mine: { zone: "UTC", blocks: [] }, theirs: mine }).why).toBe("me_none");
    expect(findSlots({ ...search, now: 0, theirs: { zone: "UTC", blocks: [block(2, "09:00:00", "11:00:00")] } }).why).toBe("no_overlap");
    expect(findSlots({ ...search, minutes: 90, now: 0, theirs: { zone: "UTC", blocks: [block(1, "10:00:00", "12:00:00")] } }).why).toBe("too_short");
  });

  it("leave out the time of either member's accepted meetings (busy), also when it overlaps a slot only in part", () => {
    const free = { zone: "UTC", blocks: [block(1, "09:00:00", "12:00:00")] };
    const busy = (from: string, to: string) => [{ start: utc(`2026-12-01T${from}:00Z`), end: utc(`2026-12-01T${to}:00Z`) }];
    const result = findSlots({ viewerZone: "UTC", week, minutes: 30, now: 0, mine: { ...free, busy: busy("09:00", "09:30") }, theirs: { ...free, busy: busy("10:15", "10:45") } });
    expect(result.starts.map((t) => new Date(t).toISOString().slice(11, 16))).toEqual(["09:30", "11:00", "11:30"]);
    expect(findSlots({ viewerZone: "UTC", week, minutes: 30, now: 0, mine: { ...free, busy: busy("08:00", "13:00") }, theirs: free }).why).toBe("me_none");
  });

  it("use the other member's blocks of the neighbouring week when zones move them into the viewer's week", () => {
    // Viewer in Auckland (GMT+13 in December): their Monday 00:00 is Sunday 11:00 UTC.
    const theirs = { zone: "UTC", blocks: [{ weekStartDate: day("2026-11-23"), dayOfWeek: 6, startTime: "12:00:00", endTime: "13:00:00", isBlocked: false }] };
    const mine = { zone: "Pacific/Auckland", blocks: [block(0, "00:00:00", "04:00:00")] };
    const result = findSlots({ viewerZone: "Pacific/Auckland", week, minutes: 60, now: 0, mine, theirs });
    expect(result.starts.map((t) => new Date(t).toISOString())).toEqual(["2026-11-29T12:00:00.000Z"]);
  });
});

describe("slot starts and lengths in an address", () => {
  it("accept only quarter-hour UTC starts and the four lengths", () => {
    expect(parseSlotStart("2026-12-01T08:15:00.000Z")).toBe(utc("2026-12-01T08:15:00Z"));
    expect(parseSlotStart("2026-12-01T08:15Z")).toBe(utc("2026-12-01T08:15:00Z"));
    for (const bad of ["2026-12-01T08:10:00Z", "2026-12-01T08:15:00+01:00", "2026-12-01", "tomorrow", "", null]) expect(parseSlotStart(bad), String(bad)).toBeNull();
    expect(parseDuration("45")).toBe(45);
    for (const bad of ["20", "60.0", " 30", "", null]) expect(parseDuration(bad), String(bad)).toBeNull();
  });
});
