/**
 * Shared pieces of the browser tests: the header's pages and a `browserErrors` fixture that
 * collects console errors and uncaught page errors while a test runs.
 */
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type Locator, type Page, type Response, type Route } from "@playwright/test";
import { areas } from "../../app/lib/areas";
import { waitForMail } from "./mail";

/** Every page linked from the header, e.g. "/", "/network", ... */
export const headerPages = areas.map((area) => area.href);
export const comingSoonAreas = areas.filter((area) => !area.ready);

/** A random private address per test, sent as X-Forwarded-For (the e2e server trusts one proxy). */
function addressForTest(): string {
  const octet = () => 1 + Math.floor(Math.random() * 250);
  return `10.${octet()}.${octet()}.${octet()}`;
}

export const test = base.extend<{ browserErrors: string[] }>({
  extraHTTPHeaders: async ({ extraHTTPHeaders }, use) => {
    await use({ ...extraHTTPHeaders, "X-Forwarded-For": addressForTest() });
  },
  // With JavaScript, scripts load after the first paint (decision 022) and a tap before hydration
  // is handled as without JavaScript; tests about enhanced behaviour start from a hydrated page.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled) {
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        if (options?.waitUntil !== "commit") await waitForHydration(page);
        return response;
      };
    }
    await use(page);
  },
  browserErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      // Chromium logs every 400 answer of a form (a validation error we meant to send) as a failed load.
      const intendedFormAnswer = /Failed to load resource: the server responded with a status of 400/.test(message.text());
      // Remix's single fetch logs the abort reason when a newer navigation (the next click) cancels
      // one whose answer is still streaming in; the router then drops the old one, as it should.
      const interruptedNavigation = /^AbortError: signal is aborted without reason/.test(message.text());
      if (message.type() === "error" && !intendedFormAnswer && !interruptedNavigation) errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    await use(errors);
  },
});

export { expect };

/**
 * The answer to the next form POST of `page`: the document without JavaScript, the data request
 * with it. Not the page-view beacon, which a page with scripts also POSTs, at a moment of its own
 * (a story once read the beacon's 204 as the form's answer).
 */
export function formAnswer(page: Page): Promise<Response> {
  // The beacon's address, as app/components/PageViewBeacon.tsx (BEACON_PATH) sends it.
  return page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname !== "/analytics/beacon");
}

/** Waits until a page with scripts has hydrated (decision 022); lite pages have none. */
export async function waitForHydration(page: Page) {
  await page.waitForFunction(
    () => !document.getElementById("ladder-scripts") || (window as unknown as { __ladderHydrated?: boolean }).__ladderHydrated === true,
    null,
    { timeout: 15_000 },
  );
}

/** Has the Remix app taken over the document (hydrated)? */
export function hasHydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined");
}

/** The href of the page's stylesheet (fingerprinted under /build/). */
export function stylesheetHref(html: string): string {
  const match = html.match(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/) ?? html.match(/<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/);
  if (!match) throw new Error("The page links no stylesheet");
  return match[1];
}

/**
 * What every axe check holds Ladder to: A and AA of WCAG 2.0, 2.1 and 2.2 (`wcag22aa` turns on
 * target size, 2.5.8, which axe leaves off by default) and the best practices axe ran before.
 */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/**
 * axe on `page` with AXE_TAGS. Legacy mode runs axe in the page itself: the default opens a blank
 * page for every check to combine frames, which Ladder's pages do not have, and that doubled the
 * cost of each check. Only violations are collected in full (the passes are not read), which
 * made each check about a quarter cheaper (measured on /, /jobs and /people: 580-1,140 ms ->
 * 470-780 ms); the violations found are the same.
 */
export function axeFor(page: Page): AxeBuilder {
  return new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode().options({ resultTypes: ["violations"] });
}

/**
 * The JavaScript-off copy of a page that axe checks (see `seriousAxeViolations`): one context and
 * tab per worker, reused from check to check: opening a context and page for each check cost about
 * 2 s of a 7 to 10 s check on a busy 2-core machine (decision 052). Checks in a worker run one at
 * a time (`axeQueue`), so the shared tab is never in two checks at once.
 */
const axeTabs = new WeakMap<Browser, Promise<Page>>();
let axeQueue: Promise<unknown> = Promise.resolve();

async function axeTabFor(browser: Browser): Promise<Page> {
  let tab = axeTabs.get(browser);
  if (!tab) {
    tab = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
    axeTabs.set(browser, tab);
  }
  return tab;
}

/**
 * Opens `url` in the shared JavaScript-off copy as the member of `page` sees it: the same cookies
 * (session, lite mode, language) and viewport, and the server's HTML with a CSP that lets no page
 * script run (axe itself is injected through the DevTools protocol, which CSP does not govern).
 */
