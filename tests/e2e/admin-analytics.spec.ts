/**
 * The analytics dashboard (issue 20, items 4 and 7) as an admin uses it, with JavaScript on and
 * off: the overview's live card, the charts in the HTML as SVG, changing the period (a mistake
 * shown beside its field), a chart's numbers under <details>, a CSV download; a member gets 403.
 */
import fs from "node:fs";
import { expect, signIn, STORY_BUDGET_MS, test } from "./fixtures";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const daysAgo = (n: number) => iso(new Date(Date.now() - n * 86_400_000));

test("an admin reads the dashboard, changes the period, opens a chart's numbers and downloads a CSV", async ({ page, browserErrors }) => {
  test.setTimeout(STORY_BUDGET_MS);
  await signIn(page, "admin@demo.test");

  // The charts are in the page's HTML as SVG paths: no script draws them.
  const html = await (await page.request.get("/admin/analytics")).text();
  expect(html).toMatch(/<svg viewBox="0 0 320 130"[^>]*role="img"/);
  expect(html).toMatch(/<path d="M[\d.,LMZ]+" fill="none"/);

  await page.goto("/admin");
  await expect(page.getByTestId("analytics-today")).toContainText(/Today so far: [\d,]+ page views, [\d,]+ active members, [\d,]+ sign-ups, [\d,]+ actions\./);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Analytics");
  await expect(page.getByText(/\(30 days\),/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Summary" }).getByRole("listitem")).toHaveCount(9);
  await expect(page.getByRole("img", { name: /^Page views/ })).toBeVisible();

  await page.getByRole("link", { name: "Last 7 days" }).click();
  await expect(page).toHaveURL(/\/admin\/analytics\?days=7$/);
  await expect(page.getByText(/\(7 days\),/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Last 7 days" })).toHaveAttribute("aria-current", "page");

  // A custom period with its days the wrong way round: the message beside "To", the dates kept.
  const from = daysAgo(3);
  const to = daysAgo(10);
  await page.getByLabel("From", { exact: true }).fill(from);
  await page.getByLabel("To", { exact: true }).fill(to);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.locator("#to-error")).toHaveText("The last day must be on or after the first day.");
  await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
  await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);

  await page.getByLabel("From", { exact: true }).fill(to);
  await page.getByLabel("To", { exact: true }).fill(from);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(`/admin/analytics?from=${to}&to=${from}`);
  await expect(page.getByText(/\(8 days\),/)).toBeVisible();

  // The numbers behind the page-views chart, one row per day of the period.
  const chart = page.getByRole("figure", { name: "Page views" });
  const numbers = chart.getByRole("table");
  await expect(numbers).toBeHidden();
  await chart.getByText("Numbers").click();
  await expect(numbers).toBeVisible();
  await expect(numbers.getByRole("row")).toHaveCount(9);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download “Per day” as CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`ladder-analytics-daily-${to}-${from}.csv`);
  const bytes = fs.readFileSync(await download.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
  expect(lines[0]).toBe("Day,Page views,Active members,Sessions,Sign-ups,Connections,Posts,Applications,Skill attempts,Community joins,Actions");
  expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(Array.from({ length: 8 }, (_, i) => daysAgo(10 - i)));
  expect(browserErrors.filter((error) => !error.includes("status of 400 (Bad Request)"))).toEqual([]);
});

test("a member who is not an admin gets 403 from the dashboard and its exports", async ({ page, browserErrors }) => {
  test.setTimeout(STORY_BUDGET_MS);
  await signIn(page, "user@demo.test");
  const response = await page.goto("/admin/analytics");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("This page is for admin accounts only.")).toBeVisible();
  expect((await page.request.get("/admin/analytics/export/pages.csv?days=7")).status()).toBe(403);
  expect(browserErrors.filter((error) => !error.includes("status of 403 (Forbidden)"))).toEqual([]);
});
