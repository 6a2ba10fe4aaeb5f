/**
 * Which requests count as page views, and what of them is kept (issue 20, decision 049).
 * Pure rules: entry.server.tsx and the beacon route (routes/analytics.beacon.ts) apply them.
 */
import { isUuid } from "~/lib/ids";

export const PAGE_PATH_MAX = 255;
export const PAGE_TITLE_MAX = 255;
export const REFERRER_MAX = 500;
/** Time on page is counted up to 6 hours: a tab left open all night says nothing more. */
export const TIME_ON_PAGE_MAX_SECONDS = 6 * 60 * 60;

/**
 * Crawlers, link previews and scripts. Short on purpose: it catches the ones that say what they
 * are (most do); an empty user agent counts as a bot too. Headless browsers are not listed: the
 * browser tests run one, and a person may too.
 */
const BOT_USER_AGENT = /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|lighthouse|curl\/|wget\/|python|go-http-client|java\/|okhttp|libwww|httpclient|node-fetch|axios|autocannon/i;

/** Paths never counted: the health and readiness checks; assets are answered before the app, but not in every setup. */
const NOT_PAGES = new Set(["/healthz", "/readyz"]);

export function isBot(userAgent: string | null): boolean {
  const ua = userAgent?.trim() ?? "";
  return ua === "" || BOT_USER_AGENT.test(ua);
}

/** A prefetch or prerender the browser made on its own (Chromium, older browsers, Firefox). */
export function isPrefetch(headers: Headers): boolean {
  const purpose = `${headers.get("Sec-Purpose") ?? ""} ${headers.get("Purpose") ?? ""} ${headers.get("X-Moz") ?? ""}`.toLowerCase();
  return purpose.includes("prefetch") || purpose.includes("prerender");
}

/** Do Not Track or Global Privacy Control: visitors who send either are not counted. */
export function asksNotToBeTracked(headers: Headers): boolean {
  return headers.get("DNT")?.trim() === "1" || headers.get("Sec-GPC")?.trim() === "1";
}

/** Assets (/build, files in public/ such as /favicon.ico), Remix data requests and the health check. */
export function isPagePath(pathname: string): boolean {
  if (NOT_PAGES.has(pathname) || pathname.startsWith("/build/")) return false;
  // A file name (a dot in the last segment): public files, `.data` requests, CSV and RSS exports.
  const last = pathname.slice(pathname.lastIndexOf("/") + 1);
  return !last.includes(".");
}

export interface DocumentResponse {
  method: string;
  url: URL;
  headers: Headers;
  status: number;
  contentType: string | null;
  signedIn: boolean;
}

/**
 * A page view: a GET for a page, answered 200 with HTML, asked for by a person's browser (not a
 * bot, not a prefetch), and not by a visitor who asked not to be tracked (members are counted:
 * their activity is part of using Ladder, as the README's privacy section says).
 */
export function countsAsPageView(r: DocumentResponse): boolean {
  if (r.method !== "GET" || r.status !== 200) return false;
  if (!r.contentType?.toLowerCase().startsWith("text/html")) return false;
  if (!isPagePath(r.url.pathname) || r.url.searchParams.has("_data")) return false;
  if (isPrefetch(r.headers) || isBot(r.headers.get("User-Agent"))) return false;
  if (!r.signedIn && asksNotToBeTracked(r.headers)) return false;
  return true;
}

/** The path without the query string or fragment (they can hold search words); ids in the path stay. */
export function pagePathOf(pathname: string): string {
  return pathname.slice(0, PAGE_PATH_MAX);
}

/**
 * The referrer's origin and path when it is another site; null for this site, for no referrer
 * and for anything that is not an http(s) address. `ownHosts` are this site's host names (with
 * port): PUBLIC_URL's and the request's own, so that a proxy's http/https makes no difference.
 */
