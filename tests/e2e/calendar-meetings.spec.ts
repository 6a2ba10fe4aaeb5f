/**
 * Issue 13, item 11, JavaScript on and off, with members made for the test: the week starts on
 * the member's chosen day; "find a time" with no shared slot asks the other member by message to
 * add availability; a proposed time is accepted by the other member and then shows on both
 * calendars with its .ics, blocks that time in "find a time", tells the proposer, and can be
 * cancelled by the proposer after a confirmation page, which tells the invitee.
 */
import type { Browser, Page } from "@playwright/test";
import { expect as baseExpect, seriousAxeViolations, test, STORY_BUDGET_MS, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
/** Weeks far ahead, so no slot has passed; other calendar tests use June. */
const WEEK = "2030-07-01";

async function newMember(browser: Browser, javaScriptEnabled: boolean, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const id = await signUp(page, { name, email });
  return { context, page, id };
}

async function addAvailable(page: Page, day: string, start: string, end: string) {
  const form = page.locator("form").filter({ has: page.getByRole("heading", { name: "Add a time" }) });
  await form.getByLabel("Day").selectOption({ label: day });
  await form.getByLabel(/^Start/).selectOption(start);
  await form.getByLabel(/^End/).selectOption(end);
  await form.getByLabel("Available").check();
  await form.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("status")).toHaveText(`Added ${start}–${end} on ${day} (available).`);
}

