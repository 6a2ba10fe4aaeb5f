/** How a session reads on /settings/sessions: pure functions, no database, unit-tested. */

// Built once (a formatter per call costs ~50 µs). Absolute times in UTC read the same everywhere.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZone: "UTC",
});

/** "26 Nov 2026, 14:05 UTC". */
export function formatUtcDateTime(value: Date | string | number | null | undefined): string {
  if (value === null || value === undefined) return "time unknown";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "time unknown";
  return `${dateTime.format(date)} UTC`;
}

const deviceWords: Record<string, string> = {
  mobile: "Phone",
  tablet: "Tablet",
  desktop: "Computer",
  bot: "Automated client",
};

/** "Phone", "Computer", ...; unknown or missing types read "Unknown device". */
export function deviceLabel(deviceType: string | null | undefined): string {
  return (deviceType && deviceWords[deviceType]) || "Unknown device";
}

/** "Chrome on Android". */
export function browserOnSystem(browser: string | null | undefined, os: string | null | undefined): string {
  return `${browser || "Unknown browser"} on ${os || "Unknown system"}`;
}

export interface SessionRow {
  id: string;
  ip: string | null;
  deviceType: string | null;
  browser: string | null;
  os: string | null;
  startedAt: Date;
  lastActivityAt: Date;
}

export interface SessionView {
  id: string;
  current: boolean;
  device: string;
  browser: string;
  os: string;
  ip: string;
  started: string;
  lastActive: string;
}

/** The rows as the page shows them, the session in use first. */
export function sessionViews(rows: readonly SessionRow[], currentSessionId: string): SessionView[] {
  const views = rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    device: deviceLabel(row.deviceType),
    browser: row.browser || "Unknown browser",
    os: row.os || "Unknown system",
    ip: row.ip || "unknown",
    started: formatUtcDateTime(row.startedAt),
    lastActive: formatUtcDateTime(row.lastActivityAt),
  }));
  return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
}
