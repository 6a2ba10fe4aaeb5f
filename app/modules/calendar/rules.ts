/**
 * Calendar rules without a database: times on a 15-minute grid, overlaps, weeks (Monday first,
 * dayOfWeek 0 = Monday), time zones through Intl (DST-correct, no dependency), the slots two
 * members share, and the .ics file of a proposal. See docs/decisions/013-calendar-and-find-a-time.md.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const WEEK_MS = 7 * DAY_MS;
/** Times are whole quarter hours; a day ends at 24:00 (stored "24:00:00"). */
export const GRID_MINUTES = 15;
export const DAY_MINUTES = 24 * 60;
export const DURATIONS = [30, 45, 60, 90] as const;
export type Duration = (typeof DURATIONS)[number];
/** Slots start on the viewer's half hours. */
export const SLOT_STEP_MINUTES = 30;
export const SLOTS_SHOWN = 40;
export const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

// ---------------------------------------------------------------- times of day

/** "HH:MM" or "HH:MM:SS" -> minutes after midnight; null unless a grid time from 00:00 to 24:00. */
export function parseTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [h, m, s] = [Number(match[1]), Number(match[2]), Number(match[3] ?? "0")];
  if (m > 59 || s !== 0) return null;
  const minutes = h * 60 + m;
  if (minutes > DAY_MINUTES || minutes % GRID_MINUTES !== 0) return null;
  return minutes;
}

/** minutes -> "HH:MM:SS" as stored (1440 -> "24:00:00"). */
export function storedTime(minutes: number): string {
  return `${shortTime(minutes)}:00`;
}

/** minutes -> "HH:MM" as shown. */
export function shortTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The choices of the start and end lists: 00:00..23:45 and 00:15..24:00. */
export const START_CHOICES = Array.from({ length: DAY_MINUTES / GRID_MINUTES }, (_, i) => shortTime(i * GRID_MINUTES));
export const END_CHOICES = Array.from({ length: DAY_MINUTES / GRID_MINUTES }, (_, i) => shortTime((i + 1) * GRID_MINUTES));

export interface TimeRange {
  start: number;
  end: number;
}

/** Checks a typed start and end; the message names the problem in plain words. */
export function checkRange(start: string, end: string): { ok: true; range: TimeRange } | { ok: false; field: "start" | "end"; message: string } {
  const s = parseTime(start);
  if (s === null || s === DAY_MINUTES) return { ok: false, field: "start", message: "Choose a start time on the quarter hour, from 00:00 to 23:45." };
  const e = parseTime(end);
  if (e === null || e === 0) return { ok: false, field: "end", message: "Choose an end time on the quarter hour, from 00:15 to 24:00." };
  if (e <= s) return { ok: false, field: "end", message: `The end (${shortTime(e)}) must be after the start (${shortTime(s)}).` };
  return { ok: true, range: { start: s, end: e } };
}

/** Half-open ranges overlap when each starts before the other ends; touching is fine. */
export function overlaps(a: TimeRange, b: TimeRange): boolean {
  return a.start < b.end && b.start < a.end;
}

export function findOverlap<T extends TimeRange>(range: TimeRange, existing: readonly T[]): T | null {
  return existing.find((other) => overlaps(range, other)) ?? null;
}

export function rangeLabel(range: TimeRange): string {
  return `${shortTime(range.start)}–${shortTime(range.end)}`;
}

// ---------------------------------------------------------------- weeks (dates as UTC midnights)

/** The Monday 00:00 UTC of the calendar week that contains this date (its UTC date). */
export function mondayOf(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const offset = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - offset * DAY_MS);
}

/** "YYYY-MM-DD" of a UTC-midnight date. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day a member's week starts on, as Date#getUTCDay counts: 0 Sunday, 1 Monday, 6 Saturday
 * (member_settings.week_start). Storage keeps Monday weeks (weekStartDate is the Monday, dayOfWeek
 * 0 = Monday); only what a page shows as "a week" starts on this day (decision 029).
 */
export type WeekStart = 0 | 1 | 6;
/** In the order the settings page offers them. */
export const WEEK_STARTS: readonly WeekStart[] = [6, 0, 1];
export const WEEK_START_NAMES: Record<WeekStart, string> = { 0: "Sunday", 1: "Monday", 6: "Saturday" };

export function parseWeekStart(value: unknown): WeekStart | null {
  const n = typeof value === "string" && value.length === 1 ? Number(value) : typeof value === "number" ? value : NaN;
  return n === 0 || n === 1 || n === 6 ? n : null;
}

