// Built once: toLocaleDateString builds a new formatter per call (~50 µs, measured by the bench).
const dateFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "3 days ago"-style dates are avoided: an absolute date reads the same on every device. */
export function formatDate(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "date unknown";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "date unknown";
  return dateFormat.format(date);
}

export function placeOf(city: string | null, country: string | null, remote: boolean | null): string {
  const place = [city, country].filter(Boolean).join(", ");
  if (remote) return place ? `Remote · ${place}` : "Remote";
  return place || "Place not given";
}

const dateTimeFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });

/** "26 Nov 2026, 15:36 UTC": a moment, the same on every device (times are kept in UTC). */
export function formatDateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "time unknown";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "time unknown";
  return `${dateTimeFormat.format(date)} UTC`;
}
