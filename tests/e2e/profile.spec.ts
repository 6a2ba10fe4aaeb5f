/**
 * A new member fills in every part of their profile, JavaScript on and off: bad input first
 * (errors beside the fields, what they typed kept), then good input, a photo, the lists, and
 * finally the public profile others see.
 */
import zlib from "node:zlib";
import type { Page } from "@playwright/test";
import { GPS_MARKERS, jpegWithGps, photoJpeg } from "../support/images";
import { confirmInBrowser, expect as baseExpect, expectSignedIn, seriousAxeViolations, test, STORY_BUDGET_MS, signIn } from "./fixtures";

// Each step waits for a full server round trip; on a busy 2-core machine 5 s was once too short.
const expect = baseExpect.configure({ timeout: 10_000 });

const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

test("a new member fills in every profile section, bad input then good, and sees their public profile", async ({ page, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const project = testInfo.project.name;
  const stamp = Date.now().toString(36);
  const email = `e2e-profile-${project}-${stamp}@example.com`;

  // Sign up: Ladder sends new members straight to their profile.
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Rania Khalil");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a ladder to a first job");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();

  // ---- Basics: bad, then good
  await page.getByLabel("Name", { exact: true }).fill("");
  await page.getByLabel("Phone").fill("call me");
  await page.getByLabel("LinkedIn").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(byId(page, "name-error")).toHaveText("Enter your name.");
  await expect(byId(page, "phone-error")).toContainText("digits");
  await expect(byId(page, "linkedinURL-error")).toContainText("https://");
  await expect(page.getByRole("alert").filter({ hasText: "There are 3 problems" })).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveValue("call me");
  await expect(page.getByLabel("LinkedIn")).toHaveValue("javascript:alert(1)");

  await page.getByLabel("Name", { exact: true }).fill("Rania Khalil");
  await page.getByLabel("Headline").fill("Graduate civil engineer, open to site roles");
  await page.getByLabel("Phone").fill("+962 79 555 0101");
  await page.getByLabel("LinkedIn").fill("linkedin.com/in/rania-khalil-e2e");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeVisible();
  await expect(page.getByLabel("LinkedIn")).toHaveValue("https://linkedin.com/in/rania-khalil-e2e");
  await expect(byId(page, "linkedinURL-error")).toHaveCount(0);

  // ---- Goals, strengths and interests
  await page.getByLabel("Strengths", { exact: true }).fill(`teamwork, ${"x".repeat(41)}`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(byId(page, "strengths-error")).toContainText("at most 40 characters");
  await expect(page.getByLabel("Strengths", { exact: true })).toHaveValue(`teamwork, ${"x".repeat(41)}`);
  await page.getByLabel("Goals", { exact: true }).fill("Site engineer role in Amman");
  await page.getByLabel("Strengths", { exact: true }).fill("teamwork, AutoCAD,  teamwork ");
  await page.getByLabel("Interests", { exact: true }).fill("bridges, green building");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Your strengths" }).getByRole("listitem")).toHaveText(["teamwork", "AutoCAD"]);

  // ---- Anonymous identity: bad characters, a name someone has (in another case), then a free one
  await page.getByLabel("Anonymous name").fill("no spaces!");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(byId(page, "anonymous_username-error")).toContainText("letters a to z");
  await expect(page.getByLabel("Anonymous name")).toHaveValue("no spaces!");
  await page.getByLabel("Anonymous name").fill("quietfalcon10"); // the demo user's, "QuietFalcon10"
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(byId(page, "anonymous_username-error")).toHaveText("That name is taken. Try another one.");
  // The earlier save's "saved" message does not stay beside the refusal.
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toHaveCount(0);
  const anonymousName = `e2e_${project.replace("-", "")}_${stamp}`.toLowerCase().slice(0, 30);
  await page.getByLabel("Anonymous name").fill(anonymousName);
  await page.getByLabel("Owl").check();
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile is saved." })).toBeVisible();
  await expect(page.getByLabel("Anonymous name")).toHaveValue(anonymousName);
  await expect(page.getByLabel("Owl")).toBeChecked();

  // ---- Photo: a text file called .png is refused, a phone photo with GPS is taken, shrunk, as WebP
  await page.getByLabel("Profile photo").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("just some text\n") });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(byId(page, "avatar-error")).toContainText("not a PNG, JPEG or WebP");
  await page.getByLabel("Profile photo").setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer: jpegWithGps(await photoJpeg(800, 600)) });
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your profile and photo are saved." })).toBeVisible();
  const photo = page.locator('section[aria-labelledby="photo-title"] img');
  await expect(photo).toHaveAttribute("src", /^\/avatars\/avatar-[0-9a-f]{32}\.webp$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(512);
  const served = await page.request.get((await photo.getAttribute("src"))!);
  expect(served.headers()["content-type"]).toBe("image/webp");
  expect((await served.body()).includes(GPS_MARKERS.datum)).toBe(false);
  // server.ts sends nosniff on every response and the route sends its own: the route's replaces it.
  expect(served.headersArray().filter((h) => h.name.toLowerCase() === "x-content-type-options")).toEqual([{ name: expect.any(String), value: "nosniff" }]);

  // ---- Education: add, a bad entry, then good; add another, move it up, remove one
  await page.getByRole("link", { name: "Edit education" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your education" })).toBeVisible();
  await expect(page.getByText("Nothing here yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add a school" }).click();
  await expect(byId(page, "education.0.school")).toBeFocused();
  await byId(page, "education.0.degree").fill("BSc Civil Engineering");
  await byId(page, "education.0.startYear").fill("2024");
  await byId(page, "education.0.endYear").fill("2020");
  await page.getByRole("button", { name: "Save education" }).click();
  await expect(byId(page, "education.0.school-error")).toHaveText("Enter the school or university.");
  await expect(byId(page, "education.0.endYear-error")).toHaveText("The end year cannot be before the start year.");
  await expect(byId(page, "education.0.degree")).toHaveValue("BSc Civil Engineering");
  await expect(byId(page, "education.0.startYear")).toHaveValue("2024");
  await byId(page, "education.0.school").fill("University of Jordan");
  await byId(page, "education.0.startYear").fill("2020");
  await byId(page, "education.0.endYear").fill("2024");
  await page.getByRole("button", { name: "Save education" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your education is saved." })).toBeVisible();

  await page.getByRole("button", { name: "Add another school" }).click();
  await expect(page.getByText("Not saved yet")).toBeVisible();
  await byId(page, "education.1.school").fill("Coursera");
  await page.getByRole("button", { name: "Move up School 2" }).click();
  await expect(byId(page, "education.0.school")).toHaveValue("Coursera");
  await expect(byId(page, "education.1.school")).toHaveValue("University of Jordan");
  await page.getByRole("button", { name: "Add another school" }).click();
  await byId(page, "education.2.school").fill("To be removed");
  await page.getByRole("button", { name: "Remove School 3" }).click();
  await expect(byId(page, "education.2.school")).toHaveCount(0);
  // Enter in a field saves (the hidden first button of the form), not "Move down".
  await byId(page, "education.0.field").fill("Project management");
  await byId(page, "education.0.field").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Your education is saved." })).toBeVisible();
  await expect(byId(page, "education.0.school")).toHaveValue("Coursera");
  await expect(byId(page, "education.1.school")).toHaveValue("University of Jordan");

  // ---- Experience, skills and certifications
  await page.goto("/settings/profile/experience");
  await page.getByRole("button", { name: "Add a job" }).click();
  await byId(page, "experience.0.title").fill("Site Engineer Intern");
  await byId(page, "experience.0.company").fill("Arab Contractors");
  await byId(page, "experience.0.startDate").fill("2023-06");
  await byId(page, "experience.0.endDate").fill("2023-01");
  await page.getByRole("button", { name: "Save experience" }).click();
  await expect(byId(page, "experience.0.endDate-error")).toHaveText("The end cannot be before the start.");
  await byId(page, "experience.0.endDate").fill("2023-09");
  await byId(page, "experience.0.description").fill("Checked rebar schedules on a bridge site.");
  await page.getByRole("button", { name: "Save experience" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your experience is saved." })).toBeVisible();

  await page.goto("/settings/profile/skills");
  await page.getByRole("button", { name: "Add a skill" }).click();
  await byId(page, "skills.0.skill").fill("AutoCAD");
  await page.getByRole("button", { name: "Add another skill" }).click();
  await byId(page, "skills.1.skill").fill("Site surveying");
  await page.getByRole("button", { name: "Save skills" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your skills are saved." })).toBeVisible();

  await page.goto("/settings/profile/certifications");
  await page.getByRole("button", { name: "Add a certificate" }).click();
  await byId(page, "certifications.0.name").fill("PMP");
  await byId(page, "certifications.0.url").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save certifications" }).click();
  await expect(byId(page, "certifications.0.url-error")).toContainText("javascript:");
  await expect(byId(page, "certifications.0.url")).toHaveValue("javascript:alert(1)");
  await byId(page, "certifications.0.issuer").fill("PMI");
  await byId(page, "certifications.0.url").fill("https://www.pmi.org/certifications/project-management-pmp");
  await page.getByRole("button", { name: "Save certifications" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your certifications are saved." })).toBeVisible();

  // ---- The public profile
  await page.getByRole("link", { name: "Back to your profile" }).click();
  await page.getByRole("link", { name: "your public profile" }).click();
  await expect(page).toHaveURL(/\/u\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Rania Khalil" })).toBeVisible();
  const main = page.locator("main");
  await expect(main).toContainText("Graduate civil engineer, open to site roles");
  await expect(main).toContainText("Site Engineer Intern, Arab Contractors (2023-06 to 2023-09)");
  await expect(page.getByRole("heading", { level: 2, name: "Education" })).toBeVisible();
  await expect(main.getByText("Coursera")).toBeVisible();
  await expect(page.getByRole("list", { name: "Skills" }).getByRole("listitem")).toHaveText(["AutoCAD", "Site surveying"]);
  await expect(page.getByRole("list", { name: "Strengths" }).getByRole("listitem")).toHaveText(["teamwork", "AutoCAD"]);
  await expect(page.getByRole("link", { name: "LinkedIn" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await expect(page.getByRole("link", { name: "PMP" })).toHaveAttribute("href", "https://www.pmi.org/certifications/project-management-pmp");
  await expect(main.locator("img")).toHaveAttribute("src", /^\/avatars\//);
  for (const secret of [email, "555 0101", anonymousName]) await expect(main).not.toContainText(secret);

  // The refused forms above answer 400, which the browser logs; nothing else may go wrong.
  expect(browserErrors.filter((error) => !error.includes("status of 400 (Bad Request)"))).toEqual([]);
});

test("a member's public profile shows no photo in lite mode, and an unknown profile is a 404 page with a way back", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("career@demo.test");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page);
  await page.goto("/settings/profile");
  const href = await page.getByRole("link", { name: "your public profile" }).getAttribute("href");

  const lite = await page.request.get(href!, { headers: { "Save-Data": "on" } });
  expect(lite.status()).toBe(200);
  const html = await lite.text();
  expect(html).not.toContain("<img");
  expect(html).not.toContain("<script");

  const missing = await page.goto("/u/0b6c9a4e-3d5f-4c1a-9e2b-7f8d6a5c4b3a");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("There is no member at this address")).toBeVisible();
  const malformed = await page.goto("/u/42");
  expect(malformed?.status()).toBe(404);
});

test("in lite mode the demo member's profile pages fit in the first round trip (14,600 bytes gzip) @js-off-only", async ({ page }, testInfo) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("user@demo.test");
  await page.getByLabel("Password").fill("ladder-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expectSignedIn(page);
  await page.goto("/settings/profile");
  const publicProfile = (await page.getByRole("link", { name: "your public profile" }).getAttribute("href"))!;
  const paths = ["/settings/profile", ...["education", "experience", "skills", "certifications"].map((l) => `/settings/profile/${l}`), publicProfile];
  const rows: string[] = [];
  for (const path of paths) {
    const response = await page.request.get(path, { headers: { "Save-Data": "on" } });
    expect(response.status(), path).toBe(200);
    const body = await response.body();
    expect(body.toString("utf8"), path).not.toMatch(/<script/i);
    const gzip = zlib.gzipSync(body, { level: 6 }).length;
    rows.push(`${path.padEnd(44)} ${String(body.length).padStart(6)} raw ${String(gzip).padStart(6)} gzip`);
    expect.soft(gzip, `${path} is ${gzip} bytes gzip`).toBeLessThanOrEqual(14_600);
  }
  console.log(`\nProfile pages, lite mode, demo member:\n${rows.join("\n")}\n`);
  await testInfo.attach("profile-page-weight.txt", { body: rows.join("\n"), contentType: "text/plain" });
});

// One page a test, so none needs more than 30 s on a busy machine (axe takes seconds a page).
for (const [label, pathOf] of [
  ["the profile editor", async () => "/settings/profile"],
  ["the experience editor", async () => "/settings/profile/experience"],
  ["the public profile", async (page: Page) => (await page.getByRole("link", { name: "your public profile" }).getAttribute("href"))!],
] as const) {
  test(`${label} has no serious accessibility problems`, async ({ page, browser, javaScriptEnabled }) => {
    await signIn(page, "recruiter@demo.test");
    await page.goto("/settings/profile");
    const path = await pathOf(page);
    await page.goto(path);
    expect(await seriousAxeViolations(page, browser, javaScriptEnabled), path).toEqual([]);
  });
}