async function openJavaScriptOffCopy(page: Page, browser: Browser, url: string): Promise<Page> {
  const target = await axeTabFor(browser);
  const context = target.context();
  // Only the cookies: what the server's HTML depends on (no page script runs to read storage).
  await context.clearCookies();
  await context.addCookies(await page.context().cookies());
  const viewport = page.viewportSize();
  if (viewport) await target.setViewportSize(viewport);
  // From a blank page, so that an address differing only in its #fragment is loaded, not scrolled to.
  await target.goto("about:blank");
  // A request never carries the address's #fragment, so the route matches the address without it.
  const address = url.split("#")[0];
  const withoutScripts = async (route: Route) => {
    const response = await route.fetch();
    const headers = response.headers();
    headers["content-security-policy"] = (headers["content-security-policy"] ?? "").replace(/script-src [^;]*/, "script-src 'none'");
    await route.fulfill({ response, headers });
  };
  await context.route(address, withoutScripts);
  try {
    await target.goto(url);
  } finally {
    await context.unroute(address, withoutScripts);
  }
  if (await hasHydrated(target)) throw new Error("The page hydrated: the JavaScript-off copy for axe is not what it should be");
  if (target.url() !== url) throw new Error(`The JavaScript-off copy for axe landed on ${target.url()}, not ${url}`);
  return target;
}

/**
 * Serious and critical axe violations of the page `page` shows, as readable lines.
 * axe needs timers, which a browser with JavaScript off does not run; for the JavaScript-off
 * document it therefore checks the same server HTML in a browser whose CSP lets no page script
 * run (`openJavaScriptOffCopy`).
 */