/** The first day (00:00 UTC) of the week that contains this date, for weeks starting on `weekStart`. */
export function weekStartOf(date: Date, weekStart: WeekStart): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const offset = (new Date(midnight).getUTCDay() - weekStart + 7) % 7;
  return new Date(midnight - offset * DAY_MS);
}

/** A "YYYY-MM-DD" between 2000 and 2100 -> that date (00:00 UTC); null for anything else. */
export function parseDay(value: string | null | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (y < 2000 || y > 2100) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date;
}

/** A "YYYY-MM-DD" -> the first day of the week that holds it (Monday unless told); null for anything else. */
export function parseWeek(value: string | null | undefined, weekStart: WeekStart = 1): Date | null {
  const date = parseDay(value);
  return date ? weekStartOf(date, weekStart) : null;
}

/**
 * The seven days of the week shown from `start`, each with where storage keeps it: the Monday of
 * its own week and its dayOfWeek (0 = Monday). A week starting on Saturday or Sunday spans two
 * stored weeks.
 */
export function windowDays(start: Date): { index: number; date: Date; week: Date; dayOfWeek: number }[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(start, index);
    const week = mondayOf(date);
    return { index, date, week, dayOfWeek: Math.round((date.getTime() - week.getTime()) / DAY_MS) };
  });
}

/** The stored weeks (Mondays) the week shown from `start` touches, oldest first. */
export function storedWeeksOf(start: Date): Date[] {
  const first = mondayOf(start);
  const last = mondayOf(addDays(start, 6));
  return first.getTime() === last.getTime() ? [first] : [first, last];
}

export const addDays = (date: Date, days: number) => new Date(date.getTime() + days * DAY_MS);

