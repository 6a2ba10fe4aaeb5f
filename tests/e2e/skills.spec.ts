/**
 * Taking skill tests (issue 18, items 1 to 3), JavaScript off and on: a new member opens /skills,
 * takes a test (one question left unanswered: the page says so and a second submit grades),
 * reads the result with the right answers and their explanations, retakes it and passes, finds
 * the best on /skills, makes a third attempt and is then refused a fourth with a page that says
 * when the next is possible. With JavaScript the page counts the answered questions and asks
 * before leaving with answers that are not submitted. And a tampered form (another question, an
 * option of 4, a question answered twice, a replayed draw) is refused with 400 and stores nothing.
 *
 * The story's skill is its own (written into the test server's SQLite file, with an explanation
 * per question); the right answers are read from the drawn test the server stored (skill_draws),
 * so the story chooses them like a member who knows the subject. The tampered forms use the demo
 * SQL test.
 */
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { E2E_DB_FILE } from "./community-db";
import { expect as baseExpect, seriousAxeViolations, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
/** The demo skill "SQL" (db/seed/demo.ts numbers the skills from 1 in the order of db/seed/content/skills.ts). */
const SQL_SKILL = 1;

/**
 * A skill of the story's own, with 12 questions, each with an explanation (the demo bank may have
 * none yet), written into the test server's SQLite file as the bank's forms write them.
 */
function makeSkill(name: string): number {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 10000");
  try {
    return db.transaction(() => {
      const now = Date.now();
      const skillId = Number(db.prepare("insert into skills (name) values (?)").run(name).lastInsertRowid);
      db.prepare("insert into skill_details (skill_id, description, retired_at, updated_at) values (?, ?, null, ?)").run(skillId, "Percentages, totals and rounding at work.", now);
      for (let n = 1; n <= 12; n++) {
        const options = [`${n * 10}%`, `${n * 10 + 5}%`, `${n * 10 - 5}%`, `${n * 20}%`];
        const correct = n % 4;
        const questionId = Number(
          db.prepare('insert into skill_questions ("skillId", question, options, "correctIndex") values (?, ?, ?, ?)').run(skillId, `Question ${n}: which share is right here?`, JSON.stringify(options), correct).lastInsertRowid,
        );
        db.prepare("insert into skill_question_details (question_id, explanation, retired_at, updated_at) values (?, ?, null, ?)").run(questionId, `Explanation ${n}: ${options[correct]} is the share asked for.`, now);
      }
      return skillId;
    })();
  } finally {
    db.close();
  }
}

interface Drawn {
  questionId: number;
  correctIndex: number;
  explanation: string;
}

function readDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE, { readonly: true });
  db.pragma("busy_timeout = 10000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const drawOf = (drawId: string): Drawn[] => readDb((db) => JSON.parse((db.prepare("select questions from skill_draws where id = ?").get(drawId) as { questions: string }).questions) as Drawn[]);
const attemptsOf = (userId: string): number => readDb((db) => (db.prepare('select count(*) as n from skill_attempts where "userId" = ?').get(userId) as { n: number }).n);

async function open(page: Page, path: string, js: boolean) {
  const response = await page.goto(path);
  if (js) await waitForHydration(page);
  return response;
}

/** Starts a test from its first page and returns the draw's questions as the server stored them. */
async function startTest(page: Page, js: boolean): Promise<{ drawId: string; questions: Drawn[] }> {
  await page.getByRole("button", { name: /^(Start the test|Continue your test)$/ }).click();
  await expect(page).toHaveURL(/\?draw=[0-9a-f-]{36}$/);
  if (js) await waitForHydration(page);
  const drawId = new URL(page.url()).searchParams.get("draw")!;
  return { drawId, questions: drawOf(drawId) };
}

/** Chooses the right answer of the first `right` questions, a wrong one of the next, up to `answered`. */
async function answer(page: Page, questions: Drawn[], right: number, answered = questions.length) {
  for (const [i, q] of questions.slice(0, answered).entries()) {
    const value = i < right ? q.correctIndex : (q.correctIndex + 1) % 4;
    await page.locator(`input[name="q${q.questionId}"][value="${value}"]`).check();
  }
}

test("a member takes a skill test, reads the explanations, retakes it, finds the best on /skills, and is refused a fourth attempt in a day", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const memberId = await signUp(page, { name: `Sara Skills ${stamp}`, email: `e2e-skills-${stamp}@example.com` });
  const skill = `Workplace maths ${stamp}`;
  const skillId = makeSkill(skill);

  await open(page, "/skills", js);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Skills");
  await page.locator(`#skill-${skillId}`).getByRole("link", { name: `Take the ${skill} test` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${skill} test`);
  await expect(page.getByRole("main")).toContainText("You have 3 attempts left in the next 24 hours.");
  if (js) await waitForHydration(page);

  // First attempt: 6 right, 3 wrong, 1 left unanswered.
  const first = await startTest(page, js);
  expect(first.questions).toHaveLength(10);
  await expect(page.getByRole("main").getByRole("group")).toHaveCount(10);
  expect(await seriousAxeViolations(page, browser, js), "the drawn test").toEqual([]);
  await answer(page, first.questions, 6, 9);
  if (js) await expect(page.getByText("9 of 10 answered")).toBeVisible();
  else await expect(page.getByText(/of 10 answered/)).toHaveCount(0);
  if (js) {
    // Leaving with answers asks first; staying keeps them.
    page.once("dialog", (dialog) => void dialog.dismiss());
    await page.getByRole("banner").getByRole("link", { name: "Ladder", exact: true }).click();
    await expect(page).toHaveURL(/\?draw=/);
    await expect(page.locator(`input[name="q${first.questions[0].questionId}"]:checked`)).toHaveCount(1);
  }
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("alert")).toHaveText("1 of 10 questions is unanswered; it counts as wrong. Answer them, or submit again to grade.");
  await expect(page.locator(`input[name="q${first.questions[0].questionId}"][value="${first.questions[0].correctIndex}"]`)).toBeChecked();
  expect(attemptsOf(memberId)).toBe(0);
  await page.getByRole("button", { name: "Submit and grade" }).click();
  await expect(page).toHaveURL(/\/skills\/attempts\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${skill}: your result`);
  await expect(page.getByRole("main")).toContainText("You scored 6/10 (60%).");
  await expect(page.getByRole("main")).toContainText("Not passed yet: 70% or more passes.");
  await expect(page.getByRole("main")).toContainText("You did not answer this question.");
  for (const q of first.questions) await expect(page.getByRole("main")).toContainText(q.explanation);
  expect(await seriousAxeViolations(page, browser, js), "the result").toEqual([]);

  // Second attempt: all right.
  await page.getByRole("link", { name: "Take the test again" }).click();
  await expect(page.getByRole("main")).toContainText("You have 2 attempts left in the next 24 hours.");
  if (js) await waitForHydration(page);
  const second = await startTest(page, js);
  expect(second.drawId).not.toBe(first.drawId);
  await answer(page, second.questions, 10);
  if (js) await expect(page.getByText("10 of 10 answered")).toBeVisible();
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("main")).toContainText("You scored 10/10 (100%).");
  await expect(page.getByRole("main")).toContainText(`Passed: ${skill} shows as verified on your profile.`);
  await expect(page.getByRole("main")).toContainText("This is your best attempt.");

  await page.getByRole("link", { name: "All skills" }).click();
  const listed = page.locator(`#skill-${skillId}`);
  await expect(listed).toContainText("Best: 10/10 (100%)");
  await expect(listed).toContainText("Verified");
  await expect(listed).toContainText("2 attempts, last");
  // The best (10/10, 70% or more) shows as a verified skill on the member's profile.
  await open(page, `/u/${memberId}`, js);
  await expect(page.getByRole("main")).toContainText(`Verified: ${skill} 10/10`);
  await open(page, "/skills", js);

  // Third attempt, then no fourth within the day.
  if (js) await waitForHydration(page);
  await listed.getByRole("link", { name: `Try ${skill} again` }).click();
  const third = await startTest(page, js);
  await answer(page, third.questions, 8);
  await page.getByRole("button", { name: "Submit answers" }).click();
  await expect(page.getByRole("main")).toContainText("You scored 8/10 (80%).");
  await expect(page.getByRole("main")).toContainText(`Your best at ${skill}: 10/10 (100%).`);
  await expect(page.getByRole("main")).toContainText(/You can take it again from /);
  await expect(page.getByRole("link", { name: "Take the test again" })).toHaveCount(0);
  const intro = await open(page, `/skills/${skillId}/test`, js);
  expect(intro?.status()).toBe(200);
  await expect(page.getByRole("main")).toContainText(`You have made 3 attempts at ${skill} in the last 24 hours. You can try again from `);
  await expect(page.getByRole("button", { name: "Start the test" })).toHaveCount(0);
  const csrf = await page.locator('input[name="csrf"]').first().getAttribute("value");
  const refused = await page.request.post(`/skills/${skillId}/test`, { form: { csrf: csrf!, intent: "start" }, maxRedirects: 0 });
  expect(refused.status()).toBe(429);
  expect(await refused.text()).toContain("No attempts left for now");
  expect(attemptsOf(memberId)).toBe(3);
  expect(browserErrors).toEqual([]);
});

