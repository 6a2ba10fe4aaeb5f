/**
 * The question bank (issue 18, item 5), JavaScript on and off: career staff (career@demo.test)
 * add a skill by form (an empty name first: the message beside the field, 400), add a question by
 * form (no correct option chosen and two options alike first: the messages beside the fields, the
 * words kept), then import a CSV file with one good row and one bad row and read the report: the
 * good question imported, the bad row named by its number with the reason. A member who is not
 * staff is refused the bank (403).
 */
import type { Page } from "@playwright/test";
import { expect as baseExpect, formAnswer, seriousAxeViolations, signIn, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function open(page: Page, path: string, js: boolean) {
  const response = await page.goto(path);
  if (js) await waitForHydration(page);
  return response;
}

/** Clicks the button and returns the status of the POST's answer (the document, or the data request with JavaScript). */
async function submit(page: Page, button: string): Promise<number> {
  const answer = formAnswer(page);
  await page.getByRole("button", { name: button, exact: true }).click();
  return (await answer).status();
}

test("career staff add a skill and a question by form, then import a file whose bad row is reported", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const skillName = `Negotiation ${stamp}`;

  await signIn(page, "career@demo.test");
  // The bank is reached from /skills, where only career staff and admins see the link.
  await open(page, "/skills", js);
  await page.getByRole("link", { name: "Manage the question bank" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Question bank");
  await expect(page.getByRole("list", { name: "Skills" })).toContainText("SQL");

  // A skill without a name: 400, the message beside the field, the description kept.
  await page.getByLabel("Description").fill("Reaching agreements at work.");
  expect(await submit(page, "Add skill")).toBe(400);
  await expect(page.locator("#name-error")).toHaveText("Enter the skill's name.");
  await expect(page.getByLabel("Description")).toHaveValue("Reaching agreements at work.");
  await page.getByLabel("Name").fill(skillName);
  await page.getByRole("button", { name: "Add skill", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(skillName);
  await expect(page.getByText("Skill added.")).toBeVisible();
  const skillPath = new URL(page.url()).pathname;
  if (js) await waitForHydration(page);

  // A question with no correct option and two options alike: both said beside their fields, the words kept.
  await page.getByRole("link", { name: "Add a question" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add a question");
  if (js) await waitForHydration(page);
  await page.getByLabel("Question", { exact: true }).fill("What is a BATNA?");
  await page.getByLabel("Option A", { exact: true }).fill("Your best alternative if no agreement is reached");
  await page.getByLabel("Option B", { exact: true }).fill("The first offer you make");
  await page.getByLabel("Option C", { exact: true }).fill("the first offer you make");
  await page.getByLabel("Option D", { exact: true }).fill("A clause that ends a contract");
  await page.getByLabel("Explanation").fill("BATNA means best alternative to a negotiated agreement: what you do if talks fail.");
  expect(await submit(page, "Add question")).toBe(400);
  await expect(page.locator("#correct-error")).toHaveText("Choose which option is correct.");
  await expect(page.locator("#option_c-error")).toContainText("This option repeats another one.");
  await expect(page.getByLabel("Option A", { exact: true })).toHaveValue("Your best alternative if no agreement is reached");
  await page.getByLabel("Option C", { exact: true }).fill("A deadline for the talks");
  await page.getByLabel("A is correct").check();
  await page.getByRole("button", { name: "Add question", exact: true }).click();
  await expect(page.getByText("Question added.")).toBeVisible();
  await expect(page.getByRole("main")).toContainText("What is a BATNA?");
  expect(new URL(page.url()).pathname).toBe(skillPath);
  expect(await seriousAxeViolations(page, browser, js), "a skill's page in the bank").toEqual([]);

  // Import: one good row, one with its correct answer out of range.
  await open(page, `${skillPath}/import`, js);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import questions");
  const csv = [
    "question,option_a,option_b,option_c,option_d,correct,explanation",
    '"What does ""anchoring"" mean in a negotiation?","Setting a first number that the talks then orbit",Walking away early,Agreeing to every term,Asking for a break,A,"The first number sets a reference point, so later offers are judged against it."',
    "What is a concession?,Something you give up to reach agreement,A signed contract,A list of demands,A meeting room,7,Wrong on purpose.",
  ].join("\n");
  await page.getByLabel("File", { exact: true }).setInputFiles({ name: "negotiation.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  expect(await submit(page, "Import")).toBe(200);
  const status = page.getByRole("status").filter({ hasText: "Imported" });
  await expect(status).toContainText("Imported 1 of 2 rows.");
  await expect(status.getByRole("list", { name: "Rows not imported" })).toContainText("Row 3: The correct answer is out of range");
  expect(await seriousAxeViolations(page, browser, js), "the import report").toEqual([]);
  await page.getByRole("link", { name: "See the questions" }).click();
  await expect(page.getByRole("main")).toContainText('What does "anchoring" mean in a negotiation?');
  await expect(page.getByRole("main")).not.toContainText("What is a concession?");

  // A member who is not staff is refused.
  const member = await browser.newContext({ javaScriptEnabled: js });
  const memberPage = await member.newPage();
  await signIn(memberPage, "user@demo.test");
  await memberPage.goto("/skills");
  await expect(memberPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(memberPage.getByRole("link", { name: "Manage the question bank" })).toHaveCount(0);
  expect((await memberPage.goto(skillPath))?.status()).toBe(403);
  await member.close();
  expect(browserErrors).toEqual([]);
});
