/**
 * Community membership and moderation (issue 16), JavaScript on and off: members ask to join, the
 * creator approves one from /moderation and declines another with a reason the member reads in
 * /notifications, approves three ticked requests in one submit, a second moderator acting on a
 * request that was already decided is told who decided, and a member is removed with a reason.
 *
 * The community is written straight into the test server's SQLite file (as the app makes one:
 * the creator an approved member and its first moderator, the count in community_stats), so this
 * story does not depend on the create form, which another part of issue 16 builds and tests.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Page } from "@playwright/test";
import { expect as baseExpect, seriousAxeViolations, signIn, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0);
const DB_FILE = `data/e2e${OFFSET ? `-${OFFSET}` : ""}.db`;

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DB_FILE);
  db.pragma("busy_timeout = 10000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** A community created by `creatorId`, with pending requests from `askers` (no notifications: they asked "before"). */
function makeCommunity(creatorId: string, name: string, askers: string[] = []): string {
  return withDb((db) => {
    const id = randomUUID();
    const now = Date.now();
    db.prepare("insert into communities (id, name, description, created_by, created_at) values (?, ?, ?, ?, ?)").run(id, name, "For the browser tests.", creatorId, now);
    db.prepare("insert into community_memberships (id, community_id, user_id, status, joined_at) values (?, ?, ?, 'approved', ?)").run(randomUUID(), id, creatorId, now);
    db.prepare("insert into community_moderators (community_id, user_id, appointed_at) values (?, ?, ?)").run(id, creatorId, now);
    db.prepare("insert into community_stats (community_id, members) values (?, 1)").run(id);
    askers.forEach((userId, i) => {
      db.prepare("insert into community_memberships (id, community_id, user_id, status, joined_at) values (?, ?, ?, 'pending', ?)").run(randomUUID(), id, userId, now + i + 1);
    });
    return id;
  });
}

/**
 * Seeded demo members (@ladder-demo.test, distinct names), none of them a demo login, to ask in
 * bulk: other specs add members of their own to the shared database, some with equal names.
 */
function demoMembers(count: number, skip: number): { id: string; name: string }[] {
  return withDb(
    (db) =>
      db
        .prepare(`select id, name from "User" where email like '%@ladder-demo.test' and name is not null order by email limit ? offset ?`)
        .all(count, skip) as { id: string; name: string }[],
  );
}

async function newMember(browser: import("@playwright/test").Browser, javaScriptEnabled: boolean, who: { name: string; email: string }) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const id = await signUp(page, who);
  return { context, page, id };
}

async function memberRow(page: Page, name: string) {
  return page.getByRole("list", { name: "Waiting requests" }).getByRole("listitem").filter({ hasText: name });
}

