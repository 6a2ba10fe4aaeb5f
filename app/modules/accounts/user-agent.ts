/** A small user-agent reader for the sessions list: enough to tell "Chrome on Android" apart. */
export interface DeviceInfo {
  device_type: "mobile" | "tablet" | "desktop" | "bot" | "unknown";
  browser: string;
  os: string;
}

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
  if (!ua) return { device_type: "unknown", browser: "Unknown browser", os: "Unknown system" };
  const browser = browsers.find(([re]) => re.test(ua))?.[1] ?? "Unknown browser";
  const os = systems.find(([re]) => re.test(ua))?.[1] ?? "Unknown system";
  const device_type = /bot|crawler|spider/i.test(ua)
    ? "bot"
    : /iPad|Tablet/.test(ua)
      ? "tablet"
      : /Mobi|iPhone|Android/.test(ua)
        ? "mobile"
        : os === "Unknown system"
          ? "unknown"
          : "desktop";
  return { device_type, browser, os };
}
