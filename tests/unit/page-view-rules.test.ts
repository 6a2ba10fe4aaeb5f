/** Which requests count as page views and what is kept of them (decision 049). */
import { describe, expect, it } from "vitest";
import {
  BeaconLimiter,
  boundedSeconds,
  clientPagePath,
  cleanTitle,
  countsAsPageView,
  externalReferrer,
  isBot,
  pagePathOf,
  parseBeacon,
  titleOfTag,
  type DocumentResponse,
} from "../../app/modules/analytics/page-view-rules";

const CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

function doc(overrides: Partial<Omit<DocumentResponse, "headers">> & { path?: string; headers?: Record<string, string> } = {}): DocumentResponse {
  const { path = "/jobs", headers = {}, ...rest } = overrides;
  return {
    method: "GET",
    url: new URL(path, "http://localhost"),
    headers: new Headers({ "User-Agent": CHROME, ...headers }),
    status: 200,
    contentType: "text/html; charset=utf-8",
    signedIn: false,
    ...rest,
  };
}

describe("countsAsPageView", () => {
  it("counts a browser's GET of a page answered 200 with HTML", () => {
    expect(countsAsPageView(doc())).toBe(true);
    expect(countsAsPageView(doc({ path: "/u/3f0c9a52-8f7e-4c1b-9d2a-1b2c3d4e5f60?tab=posts" }))).toBe(true);
  });

  it("does not count other methods, other statuses or other content", () => {
    expect(countsAsPageView(doc({ method: "POST" }))).toBe(false);
    expect(countsAsPageView(doc({ method: "HEAD" }))).toBe(false);
    for (const status of [201, 204, 302, 304, 400, 403, 404, 429, 500]) expect(countsAsPageView(doc({ status }))).toBe(false);
    expect(countsAsPageView(doc({ contentType: "application/json" }))).toBe(false);
    expect(countsAsPageView(doc({ contentType: null }))).toBe(false);
  });

  it("does not count assets, files, data requests or the health and readiness checks", () => {
    for (const path of ["/build/root-ABC.js", "/favicon.ico", "/robots.txt", "/jobs.data", "/_root.data", "/jobs?_data=root", "/healthz", "/readyz", "/admin/premium.csv"]) {
      expect(countsAsPageView(doc({ path })), path).toBe(false);
    }
  });

  it("does not count prefetches of any browser", () => {
    expect(countsAsPageView(doc({ headers: { "Sec-Purpose": "prefetch" } }))).toBe(false);
    expect(countsAsPageView(doc({ headers: { "Sec-Purpose": "prefetch;prerender" } }))).toBe(false);
    expect(countsAsPageView(doc({ headers: { Purpose: "prefetch" } }))).toBe(false);
    expect(countsAsPageView(doc({ headers: { "X-Moz": "prefetch" } }))).toBe(false);
  });

  it("does not count a visitor who sends DNT or Sec-GPC, and counts a member who does", () => {
    expect(countsAsPageView(doc({ headers: { DNT: "1" } }))).toBe(false);
    expect(countsAsPageView(doc({ headers: { "Sec-GPC": "1" } }))).toBe(false);
    expect(countsAsPageView(doc({ headers: { DNT: "0" } }))).toBe(true);
    expect(countsAsPageView(doc({ signedIn: true, headers: { DNT: "1", "Sec-GPC": "1" } }))).toBe(true);
  });
});

