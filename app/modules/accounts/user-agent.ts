/** A small user-agent reader for the sessions list: enough to tell "Chrome on Android" apart. */
export interface DeviceInfo {
  device_type: "mobile" | "tablet" | "desktop" | "bot" | "unknown";
  browser: string;
  os: string;
}

/** What is stored when nothing is recognised (the sessions page shows it in the reader's words). */
export const UNKNOWN_BROWSER = "Unknown browser";
export const UNKNOWN_SYSTEM = "Unknown system";

const browsers: [RegExp, string][] = [
  [/Edg(?:e|A|iOS)?\//, "Edge"],
  [/OPR\/|Opera/, "Opera"],
  [/SamsungBrowser\//, "Samsung Internet"],
  [/UCBrowser\//, "UC Browser"],
  [/Firefox\/|FxiOS\//, "Firefox"],
  [/Chrome\/|CriOS\//, "Chrome"],
  [/Safari\//, "Safari"],
  [/curl\//, "curl"],
];

const systems: [RegExp, string][] = [
  [/Android/, "Android"],
  [/iPhone|iPad|iPod/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X|Macintosh/, "macOS"],
  [/CrOS/, "ChromeOS"],
  [/Linux/, "Linux"],
];

export function parseUserAgent(ua: string | null | undefined): DeviceInfo {
  if (!ua) return { device_type: "unknown", browser: UNKNOWN_BROWSER, os: UNKNOWN_SYSTEM };
  const browser = browsers.find(([re]) => re.test(ua))?.[1] ?? UNKNOWN_BROWSER;
  const os = systems.find(([re]) => re.test(ua))?.[1] ?? UNKNOWN_SYSTEM;
  const device_type = /bot|crawler|spider/i.test(ua)
    ? "bot"
    : /iPad|Tablet/.test(ua)
      ? "tablet"
      : /Mobi|iPhone|Android/.test(ua)
        ? "mobile"
        : os === UNKNOWN_SYSTEM
          ? "unknown"
          : "desktop";
  return { device_type, browser, os };
}