test("a tampered test form (another question, an option of 4, a question twice, a replayed draw) is refused with 400 and stores nothing", async ({ page }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const memberId = await signUp(page, { name: `Tariq Tamper ${stamp}`, email: `e2e-skills-tamper-${stamp}@example.com` });
  const intro = await (await page.request.get(`/skills/${SQL_SKILL}/test`)).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(intro)![1];
  const start = await page.request.post(`/skills/${SQL_SKILL}/test`, { form: { csrf, intent: "start" }, maxRedirects: 0 });
  expect(start.status()).toBe(302);
  const location = start.headers().location;
  const drawId = new URL(location, "http://x").searchParams.get("draw")!;
  const questions = drawOf(drawId);
  // A question that is not in this draw (the demo SQL test may draw its whole bank: another skill's).
  const other = readDb((db) => (db.prepare("select id from skill_questions where id not in (select value from json_each(?)) order by id limit 1").get(JSON.stringify(questions.map((q) => q.questionId))) as { id: number }).id);
  const right = questions.map((q) => `q${q.questionId}=${q.correctIndex}`);
  const post = (fields: string[]) =>
    page.request.post(location, {
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      data: [`csrf=${encodeURIComponent(csrf)}`, "intent=submit", `draw=${drawId}`, "confirm=1", ...fields].join("&"),
      maxRedirects: 0,
    });

  for (const [fields, message] of [
    [[...right.slice(1), `q${other}=0`], "This form answers a question that is not in your test. Nothing was saved."],
    [[...right.slice(1), `q${questions[0].questionId}=4`], "This form chooses an answer that does not exist. Nothing was saved."],
    [[...right, right[3]], "This form answers a question twice. Nothing was saved."],
  ] as [string[], string][]) {
    const res = await post(fields);
    expect(res.status(), message).toBe(400);
    expect(await res.text()).toContain(message);
  }
  expect(attemptsOf(memberId)).toBe(0);

  const graded = await post(right);
  expect(graded.status()).toBe(302);
  expect(graded.headers().location).toMatch(/^\/skills\/attempts\/\d+$/);
  const replay = await post(right);
  expect(replay.status()).toBe(400);
  expect(await replay.text()).toContain("This test was already submitted. Nothing was saved");
  expect(attemptsOf(memberId)).toBe(1);
});
