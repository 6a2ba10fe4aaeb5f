/** How a session reads on /settings/sessions: pure functions, no database, unit-tested. */
import { formatDateTime } from "~/lib/format";


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

/** The rows as the page shows them, the session in use first, times in the member's `zone`. */
export function sessionViews(rows: readonly SessionRow[], currentSessionId: string, zone = "UTC"): SessionView[] {
  const views = rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    device: deviceLabel(row.deviceType),
    browser: row.browser || "Unknown browser",
    os: row.os || "Unknown system",
    ip: row.ip || "unknown",
    started: formatDateTime(row.startedAt, zone),
    lastActive: formatDateTime(row.lastActivityAt, zone),
  }));
  return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
}
