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

// One formatter per zone, built on first use (a member's page uses one or two zones).
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(zone: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZone: zone,
      timeZoneName: "shortOffset",
    });
    dateTimeFormats.set(zone, format);
  }
  return format;
}

/**
 * A moment in the member's zone, always with the zone: "26 Nov 2026, 21:06 Asia/Kolkata (GMT+5:30)",
 * or "26 Nov 2026, 15:36 UTC". The offset is the one in force at that moment (summer time
 * included), so a reader never has to know the zone's rules. An unknown zone falls back to UTC,
 * which is then what the label says.
 */
export function formatDateTime(value: Date | string | number | null | undefined, zone = "UTC"): string {
  if (value === null || value === undefined) return "time unknown";
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return "time unknown";
  let format: Intl.DateTimeFormat;
  try {
    format = dateTimeFormat(zone);
  } catch {
    return formatDateTime(date, "UTC");
  }
  let day = "";
  let time = "";
  let offset = "";
  for (const part of format.formatToParts(date)) {
    if (part.type === "day" || part.type === "month" || part.type === "year") day += day ? ` ${part.value}` : part.value;
    else if (part.type === "hour") time = part.value;
    else if (part.type === "minute") time += `:${part.value}`;
    else if (part.type === "timeZoneName") offset = part.value === "GMT+0" ? "GMT" : part.value;
  }
  if (zone === "UTC") return `${day}, ${time} UTC`;
  return `${day}, ${time} ${zone} (${offset})`;
}
