/**
 * Time zones through Intl, DST-correct and without a dependency: the list of IANA zones a member
 * can choose, a guess from the browser's language, and the arithmetic between instants and a
 * zone's wall clock (compared with Temporal in tests/unit/calendar-zones-temporal.test.ts). Pure,
 * with no server-only imports: route components use it too. See
 * docs/decisions/011-member-time-zone.md and 013-calendar-and-find-a-time.md.
 */
import type { Language } from "~/lib/i18n";
import { DAY_MS, MINUTE_MS, shortTime } from "./time";
import { weekLabel } from "./week";

/** The comma between a date and a time, or a zone and its offset: Arabic writes its own. */
const comma = (lang: Language) => (lang === "ar" ? "، " : ", ");

/** Modern names that the ICU list still spells the old way (the list shows the modern one). */
const RENAMED: Record<string, string> = {
  "Asia/Calcutta": "Asia/Kolkata",
  "Europe/Kiev": "Europe/Kyiv",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "America/Godthab": "America/Nuuk",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Truk": "Pacific/Chuuk",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "Asia/Dacca": "Asia/Dhaka",
};

let zoneList: string[] | undefined;
let zoneSet: Set<string> | undefined;

/** Every IANA zone Intl knows, modern names, sorted, with "UTC". */
export function timeZones(): string[] {
  if (!zoneList) {
    const names = new Set<string>(["UTC"]);
    for (const zone of Intl.supportedValuesOf("timeZone")) names.add(RENAMED[zone] ?? zone);
    zoneList = [...names].sort();
    zoneSet = new Set(zoneList);
  }
  return zoneList;
}

/** The zone's name as Ladder stores it, or null when it is not a zone we know. */
export function normalizeZone(value: string | null | undefined): string | null {
  const zone = (value ?? "").trim();
  if (!zone) return null;
  timeZones();
  const named = RENAMED[zone] ?? zone;
  return zoneSet!.has(named) ? named : null;
}

/** Country (region subtag) -> zone, for the regions Ladder serves; countries with several zones are left out. */
export const COUNTRY_ZONES: Record<string, string> = {
  EG: "Africa/Cairo", SA: "Asia/Riyadh", AE: "Asia/Dubai", QA: "Asia/Qatar", KW: "Asia/Kuwait", BH: "Asia/Bahrain",
  OM: "Asia/Muscat", JO: "Asia/Amman", LB: "Asia/Beirut", SY: "Asia/Damascus", IQ: "Asia/Baghdad", YE: "Asia/Aden",
  PS: "Asia/Gaza", MA: "Africa/Casablanca", DZ: "Africa/Algiers", TN: "Africa/Tunis", LY: "Africa/Tripoli",
  SD: "Africa/Khartoum", IN: "Asia/Kolkata", PK: "Asia/Karachi", BD: "Asia/Dhaka", LK: "Asia/Colombo", NP: "Asia/Kathmandu",
  TR: "Europe/Istanbul", IR: "Asia/Tehran", GB: "Europe/London", IE: "Europe/Dublin", FR: "Europe/Paris", DE: "Europe/Berlin",
  NL: "Europe/Amsterdam", IT: "Europe/Rome", ES: "Europe/Madrid", NG: "Africa/Lagos", KE: "Africa/Nairobi", ZA: "Africa/Johannesburg",
  SG: "Asia/Singapore", JP: "Asia/Tokyo",
};

/** The first region subtag of Accept-Language that names a one-zone country ("ar-EG,ar;q=0.9" -> Africa/Cairo). */
export function guessZone(acceptLanguage: string | null | undefined): string | null {
  for (const part of (acceptLanguage ?? "").split(",").slice(0, 10)) {
    const tag = part.split(";")[0].trim();
    const region = tag.split("-").slice(1).find((sub) => /^[A-Za-z]{2}$/.test(sub));
    if (region) {
      const zone = COUNTRY_ZONES[region.toUpperCase()];
      if (zone) return normalizeZone(zone);
    }
  }
  return null;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(zone, f);
  }
  return f;
}

/** The wall clock of `zone` at `instant`, as if it were UTC (ms). */
function wallAsUtc(zone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of partsFormatter(zone).formatToParts(new Date(instant))) if (p.type !== "literal") parts[p.type] = Number(p.value);
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's offset from UTC at `instant`, in minutes (Asia/Kolkata: 330). */
export function offsetMinutes(zone: string, instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((wallAsUtc(zone, whole) - whole) / MINUTE_MS);
}

/**
 * The instant at which the clocks of `zone` show `minutes` after the midnight starting the UTC
 * date `date`. In a gap (clocks jump forward) the time is read with the offset before the jump,
 * so it lands after the jump (London's 01:30 on the last Sunday of March is 01:30 UTC); in an
 * overlap (clocks go back) the first of the two instants is used.
 */
export function wallToInstant(zone: string, date: Date, minutes: number): number {
  const wall = date.getTime() + minutes * MINUTE_MS;
  // The offsets in force a day before, at and a day after: every candidate near a change.
  const offsets = new Set([offsetMinutes(zone, wall - DAY_MS), offsetMinutes(zone, wall), offsetMinutes(zone, wall + DAY_MS)]);
  const candidates = [...offsets].map((o) => wall - o * MINUTE_MS).sort((a, b) => a - b);
  const exact = candidates.find((t) => wallAsUtc(zone, t) === wall);
  return exact ?? candidates[candidates.length - 1];
}

/** The UTC date (midnight) of the zone's calendar day at `instant`. */
export function zoneDate(zone: string, instant: number): Date {
  const wall = wallAsUtc(zone, instant);
  return new Date(wall - (wall % DAY_MS));
}

/** "GMT+5:30" */
export function offsetLabel(zone: string, instant: number): string {
  const offset = offsetMinutes(zone, instant);
  if (offset === 0) return "GMT";
  const abs = Math.abs(offset);
  return `GMT${offset < 0 ? "-" : "+"}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, "0")}` : ""}`;
}

/** "Tuesday 2 December 2026, 10:00" in `zone`; seconds are dropped, as a clock shows them (23:59:45 is 23:59). */
export function formatInstant(zone: string, instant: number, lang: Language = "en"): string {
  const wall = wallAsUtc(zone, instant);
  const date = new Date(wall - (wall % DAY_MS));
  const minutes = Math.floor((wall % DAY_MS) / MINUTE_MS);
  return `${weekLabel(date, lang)}${comma(lang)}${shortTime(minutes)}`;
}

/** "10:00" in `zone`; seconds are dropped, as in formatInstant. */
export function timeIn(zone: string, instant: number): string {
  const wall = wallAsUtc(zone, instant);
  return shortTime(Math.floor((wall % DAY_MS) / MINUTE_MS));
}

/** "Tuesday 2 December 2026, 10:00–10:30 (Asia/Amman, GMT+3)" */
export function describeSlot(zone: string, start: number, minutes: number, lang: Language = "en"): string {
  const end = timeIn(zone, start + minutes * MINUTE_MS);
  return `${formatInstant(zone, start, lang)}–${end} (${zone}${comma(lang)}${offsetLabel(zone, start)})`;
}
