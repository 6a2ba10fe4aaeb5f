/**
 * First paint never waits for JavaScript (issue 12, decision 022).
 *
 * - Hydration changes nothing a member sees: on every top-level page the text a browser without
 *   JavaScript shows (the server's HTML) is the text of the hydrated page, in a browser whose
 *   locale and time zone differ from the server's, and no element of the server's document is
 *   replaced (React re-renders from scratch after a hydration mismatch).
 * - The largest contentful paint is painted before hydration and before any script has arrived,
 *   and hydration does not change it (PerformanceObserver, read before and after hydration).
 * - No script or module preload is in reach of the browser's preload scanner.
 */
import type { Browser, Page } from "@playwright/test";
import { LONG_CONVERSATION_PARTNER_INDEX, userId } from "../../db/seed/demo";
import { menuFor } from "../../app/lib/areas";
import { expect, test, signIn } from "./fixtures";

// Far from the server's UTC and en-GB: a date or time formatted in the browser would differ.
test.use({ locale: "de-DE", timezoneId: "Pacific/Kiritimati" });

const conversation = `/messages/${userId(LONG_CONVERSATION_PARTNER_INDEX)}`;
// The pages the menu offers a visitor, and a member (user@demo.test).
const visitorPages = [...menuFor(null).map((area) => area.href), "/login", "/signup"];
const memberPages = [...menuFor("user").map((area) => area.href), conversation];

/** Stands for aJobPage() in a test's list of pages (its address is found when the test runs). */
const JOB_PAGE = "a job page";

const inFours = (paths: string[]) => Array.from({ length: Math.ceil(paths.length / 4) }, (_, i) => paths.slice(i * 4, i * 4 + 4));

/** The first job of the general feed, as a visitor finds it on /jobs. */
async function aJobPage(page: Page): Promise<string> {
  const html = await (await page.request.get("/jobs")).text();
  const path = /href="(\/jobs\/general\/[^"/?]+)"/.exec(html)?.[1];
  expect(path, "the demo general feed lists a job").toBeTruthy();
  return path!;
}

/**
 * Records, in the page, what the checks need: every element of the parsed server document, the
 * largest-contentful-paint entries and when the Remix router was created (hydration starts).
 */
async function watchHydration(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as LadderWatch;
    w.__lcp = [];
    w.__serverElements = [];
    w.__hydrationStart = null;
    let router: unknown;
    Object.defineProperty(window, "__remixRouter", {
      configurable: true,
      get: () => router,
      set(value) {
        router = value;
        w.__hydrationStart ??= performance.now();
      },
    });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[]) w.__lcp.push({ startTime: entry.startTime, element: entry.element });
    }).observe({ type: "largest-contentful-paint", buffered: true });
    document.addEventListener("DOMContentLoaded", () => (w.__serverElements = [...document.body.querySelectorAll("*")]));
  });
}

interface LadderWatch {
  __lcp: { startTime: number; element: Element | null }[];
  __serverElements: Element[];
  __hydrationStart: number | null;
}

const visibleText = (page: Page) => page.evaluate(() => document.body.innerText.replace(/\s+/g, " ").trim());

/** Waits until React has hydrated the whole document (the footer's last link is React's) and its effects ran. */
async function waitForHydration(page: Page) {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const last = [...document.querySelectorAll("footer a")].pop();
        return !!last && Object.keys(last).some((key) => key.startsWith("__reactFiber$"));
      }),
    )
    .toBe(true);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100)))));
}

/** Loads `path` in `page` (JavaScript on) and returns what hydration did to it. */
async function hydrate(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  expect(new URL(page.url()).pathname, `${path} is not a redirect`).toBe(path.split("?")[0]);
  const html = await response!.text();
  await waitForHydration(page);
  const found = await page.evaluate(() => {
    const w = window as unknown as LadderWatch;
    const describe = (element: Element | null) =>
      element ? `<${element.tagName.toLowerCase()}> "${(element.textContent ?? "").trim().slice(0, 50)}"` : "(no element)";
    const scripts = performance
      .getEntriesByType("resource")
      .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
      .map((entry) => (entry as PerformanceResourceTiming).responseEnd);
    const last = w.__lcp.at(-1);
    return {
      text: document.body.innerText.replace(/\s+/g, " ").trim(),
      replaced: w.__serverElements.filter((element) => !element.isConnected).map(describe).slice(0, 5),
      serverElements: w.__serverElements.length,
      hydrationStart: w.__hydrationStart,
      firstScriptLoaded: scripts.length ? Math.min(...scripts) : null,
      lcpCount: w.__lcp.length,
      lcp: last ? { startTime: last.startTime, element: describe(last.element), connected: !!last.element?.isConnected } : null,
      lcpAfterHydration: w.__lcp.filter((entry) => w.__hydrationStart !== null && entry.startTime >= w.__hydrationStart).map((entry) => describe(entry.element)),
    };
  });
  return { ...found, html, url: page.url() };
}

