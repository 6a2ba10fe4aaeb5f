/**
 * Direct messages, JavaScript on and off: two new members connect, write to each other, see
 * and clear the unread count, page back through "Older messages"; a message to a stranger and
 * an over-long message are refused. With JavaScript, sending keeps the page and the other
 * person's reply appears without a reload.
 */
import type { Browser, Page } from "@playwright/test";
import { userId } from "../../db/seed/demo";
import { expect as baseExpect, saveTimeZone, seriousAxeViolations, signUp, test, STORY_BUDGET_MS } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

/** Console errors and page errors of the browsers a test opens (intended 400 and 403 answers aside). */
const errors: string[] = [];
test.beforeEach(() => {
  errors.length = 0;
});

async function newMemberPage(browser: Browser, javaScriptEnabled: boolean, name: string, email: string): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "X-Forwarded-For": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  page.on("console", (message) => {
    const intended = /Failed to load resource: the server responded with a status of (400|403)/.test(message.text());
    if (message.type() === "error" && !intended) errors.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  await signUp(page, { name, email });
  return page;
}

/** Two fresh members, connected through the real pages (request, then accept). */
async function connectedPair(browser: Browser, javaScriptEnabled: boolean, label: string) {
  const stamp = `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const nameA = `Amal ${stamp}`;
  const nameB = `Basim ${stamp}`;
  const a = await newMemberPage(browser, javaScriptEnabled, nameA, `e2e-msg-a-${stamp}@example.com`);
  const b = await newMemberPage(browser, javaScriptEnabled, nameB, `e2e-msg-b-${stamp}@example.com`);
  await a.goto(`/people?q=${encodeURIComponent(nameB)}`);
  await a.getByRole("button", { name: `Connect with ${nameB}` }).click();
  await expect(a.getByRole("status")).toHaveText("Request sent.");
  await b.goto("/network");
  await b.getByRole("button", { name: `Accept (${nameA})` }).click();
  await expect(b.getByRole("status")).toHaveText("Request accepted: you are now connected.");
  return { a, b, nameA, nameB };
}

async function send(page: Page, text: string) {
  await page.getByLabel("Message", { exact: true }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

test("two connected members write to each other, the unread count shows and clears, and older messages are a link away", async ({ browser, javaScriptEnabled }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const { a, b, nameA, nameB } = await connectedPair(browser, javaScriptEnabled, "x");

  // A opens the conversation from the network page and writes two lines.
  await a.goto("/network");
  await a.getByRole("link", { name: `Message ${nameB}` }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText(`Conversation with ${nameB}`);
  await expect(a.getByRole("main")).toContainText(`No messages yet. Say hello to ${nameB}.`);
  await send(a, "Salam Basim!\nAre you going to the Amman career fair?");
  const conversation = a.getByRole("list", { name: `Messages with ${nameB}` });
  await expect(conversation.getByRole("listitem").last()).toContainText("Are you going to the Amman career fair?");
  await expect(a.getByLabel("Message", { exact: true })).toHaveValue("");

  // B sees one unread conversation, opens it, and the count is gone.
  await b.goto("/messages");
  const row = b.getByRole("listitem").filter({ hasText: nameA });
  await expect(row).toContainText("1 unread");
  await expect(row).toContainText("Salam Basim! Are you going to the Amman career fair?");
  await b.getByRole("link", { name: new RegExp(`^${nameA}`) }).click();
  await expect(b.getByRole("list", { name: `Messages with ${nameA}` })).toContainText("Are you going to the Amman career fair?");
  await expect(b.getByRole("list", { name: `Messages with ${nameA}` }).getByText("New")).toBeVisible();
  const bPath = new URL(b.url()).pathname;
  await b.goto("/messages");
  await expect(b.getByRole("listitem").filter({ hasText: nameA })).not.toContainText("unread");

  // 35 more messages (sent over HTTP with the page's own CSRF token, as the form would), then page back.
  const csrf = await b.locator('input[name="csrf"]').first().getAttribute("value");
  expect(csrf).toBeTruthy();
  for (let i = 1; i <= 35; i++) {
    const res = await b.request.post(bPath, { form: { csrf: csrf!, message: `Numbered line ${i}` }, maxRedirects: 0 });
    expect(res.status()).toBe(302);
  }
  await b.goto(bPath);
  const list = b.getByRole("list", { name: `Messages with ${nameA}` });
  await expect(list.getByRole("listitem")).toHaveCount(30);
  await expect(list.getByRole("listitem").last()).toContainText("Numbered line 35");
  await expect(list).not.toContainText("Are you going to the Amman career fair?");
  await b.getByRole("link", { name: "Older messages" }).click();
  await expect(list.getByRole("listitem").first()).toContainText("Are you going to the Amman career fair?");
  await expect(list.getByRole("listitem").last()).toContainText("Numbered line 5");
  await expect(b.getByRole("main")).toContainText("This is the start of your conversation.");
  await b.getByRole("link", { name: "Newest messages" }).click();
  await expect(list.getByRole("listitem").last()).toContainText("Numbered line 35");

  await a.context().close();
  await b.context().close();
  expect(errors).toEqual([]);
});

test("a message to a stranger is refused with a way to their profile, and an over-long message is refused with the text kept", async ({ browser, javaScriptEnabled }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const { a, nameB } = await connectedPair(browser, javaScriptEnabled, "y");

  // The demo job seeker is a stranger to this new member.
  const stranger = userId(0);
  const response = await a.goto(`/messages/${stranger}`);
  expect(response?.status()).toBe(403);
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("You can message only your connections");
  await expect(a.getByRole("link", { name: /’s profile$/ })).toHaveAttribute("href", `/u/${stranger}`);
  await a.getByRole("link", { name: "Back to your messages" }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText("Messages");

  await a.goto("/network");
  await a.getByRole("link", { name: `Message ${nameB}` }).click();
  const long = "ا".repeat(5_000) + "!";
  await send(a, long);
  await expect(a.getByText("Your message has 5,001 characters, 1 over the limit of 5,000.")).toBeVisible();
  await expect(a.getByLabel("Message", { exact: true })).toHaveValue(long);
  await expect(a.getByLabel("Message", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(a.getByRole("main")).toContainText(`No messages yet. Say hello to ${nameB}.`);

  await a.context().close();
  expect(errors).toEqual([]);
});

test("@js-on-only sending keeps the page, and the other person's reply appears without a reload", async ({ browser }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const { a, b, nameA, nameB } = await connectedPair(browser, true, "z");
  await a.goto("/network");
  await a.getByRole("link", { name: `Message ${nameB}` }).click();
  await expect(a.getByRole("heading", { level: 1 })).toHaveText(`Conversation with ${nameB}`);
  await expect.poll(() => a.evaluate(() => typeof (window as unknown as { __remixRouter?: unknown }).__remixRouter !== "undefined")).toBe(true);
  await a.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  await send(a, "Sent without a reload");
  await expect(a.getByRole("list", { name: `Messages with ${nameB}` })).toContainText("Sent without a reload");
  await expect(a.getByLabel("Message", { exact: true })).toHaveValue("");

  await b.goto("/messages");
  await b.getByRole("link", { name: new RegExp(`^${nameA}`) }).click();
  await expect(b.getByRole("list", { name: `Messages with ${nameA}` })).toContainText("Sent without a reload");
  await send(b, "And this reply arrives by itself");

  // A's page polls every 5 seconds while visible.
  await expect(a.getByRole("list", { name: `Messages with ${nameB}` })).toContainText("And this reply arrives by itself", { timeout: 20_000 });
  expect(await a.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

  // Both pages, with messages in them, have no serious accessibility problem.
  expect(await seriousAxeViolations(a, browser, true), "axe on the conversation").toEqual([]);
  await a.goto("/messages");
  expect(await seriousAxeViolations(a, browser, true), "axe on /messages").toEqual([]);

  await a.context().close();
  await b.context().close();
  expect(errors).toEqual([]);
});

/** Minutes after midnight of the "HH:MM" in a message's time line. */
function clockMinutes(line: string): number {
  const match = /, (\d{2}):(\d{2}) /.exec(line);
  expect(match, `a time in "${line}"`).toBeTruthy();
  return Number(match![1]) * 60 + Number(match![2]);
}

test("each member reads message times in their own time zone, with the zone named", async ({ browser, javaScriptEnabled }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const { a, b, nameA, nameB } = await connectedPair(browser, javaScriptEnabled, "t");
  // A lives in India; B never chose a zone and their browser's language (en-US) names none, so UTC.
  await saveTimeZone(a, "Asia/Kolkata");
  await a.goto("/network");
  await a.getByRole("link", { name: `Message ${nameB}` }).click();
  await send(a, "What time is it where you are?");
  const mine = a.getByRole("list", { name: `Messages with ${nameB}` }).getByRole("listitem").last();
  await expect(mine).toContainText("What time is it where you are?");
  await expect(mine).toContainText(/\d{1,2} \w{3} \d{4}, \d{2}:\d{2} Asia\/Kolkata \(GMT\+5:30\)/);
  await expect(mine).not.toContainText("UTC");

  await b.goto("/messages");
  const row = b.getByRole("listitem").filter({ hasText: nameA });
  await expect(row).toContainText(/\d{2}:\d{2} UTC/);
  await b.getByRole("link", { name: new RegExp(`^${nameA}`) }).click();
  const theirs = b.getByRole("list", { name: `Messages with ${nameA}` }).getByRole("listitem").last();
  await expect(theirs).toContainText(/\d{2}:\d{2} UTC/);

  // The same moment: A's clock is 5 h 30 min ahead of B's.
  const aLine = (await mine.locator("p").first().textContent()) ?? "";
  const bLine = (await theirs.locator("p").first().textContent()) ?? "";
  expect((clockMinutes(aLine) - clockMinutes(bLine) + 24 * 60) % (24 * 60)).toBe(5 * 60 + 30);

  await a.context().close();
  await b.context().close();
  expect(errors).toEqual([]);
});
