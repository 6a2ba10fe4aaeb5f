/**
 * Reports and moderation of the anonymous feed (issue 17, item 6), JavaScript on and off: a member
 * reports an anonymous post and a comment (no reason chosen first: the message beside the field,
 * 400), a global moderator finds both in /moderation's "Feed reports" tab, hides the post and
 * dismisses the comment's report; the post is removed (a removal row, its report closed, nothing
 * left to report) and its author reads the notice in /notifications. Nobody's real name shows next
 * to the anonymous words.
 *
 * The post and the comment are written straight into the test server's SQLite file (as the feed's
 * own forms would write them), so this story does not depend on the post page and its forms, which
 * another part of issue 17 builds and tests.
 */
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser, Locator, Page } from "@playwright/test";
import { E2E_DB_FILE } from "./community-db";
import { expect as baseExpect, seriousAxeViolations, signIn, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";

const expect = baseExpect.configure({ timeout: 10_000 });

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(E2E_DB_FILE);
  db.pragma("busy_timeout = 10000");
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** An anonymous post by `authorId` with an anonymous comment by `commenterId`; both members get an anonymous name. */
function makeThread(input: { authorId: string; authorAlias: string; commenterId: string; commenterAlias: string; post: string; comment: string }) {
  return withDb((db) => {
    const postId = randomUUID();
    const commentId = randomUUID();
    const now = Date.now();
    db.transaction(() => {
      db.prepare(`update "User" set anonymous_username = ?, anonymous_avatar = 'fox' where id = ?`).run(input.authorAlias, input.authorId);
      db.prepare(`update "User" set anonymous_username = ?, anonymous_avatar = 'owl' where id = ?`).run(input.commenterAlias, input.commenterId);
      db.prepare(
        "insert into anonymous_post (id, user_id, content, is_anonymous, company_name, industry, topic, likes_count, comments_count, created_at, updated_at) values (?, ?, ?, 1, 'Acme Trading', 'Retail', 'workplace_issues', 0, 1, ?, ?)",
      ).run(postId, input.authorId, input.post, now - 60_000, now - 60_000);
      db.prepare("insert into anonymous_comment (id, post_id, user_id, content, is_anonymous, likes_count, created_at, updated_at) values (?, ?, ?, ?, 1, 0, ?, ?)").run(
        commentId,
        postId,
        input.commenterId,
        input.comment,
        now - 30_000,
        now - 30_000,
      );
    })();
    return { postId, commentId };
  });
}

async function newMember(browser: Browser, javaScriptEnabled: boolean, who: { name: string; email: string }) {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const id = await signUp(page, who);
  return { context, page, id };
}

/** Opens `path`; with JavaScript, waits until the page has hydrated (a tap before is handled as without it). */
async function open(page: Page, path: string, js: boolean) {
  const response = await page.goto(path);
  if (js) await waitForHydration(page);
  return response;
}

/**
 * Pages through the queue (oldest first, 20 a page) until `row` shows: other tests' reports come
 * first when they share the database.
 */
async function showRow(page: Page, row: Locator, js: boolean) {
  for (let pages = 0; pages < 20 && (await row.count()) === 0; pages++) {
    const more = page.getByRole("link", { name: "More reports" });
    if ((await more.count()) === 0) break;
    await more.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Feed reports");
    if (js) await waitForHydration(page);
  }
  await expect(row).toHaveCount(1);
}

/** Submits the page's report form and returns the status of the POST's answer (the document, or the data request with JavaScript). */
async function submitReport(page: Page): Promise<number> {
  const answer = page.waitForResponse((response) => response.request().method() === "POST" && /\/report(\.data)?(\?|$)/.test(new URL(response.url()).pathname));
  await page.getByRole("button", { name: "Send report" }).click();
  return (await answer).status();
}

test("a member reports an anonymous post and a comment, a moderator hides the post and dismisses the other report, and the author reads the notice", async ({
  page,
  browser,
  browserErrors,
}, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const authorName = `Hidden Author ${stamp}`;
  const authorId = await signUp(page, { name: authorName, email: `e2e-feed-author-${stamp}@example.com` });
  const commenter = await newMember(browser, js, { name: `Hidden Commenter ${stamp}`, email: `e2e-feed-commenter-${stamp}@example.com` });
  const authorAlias = `quietfox${stamp.replace(/[^a-z0-9]/g, "").slice(-8)}`;
  const commenterAlias = `nightowl${stamp.replace(/[^a-z0-9]/g, "").slice(-8)}`;
  const postText = `Salaries at Acme Trading are paid three weeks late ${stamp}`;
  const commentText = `Same in the Dubai branch ${stamp}`;
  const { postId, commentId } = makeThread({ authorId, authorAlias, commenterId: commenter.id, commenterAlias, post: postText, comment: commentText });
  await commenter.context.close();

  // The reporter: the post is quoted with its anonymous name only.
  const reporter = await newMember(browser, js, { name: `Rana Reporter ${stamp}`, email: `e2e-feed-reporter-${stamp}@example.com` });
  const r = reporter.page;
  await open(r, `/feed/${postId}/report`, js);
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Report this post");
  await expect(r.getByRole("main")).toContainText(postText);
  await expect(r.getByRole("main")).toContainText(authorAlias);
  expect(await r.content()).not.toContain(authorName);
  expect(await r.content()).not.toContain(authorId);
  expect(await seriousAxeViolations(r, browser, js), "the report form").toEqual([]);

  // No reason chosen: the message beside the field, 400, and the words kept.
  await r.getByLabel("Anything the moderators should know (optional)").fill("Names the branch manager in the comments.");
  expect(await submitReport(r)).toBe(400);
  await expect(r.locator("#reason-error")).toHaveText("Choose why you are reporting it.");
  await expect(r.getByLabel("Anything the moderators should know (optional)")).toHaveValue("Names the branch manager in the comments.");
  expect(await seriousAxeViolations(r, browser, js), "the report form with its error").toEqual([]);
  await r.getByLabel("Harassment or bullying").check();
  await submitReport(r);
  await expect(r).toHaveURL(new RegExp(`/feed/${postId}$`));
  await expect(r.getByRole("status")).toHaveText("Thank you. A moderator will look at your report.");
  await open(r, `/feed/${postId}/report`, js);
  await expect(r.getByRole("main")).toContainText("You already reported this post on");

  // The comment, with its own anonymous name.
  await open(r, `/feed/${postId}/comments/${commentId}/report`, js);
  await expect(r.getByRole("heading", { level: 1 })).toHaveText("Report this comment");
  await expect(r.getByRole("main")).toContainText(commentText);
  await expect(r.getByRole("main")).toContainText(commenterAlias);
  await r.getByLabel("Spam or advertising").check();
  await submitReport(r);
  await expect(r.getByRole("status")).toHaveText("Thank you. A moderator will look at your report.");

  // A global moderator: the tab on /moderation, the queue, hide the post.
  const modContext = await browser.newContext({ javaScriptEnabled: js });
  const moderator = await modContext.newPage();
  await signIn(moderator, "moderator@demo.test");
  await open(moderator, "/moderation", js);
  await moderator.getByRole("navigation", { name: "Moderation" }).getByRole("link", { name: /^Feed reports \(\d+ open\)$/ }).click();
  await expect(moderator.getByRole("heading", { level: 1 })).toHaveText("Feed reports");
  if (js) await waitForHydration(moderator);
  const postRow = moderator.locator("article[data-report-id]").filter({ hasText: postText }).filter({ hasNotText: commentText });
  const commentRow = moderator.locator("article[data-report-id]").filter({ hasText: commentText });
  await showRow(moderator, postRow, js);
  await expect(postRow).toContainText(authorAlias);
  await expect(postRow).toContainText("Harassment or bullying: 1");
  await expect(postRow).toContainText("Names the branch manager in the comments.");
  const queueHtml = await moderator.content();
  for (const secret of [authorName, authorId, commenter.id, `Hidden Commenter ${stamp}`, reporter.id, `Rana Reporter ${stamp}`]) expect(queueHtml).not.toContain(secret);
  expect(await seriousAxeViolations(moderator, browser, js), "the reports queue").toEqual([]);
  await postRow.getByRole("button", { name: "Hide post" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Hidden. Readers now see “Removed by a moderator”, and the author was told.");
  await expect(postRow).toHaveCount(0);
  await showRow(moderator, commentRow, js);
  await expect(commentRow).toContainText(commenterAlias);
  await commentRow.getByRole("button", { name: "Dismiss reports" }).click();
  await expect(moderator.getByRole("status")).toHaveText("Reports dismissed. It stays as it is.");
  await expect(commentRow).toHaveCount(0);
  await modContext.close();

  // The post is removed: the removal row, its report closed as hidden, the comment's dismissed; nothing left to report.
  const stored = withDb((db) => ({
    removed: db.prepare("select count(*) as n from anonymous_post_removals where post_id = ?").get(postId) as { n: number },
    post: db.prepare("select status from anonymous_reports where post_id = ?").all(postId) as { status: string }[],
    comment: db.prepare("select status from anonymous_reports where comment_id = ?").all(commentId) as { status: string }[],
    counts: db.prepare("select comments_count from anonymous_post where id = ?").get(postId) as { comments_count: number },
  }));
  expect(stored).toEqual({ removed: { n: 1 }, post: [{ status: "hidden" }], comment: [{ status: "dismissed" }], counts: { comments_count: 1 } });
  const again = await r.request.get(`/feed/${postId}/comments/${commentId}/report`);
  expect(again.status()).toBe(200);
  const hidden = await r.goto(`/feed/${postId}/report`);
  expect(hidden?.status()).toBe(409);
  await expect(r.getByRole("main")).toContainText("A moderator already removed this post, so there is nothing to report.");
  await reporter.context.close();

  // The author reads the notice; it names nobody.
  await page.goto("/notifications");
  const notice = page.getByRole("main").getByRole("listitem").filter({ hasText: "A moderator removed your post" });
  await expect(notice).toContainText(postText);
  await expect(notice.getByRole("link").first()).toHaveAttribute("href", `/feed/${postId}`);
  await expect(notice).not.toContainText("Rana Reporter");
  await expect(notice).not.toContainText("Youssef");
  expect(browserErrors).toEqual([]);
});

test("a visitor who opens a report page is sent to sign in and comes back; a member is refused the queue", async ({ page, browser }, testInfo) => {
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const authorId = await signUp(page, { name: `Queue Author ${stamp}`, email: `e2e-feed-queue-${stamp}@example.com` });
  const member = await newMember(browser, js, { name: `Queue Member ${stamp}`, email: `e2e-feed-queue-member-${stamp}@example.com` });
  const { postId } = makeThread({ authorId, authorAlias: `a${stamp.replace(/[^a-z0-9]/g, "").slice(-10)}`, commenterId: member.id, commenterAlias: `b${stamp.replace(/[^a-z0-9]/g, "").slice(-10)}`, post: "Visitor test", comment: "Reply" });
  const refused = await member.page.goto("/moderation/reports");
  expect(refused?.status()).toBe(403);
  await expect(member.page.getByRole("main")).toContainText("Only moderators and admins work the feed's reports.");
  await member.context.close();

  const visitorContext = await browser.newContext({ javaScriptEnabled: js });
  const visitor = await visitorContext.newPage();
  await visitor.goto(`/feed/${postId}/report`);
  await expect(visitor).toHaveURL(new RegExp(`/login\\?redirectTo=${encodeURIComponent(`/feed/${postId}/report`)}`));
  await visitorContext.close();
});
