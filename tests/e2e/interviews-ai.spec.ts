/**
 * AI feedback on interview answers (issue 19, item 3) in a real browser, JavaScript on and off,
 * against the OpenAI-compatible mock (tests/support/openai-mock.ts; it answers "Coach reply to:
 * <the answer's first words>"). With JavaScript the review streams in from
 * POST /interviews/<id>/q/<n>/review (NDJSON); without it the answer's POST returns the page with
 * the review. A provider failure ([[fail-once:500]] in the answer) keeps the answer, shows the
 * offline review and "Try the AI review again", and the retry shows the AI review.
 * Each test signs up its own member (one interview per member per day).
 */
import type { Page, Response, TestInfo } from "@playwright/test";
import { expect as baseExpect, test, STORY_BUDGET_MS, signUp, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 15_000 });

async function newMember(page: Page, testInfo: TestInfo, label: string) {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  await signUp(page, { name: `Interviewee ${label} ${stamp}`, email: `e2e-interview-ai-${label}-${stamp}@example.com` });
  return stamp;
}

/** Starts today's behavioral interview and lands on its first question. */
async function startInterview(page: Page) {
  await page.goto("/interviews");
  await page.locator('input[name="category"][value="behavioral"]').check();
  await page.getByRole("button", { name: "Start" }).click();
  // A new interview opens at its first question.
  await page.waitForURL(/\/interviews\/[0-9a-f-]{36}\/q\/1$/);
  await expect(page.getByRole("button", { name: "Submit answer" })).toBeVisible();
}

/** Answers the question on the page; with JavaScript, returns the review stream's response. */
async function answer(page: Page, text: string, javaScript: boolean): Promise<Response | null> {
  // A Submit before hydration posts without the stream flag (the page would review without streaming).
  if (javaScript) await waitForHydration(page);
  await page.getByRole("textbox").fill(text);
  const streamed = javaScript
    ? page.waitForResponse((r) => /\/interviews\/[0-9a-f-]{36}\/q\/1\/review$/.test(r.url()) && r.request().method() === "POST", { timeout: 30_000 })
    : null;
  await page.getByRole("button", { name: "Submit answer" }).click();
  return streamed ? await streamed : null;
}

const feedback = (page: Page) => page.getByTestId("answer-feedback");

test("a member answers a question and the AI review appears: streamed with JavaScript, in the page without", async ({ page, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = await newMember(page, testInfo, "ai");
  await startInterview(page);
  const reviewRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/review")) reviewRequests.push(r.url());
  });
  const text = `Situation at my last job ${stamp}: I led a support team and cut the reply time from 3 days to 6 hours.`;
  const stream = await answer(page, text, javaScript);
  if (stream) {
    expect(stream.status()).toBe(200);
    expect(stream.headers()["content-type"]).toContain("application/x-ndjson");
    // (Playwright cannot read a streamed fetch body; the page shows what the stream brought.)
  } else {
    expect(reviewRequests).toEqual([]);
  }
  await expect(feedback(page)).toContainText("Coach reply to: Situation at my last job");
  await expect(feedback(page).getByTestId("feedback-label")).toHaveText("AI review");
  // The mock's Markdown list is rendered, not shown as asterisks.
  await expect(feedback(page).locator("strong", { hasText: "First" })).toBeVisible();
  await expect(feedback(page).getByRole("button", { name: "Try the AI review again" })).toHaveCount(0);

  // Saved: a reload shows the same review, without asking again.
  const before = reviewRequests.length;
  await page.reload();
  await expect(feedback(page)).toContainText("Coach reply to: Situation at my last job");
  await expect(feedback(page).getByTestId("feedback-label")).toHaveText("AI review");
  expect(reviewRequests.length).toBe(before);
  expect(browserErrors).toEqual([]);
});

test("a provider failure keeps the answer, shows the offline review with the retry, and the retry shows the AI review", async ({ page, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const stamp = await newMember(page, testInfo, "fail");
  await startInterview(page);
  const text = `[[fail-once:500]] My answer ${stamp}: I planned the move to a new office and we finished a week early.`;
  const stream = await answer(page, text, javaScript);
  if (stream) expect(stream.headers()["content-type"]).toContain("application/x-ndjson");

  await expect(page.getByText(`My answer ${stamp}`).first()).toBeVisible();
  await expect(feedback(page).getByTestId("feedback-label")).toHaveText("Offline review (no AI)");
  await expect(feedback(page)).toContainText("Rewrite:");
  await expect(feedback(page)).toContainText("The AI review did not answer this time");
  await page.reload(); // the failure is saved: the retry is still offered
  await expect(feedback(page).getByTestId("feedback-label")).toHaveText("Offline review (no AI)");

  await feedback(page).getByRole("button", { name: "Try the AI review again" }).click();
  await expect(feedback(page)).toContainText("Coach reply to: [[fail-once:500]] My answer");
  await expect(feedback(page).getByTestId("feedback-label")).toHaveText("AI review");
  await expect(feedback(page).getByRole("button", { name: "Try the AI review again" })).toHaveCount(0);
  await expect(page.getByText(`My answer ${stamp}`).first()).toBeVisible();
  expect(browserErrors).toEqual([]);
});