/** "Monday 1 December" of a UTC-midnight date. */
export function dateLabel(date: Date): string {
  return `${DAY_NAMES[(date.getUTCDay() + 6) % 7]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
}

/** "Monday 1 December" for day `dayOfWeek` of the week starting `monday`. */
export function dayLabel(monday: Date, dayOfWeek: number): string {
  return dateLabel(addDays(monday, dayOfWeek));
}

/** "Saturday 28 November 2026": the first day of a week shown. */
export function weekLabel(start: Date): string {
  return `${dateLabel(start)} ${start.getUTCFullYear()}`;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

// ---------------------------------------------------------------- time zones

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
const COUNTRY_ZONES: Record<string, string> = {
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

/** "Tuesday 2 December 2026, 10:00" in `zone`. */
export function formatInstant(zone: string, instant: number): string {
  const wall = wallAsUtc(zone, instant);
  const date = new Date(wall - (wall % DAY_MS));
  const minutes = Math.round((wall % DAY_MS) / MINUTE_MS);
  return `${dateLabel(date)} ${date.getUTCFullYear()}, ${shortTime(minutes)}`;
}

/** "10:00" in `zone`. */
export function timeIn(zone: string, instant: number): string {
  const wall = wallAsUtc(zone, instant);
  return shortTime(Math.round((wall % DAY_MS) / MINUTE_MS));
}

/** "Tuesday 2 December 2026, 10:00–10:30 (Asia/Amman, GMT+3)" */
export function describeSlot(zone: string, start: number, minutes: number): string {
  return `${formatInstant(zone, start)}–${timeIn(zone, start + minutes * MINUTE_MS)} (${zone}, ${offsetLabel(zone, start)})`;
}

// ---------------------------------------------------------------- slots

export interface WeekBlock {
  weekStartDate: Date;
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  isBlocked: boolean;
}

export interface Interval {
  start: number;
  end: number;
}

/** A stored block as an interval of instants, read on the member's own clock. */
export function blockInterval(zone: string, block: WeekBlock): Interval | null {
  const s = parseTime(block.startTime);
  const e = parseTime(block.endTime);
  if (s === null || e === null) return null;
  const date = addDays(block.weekStartDate, block.dayOfWeek);
  const start = wallToInstant(zone, date, s);
  const end = wallToInstant(zone, date, e);
  return end > start ? { start, end } : null;
}

/** Sorted, merged intervals. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const next of sorted) {
    const last = out[out.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else out.push({ ...next });
  }
  return out;
}

/** `from` minus `cut`; both merged. */
export function subtractIntervals(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const range of from) {
    let pieces: Interval[] = [{ ...range }];
    for (const c of cut) {
      pieces = pieces.flatMap((p) => {
        if (c.end <= p.start || c.start >= p.end) return [p];
        const kept: Interval[] = [];
        if (c.start > p.start) kept.push({ start: p.start, end: c.start });
        if (c.end < p.end) kept.push({ start: c.end, end: p.end });
        return kept;
      });
    }
    out.push(...pieces);
  }
  return out;
}

export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return out;
}

/** When a member is free: their available blocks minus their blocked ones. */
export function freeIntervals(zone: string, blocks: readonly WeekBlock[]): Interval[] {
  const available: Interval[] = [];
  const blocked: Interval[] = [];
  for (const block of blocks) {
    const interval = blockInterval(zone, block);
    if (interval) (block.isBlocked ? blocked : available).push(interval);
  }
  return subtractIntervals(mergeIntervals(available), mergeIntervals(blocked));
}

export interface SlotSearch {
  viewerZone: string;
  /** The first day of the viewer's chosen week (their week-start day, a UTC-midnight date) */
  week: Date;
  minutes: number;
  now: number;
  /** `busy`: the member's accepted meetings, which their free time does not include. */
  mine: { zone: string; blocks: readonly WeekBlock[]; busy?: readonly Interval[] };
  theirs: { zone: string; blocks: readonly WeekBlock[]; busy?: readonly Interval[] };
}

export interface SlotResult {
  /** slot start instants, every one of them (callers cap what they show) */
  starts: number[];
  window: Interval;
  why: "ok" | "me_none" | "them_none" | "no_overlap" | "passed" | "too_short";
}

/** The viewer's week: its first day 00:00 to the same day a week later, on the viewer's clock. */
export function weekWindow(zone: string, week: Date): Interval {
  return { start: wallToInstant(zone, week, 0), end: wallToInstant(zone, addDays(week, 7), 0) };
}

/** Every start, on the viewer's half hours, where both are free for `minutes` and that has not begun. */
export function findSlots(input: SlotSearch): SlotResult {
  const window = weekWindow(input.viewerZone, input.week);
  const clip = (list: Interval[]) => intersectIntervals(list, [window]);
  const free = (side: SlotSearch["mine"]) => clip(subtractIntervals(freeIntervals(side.zone, side.blocks), mergeIntervals(side.busy ?? [])));
  const mine = free(input.mine);
  const theirs = free(input.theirs);
  if (mine.length === 0) return { starts: [], window, why: "me_none" };
  if (theirs.length === 0) return { starts: [], window, why: "them_none" };
  const both = intersectIntervals(mine, theirs);
  if (both.length === 0) return { starts: [], window, why: "no_overlap" };
  const length = input.minutes * MINUTE_MS;
  const step = SLOT_STEP_MINUTES * MINUTE_MS;
  const starts: number[] = [];
  let fits = false;
  for (const free of both) {
    // Steps from the window's start keep slots on the viewer's half hours.
    let t = window.start + Math.ceil((free.start - window.start) / step) * step;
    for (; t + length <= free.end; t += step) {
      fits = true;
      if (t >= input.now) starts.push(t);
    }
  }
  return { starts, window, why: starts.length > 0 ? "ok" : fits ? "passed" : "too_short" };
}

// ---------------------------------------------------------------- .ics (RFC 5545)

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

export function buildIcs(input: { uid: string; now: number; start: number; minutes: number; summary: string; description: string }): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Ladder//Find a time//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${input.uid}`,
    `DTSTAMP:${icsTime(input.now)}`,
    `DTSTART:${icsTime(input.start)}`,
    `DTEND:${icsTime(input.start + input.minutes * MINUTE_MS)}`,
    `SUMMARY:${icsEscape(input.summary)}`,
    `DESCRIPTION:${icsEscape(input.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return lines.map(icsFold).join("\r\n") + "\r\n";
}

/** "2026-12-02T08:00:00Z" or with milliseconds -> instant on a 15-minute mark; null otherwise. */
export function parseSlotStart(value: string | null | undefined): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{3})?)?Z$/.test(value ?? "")) return null;
  const t = Date.parse(value!);
  if (!Number.isFinite(t) || t % (GRID_MINUTES * MINUTE_MS) !== 0) return null;
  const year = new Date(t).getUTCFullYear();
  return year >= 2000 && year <= 2100 ? t : null;
}

export function parseDuration(value: string | null | undefined): Duration | null {
  const n = Number(value);
  return (DURATIONS as readonly number[]).includes(n) && /^\d+$/.test(value ?? "") ? (n as Duration) : null;
}