export async function seriousAxeViolations(page: Page, browser: Browser, javaScriptEnabled: boolean): Promise<string[]> {
  const check = async () => {
    const target = javaScriptEnabled ? page : await openJavaScriptOffCopy(page, browser, page.url());
    const results = await axeFor(target).analyze();
    return results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map(
        (violation) =>
          `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
      );
  };
  const result = axeQueue.then(check, check);
  axeQueue = result.catch(() => undefined);
  return result;
}

/**
 * The documented budget of a browser test that walks a whole story across many pages (several
 * members, a dozen forms). Every other test must finish in Playwright's 30 s on a busy 2-core
 * machine; a story that needs more calls `test.setTimeout(STORY_BUDGET_MS)` and says why in its
 * name: it is one story, not many checks glued together.
 */
export const STORY_BUDGET_MS = 120_000;

/** The password the browser tests give the members they sign up. */
export const NEW_MEMBER_PASSWORD = "a ladder to a first job";

/** The subjects, in each language, of the mail that confirms a new member's address (decision 054). */
const CONFIRM_SUBJECTS = (["en", "ar", "hi"] as const).map(
  (lang) => (JSON.parse(fs.readFileSync(path.join("app", "locales", lang, "auth.json"), "utf8")) as Record<string, string>)["mail.confirmSubject"],
);

/** The link (its path on this server) and the 6-digit code of the newest confirmation mail to `email`. */
export async function confirmationMail(email: string): Promise<{ path: string; code: string }> {
  const mail = await waitForMail(email, new RegExp(`^(${CONFIRM_SUBJECTS.join("|")})$`));
  const link = /https?:\/\/[^\s/]+(\/signup\/confirm\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  const code = /: (\d{6})\s*$/m.exec(mail.text)?.[1];
  if (!link || !code) throw new Error(`No link or code in the confirmation mail to ${email}: ${mail.text}`);
  return { path: link, code };
}

/**
 * After "Create account": the check-your-inbox page, then the mailed link opened in `page` and its
 * button pressed, which signs the new member in and goes where they were going.
 */
export async function confirmInBrowser(page: Page, email: string): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Check your inbox" })).toBeVisible();
  await page.goto((await confirmationMail(email)).path);
  await page.getByRole("button", { name: "Confirm and sign in" }).click();
}

/**
 * Signs up a new member through /signup in `page`, confirms the address with the mailed link
 * (Ladder then shows their profile) and returns their id, read from the link to their public profile.
 */
export async function signUpNewMember(page: Page, member: { name: string; email: string }): Promise<string> {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(member.name);
  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(NEW_MEMBER_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, member.email);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();
  const id = /href="\/u\/([0-9a-f-]{36})"/.exec(await page.content())?.[1];
  expect(id, "the profile page links to the member's public profile").toBeTruthy();
  return id!;
}

/** The demo accounts' password (db/seed/demo.ts). */
export const DEMO_PASSWORD = "ladder-demo";

/** Signs in through /login in `page`; by default as a demo account. */
export async function signInThroughForm(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page, 10_000);
}

/** The CSRF token of a form page, read with the browser context's own requests (and cookies). */
async function csrfTokenOf(page: Page, path: string): Promise<string> {
  const response = await page.request.get(path);
  const token = /name="csrf" value="([^"]+)"/.exec(await response.text())?.[1];
  if (!token) throw new Error(`No CSRF token on ${path} (it answered ${response.status()})`);
  return token;
}

/**
 * Signs in with the browser context's own HTTP requests, so the session cookie lands in the
 * context and the next `page.goto` is signed in; it does not navigate. For tests whose subject
 * is not signing in: the form itself (twice the page loads, and hydration with JavaScript) is
 * tested by accounts.spec.ts, flows.spec.ts, sessions.spec.ts and password-reset.spec.ts. The
 * "You are signed in." flash is dropped, as a member would have read it on the page after.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await csrfTokenOf(page, "/login");
  const response = await page.request.post("/login", { form: { csrf, email, password, redirectTo: "/" }, maxRedirects: 0 });
  expect(response.status(), `signing in as ${email} answers with a redirect`).toBe(302);
  await page.context().clearCookies({ name: "ladder_flash" });
}

/**
 * Creates a member with the browser context's own HTTP requests (the sign-up form, then the
 * confirmation mail's link; signed in afterwards, like `signIn`; no navigation) and returns their id. Signing up through the form is tested by
 * accounts.spec.ts and flows.spec.ts; `signUpNewMember` does it in the browser.
 */
export async function signUp(page: Page, member: { name: string; email: string }): Promise<string> {
  const csrf = await csrfTokenOf(page, "/signup");
  const response = await page.request.post("/signup", { form: { csrf, ...member, password: NEW_MEMBER_PASSWORD }, maxRedirects: 0 });
  expect(response.status(), `signing up ${member.email} answers with a redirect`).toBe(302);
  // The address is confirmed with the mailed link's button (decision 054), which signs the member in.
  const { path } = await confirmationMail(member.email);
  const confirmed = await page.request.post(path, { form: { csrf: await csrfTokenOf(page, path) }, maxRedirects: 0 });
  expect(confirmed.status(), `confirming ${member.email} answers with a redirect`).toBe(302);
  // Their profile page, which also clears the welcome flash, links to their public profile.
  const id = /href="\/u\/([0-9a-f-]{36})"/.exec(await (await page.request.get("/settings/profile")).text())?.[1];
  expect(id, "the new member's profile page links to their public profile").toBeTruthy();
  return id!;
}

/** The header shows a signed-in member: the link to their profile, with their picture or initials. */
export async function expectSignedIn(page: Page, timeout?: number): Promise<void> {
  await expect(page.getByRole("banner").getByRole("link", { name: /^Your profile/ })).toBeVisible({ timeout });
}

/** Opens the header's menu (a <details>, so this works with JavaScript off) and returns its list of areas. */
export async function openMenu(page: Page): Promise<Locator> {
  const menu = page.getByRole("banner").locator("details.site-menu");
  if (!(await menu.evaluate((details: HTMLDetailsElement) => details.open))) await menu.locator("summary").click();
  const nav = page.getByRole("navigation", { name: "Menu" });
  await expect(nav).toBeVisible();
  return nav;
}

/** Signs out with the menu's Sign out button. */
export async function signOut(page: Page): Promise<void> {
  await openMenu(page);
  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
}

/**
 * Fills the open "Post a job" form (/jobs/new) with a full-time job `title` at Delta Data in the
 * general feed, posts it and returns its link on /jobs/mine.
 */
export async function postJobThroughForm(page: Page, title: string): Promise<string | null> {
  await page.getByLabel("Jobs (general)").check();
  await page.getByLabel("Job title").fill(title);
  await page.getByLabel("Employer").fill("Delta Data");
  await page.getByLabel("Employment type").selectOption("Full-time");
  await page.getByLabel("Description").fill("Build dashboards for a logistics team.");
  await page.getByRole("button", { name: "Post the job" }).click();
  await expect(page).toHaveURL(/\/jobs\/mine$/);
  const jobHref = await page.getByRole("listitem").filter({ hasText: title }).getByRole("link", { name: title, exact: true }).getAttribute("href");
  return jobHref;
}

/**
 * Saves `zone` at /settings/time-zone. With JavaScript, it chooses only once React has hydrated
 * the page (the footer is rendered last), since hydration puts a <select> back to the server's
 * choice and scripts load after the first paint (decision 022). Its waits allow 10 s, as the
 * calendar stories (the first to use it) do.
 */
export async function saveTimeZone(page: Page, zone: string): Promise<void> {
  const patient = expect.configure({ timeout: 10_000 });
  await page.goto("/settings/time-zone");
  if (test.info().project.use.javaScriptEnabled) {
    await patient
      .poll(() => page.evaluate(() => Object.keys([...document.querySelectorAll("footer a")].pop() ?? {}).some((key) => key.startsWith("__reactFiber$"))))
      .toBe(true);
  }
  await page.getByRole("combobox", { name: "Time zone" }).selectOption(zone);
  await page.getByRole("button", { name: "Save time zone" }).click();
  await patient(page.getByRole("status")).toHaveText(`Your time zone is now ${zone}.`);
}
