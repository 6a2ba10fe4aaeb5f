/** The .ics file of a proposal: escaped text, folded lines, one event in UTC (app/modules/calendar/ics.ts). */
import { describe, expect, it } from "vitest";
import { buildIcs, icsEscape, icsFold } from "../../app/modules/calendar/ics";

const utc = (iso: string) => Date.parse(iso);

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
});
