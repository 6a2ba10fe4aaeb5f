/**
 * A chat's extras in a real browser, JavaScript on and off: votes on the coach's replies (a
 * fetcher with JavaScript, a plain form without), sharing a chat and reading it signed out,
 * renaming, exporting as Markdown, and deleting after a confirmation. Each test signs up its own
 * member and starts its own chat (answered by the OpenAI mock).
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect as baseExpect, hasHydrated, seriousAxeViolations, STORY_BUDGET_MS, test, signUp } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

/** Signs up a member, starts a chat with `message`, and returns the chat's id. */
async function memberWithChat(page: Page, testInfo: TestInfo, label: string, message: string): Promise<string> {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, { name: `Extras ${label} ${stamp}`, email: `e2e-extras-${label}-${stamp}@example.com` });
  await page.goto("/coach");
  await page.getByLabel("Your message").fill(message);
  await page.getByRole("button", { name: "Start chat" }).click();
  await expect(page).toHaveURL(/\/coach\/[0-9a-f-]{36}#[0-9a-f-]{36}$/);
  const id = /\/coach\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  expect(id).toBeTruthy();
  await expect(page.getByRole("list", { name: "Messages" })).toContainText(`Coach reply to: ${message}`);
  return id!;
}

const reply = (page: Page) => page.getByRole("list", { name: "Messages" }).getByRole("listitem").filter({ hasText: "Coach reply to:" }).first();

test("a member votes a reply up, switches to down, and takes the vote back", async ({ page, browserErrors }, testInfo) => {
  const chatId = await memberWithChat(page, testInfo, "vote", "Is my CV too long?");
  const js = testInfo.project.name === "js-on";
  if (js) {
    await expect.poll(() => hasHydrated(page)).toBe(true);
    // A marker on window survives only if the page is not reloaded.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
  }
  const up = reply(page).getByRole("button", { name: "Up vote this reply" });
  const down = reply(page).getByRole("button", { name: "Down vote this reply" });
  await expect(up).toHaveAttribute("aria-pressed", "false");
  await expect(down).toHaveAttribute("aria-pressed", "false");

  await up.click();
  await expect(up).toHaveAttribute("aria-pressed", "true");
  await expect(down).toHaveAttribute("aria-pressed", "false");
  if (!js) await expect(page).toHaveURL(new RegExp(`/coach/${chatId}#[0-9a-f-]{36}$`));

  await down.click();
  await expect(down).toHaveAttribute("aria-pressed", "true");
  await expect(up).toHaveAttribute("aria-pressed", "false");

  await down.click();
  await expect(down).toHaveAttribute("aria-pressed", "false");
  await expect(up).toHaveAttribute("aria-pressed", "false");

  if (js) expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  // What the page shows is what was stored.
  await page.reload();
  await expect(reply(page).getByRole("button", { name: "Down vote this reply" })).toHaveAttribute("aria-pressed", "false");
  // Reload only after the vote has reached the server: a reload mid-request cancels it.
  const voted = page.waitForResponse((r) => r.request().method() === "POST" && /\/vote(\.data)?$/.test(new URL(r.url()).pathname));
  await down.click();
  await voted;
  await expect(down).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(reply(page).getByRole("button", { name: "Down vote this reply" })).toHaveAttribute("aria-pressed", "true");
  expect(browserErrors).toEqual([]);
});

test("a member makes a chat public, a signed-out visitor reads it on the share page, and making it private again hides it", async ({ page, browser, browserErrors }, testInfo) => {
  // One story with two browsers (the member and a visitor) across six pages: it has the story budget.
  test.setTimeout(STORY_BUDGET_MS);
  const chatId = await memberWithChat(page, testInfo, "share", "How do I negotiate a salary?");
  await expect(page.getByText("Private: only you can read this chat.")).toBeVisible();
  await page.getByRole("button", { name: "Make public" }).click();
  await expect(page.getByText("This chat is public now: anyone with its share link can read it.")).toBeVisible();
  const shareUrl = await page.getByLabel("Share link").inputValue();
  expect(shareUrl).toMatch(new RegExp(`^https?://[^/]+/share/${chatId}$`));

  const visitor = await browser.newContext({ javaScriptEnabled: testInfo.project.name === "js-on" });
  try {
    const guest = await visitor.newPage();
    const shared = await guest.goto(shareUrl);
    expect(shared?.status()).toBe(200);
    await expect(guest.getByRole("heading", { level: 1 })).toHaveText("How do I negotiate a salary?");
    await expect(guest.getByRole("list", { name: "Messages" })).toContainText("Coach reply to: How do I negotiate a salary?");
    await expect(guest.getByRole("article").getByRole("button")).toHaveCount(0);
    await expect(guest.getByRole("link", { name: "Sign in" })).toBeVisible();

    await page.getByRole("button", { name: "Make private" }).click();
    await expect(page.getByText("Private: only you can read this chat.")).toBeVisible();
    const hidden = await guest.goto(shareUrl);
    expect(hidden?.status()).toBe(404);
    await expect(guest.getByText("There is no shared chat at this address.")).toBeVisible();
  } finally {
    await visitor.close();
  }
  expect(browserErrors).toEqual([]);
});