test("a member who starts the week on Saturday sees Saturday to Friday and adds time on the Saturday", async ({ page, browser, browserErrors, javaScriptEnabled }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  await signUp(page, { name: `Week ${stamp}`, email: `e2e-week-${stamp}@example.com` });
  await page.goto("/calendar");
  await expect(page.getByRole("main")).toContainText("Your week starts on Monday.");
  await page.getByRole("link", { name: "Change the first day" }).click();
  await expect(page).toHaveURL(/\/settings\/time-zone#week-start$/);
  await page.getByRole("radio", { name: "Saturday" }).check();
  await page.getByRole("button", { name: "Save first day" }).click();
  await expect(page.getByRole("status")).toHaveText("Your week now starts on Saturday.");
  await expect(page.getByRole("radio", { name: "Saturday" })).toBeChecked();

  await page.goto(`/calendar?week=${WEEK}`);
  await expect(page.getByRole("heading", { level: 2, name: "Week of Saturday 29 June 2030" })).toBeVisible();
  const days = page.getByRole("list", { name: "Days" }).locator(":scope > li h3");
  await expect(days).toHaveText(["Saturday 29 June", "Sunday 30 June", "Monday 1 July", "Tuesday 2 July", "Wednesday 3 July", "Thursday 4 July", "Friday 5 July"]);
  await addAvailable(page, "Saturday 29 June", "10:00", "12:00");
  await expect(page.getByRole("list", { name: "Saturday 29 June" })).toContainText("10:00–12:00");
  await page.getByRole("link", { name: "Next week" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Week of Saturday 6 July 2030" })).toBeVisible();
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled)).toEqual([]);
  expect(browserErrors).toEqual([]);
});

test("with no shared time a member asks the other to add availability; a proposed time is accepted, shows on both calendars with its .ics and blocks that time, and the proposer cancels it after confirming", async ({ browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const aName = `Amal ${stamp}`;
  const bName = `Basim ${stamp}`;
  const a = await newMember(browser, js, aName, `e2e-meet-a-${stamp}@example.com`);
  const b = await newMember(browser, js, bName, `e2e-meet-b-${stamp}@example.com`);
  a.page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}`));
  b.page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}`));

  await a.page.goto(`/u/${b.id}`);
  await a.page.getByRole("button", { name: `Connect with ${bName}` }).click();
  await expect(a.page.getByRole("status")).toHaveText("Request sent.");
  await b.page.goto("/network");
  await b.page.getByRole("button", { name: `Accept (${aName})` }).click();
  await expect(b.page.getByRole("status")).toHaveText("Request accepted: you are now connected.");

  // Only a has time: no shared slot, so a asks b by message.
  await a.page.goto(`/calendar?week=${WEEK}`);
  await addAvailable(a.page, "Monday 1 July", "09:00", "12:00");
  await a.page.getByRole("link", { name: `Find a time with ${bName}` }).click();
  await expect(a.page.getByRole("main")).toContainText(`${bName} has marked no available time that week.`);
  await a.page.getByRole("button", { name: `Ask ${bName} to add availability` }).click();
  await expect(a.page.getByRole("status")).toHaveText(`Message sent: you asked ${bName} to add the times they are available.`);
  await b.page.goto(`/messages/${a.id}`);
  await expect(b.page.getByRole("main")).toContainText("Could you add the times you are available to your calendar?");

  // b adds time; a proposes the first shared slot.
  await b.page.goto(`/calendar?week=${WEEK}`);
  await addAvailable(b.page, "Monday 1 July", "10:00", "11:00");
  await a.page.goto(`/calendar/find/${b.id}?week=${WEEK}&duration=30`);
  await a.page.getByRole("group", { name: "Monday 1 July" }).getByRole("radio").first().check();
  await a.page.getByRole("button", { name: `Send ${bName} this time` }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(`Proposal sent to ${bName}`);
  await expect(a.page.getByRole("main")).toContainText(`${bName} can accept or decline it`);

  // b accepts from the calendar; the meeting is then on both calendars with its .ics.
  await b.page.goto(`/calendar?week=${WEEK}`);
  const waiting = b.page.getByRole("region", { name: "Meetings waiting for an answer" });
  await expect(waiting).toContainText(`${aName} proposes Monday 1 July`);
  await waiting.getByRole("button", { name: `Accept the meeting with ${aName}, Monday 1 July` }).click();
  await expect(b.page.getByRole("status")).toHaveText(`You accepted the meeting with ${aName}. It is on both your calendars.`);
  await expect(b.page.getByRole("main")).toContainText("Accepted: it is on both calendars");
  const meetingPath = new URL(b.page.url()).pathname;
  await b.page.getByRole("link", { name: "Your calendar for that week" }).click();
  const hers = b.page.getByRole("list", { name: "Meetings on Monday 1 July" });
  await expect(hers).toContainText(`Meeting with ${aName}`);
  const [download] = await Promise.all([b.page.waitForEvent("download"), hers.getByRole("link", { name: `.ics file of the meeting with ${aName}` }).click()]);
  expect(download.suggestedFilename()).toBe("ladder-meeting.ics");
  await a.page.goto(`/calendar?week=${WEEK}`);
  await expect(a.page.getByRole("list", { name: "Meetings on Monday 1 July" })).toContainText(`Meeting with ${bName}`);
  await expect(a.page.getByRole("region", { name: "Meetings waiting for an answer" })).toHaveCount(0);

  // The accepted meeting is busy time: only the half hour after it is still offered.
  await a.page.goto(`/calendar/find/${b.id}?week=${WEEK}&duration=30`);
  await expect(a.page.getByRole("group", { name: "Monday 1 July" }).getByRole("radio")).toHaveCount(1);
  await a.page.goto("/notifications");
  await expect(a.page.getByRole("main")).toContainText(`${bName} accepted the meeting you proposed.`);

  // a cancels it after confirming; b is told, and it leaves both calendars.
  await a.page.goto(meetingPath);
  await a.page.getByRole("link", { name: "Cancel the meeting" }).click();
  await expect(a.page.getByRole("heading", { level: 1 })).toHaveText(`Cancel the meeting with ${bName}?`);
  await a.page.getByRole("link", { name: "Keep the meeting" }).click();
  await expect(a.page).toHaveURL(new RegExp(`${meetingPath}$`));
  await a.page.getByRole("link", { name: "Cancel the meeting" }).click();
  await a.page.getByRole("button", { name: "Cancel the meeting" }).click();
  await expect(a.page.getByRole("status")).toHaveText(`You cancelled the meeting with ${bName}. ${bName} is told, and the time is free again.`);
  await expect(a.page.getByRole("main")).toContainText("Cancelled");
  await expect(a.page.getByRole("link", { name: "Cancel the meeting" })).toHaveCount(0);
  await b.page.goto("/notifications");
  await expect(b.page.getByRole("main")).toContainText(`${aName} cancelled your meeting.`);
  await b.page.goto(`/calendar?week=${WEEK}`);
  await expect(b.page.getByRole("list", { name: "Meetings on Monday 1 July" })).toHaveCount(0);

  await a.context.close();
  await b.context.close();
  expect(browserErrors).toEqual([]);
});
