/**
 * A property test of the calendar's zone arithmetic (app/modules/calendar/zone.ts, Intl only)
 * against Temporal (temporal-polyfill), in every zone of COUNTRY_ZONES over 2026 and 2027: members
 * live in Cairo, Gaza, Beirut, Casablanca and Amman, whose daylight-saving rules are irregular.
 *
 * - Instant -> offset every 6¼ hours, against Temporal's offset at the start and the transitions
 *   getTimeZoneTransition finds after it.
 * - Instant -> offset, its label, date and clock time against Temporal.ZonedDateTime: at 13
 *   instants around every transition (2 h before to 2 h after, down to 1 ms either side) and at
 *   one instant every 5 days that moves through the day.
 * - Clock time -> instant against PlainDateTime#toZonedDateTime: every minute of each gap and
 *   overlap and 2 minutes either side, every quarter hour for 2 hours around it, and every 5 days
 *   00:00, 24:00 and a quarter hour that moves through the day. The module's reading of a skipped
 *   or repeated clock time (decision 013) is Temporal's "compatible": a skipped time with the
 *   offset before the jump (so it lands after the jump), a repeated time the first time.
 *
 * Both read the zone rules of Node's ICU, so this checks the arithmetic, not the tz data. The
 * steps keep the run near a second of CPU (it runs in `npm test` on 2 cores).
 */
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import { DAY_MS, MINUTE_MS } from "../../app/modules/calendar/time";
import { COUNTRY_ZONES, offsetLabel, offsetMinutes, timeIn, wallToInstant, zoneDate } from "../../app/modules/calendar/zone";

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2028, 0, 1);
const HOUR_MS = 60 * MINUTE_MS;
const ZONES = [...new Set(Object.values(COUNTRY_ZONES))].sort();

interface Transition {
  at: number;
  /** offsets in minutes just before `at` and from `at` */
  before: number;
  after: number;
}

interface ZoneFacts {
  /** the offset at FROM, in minutes */
  first: number;
  transitions: Transition[];
}

const minutesOf = (zdt: Temporal.ZonedDateTime) => zdt.offsetNanoseconds / 60e9;

/** Temporal's offset at FROM and every change of it until TO. */
function factsOf(zone: string): ZoneFacts {
  let zdt = Temporal.Instant.fromEpochMilliseconds(FROM).toZonedDateTimeISO(zone);
  const facts: ZoneFacts = { first: minutesOf(zdt), transitions: [] };
  for (;;) {
    const next = zdt.getTimeZoneTransition("next");
    if (!next || next.epochMilliseconds >= TO) return facts;
    facts.transitions.push({ at: next.epochMilliseconds, before: minutesOf(next.subtract({ nanoseconds: 1 })), after: minutesOf(next) });
    zdt = next;
  }
}

const FACTS = new Map(ZONES.map((zone) => [zone, factsOf(zone)]));

