/**
 * People, connections and notifications, JavaScript on and off: a new member finds a demo
 * member and asks to connect, a second request from a stale tab is refused, the demo member
 * sees the notification and accepts, the new member is told, and finally removes the
 * connection again (so the demo account ends as it began).
 */
import { confirmInBrowser, expect as baseExpect, test, STORY_BUDGET_MS } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });
const RECRUITER = "Omar Farouk";
const RECRUITER_HEADLINE = "Talent acquisition lead hiring graduates";

test("a new member asks a demo member to connect, a duplicate is refused, the request is accepted and both see notifications", async ({ page, browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const project = testInfo.project.name;
  const stamp = Date.now().toString(36);
  const name = `Nadia ${project} ${stamp}`;

  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  const email = `e2e-network-${project}-${stamp}@example.com`;
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a ladder to a first job");
  await page.getByRole("button", { name: "Create account" }).click();
  await confirmInBrowser(page, email);
  await expect(page.getByRole("heading", { level: 1, name: "Your profile" })).toBeVisible();

  // Find the recruiter; a second tab keeps the same search open for later.
  await page.goto("/people");
  await page.getByLabel("Name, headline or skill").fill(RECRUITER);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/people\?q=Omar/);
  const stale = await page.context().newPage();
  await stale.goto(page.url());

  const result = page.getByRole("listitem").filter({ hasText: RECRUITER_HEADLINE });
  await result.getByText("Add a message").click();
  await result.getByLabel(`Message to ${RECRUITER}`).fill("We met at the Dubai graduate fair.");
  await result.getByRole("button", { name: `Connect with ${RECRUITER}` }).click();
  await expect(page.getByRole("status")).toHaveText("Request sent.");
  await expect(page.getByRole("listitem").filter({ hasText: RECRUITER_HEADLINE })).toContainText("Request sent");

  // The stale tab still offers "Connect": a second request is refused, not duplicated.
  await stale.getByRole("listitem").filter({ hasText: RECRUITER_HEADLINE }).getByRole("button", { name: `Connect with ${RECRUITER}` }).click();
  await expect(stale.getByRole("status")).toContainText("You have already sent this member a request.");
  await stale.close();

  // The recruiter, in another browser, sees the request and accepts it.
  const other = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled ?? true });
  const recruiter = await other.newPage();
  await recruiter.goto("/login");
  await recruiter.getByLabel("Email").fill("recruiter@demo.test");
  await recruiter.getByLabel("Password").fill("ladder-demo");
  await recruiter.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(recruiter.getByRole("link", { name: /^Notifications \d+ unread$/ })).toBeVisible();
  await recruiter.getByRole("link", { name: /^Notifications/ }).click();
  await expect(recruiter.getByRole("main")).toContainText(`${name} would like to connect with you.`);
  await recruiter.goto("/network");
  const request = recruiter.getByRole("listitem").filter({ hasText: name });
  await expect(request).toContainText("We met at the Dubai graduate fair.");
  await request.getByRole("button", { name: `Accept (${name})` }).click();
  await expect(recruiter.getByRole("status")).toHaveText("Request accepted: you are now connected.");
  await expect(recruiter.getByRole("list", { name: "Your connections" })).toContainText(name);
  await other.close();

  // The new member is told, with an unread count in the header, and marks it read.
  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: "Notifications 1 unread" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`${RECRUITER} accepted your connection request.`);
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("status")).toHaveText("All notifications marked as read.");
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();

  // Remove the connection, through its confirmation page.
  await page.goto("/network");
  await page.getByRole("link", { name: `Remove ${RECRUITER}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Remove ${RECRUITER} from your connections?`);
  await page.getByRole("button", { name: "Remove connection" }).click();
  await expect(page.getByRole("status")).toHaveText("Connection removed.");
  await expect(page.getByRole("main")).toContainText("No connections yet.");

  expect(browserErrors).toEqual([]);
});
