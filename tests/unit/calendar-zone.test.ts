/** Time zones: the list, the guess, and clock times across daylight saving (app/modules/calendar/zone.ts). */
import { describe, expect, it } from "vitest";
import { blockInterval } from "../../app/modules/calendar/slots";
import { describeSlot, formatInstant, guessZone, normalizeZone, offsetLabel, offsetMinutes, timeIn, timeZones, wallToInstant, zoneDate } from "../../app/modules/calendar/zone";

const utc = (iso: string) => Date.parse(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe("time zones", () => {
  it("list every IANA zone with modern names, UTC included, and refuse unknown ones", () => {
    const zones = timeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Asia/Kolkata");
    expect(zones).not.toContain("Asia/Calcutta");
    expect(zones.length).toBeGreaterThan(400);
    expect(normalizeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(normalizeZone("Africa/Cairo")).toBe("Africa/Cairo");
    expect(normalizeZone("Mars/Olympus")).toBeNull();
    expect(normalizeZone("")).toBeNull();
  });

  it("guess a zone from the browser's language region for one-zone countries only", () => {
    expect(guessZone("ar-EG,ar;q=0.9,en;q=0.8")).toBe("Africa/Cairo");
    expect(guessZone("en-IN")).toBe("Asia/Kolkata");
    expect(guessZone("en,fr-MA;q=0.5")).toBe("Africa/Casablanca");
    expect(guessZone("zh-Hant-TW")).toBeNull();
    expect(guessZone("en-US,en;q=0.9")).toBeNull();
    expect(guessZone(null)).toBeNull();
  });

  it("convert London clock times across the spring change (last Sunday of March)", () => {
    expect(wallToInstant("Europe/London", day("2026-03-28"), 540)).toBe(utc("2026-03-28T09:00:00Z"));
    expect(wallToInstant("Europe/London", day("2026-03-29"), 540)).toBe(utc("2026-03-29T08:00:00Z"));
    // 00:00–01:00 before the jump is a whole hour; 01:30 does not exist and reads as after the jump.
    expect(wallToInstant("Europe/London", day("2026-03-29"), 60)).toBe(utc("2026-03-29T01:00:00Z"));
    expect(wallToInstant("Europe/London", day("2026-03-29"), 90)).toBe(utc("2026-03-29T01:30:00Z"));
    expect(offsetLabel("Europe/London", utc("2026-03-30T12:00:00Z"))).toBe("GMT+1");
  });

  it("convert London clock times across the autumn change (last Sunday of October), the repeated hour read the first time", () => {
    expect(wallToInstant("Europe/London", day("2026-10-24"), 540)).toBe(utc("2026-10-24T08:00:00Z"));
    expect(wallToInstant("Europe/London", day("2026-10-26"), 540)).toBe(utc("2026-10-26T09:00:00Z"));
    expect(wallToInstant("Europe/London", day("2026-10-25"), 90)).toBe(utc("2026-10-25T00:30:00Z"));
    // The day of the change is 25 hours long.
    const sunday = blockInterval("Europe/London", { weekStartDate: day("2026-10-19"), dayOfWeek: 6, startTime: "00:00:00", endTime: "24:00:00", isBlocked: true });
    expect((sunday!.end - sunday!.start) / 3_600_000).toBe(25);
  });

  it("handle a half-hour zone (Asia/Kolkata, GMT+5:30) and the dates it moves to", () => {
    expect(offsetMinutes("Asia/Kolkata", utc("2026-12-01T00:00:00Z"))).toBe(330);
    expect(offsetLabel("Asia/Kolkata", utc("2026-12-01T00:00:00Z"))).toBe("GMT+5:30");
    expect(wallToInstant("Asia/Kolkata", day("2026-12-01"), 540)).toBe(utc("2026-12-01T03:30:00Z"));
    expect(zoneDate("Asia/Kolkata", utc("2026-11-30T20:00:00Z")).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(describeSlot("Asia/Kolkata", utc("2026-12-01T03:30:00Z"), 45)).toBe("Tuesday 1 December 2026, 09:00–09:45 (Asia/Kolkata, GMT+5:30)");
  });

  it("show the minute a clock shows, seconds dropped: 23:59:45 is 23:59 of that day, never 24:00", () => {
    expect(timeIn("Asia/Kolkata", utc("2026-12-01T18:29:45Z"))).toBe("23:59");
    expect(formatInstant("Asia/Kolkata", utc("2026-12-01T18:29:45Z"))).toBe("Tuesday 1 December 2026, 23:59");
    expect(timeIn("Europe/London", utc("2026-03-29T00:59:59.999Z"))).toBe("00:59");
    expect(timeIn("Europe/London", utc("2026-03-29T01:00:00Z"))).toBe("02:00");
  });
});
