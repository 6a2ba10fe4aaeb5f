/**
 * Calendar, time zone and find-a-time, JavaScript on and off, with members made for the test:
 * set a time zone, add blocks, an overlap refused, remove, copy last week; then two new members
 * connect, find a time, send the proposal (it lands in the other's conversation) and download
 * the .ics; finding a time with someone who is not a connection is refused.
 */
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, expectSignedIn, saveTimeZone, test, STORY_BUDGET_MS, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
/** Weeks far ahead, so no slot has passed and no demo data is touched. */
const WEEK = "2030-06-10";
const NEXT_WEEK = "2030-06-17";

const signUpAs = (page: Page, name: string, email: string) => signUp(page, { name, email });

async function addBlock(page: Page, day: string, start: string, end: string, kind: "Available" | "Blocked") {
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Add a time" }) });
  await form.getByLabel("Day").selectOption({ label: day });
  await form.getByLabel(/^Start/).selectOption(start);
  await form.getByLabel(/^End/).selectOption(end);
  await form.getByLabel(kind).check();
  await form.getByRole("button", { name: "Add" }).click();
}

async function newMember(browser: Browser, javaScriptEnabled: boolean, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const id = await signUpAs(page, name, email);
  return { context, page, id };
}

test("a member sets a time zone, adds blocks, is refused an overlap, removes one and copies last week", async ({ page, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  await signUpAs(page, `Samir ${stamp}`, `e2e-calendar-${stamp}@example.com`);

  await page.goto("/calendar");
  await expect(page.getByRole("heading", { level: 1, name: "Your calendar" })).toBeVisible();
  await page.getByRole("link", { name: "Set your time zone" }).click();
  await saveTimeZone(page, "Asia/Kolkata");

  await page.goto(`/calendar?week=${WEEK}`);
  await expect(page.getByRole("main")).toContainText("Times are in Asia/Kolkata.");
  await addBlock(page, "Monday 10 June", "09:00", "12:00", "Available");
  await expect(page.getByRole("status")).toHaveText("Added 09:00–12:00 on Monday 10 June (available).");
  await expect(page.getByRole("list", { name: "Monday 10 June" })).toContainText("09:00–12:00 GMT+5:30 · Available");

  // An overlap is refused beside the field, with what was chosen kept.
  await addBlock(page, "Monday 10 June", "11:00", "13:00", "Blocked");
  await expect(page.getByRole("alert")).toContainText("This overlaps 09:00–12:00 (available) on Monday 10 June.");
  await expect(page.getByLabel(/^Start/)).toHaveValue("11:00");
  await expect(page.getByLabel(/^End/)).toHaveValue("13:00");
  await expect(page.getByLabel("Blocked")).toBeChecked();
  await expect(page.getByRole("list", { name: "Monday 10 June" }).getByRole("listitem")).toHaveCount(1);

  // Touching is fine.
  await addBlock(page, "Monday 10 June", "12:00", "13:00", "Blocked");
  await expect(page.getByRole("status")).toHaveText("Added 12:00–13:00 on Monday 10 June (blocked).");
  await addBlock(page, "Wednesday 12 June", "18:00", "24:00", "Blocked");
  await expect(page.getByRole("status")).toHaveText("Added 18:00–24:00 on Wednesday 12 June (blocked).");

  await page.getByRole("button", { name: "Remove 12:00–13:00 Monday 10 June" }).click();
  await expect(page.getByRole("status")).toHaveText("Removed 12:00–13:00 Monday 10 June.");
  await expect(page.getByRole("heading", { level: 2, name: "Week of Monday 10 June 2030" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Monday 10 June" }).getByRole("listitem")).toHaveCount(1);

  await page.getByRole("link", { name: "Next week" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Week of Monday 17 June 2030" })).toBeVisible();
  await page.getByRole("button", { name: "Copy last week's blocks" }).click();
  await expect(page.getByRole("status")).toHaveText("Copied 2 blocks from last week.");
  await expect(page).toHaveURL(new RegExp(`week=${NEXT_WEEK}`));
  await expect(page.getByRole("list", { name: "Monday 17 June" })).toContainText("09:00–12:00 GMT+5:30 · Available");
  await expect(page.getByRole("list", { name: "Wednesday 19 June" })).toContainText("18:00–24:00 GMT+5:30 · Blocked");
  await page.getByRole("button", { name: "Copy last week's blocks" }).click();
  await expect(page.getByRole("alert")).toContainText("This week already has blocks, so last week was not copied.");

  expect(browserErrors).toEqual([]);
});

test("two connections find a time, the proposal reaches the other's conversation with an .ics, and a non-connection is refused", async ({ browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const aName = `Aditi ${stamp}`;
  const bName = `Bilal ${stamp}`;
  const a = await newMember(browser, js, aName, `e2e-find-a-${stamp}@example.com`);
  const b = await newMember(browser, js, bName, `e2e-find-b-${stamp}@example.com`);
  a.page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}`));

  // Not connected yet: refused, with a way to their profile.
  await a.page.goto(`/calendar/find/${b.id}`);
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText("You do not have access to this page");
  await expect(a.page.getByRole("main")).toContainText("You can find a time only with your connections.");
  await a.page.getByRole("link", { name: "Open their profile" }).click();
  await expect(a.page.getByRole("heading", { level: 1, name: bName })).toBeVisible();

  // Connect: a asks from b's profile, b accepts.
  await a.page.getByRole("button", { name: `Connect with ${bName}` }).click();
  await expect(a.page.getByRole("status")).toHaveText("Request sent.");
  await b.page.goto("/network");
  await b.page.getByRole("button", { name: `Accept (${aName})` }).click();
  await expect(b.page.getByRole("status")).toHaveText("Request accepted: you are now connected.");

  // a is in Kolkata, free Monday 14:00–18:00; b in London (GMT+1 in June), free 09:00–12:00.
  await saveTimeZone(a.page, "Asia/Kolkata");
  await a.page.goto(`/calendar?week=${WEEK}`);
  await addBlock(a.page, "Monday 10 June", "14:00", "18:00", "Available");
  await expect(a.page.getByRole("status")).toHaveText("Added 14:00–18:00 on Monday 10 June (available).");
  await saveTimeZone(b.page, "Europe/London");
  await b.page.goto(`/calendar?week=${WEEK}`);
  await addBlock(b.page, "Monday 10 June", "09:00", "12:00", "Available");
  await expect(b.page.getByRole("status")).toHaveText("Added 09:00–12:00 on Monday 10 June (available).");

  // From a's calendar to the find-a-time page of b.
  await a.page.goto(`/calendar?week=${WEEK}`);
  await a.page.getByRole("link", { name: `Find a time with ${bName}` }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(`Find a time with ${bName}`);
  const main = a.page.getByRole("main");
  await expect(main).toContainText(`${bName}'s time zone: Europe/London.`);
  await expect(main).toContainText("5 times when you are both free for 30 minutes");
  const monday = a.page.getByRole("group", { name: "Monday 10 June" });
  await expect(monday.getByRole("radio")).toHaveCount(5);
  await monday.getByLabel("15:00–15:30 GMT+5:30").check();
  await a.page.getByRole("button", { name: `Send ${bName} this time` }).click();

  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(`Proposal sent to ${bName}`);
  await expect(main).toContainText("Monday 10 June 2030, 15:00–15:30 (Asia/Kolkata, GMT+5:30)");
  await expect(main).toContainText("Your time: Monday 10 June 2030, 10:30–11:00 (Europe/London, GMT+1).");

  // The .ics file: the browser downloads it.
  const downloadLink = a.page.getByRole("link", { name: "Download the calendar file (.ics)" });
  const [download] = await Promise.all([a.page.waitForEvent("download"), downloadLink.click()]);
  expect(download.suggestedFilename()).toBe("ladder-meeting.ics");
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("DTSTART:20300610T093000Z\r\n");
  expect(ics).toContain("DTEND:20300610T100000Z\r\n");
  expect(ics).toContain(`SUMMARY:Ladder: ${aName} and ${bName}\r\n`);

  // b reads the proposal in the conversation with a.
  await b.page.goto(`/messages/${a.id}`);
  await expect(b.page.getByRole("main")).toContainText(`Hello ${bName}, could we meet for 30 minutes?`);
  await expect(b.page.getByRole("main")).toContainText("Your time: Monday 10 June 2030, 10:30–11:00 (Europe/London, GMT+1).");

  // The same time again is no longer offered as free? It still is (a proposal books nothing); a
  // stale form for a time b has since blocked is refused.
  await a.page.goto(`/calendar/find/${b.id}?week=${WEEK}&duration=30`);
  await a.page.getByRole("group", { name: "Monday 10 June" }).getByLabel("14:00–14:30 GMT+5:30").check();
  await b.page.goto(`/calendar?week=${WEEK}`);
  await b.page.getByRole("button", { name: "Remove 09:00–12:00 Monday 10 June" }).click();
  await expect(b.page.getByRole("status")).toHaveText("Removed 09:00–12:00 Monday 10 June.");
  await a.page.getByRole("button", { name: `Send ${bName} this time` }).click();
  await expect(a.page.getByRole("alert")).toContainText("That time is no longer free for both of you");
  await expect(a.page.getByRole("main")).toContainText(`${bName} has marked no available time that week.`);

  await a.context.close();
  await b.context.close();
  expect(browserErrors).toEqual([]);
});

test("a member who never chose a zone is told it is a guess from the browser's language; with JavaScript the browser's own zone is preselected", async ({ browser }, testInfo) => {
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  // The language says Egypt; the browser's clock says Kolkata.
  const context = await browser.newContext({ javaScriptEnabled: js, locale: "en-EG", timezoneId: "Asia/Kolkata" });
  const page = await context.newPage();
  await signUpAs(page, `Hoda ${stamp}`, `e2e-tz-${stamp}@example.com`);
  await page.goto("/calendar");
  await expect(page.getByRole("main")).toContainText("Times are in Africa/Cairo, a guess from your browser's language settings.");
  await page.getByRole("link", { name: "Set your time zone" }).click();
  await expect(page.getByRole("main")).toContainText("You have not chosen a time zone. Ladder uses Africa/Cairo");
  const select = page.getByRole("combobox", { name: "Time zone" });
  await expect(select).toHaveValue(js ? "Asia/Kolkata" : "Africa/Cairo");
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByRole("status")).toHaveText(`Your time zone is now ${js ? "Asia/Kolkata" : "Africa/Cairo"}.`);
  await context.close();
});

test("the calendar, its time-zone page and find-a-time fit a 320 px wide screen", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/login");
  await page.getByLabel("Email").fill("user@demo.test");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page);
  await page.goto("/calendar");
  const find = await page.getByRole("link", { name: /^Find a time with / }).first().getAttribute("href");
  for (const path of ["/calendar", "/settings/time-zone", find!]) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(320);
  }
  await page.goto("/calendar");
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Add a time" }) });
  await form.getByLabel(/^Start/).selectOption("10:00");
  await form.getByLabel(/^End/).selectOption("09:00");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("alert")).toContainText("The end (09:00) must be after the start (10:00).");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});
