/**
 * How Ladder writes dates, moments and places, on every page (decision 025): one style, so a
 * member learns to read it once.
 */

// Built once: toLocaleDateString builds a new formatter per call (~50 µs, measured by the bench).
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));

/** "3 days ago"-style dates are avoided: an absolute date reads the same on every device. */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "date unknown";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "date unknown";
  return dateFormat.format(date);
}

/** "Cairo, EG", "Remote · AE", "Place not given": one wording for where a job is. */
export function placeOf(city: string | null, country: string | null, remote: boolean | null): string {
  const place = [city, country].filter(Boolean).join(", ");
  if (remote) return place ? `Remote · ${place}` : "Remote";
  return place || "Place not given";
}

// One formatter per zone (and with or without seconds), built on first use (a page uses one or two).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(zone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${zone} ${seconds}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      second: seconds ? "2-digit" : undefined,
      hourCycle: "h23",
      timeZone: zone,
      timeZoneName: "shortOffset",
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/**
 * A moment in the member's zone, always with the zone: "26 Nov 2026, 21:06 Asia/Kolkata (GMT+5:30)",
 * or "26 Nov 2026, 15:36 UTC". The offset is the one in force at that moment (summer time
 * included), so a reader never has to know the zone's rules. An unknown zone falls back to UTC,
 * which is then what the label says. `seconds` for versions saved within one minute.
 */
export function formatDateTime(value: Date | string | number | null | undefined, zone = "UTC", options: { seconds?: boolean } = {}): string {
  if (value === null || value === undefined) return "time unknown";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "time unknown";
  const seconds = options.seconds ?? false;
  let format: Intl.DateTimeFormat;
  try {
    format = dateTimeFormat(zone, seconds);
  } catch {
    return formatDateTime(date, "UTC", options);
  }
  let day = "";
  let time = "";
  let offset = "";
  for (const part of format.formatToParts(date)) {
    if (part.type === "day" || part.type === "month" || part.type === "year") day += day ? ` ${part.value}` : part.value;
    else if (part.type === "hour") time = part.value;
    else if (part.type === "minute" || part.type === "second") time += `:${part.value}`;
    else if (part.type === "timeZoneName") offset = part.value === "GMT+0" ? "GMT" : part.value;
  }
  if (zone === "UTC") return `${day}, ${time} UTC`;
  return `${day}, ${time} ${zone} (${offset})`;
}