export function externalReferrer(referrer: string | null, ownHosts: readonly string[]): string | null {
  if (!referrer) return null;
  let url: URL;
  try {
    url = new URL(referrer);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.host === "" || ownHosts.includes(url.host)) return null;
  return `${url.origin}${url.pathname}`.slice(0, REFERRER_MAX);
}

/**
 * The path a client-side navigation reports, as stored: it must be a path on this site (starting
 * with one slash); the query string and fragment are cut off. Null for anything else.
 */
export function clientPagePath(reported: string): string | null {
  if (!reported.startsWith("/") || reported.startsWith("//") || reported.includes("\\")) return null;
  const path = reported.split(/[?#]/, 1)[0];
  return isPagePath(path) ? pagePathOf(path) : null;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&#x27;": "'" };

/** The text inside a rendered <title> (React escapes &, <, >, and quotes) as stored. */
export function titleOfTag(inner: string): string | null {
  return cleanTitle(inner.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity));
}

/** common.brand in each language: titles end with " | " and it (common.title.suffix). */
const BRANDS = ["Ladder", "لادر", "लैडर"];

/** A title as kept: trimmed, the brand suffix dropped, at most 255 characters; empty gives null. */
export function cleanTitle(title: string): string | null {
  let text = title.trim();
  const suffix = BRANDS.map((brand) => ` | ${brand}`).find((end) => text.endsWith(end) && text.length > end.length);
  if (suffix) text = text.slice(0, -suffix.length).trim();
  return text === "" ? null : text.slice(0, PAGE_TITLE_MAX);
}

/**
 * Seconds on a page as stored: whole seconds from 0 to 6 hours, and never more than the time since
 * the view was recorded (plus a second for clocks); null when the value is not a number.
 */
export function boundedSeconds(seconds: number, sinceViewMs: number): number | null {
  if (!Number.isFinite(seconds) || seconds < 0) return null;
  const elapsed = Math.max(0, Math.ceil(sinceViewMs / 1000) + 1);
  return Math.min(Math.round(seconds), TIME_ON_PAGE_MAX_SECONDS, elapsed);
}

export type Beacon = { kind: "view"; id: string; path: string; title: string } | { kind: "time"; id: string; seconds: number };

const WHOLE_SECONDS = /^\d{1,9}$/;

/**
 * What the page's beacon sent (routes/analytics.beacon.ts), or null for anything else: an id that
 * is a UUID, and either a path on this site with the page's title, or whole seconds.
 */
export function parseBeacon(fields: { get(name: string): unknown }): Beacon | null {
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === "string" ? value : null;
  };
  const kind = text("kind");
  const id = text("id")?.toLowerCase() ?? "";
  if (!isUuid(id)) return null;
  if (kind === "time") {
    const seconds = text("seconds") ?? "";
    return WHOLE_SECONDS.test(seconds) ? { kind, id, seconds: Number(seconds) } : null;
  }
  if (kind === "view") {
    const path = clientPagePath((text("path") ?? "").slice(0, 2000));
    if (path === null) return null;
    return { kind, id, path, title: (text("title") ?? "").slice(0, 2000) };
  }
  return null;
}

/**
 * Beacons per address and minute, kept in this process's memory: a beacon is worth less than a
 * database write per request to limit it, and a limit per process still bounds what one address
 * can add (decision 049).
 */
export class BeaconLimiter {
  private window = -1;
  private hits = new Map<string, number>();

  constructor(
    private readonly perMinute = 120,
    /** Addresses remembered per window at most; beyond, new addresses are refused. */
    private readonly addresses = 50_000,
  ) {}

  allow(address: string, now = Date.now()): boolean {
    const window = Math.floor(now / 60_000);
    if (window !== this.window) {
      this.window = window;
      this.hits.clear();
    }
    const hits = this.hits.get(address) ?? 0;
    if (hits === 0 && this.hits.size >= this.addresses) return false;
    this.hits.set(address, hits + 1);
    return hits < this.perMinute;
  }
}
