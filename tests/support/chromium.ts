/** Debian's Chromium and the flags the browser tests launch it with (playwright.config.ts, bench/browser-cost.ts). */
export const CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_TEST_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Reuse renderer processes instead of starting one per context: every test opens at least
  // one context, and on 2 cores the process start-up was a fifth of a story's time (measured:
  // 41 story tests 291 s -> 243 s; a context with two pages 1,100 -> 805 ms at 3 at once).
  "--renderer-process-limit=2",
];
