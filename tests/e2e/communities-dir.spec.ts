/**
 * Communities in a real browser, JavaScript on and off (issue 16, the directory and the creator's
 * pages): a member creates a community with a banner and finds it first in the directory; bad
 * input (an empty name, a name another community has in other case, a 6 MB banner, a program
 * renamed .png) is told beside its field with what was typed kept; the creator edits it, and
 * deletes it after the confirmation page. Each test signs up its own members.
 */
import type { Page, TestInfo } from "@playwright/test";
import { EXE_BYTES, pngBytes } from "../support/images";
import { expect as baseExpect, signUp, STORY_BUDGET_MS, test } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

const stampOf = (testInfo: TestInfo) => `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function newMember(page: Page, testInfo: TestInfo, label: string) {
  const stamp = stampOf(testInfo);
  await signUp(page, { name: `Founder ${label} ${stamp}`, email: `e2e-communities-${label}-${stamp}@example.com` });
}

async function fillCommunity(page: Page, fields: { name: string; description?: string }) {
  await page.getByLabel("Name", { exact: true }).fill(fields.name);
  if (fields.description !== undefined) await page.getByLabel("Description").fill(fields.description);
}

const bannerField = (page: Page) => page.getByLabel("Banner image (optional)");

test("a member creates a community with a banner and finds it first in the directory, as its only member", async ({ page }, testInfo) => {
  await newMember(page, testInfo, "create");
  const name = `Cairo Data People ${stampOf(testInfo)}`;
  await page.goto("/communities");
  await page.getByRole("link", { name: "Start a community" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Start a community" })).toBeVisible();
  await fillCommunity(page, { name, description: "Analysts and engineers in Cairo.\nMonthly meetups." });
  await bannerField(page).setInputFiles({ name: "banner.png", mimeType: "image/png", buffer: pngBytes(1500, 500) });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page).toHaveURL(/\/communities\/[0-9a-f-]{36}$/);
  const id = /\/communities\/([0-9a-f-]{36})$/.exec(page.url())![1];

  // The banner is served as a WebP to anyone.
  const banner = await page.request.get(`/communities/${id}/banner`);
  expect(banner.status()).toBe(200);
  expect(banner.headers()["content-type"]).toBe("image/webp");

  await page.goto("/communities");
  const yours = page.getByRole("region", { name: "Your communities" });
  await expect(yours.getByRole("link", { name, exact: true })).toBeVisible();
  await expect(yours.getByRole("listitem").filter({ hasText: name })).toContainText("Member");
  await expect(yours.getByRole("listitem").filter({ hasText: name })).toContainText("1 member");

  // Found by a word of its description, from the search form.
  await page.getByLabel("Search communities by name or description").fill("MONTHLY meetups");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/communities\?q=MONTHLY\+meetups$/);
  await expect(page.getByRole("region", { name: /Communities matching/ }).getByRole("link", { name, exact: true })).toBeVisible();
});

test("bad input is told beside its field with what was typed kept: empty name, a taken name in other case, a 6 MB banner, a program renamed .png", async ({
  page,
}, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  await newMember(page, testInfo, "refusals");
  const taken = `Women in Tech Amman ${stampOf(testInfo)}`;
  await page.goto("/communities/new");
  await fillCommunity(page, { name: taken });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page).toHaveURL(/\/communities\/[0-9a-f-]{36}$/);

  // An empty name.
  await page.goto("/communities/new");
  await fillCommunity(page, { name: "   ", description: "For alumni of Yarmouk University" });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page.locator("#name-error")).toHaveText("Enter a name.");
  await expect(page.getByLabel("Description")).toHaveValue("For alumni of Yarmouk University");
  await expect(page.getByRole("alert")).toContainText("There is a problem");

  // The same name in capitals.
  await fillCommunity(page, { name: taken.toUpperCase(), description: "Another group" });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page.locator("#name-error")).toContainText("Another community already has this name");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(taken.toUpperCase());
  await expect(page.getByLabel("Description")).toHaveValue("Another group");

  // A 6 MB banner: refused before sending with JavaScript, by the server without.
  const fresh = `Yarmouk Alumni ${stampOf(testInfo)}`;
  await fillCommunity(page, { name: fresh, description: "Kept" });
  const big = Buffer.concat([pngBytes(10, 10), Buffer.alloc(6 * 1024 * 1024)]);
  await bannerField(page).setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: big });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page.locator("#banner-error")).toContainText(/larger than 2 MB|is 6\.0 MB; a banner may be at most 2 MB/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(fresh);
  await expect(page.getByLabel("Description")).toHaveValue("Kept");

  // A program renamed .png.
  await bannerField(page).setInputFiles({ name: "banner.png", mimeType: "image/png", buffer: EXE_BYTES });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page.locator("#banner-error")).toContainText("PNG, JPEG or WebP");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(fresh);

  // Nothing of these was created.
  await page.goto(`/communities?q=${encodeURIComponent(fresh)}`);
  await expect(page.getByText(`No community matches “${fresh}”.`)).toBeVisible();
});

test("the creator edits the name and removes the banner, then deletes the community after the confirmation page", async ({ page }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  await newMember(page, testInfo, "edit");
  const name = `Pune Frontend ${stampOf(testInfo)}`;
  await page.goto("/communities/new");
  await fillCommunity(page, { name, description: "React and friends" });
  await bannerField(page).setInputFiles({ name: "banner.png", mimeType: "image/png", buffer: pngBytes(600, 200) });
  await page.getByRole("button", { name: "Create the community" }).click();
  await expect(page).toHaveURL(/\/communities\/[0-9a-f-]{36}$/);
  const id = /\/communities\/([0-9a-f-]{36})$/.exec(page.url())![1];

  // The directory links the creator's edit page.
  await page.goto("/communities");
  await page.getByRole("region", { name: "Your communities" }).getByRole("link", { name: `Edit ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the community" })).toBeVisible();
  await expect(page.locator(`img[src="/communities/${id}/banner"]`)).toBeVisible();
  const renamed = `${name} and Friends`;
  await page.getByLabel("Name", { exact: true }).fill(renamed);
  await page.getByLabel("Remove the banner").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/communities/${id}$`));
  expect((await page.request.get(`/communities/${id}/banner`)).status()).toBe(404);

  await page.goto(`/communities/${id}/edit`);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(renamed);
  await expect(page.getByLabel("Remove the banner")).toHaveCount(0);
  await page.getByRole("link", { name: "Delete this community" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Delete “${renamed}”?` })).toBeVisible();
  await page.getByRole("button", { name: "Delete the community" }).click();
  await expect(page).toHaveURL(/\/communities$/);
  await expect(page.getByText(`“${renamed}” is deleted.`)).toBeVisible();
  await expect(page.getByRole("link", { name: renamed, exact: true })).toHaveCount(0);
});

test("another member cannot open the creator's edit or delete page @request-only", async ({ page }, testInfo) => {
  await newMember(page, testInfo, "owner");
  const name = `Dubai Designers ${stampOf(testInfo)}`;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await page.request.get("/communities/new")).text())![1];
  const created = await page.request.post("/communities/new", { multipart: { csrf, name, description: "" }, maxRedirects: 0 });
  expect(created.status()).toBe(302);
  const path = created.headers()["location"];
  await page.context().clearCookies();
  await newMember(page, testInfo, "stranger");
  expect((await page.request.get(`${path}/edit`, { maxRedirects: 0 })).status()).toBe(403);
  expect((await page.request.get(`${path}/delete`, { maxRedirects: 0 })).status()).toBe(403);
});
