/**
 * Archive cards (issue 18), JavaScript off and on: a member who posted a job archives a findable
 * member with a note from the archive page, finds the card in /hiring/archive by searching,
 * opens it, downloads the CSV (its text checked), and deletes it after the confirmation page.
 */
import fs from "node:fs";
import { makeFindableMemberInE2eDb, makeJobInE2eDb } from "./archive-db";
import { expect, signUp, STORY_BUDGET_MS, test } from "./fixtures";

test("a recruiter archives a candidate with a note, finds the card by searching, exports it as CSV and deletes it", async ({ page }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const tag = `${testInfo.project.name.replace(/[^a-z]/gi, "")}${Date.now().toString(36)}`;
  const recruiterId = await signUp(page, { name: "Rami Recruiter", email: `archive-${tag}@example.test` });
  const jobId = makeJobInE2eDb(recruiterId, "SQL Reporting Analyst");
  const memberId = makeFindableMemberInE2eDb({ name: `Mona Findable ${tag}`, email: `mona-${tag}@example.test`, phone: "+20 100 222 3344", headline: "Writes SQL reports" });

  // The archive form: the member's details, the phone (they share it), the match, a note.
  await page.goto(`/hiring/general/${jobId}/candidates/${memberId}/archive`);
  await expect(page.getByRole("heading", { level: 1, name: "Archive a candidate" })).toBeVisible();
  await expect(page.getByText(`mona-${tag}@example.test`)).toBeVisible();
  await expect(page.getByText("+20 100 222 3344")).toBeVisible();
  await page.getByRole("button", { name: "Archive card" }).click();
  await expect(page.getByText("Write a note about this candidate.").first()).toBeVisible();
  await page.getByLabel("Your note").fill(`Knows window functions; ask about notice period ${tag}.`);
  await page.getByRole("button", { name: "Archive card" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Mona Findable ${tag}` })).toBeVisible();
  await expect(page.getByText("Card archived.")).toBeVisible();

  // The archive: found by a word of the note.
  await page.goto("/hiring");
  await page.getByRole("link", { name: "Archived candidates" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Archived candidates" })).toBeVisible();
  await page.getByLabel("Search by name, email or note").fill(`period ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  const list = page.getByRole("list", { name: "Archived candidates" });
  await expect(list.getByRole("listitem")).toHaveCount(1);

  // The CSV of that search, as the browser downloads it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as CSV" }).click()]);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Name,Email,Phone,Match,Note,Job,Archived at");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`Mona Findable ${tag},mona-${tag}@example.test,'+20 100 222 3344,`);
  expect(lines[1]).toContain(`general/${jobId}`);

  // Open it, then delete it after the confirmation page.
  await list.getByRole("link", { name: `Mona Findable ${tag}` }).click();
  await expect(page.getByText(`Knows window functions; ask about notice period ${tag}.`)).toBeVisible();
  await expect(page.getByRole("link", { name: /SQL Reporting Analyst/ })).toBeVisible();
  await page.getByRole("link", { name: "Delete this card" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Delete this card?" })).toBeVisible();
  await page.getByRole("button", { name: "Delete card" }).click();
  await expect(page.getByText("Card deleted.")).toBeVisible();
  await page.getByLabel("Search by name, email or note").fill(`period ${tag}`);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText(`No card matches “period ${tag}”.`)).toBeVisible();
});