test("members ask to join, the creator approves, declines with a reason, approves three at once and removes a member; a late moderator is told who decided", async ({
  page,
  browser,
  browserErrors,
}, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const creatorName = `Salma Creator ${stamp}`;
  const creatorId = await signUp(page, { name: creatorName, email: `e2e-community-creator-${stamp}@example.com` });
  const communityName = `Cairo Builders ${stamp}`;
  const bulk = demoMembers(3, testInfo.project.name === "js-on" ? 0 : 3);
  const communityId = makeCommunity(creatorId, communityName);
  const bulkCommunityId = makeCommunity(creatorId, `Bulk ${stamp}`, bulk.map((m) => m.id));

  // Two members ask to join from the membership page.
  const huda = await newMember(browser, js, { name: `Huda Asker ${stamp}`, email: `e2e-community-huda-${stamp}@example.com` });
  const omar = await newMember(browser, js, { name: `Omar Declined ${stamp}`, email: `e2e-community-omar-${stamp}@example.com` });
  for (const member of [huda, omar]) {
    await member.page.goto(`/communities/${communityId}/membership`);
    await expect(member.page.getByRole("heading", { level: 1 })).toHaveText(`Join ${communityName}`);
    await member.page.getByRole("button", { name: "Ask to join" }).click();
    await expect(member.page.getByRole("status")).toHaveText("Request sent. A moderator will decide.");
    await expect(member.page.getByRole("heading", { level: 1 })).toHaveText(`Your request to join ${communityName} is waiting`);
  }

  // The creator sees the count in the header and the requests in /moderation, oldest first.
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { level: 1, name: "Membership requests" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: "Membership requests 5 waiting" })).toBeVisible();
  await expect(await memberRow(page, `Huda Asker ${stamp}`)).toContainText(communityName);
  expect(await seriousAxeViolations(page, browser, js), "the queue with requests").toEqual([]);

  // Approve one; with JavaScript the row leaves without a page load (a mark on the window survives).
  if (js) {
    await waitForHydration(page);
    await page.evaluate(() => Object.assign(window, { stayedOnPage: true }));
  }
  await (await memberRow(page, `Huda Asker ${stamp}`)).getByRole("button", { name: `Approve Huda Asker ${stamp}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Huda Asker ${stamp} is now a member.`);
  await expect(page.getByRole("list", { name: "Waiting requests" })).not.toContainText(`Huda Asker ${stamp}`);
  if (js) expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);

  // Decline another with a reason.
  const omarRow = await memberRow(page, `Omar Declined ${stamp}`);
  await omarRow.getByText("Decline…").click();
  await omarRow.getByLabel(/^Reason/).fill("Please add a headline to your profile first, then ask again.");
  await omarRow.getByRole("button", { name: `Decline Omar Declined ${stamp}` }).click();
  await expect(page.getByRole("status")).toHaveText(`You declined Omar Declined ${stamp}'s request.`);
  await expect(page.getByRole("list", { name: "Waiting requests" })).not.toContainText(`Omar Declined ${stamp}`);
  if (js) expect(await page.evaluate(() => "stayedOnPage" in window)).toBe(true);

  // The declined member reads the reason in their notifications.
  await omar.page.goto("/notifications");
  await expect(omar.page.getByRole("main")).toContainText(
    `Your request to join ${communityName} was declined. The moderator's reason: Please add a headline to your profile first, then ask again.`,
  );
  await omar.context.close();

  // Ticking nothing says so beside the batch form; then three ticked requests are approved in one submit.
  await page.goto(`/communities/${bulkCommunityId}/requests`);
  await page.getByRole("button", { name: "Approve ticked" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Tick at least one request first." }).first()).toBeVisible();
  for (const member of bulk) await page.getByLabel(`Tick ${member.name}`).check();
  await page.getByRole("button", { name: "Approve ticked" }).click();
  await expect(page.getByRole("status")).toHaveText("Approved 3 requests.");
  await expect(page.getByRole("main")).toContainText("No requests are waiting.");

  // A late moderator: a new request, opened by the global moderator in another browser before the creator decides.
  const late = await newMember(browser, js, { name: `Late Asker ${stamp}`, email: `e2e-community-late-${stamp}@example.com` });
  await late.page.goto(`/communities/${communityId}/membership`);
  await late.page.getByRole("button", { name: "Ask to join" }).click();
  await expect(late.page.getByRole("status")).toHaveText("Request sent. A moderator will decide.");
  await late.context.close();
  const modContext = await browser.newContext({ javaScriptEnabled: js });
  const moderator = await modContext.newPage();
  await signIn(moderator, "moderator@demo.test");
  await moderator.goto(`/communities/${communityId}/requests`);
  await page.goto(`/communities/${communityId}/requests`);
  await (await memberRow(page, `Late Asker ${stamp}`)).getByRole("button", { name: `Approve Late Asker ${stamp}` }).click();
  await expect(page.getByRole("status")).toHaveText(`Late Asker ${stamp} is now a member.`);
  const stale = await memberRow(moderator, `Late Asker ${stamp}`);
  await stale.getByText("Decline…").click();
  await stale.getByRole("button", { name: `Decline Late Asker ${stamp}` }).click();
  await expect(moderator.getByRole("status")).toHaveText(`Late Asker ${stamp}'s request was already approved by ${creatorName}.`);
  await modContext.close();

  // The creator removes a member with a reason; the member reads it.
  await page.goto(`/communities/${communityId}/members`);
  const hudaRow = page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: `Huda Asker ${stamp}` });
  await expect(page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: creatorName })).toContainText("Creator");
  expect(await seriousAxeViolations(page, browser, js), "the member list with a moderator's actions").toEqual([]);
  await hudaRow.getByText("Remove or ban…").click();
  await hudaRow.getByLabel(/^Reason/).fill("Posting the same advert every day.");
  await hudaRow.getByRole("button", { name: `Remove Huda Asker ${stamp}`, exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Member removed. They were told why.");
  await expect(page.getByRole("list", { name: "Members" })).not.toContainText(`Huda Asker ${stamp}`);
  await huda.page.goto("/notifications");
  await expect(huda.page.getByRole("main")).toContainText(`A moderator removed you from ${communityName}. Their reason: Posting the same advert every day.`);
  await huda.context.close();

  expect(browserErrors).toEqual([]);
});

test("a member leaves through the confirmation page, and a visitor is sent to sign in", async ({ page, browser }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const creatorId = await signUp(page, { name: `Leave Creator ${stamp}`, email: `e2e-community-leave-creator-${stamp}@example.com` });
  const communityName = `Leavers ${stamp}`;
  const communityId = makeCommunity(creatorId, communityName);
  const member = await newMember(browser, js, { name: `Leaving Member ${stamp}`, email: `e2e-community-leaver-${stamp}@example.com` });
  withDb((db) =>
    db
      .prepare("insert into community_memberships (id, community_id, user_id, status, joined_at) values (?, ?, ?, 'approved', ?)")
      .run(randomUUID(), communityId, member.id, Date.now()),
  );
  await member.page.goto(`/communities/${communityId}/membership`);
  await expect(member.page.getByRole("heading", { level: 1 })).toHaveText(`Leave ${communityName}?`);
  await member.page.getByRole("button", { name: "Leave community" }).click();
  await expect(member.page.getByRole("status")).toHaveText("You left the community.");
  await expect(member.page.getByRole("heading", { level: 1 })).toHaveText(`Join ${communityName}`);
  await member.context.close();

  const visitor = await browser.newContext({ javaScriptEnabled: js });
  const anonymous = await visitor.newPage();
  await anonymous.goto(`/communities/${communityId}/membership`);
  await expect(anonymous).toHaveURL(/\/login\?redirectTo=/);
  await visitor.close();
});