describe("isBot", () => {
  it("takes crawlers, link previews, scripts and an empty user agent for bots, and browsers for people", () => {
    for (const ua of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "facebookexternalhit/1.1",
      "Slackbot-LinkExpanding 1.0",
      "curl/8.4.0",
      "Wget/1.21",
      "python-requests/2.31",
      "Go-http-client/1.1",
      "",
      "   ",
      null,
    ]) {
      expect(isBot(ua), String(ua)).toBe(true);
    }
    expect(isBot(CHROME)).toBe(false);
    expect(isBot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Version/17.4 Mobile/15E148 Safari/604.1")).toBe(false);
    expect(isBot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0.0.0 Safari/537.36")).toBe(false);
  });
});

describe("what is kept", () => {
  it("keeps the path at most 255 characters", () => {
    expect(pagePathOf(`/${"a".repeat(300)}`)).toHaveLength(255);
  });

  it("keeps another site's referrer as origin and path, and nothing for this site or malformed ones", () => {
    const own = ["ladder.example", "localhost:3000"];
    expect(externalReferrer("https://news.example.org/a/b?q=secret#x", own)).toBe("https://news.example.org/a/b");
    expect(externalReferrer("https://ladder.example/jobs?q=x", own)).toBeNull();
    expect(externalReferrer("http://ladder.example/jobs", own)).toBeNull();
    expect(externalReferrer("http://localhost:3000/", own)).toBeNull();
    expect(externalReferrer("http://localhost:4000/", own)).toBe("http://localhost:4000/");
    expect(externalReferrer("not a url", own)).toBeNull();
    expect(externalReferrer("android-app://com.example/", own)).toBeNull();
    expect(externalReferrer("", own)).toBeNull();
    expect(externalReferrer(null, own)).toBeNull();
    expect(externalReferrer(`https://example.com/${"a".repeat(600)}`, own)).toHaveLength(500);
  });

  it("keeps the title without the brand suffix in any language, unescaped, at most 255 characters", () => {
    expect(titleOfTag("Jobs | Ladder")).toBe("Jobs");
    expect(titleOfTag("Members | Admin | Ladder")).toBe("Members | Admin");
    expect(titleOfTag("الوظائف | لادر")).toBe("الوظائف");
    expect(titleOfTag("नौकरियाँ | लैडर")).toBe("नौकरियाँ");
    expect(titleOfTag("Ladder")).toBe("Ladder");
    expect(titleOfTag("Tom &amp; Jerry&#x27;s &lt;b&gt; | Ladder")).toBe("Tom & Jerry's <b>");
    expect(titleOfTag("&amp;lt;")).toBe("&lt;");
    expect(titleOfTag("   ")).toBeNull();
    expect(cleanTitle("x".repeat(300))).toHaveLength(255);
  });

  it("bounds the time on page to 0..6 hours and to the time since the view", () => {
    expect(boundedSeconds(30, 60_000)).toBe(30);
    expect(boundedSeconds(99_999, 10_000)).toBe(11);
    expect(boundedSeconds(99_999, 24 * 3_600_000)).toBe(6 * 3600);
    expect(boundedSeconds(0, 0)).toBe(0);
    expect(boundedSeconds(-1, 60_000)).toBeNull();
    expect(boundedSeconds(Number.NaN, 60_000)).toBeNull();
  });
});

describe("beacons", () => {
  const id = "3f0c9a52-8f7e-4c1b-9d2a-1b2c3d4e5f60";

  it("reads a time beacon and a view beacon, and nothing malformed", () => {
    expect(parseBeacon(new URLSearchParams({ kind: "time", id, seconds: "42" }))).toEqual({ kind: "time", id, seconds: 42 });
    expect(parseBeacon(new URLSearchParams({ kind: "view", id: id.toUpperCase(), path: "/jobs?q=x#top", title: "Jobs | Ladder" }))).toEqual({
      kind: "view",
      id,
      path: "/jobs",
      title: "Jobs | Ladder",
    });
    const malformed: Record<string, string>[] = [
      { kind: "time", id: "nope", seconds: "1" },
      { kind: "time", id, seconds: "1.5" },
      { kind: "time", id, seconds: "-1" },
      { kind: "time", id, seconds: "1234567890" },
      { kind: "view", id, path: "jobs", title: "" },
      { kind: "view", id, path: "//evil.example/", title: "" },
      { kind: "view", id, path: "/\\evil.example/", title: "" },
      { kind: "view", id, path: "/build/x.js", title: "" },
      { kind: "other", id },
    ];
    for (const fields of malformed) {
      expect(parseBeacon(new URLSearchParams(fields)), JSON.stringify(fields)).toBeNull();
    }
  });

  it("takes a path on this site only", () => {
    expect(clientPagePath("/people?q=x")).toBe("/people");
    expect(clientPagePath("https://evil.example/")).toBeNull();
  });

  it("limits beacons per address and minute, and starts again the next minute", () => {
    const limiter = new BeaconLimiter(2, 2);
    const t = 60_000 * 1000;
    expect([1, 2, 3].map(() => limiter.allow("a", t))).toEqual([true, true, false]);
    expect(limiter.allow("b", t)).toBe(true);
    // Two addresses remembered: a third is refused until the window turns.
    expect(limiter.allow("c", t)).toBe(false);
    expect(limiter.allow("a", t + 60_000)).toBe(true);
  });
});