test("a member renames a chat; an empty title is refused beside the field with what they typed kept", async ({ page, browserErrors }, testInfo) => {
  const chatId = await memberWithChat(page, testInfo, "rename", "Career change at forty");
  await page.getByText("Rename", { exact: true }).click();
  await page.getByLabel("Title (up to 120 characters)").fill("x".repeat(121));
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/${chatId}/title$`));
  await expect(page.getByText("Keep the title to 120 characters or fewer (this one has 121).").first()).toBeVisible();
  await expect(page.getByLabel("Title (up to 120 characters)")).toHaveValue("x".repeat(121));

  await page.getByLabel("Title (up to 120 characters)").fill("From teacher to data analyst");
  await page.getByRole("button", { name: "Save title" }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/${chatId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("From teacher to data analyst");
  await expect(page.getByText("The chat is renamed.")).toBeVisible();
  expect(browserErrors.filter((e) => !/status of 400/.test(e))).toEqual([]);
});

test("a member exports a chat as a Markdown file named after its title", async ({ page, browserErrors }, testInfo) => {
  await memberWithChat(page, testInfo, "export", "Write my elevator pitch");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export as Markdown" }).click()]);
  expect(download.suggestedFilename()).toBe("write-my-elevator-pitch.md");
  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(path!, "utf8");
  expect(text.startsWith("# Write my elevator pitch\n")).toBe(true);
  expect(text).toContain("**You**\n\nWrite my elevator pitch");
  expect(text).toContain("**Coach**\n\nCoach reply to: Write my elevator pitch");
  expect(browserErrors).toEqual([]);
});

test("a member deletes a chat after confirming, and it is gone from the list and its address", async ({ page, browserErrors }, testInfo) => {
  const chatId = await memberWithChat(page, testInfo, "delete", "A chat I will delete");
  await page.getByRole("link", { name: "Delete this chat…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Delete the chat “A chat I will delete”?");
  // Keeping it changes nothing.
  await page.getByRole("link", { name: "Keep the chat" }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/${chatId}$`));
  await page.getByRole("link", { name: "Delete this chat…" }).click();
  await page.getByRole("button", { name: "Delete chat" }).click();
  await expect(page).toHaveURL(/\/coach$/);
  await expect(page.getByText("The chat is deleted, with its messages and votes.")).toBeVisible();
  await expect(page.getByRole("link", { name: "A chat I will delete" })).toHaveCount(0);
  const gone = await page.goto(`/coach/${chatId}`);
  expect(gone?.status()).toBe(404);
  expect(browserErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});

// axe with JavaScript off re-opens the page in a fresh, signed-out browser (fixtures.ts), so the
// member's own pages are checked with JavaScript on (same server HTML) and the share page, which
// needs no sign-in, both ways.
test("axe finds no serious problem on the chat with its votes and actions, the rename page and the delete confirmation @js-on-only", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  // Budget: a sign-up, a chat and three axe runs; at a load of 26 on 2 cores that took 34 s.
  test.setTimeout(60_000);
  const chatId = await memberWithChat(page, testInfo, "axe", "Check my pages");
  for (const path of [`/coach/${chatId}`, `/coach/${chatId}/title`, `/coach/${chatId}/delete`]) {
    await page.goto(path);
    expect(await seriousAxeViolations(page, browser, javaScriptEnabled), path).toEqual([]);
  }
});

test("axe finds no serious problem on the share page of a public chat", async ({ page, browser, javaScriptEnabled }, testInfo) => {
  const chatId = await memberWithChat(page, testInfo, "axeshare", "Check the share page");
  await page.getByRole("button", { name: "Make public" }).click();
  await expect(page.getByRole("button", { name: "Make private" })).toBeVisible();
  await page.goto(`/share/${chatId}`);
  expect(await seriousAxeViolations(page, browser, javaScriptEnabled), "the share page").toEqual([]);
});