/** "+05:30" -> "GMT+5:30", "+00:00" -> "GMT", "+03:00" -> "GMT+3", as offsetLabel writes it. */
function gmtLabel(offset: string): string {
  const [, sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!;
  if (hh === "00" && mm === "00") return "GMT";
  return `GMT${sign}${Number(hh)}${mm === "00" ? "" : `:${mm}`}`;
}

/** A wall-clock time held as ms "as if UTC" -> the same Temporal.PlainDateTime. */
function plain(wall: number): Temporal.PlainDateTime {
  const d = new Date(wall);
  return new Temporal.PlainDateTime(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

/** 25 quarter hours: over the two years the steps fall on every quarter hour of the UTC day. */
const OFFSET_STEP = 6 * HOUR_MS + 15 * MINUTE_MS;
/** Days between the readings and clock times far from any change (5: the weekday moves on). */
const DAY_STEP = 5;

const iso = (t: number) => new Date(t).toISOString();
const NEAR = [-2 * HOUR_MS, -HOUR_MS, -15 * MINUTE_MS, -MINUTE_MS, -1000, -1, 0, 1, 1000, MINUTE_MS, 15 * MINUTE_MS, HOUR_MS, 2 * HOUR_MS];

/** Instants read in full: around each transition, and one every DAY_STEP days at a time (seconds too) that moves through the day. */
function fullReadings(facts: ZoneFacts): number[] {
  const out = facts.transitions.flatMap(({ at }) => NEAR.map((d) => at + d));
  for (let t = FROM, i = 0; t < TO; t += DAY_STEP * DAY_MS, i++) out.push(t + ((i * 37) % 96) * 15 * MINUTE_MS + (i % 60) * 1000);
  return out;
}

/**
 * Clock times tried, as a UTC-midnight date and minutes after it (the module's arguments): every
 * DAY_STEP days, 00:00, 24:00 and a quarter hour that moves through the day; every minute of
 * each gap or overlap and 2 minutes either side; every quarter hour for 2 hours around it
 * (`near`: close enough to a change to be skipped or repeated).
 */
function clockTimes(facts: ZoneFacts): { date: number; minutes: number; near: boolean }[] {
  const out: { date: number; minutes: number; near: boolean }[] = [];
  const add = (wall: number, near: boolean) => out.push({ date: wall - (wall % DAY_MS), minutes: (wall % DAY_MS) / MINUTE_MS, near });
  for (let date = FROM, i = 0; date < TO; date += DAY_STEP * DAY_MS, i++) {
    add(date, false);
    add(date + ((i * 37) % 96) * 15 * MINUTE_MS, false);
    // 24:00 of the day, the way a block ending at midnight is stored.
    out.push({ date, minutes: 24 * 60, near: false });
  }
  for (const { at, before, after } of facts.transitions) {
    const low = at + Math.min(before, after) * MINUTE_MS;
    const high = at + Math.max(before, after) * MINUTE_MS;
    for (let wall = low - 2 * MINUTE_MS; wall <= high + 2 * MINUTE_MS; wall += MINUTE_MS) add(wall, true);
    for (let wall = low - 2 * HOUR_MS; wall <= high + 2 * HOUR_MS; wall += 15 * MINUTE_MS) add(wall, true);
  }
  return out;
}

describe("the calendar's zone arithmetic, compared with Temporal in every zone of COUNTRY_ZONES over 2026 and 2027", () => {
  it("covers the irregular zones, and their daylight-saving changes", () => {
    expect(ZONES).toEqual(expect.arrayContaining(["Africa/Cairo", "Asia/Gaza", "Asia/Beirut", "Africa/Casablanca", "Asia/Amman"]));
    const changing = ZONES.filter((zone) => FACTS.get(zone)!.transitions.length > 0);
    expect(changing).toEqual(expect.arrayContaining(["Africa/Cairo", "Asia/Gaza", "Asia/Beirut", "Africa/Casablanca", "Europe/London"]));
  });

  it.each(ZONES)("gives %s the offset Temporal gives, every 6¼ hours", (zone) => {
    const { first, transitions } = FACTS.get(zone)!;
    const wrong: string[] = [];
    let offset = first;
    let next = 0;
    for (let t = FROM; t < TO; t += OFFSET_STEP) {
      while (next < transitions.length && transitions[next].at <= t) offset = transitions[next++].after;
      const got = offsetMinutes(zone, t);
      if (got !== offset) wrong.push(`${iso(t)}: ${got}, Temporal ${offset}`);
    }
    expect(wrong.slice(0, 5), `${wrong.length} instants disagree`).toEqual([]);
  });

  it.each(ZONES)("reads an instant in %s as Temporal.ZonedDateTime does: offset, its label, date and clock time, around each change", (zone) => {
    const wrong: string[] = [];
    for (const t of fullReadings(FACTS.get(zone)!)) {
      const zdt = Temporal.Instant.fromEpochMilliseconds(t).toZonedDateTimeISO(zone);
      const want = [minutesOf(zdt), gmtLabel(zdt.offset), zdt.toPlainDate().toString(), zdt.toPlainTime().toString({ smallestUnit: "minute" })];
      const got = [offsetMinutes(zone, t), offsetLabel(zone, t), zoneDate(zone, t).toISOString().slice(0, 10), timeIn(zone, t)];
      if (got.join() !== want.join()) wrong.push(`${iso(t)}: ${got.join(" ")}, Temporal ${want.join(" ")}`);
    }
    expect(wrong.slice(0, 5), `${wrong.length} instants disagree`).toEqual([]);
  });

  it.each(ZONES)(
    "turns a clock time in %s into the instant Temporal gives with 'compatible': a skipped time after the jump, a repeated one the first time",
    (zone) => {
      const facts = FACTS.get(zone)!;
      const wrong: string[] = [];
      const seen = { gap: 0, overlap: 0 };
      for (const { date, minutes, near } of clockTimes(facts)) {
        const local = plain(date + minutes * MINUTE_MS);
        const want = local.toZonedDateTime(zone, { disambiguation: "compatible" });
        const got = wallToInstant(zone, new Date(date), minutes);
        if (got !== want.epochMilliseconds) wrong.push(`${local} (${iso(date).slice(0, 10)} + ${minutes} min): ${iso(got)}, Temporal ${iso(want.epochMilliseconds)}`);
        // Near a change: a clock time that Temporal moves was skipped; one with a later reading is repeated.
        if (near && !want.toPlainDateTime().equals(local)) seen.gap++;
        else if (near && local.toZonedDateTime(zone, { disambiguation: "later" }).epochMilliseconds !== want.epochMilliseconds) seen.overlap++;
      }
      expect(wrong.slice(0, 5), `${wrong.length} clock times disagree`).toEqual([]);
      // Each change was tried: clocks going forward leave a gap, going back an overlap.
      const forward = facts.transitions.filter((t) => t.after > t.before).length;
      expect({ gaps: seen.gap > 0, overlaps: seen.overlap > 0 }).toEqual({ gaps: forward > 0, overlaps: facts.transitions.length > forward });
    },
  );
});
