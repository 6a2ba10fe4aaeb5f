/**
 * The header on a phone and on a wide screen, JavaScript on and off: one row of at most 64 px at
 * 360 px, a Menu that opens and navigates without JavaScript and lists only what the member can
 * open (Admin for admins, Review with its count for the career team, Hiring for recruiters), and
 * unread badges for messages and notifications that show and clear.
 */
import type { Browser, Page } from "@playwright/test";
import { axeFor, expect as baseExpect, expectSignedIn, hasHydrated, openMenu, seriousAxeViolations, signUpNewMember, test, STORY_BUDGET_MS, signIn, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
const PHONE = { width: 360, height: 740 };

const randomAddress = () => `10.${150 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** A page in a browser of its own (its own cookies and address), JavaScript as the project has it. */
async function newBrowserPage(browser: Browser, javaScriptEnabled: boolean, viewport = PHONE): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, viewport, extraHTTPHeaders: { "X-Forwarded-For": randomAddress() } });
  return context.newPage();
}

const banner = (page: Page) => page.getByRole("banner");
const menuDetails = (page: Page) => banner(page).locator("details.site-menu");
const isMenuOpen = (page: Page) => menuDetails(page).evaluate((details: HTMLDetailsElement) => details.open);

test.describe("on a 360 px wide phone", () => {
  test.use({ viewport: PHONE });

  test("a visitor opens the menu and follows its links to an area and back home", async ({ page, javaScriptEnabled, browserErrors }) => {
    await page.goto("/");
    if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
    await expect(banner(page).getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
    await expect(banner(page).getByRole("link", { name: "Join", exact: true })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();

    const menu = await openMenu(page);
    // A visitor is offered only what opens for them: no member area sends them to sign in.
    await expect(menu.getByRole("link", { name: "Jobs", exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Skills", exact: true })).toBeVisible();
    await expect(menu.getByRole("link", { name: "Coach", exact: true })).toHaveCount(0);
    await menu.getByRole("link", { name: "Jobs", exact: true }).click();
    await expect(page).toHaveURL("/jobs");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Jobs");
    // The next page starts with the menu closed, with or without JavaScript.
    await expect.poll(() => isMenuOpen(page)).toBe(false);

    await (await openMenu(page)).getByRole("link", { name: "Skills", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skills");
    // The daily interview (issue 19) tells a visitor what it is.
    await (await openMenu(page)).getByRole("link", { name: "Interviews", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daily interview");
    await banner(page).getByRole("link", { name: "Ladder", exact: true }).click();
    await expect(page).toHaveURL("/");
    expect(browserErrors).toEqual([]);
  });

  test("a signed-in member's header is one row at most 64 px tall, with every target at least 44 px", async ({ page, browser, javaScriptEnabled }) => {
    await signIn(page, "user@demo.test");
    await page.goto("/jobs");
    if (javaScriptEnabled) await expect.poll(() => hasHydrated(page)).toBe(true);
    const box = await banner(page).boundingBox();
    expect(box!.height, "the header's height").toBeLessThanOrEqual(64);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    const targets = [
      banner(page).getByRole("link", { name: "Ladder", exact: true }),
      banner(page).getByRole("link", { name: /^Messages/ }),
      banner(page).getByRole("link", { name: /^Notifications/ }),
      banner(page).getByRole("link", { name: /^Your profile/ }),
      menuDetails(page).locator("summary"),
    ];
    for (const target of targets) {
      const size = await target.boundingBox();
      expect(size, String(target)).not.toBeNull();
      expect(size!.height, `${target} is 44 px tall`).toBeGreaterThanOrEqual(44);
      expect(size!.width, `${target} is 44 px wide`).toBeGreaterThanOrEqual(44);
      // One row: every item sits inside the header's box.
      expect(size!.y + size!.height, `${target} is inside the header`).toBeLessThanOrEqual(box!.y + box!.height);
    }

    // Open, every link and button of the menu is a 44 px tall target too.
    const menu = await openMenu(page);
    const menuTargets = menuDetails(page).locator("a, button");
    for (let i = 0; i < (await menuTargets.count()); i++) {
      const size = await menuTargets.nth(i).boundingBox();
      expect(size!.height, await menuTargets.nth(i).innerText()).toBeGreaterThanOrEqual(44);
    }
    await expect(menu.getByRole("link", { name: "Applications", exact: true })).toBeVisible();
    expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "axe on the page").toEqual([]);
  });

  test("with JavaScript the open menu passes axe's WCAG 2.2 AA checks and closes with Escape or a tap elsewhere @js-on-only", async ({ page }) => {
    await signIn(page, "user@demo.test");
    await page.goto("/");
    await expect.poll(() => hasHydrated(page)).toBe(true);
    await openMenu(page);
    const results = await axeFor(page).include("header").analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    await page.keyboard.press("Escape");
    await expect.poll(() => isMenuOpen(page)).toBe(false);
    await expect(menuDetails(page).locator("summary")).toBeFocused();
    await openMenu(page);
    // The footer's corner: below the open menu, and nothing there to press.
    await page.getByRole("contentinfo").click({ position: { x: 2, y: 2 } });
    await expect.poll(() => isMenuOpen(page)).toBe(false);
  });
});

const ROLE_MENUS = [
  { who: "a job seeker", email: "user@demo.test", sees: ["People", "Documents", "Applications"], doesNotSee: ["Hiring", "Review", "Admin"], opens: "Your applications" },
  { who: "a recruiter", email: "recruiter@demo.test", sees: ["People", "Applications", "Documents", "Hiring"], doesNotSee: ["Review", "Admin"], opens: "Hiring" },
  { who: "an admin", email: "admin@demo.test", sees: ["People", "Hiring", "Admin"], doesNotSee: [], opens: "Admin" },
];

for (const { who, email, sees, doesNotSee, opens } of ROLE_MENUS) {
  const not = doesNotSee.length ? ` and not ${doesNotSee.join(", ")}` : "";
  test(`the menu of ${who} lists ${sees.join(", ")}${not}, and its last area opens for them`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signIn(page, email);
    await page.goto("/");
    const menu = await openMenu(page);
    for (const label of sees) await expect(menu.getByRole("link", { name: label, exact: true }), label).toBeVisible();
    for (const label of doesNotSee) await expect(menu.getByRole("link", { name: new RegExp(`^${label}`) }), label).toHaveCount(0);
    await menu.getByRole("link", { name: sees[sees.length - 1], exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(opens);
  });
}

test("the career team sees Review in the menu with the number of posts waiting, as many as the queue lists", async ({ browser, javaScriptEnabled }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  // A new member's post waits for review, so the count is at least 1.
  const poster = await newBrowserPage(browser, javaScriptEnabled, { width: 1280, height: 720 });
  const stamp = `${testInfo.project.name} ${Date.now().toString(36)}`;
  await signUp(poster, { name: `Rana ${stamp}`, email: `e2e-shell-${testInfo.project.name}-${Date.now().toString(36)}@example.com` });
  await poster.goto("/jobs/new");
  await poster.getByLabel("Jobs (general)").check();
  await poster.getByLabel("Job title").fill(`Shell test analyst ${stamp}`);
  await poster.getByLabel("Employer").fill("Nile Analytics");
  await poster.getByLabel("Employment type").selectOption("Full-time");
  await poster.getByLabel("Description").fill("Clean and chart sales data.");
  await poster.getByRole("button", { name: "Post the job" }).click();
  await expect(poster.getByRole("status")).toContainText("The career team will review it");
  await poster.context().close();

  const career = await newBrowserPage(browser, javaScriptEnabled);
  await signIn(career, "career@demo.test");
  // Other tests post and decide at the same time: look until the menu and the queue agree.
  await expect
    .poll(
      async () => {
        await career.goto("/jobs/review");
        const review = (await openMenu(career)).getByRole("link", { name: /^Review/ });
        const shown = Number(/(\d+)/.exec((await review.textContent()) ?? "")?.[1] ?? 0);
        const listed = await career.getByRole("list", { name: "Posts waiting for review" }).getByRole("listitem").count();
        const more = await career.getByRole("link", { name: "More posts" }).count();
        return shown >= 1 && more === 0 && shown === listed;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  await expect((await openMenu(career)).getByRole("link", { name: /^Review \d+ waiting$/ })).toBeVisible();
  await career.context().close();
});

test("unread message and notification badges show in the header and clear once read", async ({ browser, javaScriptEnabled }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const a = await newBrowserPage(browser, javaScriptEnabled);
  const b = await newBrowserPage(browser, javaScriptEnabled);
  const nameA = `Amira ${stamp}`;
  const nameB = `Bilal ${stamp}`;
  const idA = await signUpNewMember(a, { name: nameA, email: `e2e-shell-a-${stamp}@example.com` });
  await signUpNewMember(b, { name: nameB, email: `e2e-shell-b-${stamp}@example.com` });
  await expect(banner(a).getByRole("link", { name: "Messages", exact: true })).toBeVisible();
  await expect(banner(a).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // A asks B to connect; B accepts (A is notified) and writes to A.
  await a.goto(`/people?q=${encodeURIComponent(nameB)}`);
  await a.getByRole("button", { name: `Connect with ${nameB}` }).click();
  await expect(a.getByRole("status")).toHaveText("Request sent.");
  await b.goto("/network");
  await b.getByRole("button", { name: `Accept (${nameA})` }).click();
  await expect(b.getByRole("status")).toHaveText("Request accepted: you are now connected.");
  await b.goto(`/messages/${idA}`);
  await b.getByLabel("Message", { exact: true }).fill("Hello from the shell test.");
  await b.getByRole("button", { name: "Send" }).click();
  await expect(b.getByRole("main")).toContainText("Hello from the shell test.");

  await a.goto("/jobs");
  await expect(banner(a).getByRole("link", { name: "Messages 1 unread", exact: true })).toBeVisible();
  await expect(banner(a).getByRole("link", { name: "Notifications 1 unread", exact: true })).toBeVisible();
  await expectSignedIn(a);

  // Reading the conversation clears the messages badge on the next page.
  await banner(a).getByRole("link", { name: "Messages 1 unread" }).click();
  await a.getByRole("link", { name: new RegExp(nameB) }).first().click();
  // The list shows the message too: wait for the conversation itself, whose loader marks it read
  // (clicking on before it has loaded would cancel that navigation).
  await expect(a).toHaveURL(/\/messages\/[0-9a-f-]{36}/);
  await expect(a.getByRole("main")).toContainText("Hello from the shell test.");
  await banner(a).getByRole("link", { name: "Ladder", exact: true }).click();
  await expect(a).toHaveURL("/");
  await expect(banner(a).getByRole("link", { name: "Messages", exact: true })).toBeVisible();
  await expect(banner(a).getByRole("link", { name: "Notifications 1 unread", exact: true })).toBeVisible();

  // Marking the notifications read clears their badge.
  await banner(a).getByRole("link", { name: "Notifications 1 unread" }).click();
  await a.getByRole("button", { name: "Mark all as read" }).click();
  await expect(a.getByRole("status")).toHaveText("All notifications marked as read.");
  await expect(banner(a).getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await a.context().close();
  await b.context().close();
});
