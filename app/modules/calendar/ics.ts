/**
 * The .ics file of a proposed meeting (RFC 5545): escaped TEXT, lines folded at 75 octets, one
 * VEVENT in UTC. Pure, with no server-only imports: route components use it too. See
 * docs/decisions/013-calendar-and-find-a-time.md.
 */
import { MINUTE_MS } from "./time";

/**
 * TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, and every line break as
 * \n. A bare CR counts as a line break too: calendar apps split on it, so a name holding one
 * could add its own lines (END:VEVENT, URL:, ATTACH:) to another member's file. Other control
 * characters are not allowed in TEXT at all and are dropped (tab stays).
 */
export function icsEscape(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n|\u0085|\u2028|\u2029/g, "\\n")
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function icsFold(line: string): string {
  const out: string[] = [];
  let current = "";
  let bytes = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = out.length === 0 ? 75 : 74; // the leading space counts
    if (bytes + size > limit) {
      out.push(current);
      current = "";
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join("\r\n ");
}

/** 20261202T080000Z */
export function icsTime(instant: number): string {
  return new Date(instant).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/**
 * One VEVENT. `location` and `url` (a community event's place and online link) are optional;
 * `product` names what made the file (PRODID), "Find a time" unless told.
 */
export function buildIcs(input: {
  uid: string;
  now: number;
  start: number;
  minutes: number;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  product?: string;
}): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Ladder//${input.product ?? "Find a time"}//EN`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${input.uid}`,
    `DTSTAMP:${icsTime(input.now)}`,
    `DTSTART:${icsTime(input.start)}`,
    `DTEND:${icsTime(input.start + input.minutes * MINUTE_MS)}`,
    `SUMMARY:${icsEscape(input.summary)}`,
    `DESCRIPTION:${icsEscape(input.description)}`,
    ...(input.location ? [`LOCATION:${icsEscape(input.location)}`] : []),
    // A URI, not TEXT (no backslash escapes): only characters an address may hold are kept.
    ...(input.url ? [`URL:${[...input.url].filter((ch) => ch > " " && (ch < "\u007f" || ch > "\u00a0") && ch !== "\u2028" && ch !== "\u2029").join("")}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(icsFold).join("\r\n") + "\r\n";
}
