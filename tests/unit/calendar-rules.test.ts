/** The calendar's pure rules: times, overlaps, weeks, zones across daylight saving, slots and .ics files. */
import { describe, expect, it } from "vitest";
import {
  blockInterval,
  buildIcs,
  checkRange,
  describeSlot,
  findOverlap,
  findSlots,
  freeIntervals,
  guessZone,
  icsEscape,
  icsFold,
  intersectIntervals,
  mondayOf,
  normalizeZone,
  offsetLabel,
  offsetMinutes,
  overlaps,
  parseDuration,
  parseSlotStart,
  parseTime,
  parseWeek,
  storedTime,
  timeZones,
  wallToInstant,
  weekWindow,
  zoneDate,
  type WeekBlock,
} from "../../app/modules/calendar/rules";

const utc = (iso: string) => Date.parse(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

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
});

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

describe(".ics files", () => {
  it("escape text and fold long lines at 75 octets without splitting a character", () => {
    expect(icsEscape("a,b;c\\d\ne")).toBe("a\\,b\\;c\\\\d\\ne");
    const folded = icsFold(`SUMMARY:${"é".repeat(60)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(2);
    for (const line of lines) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(lines[1].startsWith(" ")).toBe(true);
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join("")).toBe(`SUMMARY:${"é".repeat(60)}`);
  });

  it("describe one event in UTC with CRLF line ends", () => {
    const ics = buildIcs({
      uid: "abc@ladder",
      now: utc("2026-11-26T10:00:00Z"),
      start: utc("2026-12-01T08:00:00Z"),
      minutes: 45,
      summary: "Ladder: Layla, and Dina",
      description: "Line one\nLine two",
    });
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = ics.split("\r\n");
    expect(lines.slice(0, 6)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Ladder//Find a time//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "BEGIN:VEVENT"]);
    expect(lines).toContain("UID:abc@ladder");
    expect(lines).toContain("DTSTAMP:20261126T100000Z");
    expect(lines).toContain("DTSTART:20261201T080000Z");
    expect(lines).toContain("DTEND:20261201T084500Z");
    expect(lines).toContain("SUMMARY:Ladder: Layla\\, and Dina");
    expect(lines).toContain("DESCRIPTION:Line one\\nLine two");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  });

  it("turn every CR and LF in a name into \\n, so a name cannot add lines to the file", () => {
    const name = "Eve\rEND:VEVENT\rURL:https://evil.example\r\nATTACH:x\nLOCATION:y\u0085X-Z:z";
    const ics = buildIcs({
      uid: "abc@ladder",
      now: utc("2026-11-26T10:00:00Z"),
      start: utc("2026-12-01T08:00:00Z"),
      minutes: 30,
      summary: `Ladder: ${name} and Dina`,
      description: `${name} proposed this time.`,
    });
    // Split as the most lenient reader would: on any CR or LF, then unfold.
    const lines = ics.split(/\r\n|\r|\n/).filter(Boolean);
    expect(lines.filter((l) => l.startsWith("END:VEVENT"))).toEqual(["END:VEVENT"]);
    expect(lines.filter((l) => /^(URL|ATTACH|LOCATION|X-Z)[:;]/.test(l))).toEqual([]);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n\u0085]/);
    expect(icsEscape("Eve\rEND")).toBe("Eve\\nEND");
    expect(icsEscape("tab\there\u0000\u001b")).toBe("tab\there");
  });

  it("accept only quarter-hour UTC starts and the four lengths", () => {
    expect(parseSlotStart("2026-12-01T08:15:00.000Z")).toBe(utc("2026-12-01T08:15:00Z"));
    expect(parseSlotStart("2026-12-01T08:15Z")).toBe(utc("2026-12-01T08:15:00Z"));
    for (const bad of ["2026-12-01T08:10:00Z", "2026-12-01T08:15:00+01:00", "2026-12-01", "tomorrow", "", null]) expect(parseSlotStart(bad), String(bad)).toBeNull();
    expect(parseDuration("45")).toBe(45);
    for (const bad of ["20", "60.0", " 30", "", null]) expect(parseDuration(bad), String(bad)).toBeNull();
  });
});
