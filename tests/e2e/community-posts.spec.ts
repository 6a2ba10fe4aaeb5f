/**
 * Issue 16, JavaScript on and off, with members made for the test: in a community, a member posts
 * an update (links clickable) and an event (a wrong end is answered beside the field with what
 * was typed kept), which shows in the upcoming events in their zone and downloads as .ics; a
 * member who asked to hear of new events is told; the creator, as moderator, removes a post after
 * a confirmation page and its author reads why in /notifications; a non-member gets 404 on a
 * post's address.
 */
import fs from "node:fs";
import zlib from "node:zlib";
import type { Browser } from "@playwright/test";
import { expect as baseExpect, seriousAxeViolations, signUp, STORY_BUDGET_MS, test } from "./fixtures";
import { makeCommunityInE2eDb, useUpLimitInE2eDb } from "./community-db";
import { LIMITS } from "../../app/services/rate-limit.server";

const expect = baseExpect.configure({ timeout: 10_000 });

async function newMember(browser: Browser, javaScriptEnabled: boolean, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled, extraHTTPHeaders: { "X-Forwarded-For": `10.14.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const id = await signUp(page, { name, email });
  return { context, page, id };
}

test("members post an update and an event with its .ics; a subscriber is told; a moderator removes a post and its author reads it; a non-member gets 404", async ({ browser, browserErrors }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const creator = await newMember(browser, js, `Salma ${stamp}`, `e2e-cp-a-${stamp}@example.com`);
  const member = await newMember(browser, js, `Omar ${stamp}`, `e2e-cp-b-${stamp}@example.com`);
  const outsider = await newMember(browser, js, `Otto ${stamp}`, `e2e-cp-c-${stamp}@example.com`);
  for (const who of [creator, member, outsider]) who.page.on("pageerror", (error) => browserErrors.push(`pageerror: ${error.message}`));
  const name = `Cairo engineers ${stamp}`;
  const communityId = makeCommunityInE2eDb({ name, description: "Software people in Cairo", creatorId: creator.id, members: [member.id] });
  const home = `/communities/${communityId}`;

  // The creator asks to hear of new events.
  await creator.page.goto(home);
  await expect(creator.page.getByRole("heading", { level: 1, name })).toBeVisible();
  await creator.page.getByRole("button", { name: "Tell me about new events" }).click();
  await expect(creator.page.getByRole("status")).toHaveText("You will be told about new events in this community.");

  // The member posts an update from the page; its link is clickable.
  await member.page.goto(home);
  await expect(member.page.getByText("2 members")).toBeVisible();
  await member.page.getByLabel("Write an update").fill(`Slides from today: https://example.com/slides-${stamp}`);
  await member.page.getByRole("button", { name: "Post update" }).click();
  await expect(member.page.getByRole("status")).toHaveText("Your update is posted.");
  await expect(member.page.getByLabel("Write an update")).toHaveValue("");
  await expect(member.page.getByRole("link", { name: `https://example.com/slides-${stamp}` })).toHaveAttribute("rel", "nofollow noopener noreferrer ugc");

  // An event that ends before it starts: the message beside the end, what was typed kept.
  await member.page.getByRole("link", { name: "Post an event" }).click();
  await expect(member.page.getByRole("heading", { level: 1, name: "New post" })).toBeVisible();
  await expect(member.page.getByRole("radio", { name: "Event" })).toBeChecked();
  await member.page.getByLabel("Text").fill(`Resume clinic ${stamp}\nBring your CV.`);
  await member.page.getByLabel("Start date").fill("2030-03-14");
  await member.page.getByLabel("Start time").fill("18:30");
  await member.page.getByLabel("End date").fill("2030-03-14");
  await member.page.getByLabel("End time").fill("17:00");
  await member.page.getByLabel("Place", { exact: true }).fill("Library, room 2");
  await member.page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(member.page.getByLabel("End date")).toHaveAccessibleDescription("Optional. The event must end after it starts.");
  await expect(member.page.getByLabel("Place", { exact: true })).toHaveValue("Library, room 2");
  await expect(member.page.getByLabel("Text")).toHaveValue(`Resume clinic ${stamp}\nBring your CV.`);
  await member.page.getByLabel("End time").fill("20:00");
  await member.page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(member.page.getByRole("status")).toHaveText("Your event is posted.");
  const upcoming = member.page.locator("#events");
  await expect(upcoming.getByRole("link", { name: `Resume clinic ${stamp}` })).toBeVisible();
  await expect(upcoming).toContainText("14 Mar 2030, 18:30 UTC");

  // Its .ics.
  const [download] = await Promise.all([member.page.waitForEvent("download"), member.page.getByRole("link", { name: "Add to calendar (.ics)" }).first().click()]);
  expect(download.suggestedFilename()).toBe("ladder-event.ics");
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("DTSTART:20300314T183000Z");
  expect(ics).toContain("DTEND:20300314T200000Z");
  expect(ics).toContain(`SUMMARY:Resume clinic ${stamp}`);

  // The creator was told, with a link to the event.
  await creator.page.goto("/notifications");
  await creator.page.getByRole("link", { name: `New event in ${name}` }).click();
  await expect(creator.page.getByRole("heading", { level: 1, name: `Resume clinic ${stamp}` })).toBeVisible();
  const eventUrl = new URL(creator.page.url()).pathname;

  // A non-member gets 404 on the event's address; the page shows them the about part only.
  const notFound = await outsider.page.goto(eventUrl);
  expect(notFound?.status()).toBe(404);
  await outsider.page.goto(home);
  await expect(outsider.page.getByRole("button", { name: "Ask to join" })).toBeVisible();
  await expect(outsider.page.getByText("Posts are for members only.")).toBeVisible();
  await expect(outsider.page.getByText(`Slides from today`)).toHaveCount(0);

  // The creator removes the member's update after the confirmation page.
  await creator.page.goto(home);
  const update = creator.page.getByRole("listitem").filter({ hasText: "Slides from today" });
  await update.getByRole("link", { name: "Delete" }).click();
  await expect(creator.page.getByRole("heading", { level: 1, name: `Delete the post by Omar ${stamp}?` })).toBeVisible();
  expect(await seriousAxeViolations(creator.page, browser, js)).toEqual([]);
  await creator.page.getByRole("button", { name: "Delete post" }).click();
  await expect(creator.page.getByRole("status")).toHaveText("The post is removed, and its author is told.");
  await expect(creator.page.getByText("Slides from today")).toHaveCount(0);

  await member.page.goto("/notifications");
  await expect(member.page.getByRole("main")).toContainText(`Your post in ${name} was removed`);
  await expect(member.page.getByRole("main")).toContainText(`A moderator of ${name} removed your post “Slides from today: https://example.com/slides-${stamp}”.`);

  await member.page.goto(home);
  expect(await seriousAxeViolations(member.page, browser, js)).toEqual([]);
  for (const who of [creator, member, outsider]) await who.context.close();
  expect(browserErrors).toEqual([]);
});

