/**
 * The daily interview (issue 19, "Done when"), JavaScript off and on: a new member starts today's
 * interview, answers two questions (the offline review answers: this file runs against the second
 * test server, the one with no OpenAI key, playwright.config.ts OFFLINE_PORT),
 * leaves, comes back to /interviews and continues at question 3, skips it, answers the rest and
 * finishes; the summary and the streak show. A second start from another tab shows today's
 * interview instead of a second one. Bad input: an empty and an over-long answer (400 beside the
 * field, the text kept), a question out of range and another member's interview (404).
 *
 * The interview's length is read from the page ("Question 1 of N"): five questions, or fewer while
 * a category's bank holds fewer.
 */
import type { Page, Response } from "@playwright/test";
import { OFFLINE_BASE_URL } from "../../playwright.config";
import { E2E_OFFLINE_DB_FILE, withE2eDb } from "./community-db";
import { expect as baseExpect, seriousAxeViolations, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
test.use({ baseURL: OFFLINE_BASE_URL });

const interviewsOf = (userId: string): { id: string; isCompleted: number }[] =>
  withE2eDb((db) => db.prepare('select id, "isCompleted" from daily_interviews where "userId" = ?').all(userId) as { id: string; isCompleted: number }[], E2E_OFFLINE_DB_FILE);
const progressCount = (interviewId: string): number =>
  withE2eDb((db) => (db.prepare('select count(*) as n from interview_progress where "dailyInterviewId" = ?').get(interviewId) as { n: number }).n, E2E_OFFLINE_DB_FILE);

async function open(page: Page, path: string, js: boolean) {
  const response = await page.goto(path);
  if (js) await waitForHydration(page);
  return response;
}

/** Clicks `button` and waits for the POST it sends (a document POST without JavaScript, a fetch with it). */
async function post(page: Page, click: () => Promise<void>, js: boolean): Promise<Response> {
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/interviews"));
  await click();
  const response = await answered;
  if (js) await waitForHydration(page);
  return response;
}

/**
 * Types `text` as the answer and submits it; returns the POST's status. Stored answers answer 200
 * (the page with the feedback, no JavaScript) or a redirect to it (JavaScript: Remix answers a
 * fetch's redirect with a 2xx and the feedback streams in), so `accepted` reads both.
 */
const accepted = (status: number) => status >= 200 && status < 300;

async function answerWith(page: Page, text: string, js: boolean): Promise<number> {
  await page.getByRole("textbox", { name: "Your answer" }).fill(text);
  const response = await post(page, () => page.getByRole("button", { name: "Submit answer" }).click(), js);
  return response.status();
}

test("a member starts today's interview, answers two questions with offline feedback, comes back at question 3, skips one, finishes, and sees the summary and streak", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const memberId = await signUp(page, { name: `Ivy Interview ${stamp}`, email: `e2e-interviews-${stamp}@example.com` });
  // A second tab, opened on the start form before the first tab starts.
  const tab = await page.context().newPage();
  await open(tab, "/interviews", js);

  await open(page, "/interviews", js);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daily interview");
  await expect(page.getByRole("group", { name: "Choose a category" }).getByRole("radio")).toHaveCount(10);
  expect(await seriousAxeViolations(page, browser, js), "the start form").toEqual([]);
  await page.getByRole("radio", { name: /^Behavioral/ }).check();
  await post(page, () => page.getByRole("button", { name: "Start", exact: true }).click(), js);
  // A new interview opens at its first question; /interviews then shows it.
  await expect(page).toHaveURL(/\/interviews\/[0-9a-f-]{36}\/q\/1$/);
  await open(page, "/interviews", js);
  const progress = page.getByText(/^Question 1 of \d$/);
  await expect(progress).toBeVisible();
  const total = Number(/of (\d)$/.exec((await progress.textContent()) ?? "")![1]);
  expect(total).toBeGreaterThanOrEqual(3);
  await expect(page.getByText(/^Your next interview opens at 00:00 on /)).toBeVisible();
  await expect(page.getByText("No streak yet: finish an interview today to start one.")).toBeVisible();
  expect(await seriousAxeViolations(page, browser, js), "today's interview").toEqual([]);
  const [interview] = interviewsOf(memberId);

  // The other tab starts again: it lands on today's interview, not a second one.
  await tab.getByRole("radio", { name: /^Sales/ }).check();
  await post(tab, () => tab.getByRole("button", { name: "Start", exact: true }).click(), js);
  await expect(tab.getByRole("heading", { level: 2 })).toHaveText("Today's interview: Behavioral");
  await expect(tab.getByText(`Question 1 of ${total}`)).toBeVisible();
  expect(interviewsOf(memberId)).toHaveLength(1);
  await tab.close();

  // Question 1: bad input first, then an answer with its feedback.
  await page.getByRole("link", { name: "Begin" }).click();
  await expect(page).toHaveURL(`/interviews/${interview.id}/q/1`);
  if (js) await waitForHydration(page);
  expect(await seriousAxeViolations(page, browser, js), "an open question").toEqual([]);
  const field = page.getByRole("textbox", { name: "Your answer" });
  await expect(field).toHaveAttribute("maxlength", "4000");
  if (js) {
    await field.fill("Twelve chars");
    await expect(page.getByText("12 of 4,000")).toBeVisible();
  } else {
    await expect(page.getByText(/of 4,000$/)).toHaveCount(0);
  }
  // What the browser would stop (required, maxlength) is sent anyway, as a hand-made form would be.
  await field.evaluate((el: HTMLTextAreaElement) => el.removeAttribute("required"));
  expect(await answerWith(page, "   ", js)).toBe(400);
  await expect(page.locator("#answer-error")).toHaveText("Write your answer first.");
  await page.getByRole("textbox", { name: "Your answer" }).evaluate((el: HTMLTextAreaElement) => el.removeAttribute("maxlength"));
  const long = `${"I led the team through a hard quarter. ".repeat(103)}The end.`;
  expect(await answerWith(page, long, js)).toBe(400);
  await expect(page.locator("#answer-error")).toHaveText(`Your answer is ${long.length.toLocaleString("en-US")} characters long; the limit is 4,000. Shorten it and submit again.`);
  await expect(page.getByRole("textbox", { name: "Your answer" })).toHaveValue(long);
  expect(progressCount(interview.id)).toBe(0);

  const first = "Situation: our release slipped.\nAction: I split the work and owned the tests.\nResult: we shipped two days later, not two weeks.";
  expect(accepted(await answerWith(page, first, js))).toBe(true);
  await expect(page.getByRole("heading", { level: 2, name: "Your answer" })).toBeVisible();
  await expect(page.getByText(/Situation: our release slipped\.\s+Action: I split/)).toBeVisible();
  await expect(page.getByText(/offline review/i).first()).toBeVisible();
  expect(await seriousAxeViolations(page, browser, js), "an answered question").toEqual([]);

  // Question 2.
  await page.getByRole("link", { name: "Next question" }).click();
  await expect(page).toHaveURL(`/interviews/${interview.id}/q/2`);
  if (js) await waitForHydration(page);
  expect(accepted(await answerWith(page, "I ask what the customer needs first, then I agree a date and keep it.", js))).toBe(true);
  await expect(page.getByText(/offline review/i).first()).toBeVisible();
  expect(progressCount(interview.id)).toBe(2);

  // Leave, come back: /interviews continues at question 3.
  await open(page, "/", js);
  await open(page, "/interviews", js);
  await expect(page.getByText(`Question 3 of ${total}`)).toBeVisible();
  await page.getByRole("link", { name: "Continue" }).click();
  await expect(page).toHaveURL(`/interviews/${interview.id}/q/3`);
  if (js) await waitForHydration(page);

  // Skip it, then answer the rest.
  await post(page, () => page.getByRole("button", { name: "Skip this question" }).click(), js);
  for (let n = 4; n <= total; n++) {
    await expect(page).toHaveURL(`/interviews/${interview.id}/q/${n}`);
    expect(accepted(await answerWith(page, `My answer to question ${n}, with a number: 40% faster.`, js))).toBe(true);
    await page.getByRole("link", { name: n < total ? "Next question" : "See today's summary" }).click();
  }
  await expect(page).toHaveURL(/\/interviews$/);
  if (js) await waitForHydration(page);
  await expect(page.getByText("You finished today's interview. Each question, answered or skipped:")).toBeVisible();
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(total);
  await expect(page.getByRole("main").getByRole("listitem").nth(2)).toContainText("Skipped");
  await expect(page.getByText("1-day streak")).toBeVisible();
  // The history lists it, completed, under the same streak.
  await open(page, "/interviews/history", js);
  await expect(page.getByText("1-day interview streak")).toBeVisible();
  const listed = page.locator(`main a[href="/interviews/${interview.id}"]`);
  await expect(listed).toContainText("Behavioral");
  await expect(page.getByRole("listitem").filter({ has: page.locator(`a[href="/interviews/${interview.id}"]`) })).toContainText("Completed");
  await open(page, "/interviews", js);
  expect(interviewsOf(memberId)).toEqual([{ id: interview.id, isCompleted: 1 }]);
  expect(await seriousAxeViolations(page, browser, js), "today's summary").toEqual([]);
  // The 400s above are the form's intended answers (the fixture lets them pass); nothing else failed.
  expect(browserErrors).toEqual([]);

  // Out of range, and another member's interview: not found.
  expect((await page.goto(`/interviews/${interview.id}/q/9`))?.status()).toBe(404);
  const other = await browser.newContext({ baseURL: OFFLINE_BASE_URL, javaScriptEnabled: js });
  const stranger = await other.newPage();
  await signUp(stranger, { name: `Omar Other ${stamp}`, email: `e2e-interviews-other-${stamp}@example.com` });
  expect((await stranger.goto(`/interviews/${interview.id}/q/1`))?.status()).toBe(404);
  await other.close();
});