/**
 * For each path: the hydrated page (JavaScript on) against the very HTML the server sent for it,
 * shown by a browser without JavaScript (same locale, viewport and stylesheet). The same response,
 * so pages that change state when read (a conversation marks messages read) compare like with like.
 */
async function compareTexts(browser: Browser, page: Page, paths: string[], locale: string | undefined) {
  await watchHydration(page);
  const context = await browser.newContext({ javaScriptEnabled: false, locale, viewport: page.viewportSize() });
  try {
    const withoutJs = await context.newPage();
    for (const path of paths) {
      const hydrated = await hydrate(page, path);
      await withoutJs.route(hydrated.url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: hydrated.html }));
      await withoutJs.goto(hydrated.url);
      await withoutJs.unrouteAll();
      const serverText = await visibleText(withoutJs);
      expect(hydrated.serverElements, `${path} was parsed before hydration`).toBeGreaterThan(20);
      expect(hydrated.text, `${path}: the hydrated page shows the server's text`).toBe(serverText);
      expect(hydrated.replaced, `${path}: elements of the server's document replaced at hydration`).toEqual([]);
    }
  } finally {
    await context.close();
  }
}

async function checkLargestPaint(page: Page, paths: string[]) {
  await watchHydration(page);
  for (const path of paths) {
    const result = await hydrate(page, path);
    expect(result.hydrationStart, `${path} hydrated`).not.toBeNull();
    expect(result.lcp, `${path} has a largest contentful paint`).not.toBeNull();
    const lcp = result.lcp!;
    expect(lcp.startTime, `${path}: the largest paint (${lcp.element}) comes before hydration`).toBeLessThan(result.hydrationStart!);
    expect(result.lcpAfterHydration, `${path}: largest-paint entries after hydration`).toEqual([]);
    expect(lcp.connected, `${path}: the largest element ${lcp.element} is still in the document`).toBe(true);
    // What "waiting for scripts" means to the browser and to Lighthouse: a script that had arrived before the paint.
    expect(result.firstScriptLoaded, `${path} loaded scripts`).not.toBeNull();
    expect(lcp.startTime, `${path}: the largest paint (${lcp.element}) comes before any script has arrived`).toBeLessThan(result.firstScriptLoaded!);
  }
}

test.describe("with JavaScript on @js-on-only", () => {
  // Four pages per test, so that none needs more than 30 s on a busy machine.
  for (const paths of inFours([...visitorPages, JOB_PAGE])) {
    test(`signed out, ${paths.join(", ")} show the server's text after hydration and keep their elements`, async ({ page, browser, locale }) => {
      await compareTexts(browser, page, await Promise.all(paths.map((path) => (path === JOB_PAGE ? aJobPage(page) : path))), locale);
    });
  }

  for (const paths of inFours(memberPages)) {
    test(`signed in, ${paths.join(", ")} show the server's text after hydration and keep their elements`, async ({ page, browser, locale }) => {
      await signIn(page, "user@demo.test");
      await compareTexts(browser, page, paths, locale);
    });
  }

  test("an admin's /admin shows the server's text after hydration and keeps its elements", async ({ page, browser, locale }) => {
    await signIn(page, "admin@demo.test");
    await compareTexts(browser, page, ["/admin"], locale);
  });

  test("signed out, the largest paint of /, /login, /jobs and a job page comes before any script arrives and hydration does not change it", async ({ page }) => {
    await checkLargestPaint(page, ["/", "/login", "/jobs", await aJobPage(page)]);
  });

  test("signed in, the largest paint of /calendar, /messages, a conversation and /coach comes before any script arrives and hydration does not change it", async ({ page }) => {
    await signIn(page, "user@demo.test");
    await checkLargestPaint(page, ["/calendar", "/messages", conversation, "/coach"]);
  });
});

test("no page puts a script or a module preload where the preload scanner finds it before the first paint @request-only", async ({ request }) => {
  for (const path of ["/", "/login", "/jobs"]) {
    const html = await (await request.get(path)).text();
    const outside = html.replace(/<template id="ladder-scripts">[\s\S]*?<\/template>/, "");
    expect(html, `${path} has its scripts in the template`).toContain('<template id="ladder-scripts">');
    expect(outside, `${path}: module preloads outside the template`).not.toMatch(/rel="modulepreload"/);
    expect(outside, `${path}: module scripts outside the template`).not.toMatch(/<script[^>]*type="module"/);
    expect(outside, `${path}: external scripts outside the template`).not.toMatch(/<script[^>]*\ssrc=/);
  }
});