/** Words to make posts that compress like real ones (not one sentence repeated). */
const WORDS = "we are hiring junior engineers for the cairo office send your cv mentoring session on friday alumni dinner next month resume clinic interview practice remote roles in dubai and riyadh thanks to everyone who came product design workshop slides are online react node python data internship deadline".split(" ");
function sentence(seed: number, words: number): string {
  let x = seed;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]);
  }
  return out.join(" ");
}

test("in lite mode, in English, Arabic and Hindi, a community page with a full page of posts and events is at most 14,600 bytes gzip and has no script @js-off-only", async ({ browser }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const creator = await newMember(browser, false, `Layla ${stamp}`, `e2e-cp-lite-${stamp}@example.com`);
  const posts = Array.from({ length: 24 }, (_, i) =>
    i % 6 === 0
      ? { content: `${sentence(i + 1, 6)}\n${sentence(i + 50, 40)} https://example.com/event-${i}`, startsAt: new Date(Date.UTC(2030, 0, 1 + i, 16)), place: "Cairo University, hall 3" }
      : { content: `${sentence(i + 1, 60)} https://example.com/post-${i}` },
  );
  const name = `Lite community ${stamp}`;
  const communityId = makeCommunityInE2eDb({ name, description: sentence(999, 60), creatorId: creator.id, members: [], posts });
  const sizes: string[] = [];
  for (const lang of ["en", "ar", "hi"]) {
    await creator.context.addCookies([{ name: "ladder_lang", value: lang, url: testInfo.project.use.baseURL! }]);
    const firstPost = /href="(\/communities\/[0-9a-f-]{36}\/posts\/[0-9a-f-]{36})"/.exec(await (await creator.page.request.get(`/communities/${communityId}`)).text())?.[1];
    expect(firstPost, "the community page links its posts").toBeTruthy();
    for (const path of [`/communities/${communityId}`, `/communities/${communityId}/posts/new?type=event`, firstPost!, `${firstPost}/edit`, `${firstPost}/delete`]) {
      const response = await creator.page.request.get(path, { headers: { "Save-Data": "on" } });
      expect(response.status(), path).toBe(200);
      const body = await response.body();
      const gzip = zlib.gzipSync(body, { level: 6 }).length;
      sizes.push(`${lang} ${path}: ${body.length} B, ${gzip} B gzip`);
      expect(gzip, `${path} in ${lang}`).toBeLessThanOrEqual(14_600);
      expect(body.toString("utf8"), `${path} in ${lang} has no script`).not.toContain("<script");
    }
  }
  await testInfo.attach("sizes", { body: sizes.join("\n") });
  await creator.context.close();
});

test("a member who has posted the hour's community posts is told so above the form, what they wrote kept, and nothing is posted", async ({ browser }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  const js = testInfo.project.use.javaScriptEnabled ?? true;
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const poster = await newMember(browser, js, `Rana ${stamp}`, `e2e-cp-limit-${stamp}@example.com`);
  const communityId = makeCommunityInE2eDb({ name: `Busy posters ${stamp}`, description: "A busy hour", creatorId: poster.id, members: [] });
  useUpLimitInE2eDb(`community-post:${poster.id}`, LIMITS.communityPostPerMember);

  await poster.page.goto(`/communities/${communityId}`);
  await poster.page.getByLabel("Write an update").fill(`One update too many ${stamp}`);
  await poster.page.getByRole("button", { name: "Post update" }).click();
  await expect(poster.page.getByRole("alert")).toContainText(`You have posted ${LIMITS.communityPostPerMember.limit} times in communities this hour`);
  await expect(poster.page.getByRole("alert")).toContainText(/Please try again in (a minute|\d+ minutes)\./);
  await expect(poster.page.getByLabel("Text")).toHaveValue(`One update too many ${stamp}`);

  await poster.page.goto(`/communities/${communityId}`);
  await expect(poster.page.getByText(`One update too many ${stamp}`)).toHaveCount(0);
  await poster.context.close();
});
