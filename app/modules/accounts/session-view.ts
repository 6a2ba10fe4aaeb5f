/** How a session reads on /settings/sessions: pure functions, no database, unit-tested. */
import { formatDateTime } from "~/lib/format";
import type { Language, Translate } from "~/lib/i18n";
import english from "~/locales/en/settings.json";
import { UNKNOWN_BROWSER, UNKNOWN_SYSTEM } from "./user-agent";

/**
 * The words of the page (decision 040): the reader's translator and language. Without them the
 * views read in English, straight from the English catalog (these messages have no plurals).
 */
export interface SessionWords {
  t: Translate;
  lang: Language;
}

const englishT: Translate = (id, values) => {
  let text = (english as Record<string, string>)[id.slice("settings.".length)] ?? id;
  for (const [name, value] of Object.entries(values ?? {})) text = text.split(`{${name}}`).join(String(value));
  return text;
};

const deviceWords: Record<string, string> = {
  mobile: "settings.sessions.deviceMobile",
  tablet: "settings.sessions.deviceTablet",
  desktop: "settings.sessions.deviceDesktop",
  bot: "settings.sessions.deviceBot",
};

/** "Phone", "Computer", ...; unknown or missing types read "Unknown device". */
export function deviceLabel(deviceType: string | null | undefined, t: Translate = englishT): string {
  return t((deviceType && deviceWords[deviceType]) || "settings.sessions.deviceUnknown");
}

const browserName = (browser: string | null | undefined, t: Translate) =>
  browser && browser !== UNKNOWN_BROWSER ? browser : t("settings.sessions.unknownBrowser");
const systemName = (os: string | null | undefined, t: Translate) => (os && os !== UNKNOWN_SYSTEM ? os : t("settings.sessions.unknownSystem"));

/** "Chrome on Android". */
export function browserOnSystem(browser: string | null | undefined, os: string | null | undefined, t: Translate = englishT): string {
  return t("settings.sessions.browserOn", { browser: browserName(browser, t), os: systemName(os, t) });
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
  /** "Chrome on Android", in the reader's words. */
  title: string;
  ip: string;
  started: string;
  lastActive: string;
}

/** The rows as the page shows them, the session in use first, times in the member's `zone`. */
export function sessionViews(rows: readonly SessionRow[], currentSessionId: string, zone = "UTC", words?: SessionWords): SessionView[] {
  const t = words?.t ?? englishT;
  const lang = words?.lang ?? "en";
  const views = rows.map((row) => ({
    id: row.id,
    current: row.id === currentSessionId,
    device: deviceLabel(row.deviceType, t),
    browser: browserName(row.browser, t),
    os: systemName(row.os, t),
    title: browserOnSystem(row.browser, row.os, t),
    ip: row.ip || t("settings.sessions.ipUnknown"),
    started: formatDateTime(row.startedAt, zone, { lang }),
    lastActive: formatDateTime(row.lastActivityAt, zone, { lang }),
  }));
  return [...views.filter((v) => v.current), ...views.filter((v) => !v.current)];
}
