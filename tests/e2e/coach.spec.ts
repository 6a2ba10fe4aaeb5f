/**
 * The AI career coach in a real browser, JavaScript on and off, against the OpenAI-compatible
 * mock (tests/support/openai-mock.ts): start a chat, send, read the reply (streamed with
 * JavaScript, with a working Stop), a provider error and Retry, the daily quota, and a reply
 * full of HTML and javascript: links that stays inert. Each test signs up its own member.
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect as baseExpect, test, STORY_BUDGET_MS, signUp, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function newMember(page: Page, testInfo: TestInfo, label: string) {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, { name: `Coachee ${label} ${stamp}`, email: `e2e-coach-${label}-${stamp}@example.com` });
  return stamp;
}

async function startChat(page: Page, message: string) {
  await page.goto("/coach");
  await page.getByLabel("Your message").fill(message);
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}#[0-9a-f-]{36}$/);
}

const messages = (page: Page) => page.getByRole("list", { name: "Messages" });

test("a member starts a chat, reads the coach's reply and sends another message", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "chat");
  await page.goto("/coach");
  await expect(page.getByText("7 of 7 left today")).toBeVisible();
  await expect(page.getByText("No chats yet. Start one above.")).toBeVisible();

  await startChat(page, "How do I prepare for interviews?\nI have one next week.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How do I prepare for interviews?");
  await expect(messages(page)).toContainText("Coach reply to: How do I prepare for interviews? I have one next week.");
  await expect(page.getByText("6 of 7 left today")).toBeVisible();

  await page.getByLabel("Your message").fill("And what about salary talks?");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(messages(page)).toContainText("Coach reply to: And what about salary talks?");
  await expect(page.getByText("5 of 7 left today")).toBeVisible();
  await expect(messages(page).locator(":scope > li")).toHaveCount(4);

  await page.goto("/coach");
  await expect(page.getByRole("link", { name: "How do I prepare for interviews?" })).toBeVisible();
  expect(browserErrors).toEqual([]);
});

test("a coach reply with a list shows it as a list, with visible bullets", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "list");
  await startChat(page, "Give me a plan for this week");
  // The mock's reply ends with a two-item Markdown list.
  const item = messages(page).locator("ul > li").filter({ hasText: "write down your goal" });
  await expect(item).toBeVisible();
  const look = await item.evaluate((li) => {
    const list = getComputedStyle(li.parentElement!);
    return { display: getComputedStyle(li).display, marker: list.listStyleType, position: list.listStylePosition, indent: list.paddingLeft };
  });
  expect(look).toEqual({ display: "list-item", marker: "disc", position: "outside", indent: "24px" });
  expect(browserErrors).toEqual([]);
});

test("the reply streams into the page as it is written and Stop keeps what was written @js-on-only", async ({ page, browserErrors }, testInfo) => {
  // Budget: a loaded server can take many seconds to notice the closed request; the page keeps looking for a minute.
  test.setTimeout(90_000);
  await newMember(page, testInfo, "stream");
  await startChat(page, "Hello coach");
  // A Send before hydration posts without JavaScript (no stream; it failed so on a loaded machine).
  await waitForHydration(page);
  await page.getByLabel("Your message").fill("[[slow]] Tell me everything");
  await page.getByRole("button", { name: "Send" }).click();
  // The words arrive one by one, before the reply is finished (a loaded server can be slow to start).
  await expect(page.getByTestId("streaming-reply")).toContainText("word2", { timeout: 30_000 });
  await expect(page.getByTestId("streaming-reply")).not.toContainText("word40");
  await page.getByRole("button", { name: "Stop" }).click();
  // The server saves the partial reply once it notices the closed request; the page looks again for a while.
  await expect(page.getByText("Stopped: you ended this reply before it was finished.")).toBeVisible({ timeout: 62_000 });
  const saved = messages(page).locator(":scope > li").last();
  await expect(saved).toContainText("word1 word2");
  await expect(saved).not.toContainText("word40");
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
  await expect(page.getByText("5 of 7 left today")).toBeVisible();
  expect(browserErrors).toEqual([]);
});

test("a streamed reply is saved when it is done @js-on-only", async ({ page, browserErrors }, testInfo) => {
  // Sign-up, a chat, a stream and a reload: several pages, each slow on a loaded machine.
  test.setTimeout(STORY_BUDGET_MS);
  await newMember(page, testInfo, "streamdone");
  await startChat(page, "Hello coach");
  await page.getByLabel("Your message").fill("Streamed question");
  await page.getByRole("button", { name: "Send" }).click();
  // The streamed words stay on screen until the page's reloaded list shows the saved reply in their
  // place (30 s: on a loaded machine the stream and the reload can take many seconds).
  await expect(messages(page)).toContainText("Coach reply to: Streamed question", { timeout: 30_000 });
  await expect(page.getByTestId("streaming")).toHaveCount(0);
  await page.reload();
  await expect(messages(page)).toContainText("Coach reply to: Streamed question");
  await expect(messages(page).locator(":scope > li")).toHaveCount(4);
  expect(browserErrors).toEqual([]);
});

test("a provider error keeps the message, does not use up the quota, and Retry asks again", async ({ page }, testInfo) => {
  const stamp = await newMember(page, testInfo, "retry");
  await startChat(page, `[[fail-once:500]] Please review my plan ${stamp}`);
  await expect(page.getByText("The coach's AI service had a problem.").first()).toBeVisible();
  await expect(messages(page)).toContainText("Not answered");
  await expect(page.getByText("7 of 7 left today")).toBeVisible();
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(messages(page)).toContainText(`Coach reply to: [[fail-once:500]] Please review my plan`);
  await expect(messages(page)).not.toContainText("Not answered");
  await expect(page.getByText("6 of 7 left today")).toBeVisible();
});

test("after 7 messages the member is told plainly that the day's quota is used and no more can be sent", async ({ page, context }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  await newMember(page, testInfo, "quota");
  const stale = await context.newPage();
  await stale.goto("/coach");
  await startChat(page, "Message 1");
  for (let i = 2; i <= 7; i++) {
    await page.getByLabel("Your message").fill(`Message ${i}`);
    await page.getByRole("button", { name: "Send" }).click();
    await expect(page.getByText(`${7 - i} of 7 left today`)).toBeVisible();
  }
  await expect(page.getByText("You have used your 7 messages for today. They come back at midnight UTC.")).toBeVisible();
  await expect(page.getByLabel("Your message")).toHaveCount(0);

  // A form left open in another tab gets the quota page.
  await stale.getByLabel("Your message").fill("One more");
  await stale.getByRole("button", { name: "Start chat" }).click();
  await expect(stale.getByText("You have used your 7 messages for today; they come back at 00:00 UTC")).toBeVisible();
  await page.goto("/coach");
  await expect(page.getByText("0 of 7 left today")).toBeVisible();
  await expect(page.getByRole("button", { name: "Start chat" })).toHaveCount(0);
});

test("a reply full of script tags, javascript: links and raw HTML renders as harmless text", async ({ page, browserErrors }, testInfo) => {
  await newMember(page, testInfo, "attack");
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await startChat(page, "[[markdown-attack]] <img src=x onerror=alert(9)> [me](javascript:alert(8))");
  await expect(messages(page)).toContainText("<script>alert('xss')</script>");
  await expect(messages(page)).toContainText("<img src=x onerror=alert(9)>");
  const hrefs = await messages(page).locator("a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs).toEqual(["https://example.com/ladder"]);
  expect(await messages(page).locator("script, img, iframe").count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(browserErrors).toEqual([]);
});
