/**
 * The interview history (issue 19, items 5 and 6), JavaScript off and on: user@demo.test sees her
 * streak (the demo gives her five days ending yesterday; another story may have completed today's,
 * which makes six) and her past interviews, opens her newest past one with its feedback and
 * exports it as Markdown. A new member with two days in a row turns the streak on for their
 * profile, and a visitor sees it there.
 */
import { randomUUID } from "node:crypto";
import { uuidFor } from "../../db/seed/random";
import { withE2eDb } from "./community-db";
import { expect, signIn, signUp, STORY_BUDGET_MS, test } from "./fixtures";

const DAY = 86_400_000;

/** Completed interviews of `userId` on the UTC days `back` days ago, and the member's zone saved as UTC. */
function completedInterviewsInE2eDb(userId: string, backs: number[]): void {
  const now = Date.now();
  const today = now - (now % DAY);
  withE2eDb((db) => {
    db.prepare("insert into member_settings (user_id, time_zone, updated_at) values (?, 'UTC', ?) on conflict (user_id) do nothing").run(userId, now);
    for (const back of backs) {
      const day = today - back * DAY;
      db.prepare('insert into daily_interviews (id, "userId", "interviewDate", category, "completedAt", "isCompleted", "createdAt", "updatedAt") values (?, ?, ?, \'behavioral\', ?, 1, ?, ?)').run(
        randomUUID(),
        userId,
        day,
        day + 13 * 3_600_000,
        day + 12 * 3_600_000,
        day + 13 * 3_600_000,
      );
    }
  });
}

test("user@demo.test sees her streak and past interviews, opens her newest past interview with its feedback and exports it as Markdown", async ({ page }) => {
  test.setTimeout(STORY_BUDGET_MS);
  await signIn(page, "user@demo.test");
  await page.goto("/interviews/history");
  await expect(page.getByRole("heading", { level: 1, name: "Your past interviews" })).toBeVisible();
  const streak = await page.getByTestId("interview-streak").textContent();
  const days = Number(/(\d+)-day interview streak/.exec(streak ?? "")?.[1]);
  expect(days, `the streak line reads "${streak}"`).toBeGreaterThanOrEqual(5);
  const list = page.getByRole("list", { name: "Your past interviews" });
  await expect(list.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2 }) })).toHaveCount(10);
  await expect(page.getByRole("link", { name: "Older interviews" })).toBeVisible();

  // Her newest past interview (yesterday, db/seed/demo.ts daily_interview:0:0): completed, every answer with feedback.
  const newest = uuidFor("daily_interview:0:0");
  await page.locator(`a[href="/interviews/${newest}"]`).click();
  await expect(page).toHaveURL(`/interviews/${newest}`);
  // The interview's own page has rendered (with JavaScript the address can change a moment before
  // the list of ten "Completed" interviews is replaced).
  await expect(page.getByRole("link", { name: "Export as Markdown" })).toBeVisible();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: "Your answer" }).first()).toBeVisible();
  await expect(page.getByText(/Offline review|Strengths|Gaps/).first()).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export as Markdown" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^ladder-interview-\d{4}-\d{2}-\d{2}-[a-z-]+\.md$/);
  const markdown = await (await import("node:fs/promises")).readFile((await file.path())!, "utf8");
  expect(markdown).toMatch(/^# Mock interview: /);
  expect(markdown).toContain("## Question 1");
  expect(markdown).toContain("### Your answer");
});

test("a member turns the streak on for their profile and everyone who can see the profile sees it", async ({ page }) => {
  test.setTimeout(STORY_BUDGET_MS);
  const email = `streak-${randomUUID()}@e2e.test`;
  const id = await signUp(page, { name: "Streak Member", email });
  completedInterviewsInE2eDb(id, [1, 2]);

  await page.goto(`/u/${id}`);
  await expect(page.getByText("Streak Member", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("profile-interview-streak")).toHaveCount(0);

  await page.goto("/settings/profile");
  const section = page.locator("section", { has: page.getByRole("heading", { name: "Interview streak" }) });
  const box = section.getByRole("checkbox", { name: "Show my interview streak on my profile" });
  await expect(box).not.toBeChecked();
  await box.check();
  await section.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Your interview streak now shows on your profile.")).toBeVisible();
  await expect(section.getByRole("checkbox", { name: "Show my interview streak on my profile" })).toBeChecked();

  await page.context().clearCookies();
  await page.goto(`/u/${id}`);
  await expect(page.getByTestId("profile-interview-streak")).toHaveText("2-day interview streak");
});
