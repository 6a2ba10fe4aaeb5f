/**
 * Issue 18, verified skills and candidate matching, JavaScript on and off, with rows made through
 * the database: a member whose graded attempt verified a skill sees "Verified" on their profile,
 * hides it from /settings/candidates (it leaves the profile), is refused a city over 100
 * characters beside the field, then shows it again and lets recruiters find them; a recruiter
 * with a job naming that skill opens the job's candidates from its hiring page and finds the
 * member with their percent, the reasons and an Archive link.
 */
import type { Browser, Page } from "@playwright/test";
import { recruiterJobInE2eDb, setProfileInE2eDb, verifiedSkillInE2eDb } from "./candidates-db";
import { expect as baseExpect, signUp, STORY_BUDGET_MS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

async function newMember(browser: Browser, javaScriptEnabled: boolean, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "X-Forwarded-For": `10.18.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const id = await signUp(page, { name, email });
  return { context, page, id };
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
}

test("a member with a verified skill hides it, lets recruiters find them, and a recruiter finds them among a job's candidates with the reasons", async ({ browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${js ? "on" : "off"}${Date.now().toString(36)}`;
  const skill = `Ledgercraft ${stamp}`;
  const member = await newMember(browser, js, `Salma Ledger ${stamp}`, `e2e-cand-m-${stamp}@example.com`);
  const recruiter = await newMember(browser, js, `Rami Hiring ${stamp}`, `e2e-cand-r-${stamp}@example.com`);
  for (const who of [member, recruiter]) who.page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}`));
  setProfileInE2eDb(member.id, { headline: `Quantum ledger analyst ${stamp}`, skills: [`Quantum ${stamp}`, "Excel"] });
  const skillId = verifiedSkillInE2eDb(member.id, skill, 9);

  // The verified skill shows on the member's profile.
  const page = member.page;
  await page.goto(`/u/${member.id}`);
  await expect(page.getByRole("list", { name: "Verified skills" }).getByText(`Verified: ${skill} 9/10`)).toBeVisible();

  // Hidden from /settings/candidates: gone from the profile.
  await page.goto("/settings/candidates");
  await expect(page.getByRole("heading", { level: 1, name: "Verified skills and recruiters" })).toBeVisible();
  const box = page.getByLabel(`Show ${skill} 9/10`);
  await expect(box).toBeChecked();
  await expect(page.getByLabel("Let recruiters find me")).not.toBeChecked();
  await box.uncheck();
  await save(page);
  await expect(page.getByText("Saved. Recruiters cannot find you.")).toBeVisible();
  await page.goto(`/u/${member.id}`);
  await expect(page.getByText(`Verified: ${skill}`)).toHaveCount(0);

  // A city over 100 characters: 400, the message beside the field, the choices kept.
  await page.goto("/settings/candidates");
  await page.getByLabel("Let recruiters find me").check();
  await page.getByLabel("City").fill("C".repeat(101));
  await save(page);
  await expect(page.locator("#city-error")).toHaveText("Keep the city to 100 characters or fewer.");
  await expect(page.getByLabel("Let recruiters find me")).toBeChecked();
  await expect(page.getByLabel("City")).toHaveValue("C".repeat(101));

  // Shown again, findable, in Cairo.
  await page.getByLabel(`Show ${skill} 9/10`).check();
  await page.getByLabel("City").fill("Cairo");
  await save(page);
  await expect(page.getByText("Saved. Recruiters can find you for their jobs.")).toBeVisible();

  // The recruiter's job names the skill; its hiring page links its candidates.
  const jobId = `ladder-e2e-${stamp}`.slice(0, 32);
  recruiterJobInE2eDb(recruiter.id, { id: jobId, title: `Quantum Ledger Analyst ${stamp}`, description: `You will use ${skill} and Excel every day.`, city: "Cairo" });
  const r = recruiter.page;
  await r.goto(`/hiring/general/${jobId}`);
  await r.getByRole("link", { name: "Candidates", exact: true }).click();
  await expect(r.getByRole("heading", { level: 1 })).toContainText("Candidates");
  // Found by name, paging on if other tests' members come first.
  const card = r.getByRole("listitem").filter({ has: r.getByRole("link", { name: `Salma Ledger ${stamp}` }) });
  for (let pages = 0; pages < 20 && (await card.count()) === 0; pages++) await r.getByRole("link", { name: "More candidates" }).click();
  await expect(card).toContainText(`Verified ${skill} 9/10`);
  await expect(card).toContainText("In Cairo");
  await expect(card).toContainText("% match");
  await expect(card.getByText(`Verified: ${skill} 9/10`)).toBeVisible();
  await expect(card.getByRole("link", { name: "Archive" })).toHaveAttribute("href", `/hiring/general/${jobId}/candidates/${member.id}/archive`);
  expect(skillId).toBeGreaterThan(0);
  await member.context.close();
  await recruiter.context.close();
});
