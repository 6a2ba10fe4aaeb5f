/**
 * Issue 17 item 5, "anonymity is a promise, tested", with JavaScript off and on: nothing that
 * leaves the server for anyone but the author ties an anonymous post or comment to its author.
 *
 * The world (made once per browser project and read by the six viewers' tests; a worker that
 * replaces a failed one builds its own): an author A with a distinctive name, email, avatar file
 * and anonymous name writes an anonymous post (with an image key) and a post under their name in the
 * same company; a second member B writes an anonymous post, on which A comments anonymously
 * through the page's comment form; B comments anonymously on A's post and likes it through the
 * pages (so the app itself writes both authors' notifications); a third member C reports A's post
 * and A's comment. Then each kind of viewer (a visitor, C, B, a moderator, an admin, and A)
 * crawls: /feed with every filter and "Top this week", the three posts, every link under /feed
 * found on those pages (two links deep), /moderation and its links, /notifications, /admin and
 * its links, /people?q=<A's name> and A's profile; for every document also its loader data (the
 * stream inlined in the HTML and the page's `.data` address, decoded), and with JavaScript the
 * DOM after hydration and the data the browser fetched on a client-side navigation.
 *
 * The rule, for each protected member (A, and B for their comment) and every viewer but them:
 * no response holds both something of the member's anonymous side (anonymous name, the anonymous
 * post's or comment's id, text or image key) and something of their identity (id, name, email,
 * avatar file, the id or text of their named post), once the named post's own card (the element
 * `article[data-post-id]`) or data object (`{ id: <named post id>, ... }`) is set aside: a list
 * shows both posts, each under its own author line, and nothing else. And the anonymous post's
 * card never holds the identity, the named post's card never the anonymous side.
 *
 * Selectors it relies on (see the merge notes): each post card is one `article[data-post-id]`;
 * the post page has one comment form with a `textarea[name=content]`; the like button is in a
 * form posting to /feed/<id>/like.
 */
import type { APIRequestContext, Browser, BrowserContext, Page, Response } from "@playwright/test";
import { expect as baseExpect, signIn, signUp, STORY_BUDGET_MS, test, waitForHydration } from "./fixtures";
import { checkData, checkHtml, dataAddress, decodeStream, elementsWith, inlineStream, linksIn, type Finding, type Protected } from "./anonymity-check";
import { feedRowsInE2eDb, makeFeedCommentInE2eDb, makeFeedPostInE2eDb, reportInE2eDb, setAnonymousIdentityInE2eDb } from "./feed-db";

const expect = baseExpect.configure({ timeout: 10_000 });

interface World {
  stamp: string;
  company: string;
  industry: string;
  authorName: string;
  a: Protected;
  b: Protected;
  anonPostId: string;
  namedPostId: string;
  otherPostId: string;
  cId: string;
  contexts: BrowserContext[];
  pages: Record<"a" | "b" | "c", Page>;
}

async function member(browser: Browser, js: boolean, name: string, email: string) {
  const context = await browser.newContext({ javaScriptEnabled: js, extraHTTPHeaders: { "X-Forwarded-For": `10.17.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}` } });
  const page = await context.newPage();
  const id = await signUp(page, { name, email });
  return { context, page, id };
}

/** Submits the comment form of a post page with `text` (anonymous is the form's default). */
/** With JavaScript, a tap before hydration is handled as without it: wait (fixtures.ts). */
async function open(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
}

async function commentThroughPage(page: Page, js: boolean, postId: string, text: string) {
  await open(page, `/feed/${postId}`, js);
  const form = page.locator('form:has(textarea[name="content"])').last();
  await expect(form, `the page of post ${postId} has a comment form with textarea[name=content]`).toHaveCount(1);
  await form.locator('textarea[name="content"]').fill(text);
  await form.locator('button[type="submit"], button:not([type])').last().click();
}

async function makeWorld(browser: Browser, js: boolean): Promise<World> {
  const stamp = `${js ? "on" : "off"}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const authorName = `Quxley Zarnowitz ${stamp}`;
  const A = await member(browser, js, authorName, `e2e-anon-a-${stamp}@example.com`);
  const B = await member(browser, js, `Bettany Vorquist ${stamp}`, `e2e-anon-b-${stamp}@example.com`);
  const C = await member(browser, js, `Cosmo Reader ${stamp}`, `e2e-anon-c-${stamp}@example.com`);
  const aAnon = `heron_${stamp}`;
  const bAnon = `ibis_${stamp}`;
  setAnonymousIdentityInE2eDb(A.id, aAnon, "heron", `av${stamp}a.webp`);
  setAnonymousIdentityInE2eDb(B.id, bAnon, "ibis", `av${stamp}b.webp`);
  const company = `Quxley Works ${stamp}`;
  const industry = `Zeppelins ${stamp}`;

  const anonText = `Pay is late again at my team ${stamp}`;
  const namedText = `We are hiring two analysts, ask me anything ${stamp}`;
  const otherText = `Is a counter-offer ever worth it ${stamp}`;
  const imageKey = `feed/img${stamp}.webp`;
  const anonPostId = makeFeedPostInE2eDb({ userId: A.id, content: anonText, anonymous: true, topic: "workplace_issues", company, industry, imageKey, minutesAgo: 2 });
  const namedPostId = makeFeedPostInE2eDb({ userId: A.id, content: namedText, anonymous: false, topic: "workplace_issues", company, industry, minutesAgo: 3 });
  const otherPostId = makeFeedPostInE2eDb({ userId: B.id, content: otherText, anonymous: true, topic: "career_advice", company, industry, minutesAgo: 4 });

  // Through the pages, so the app writes the notifications: A answers B's post; B answers and likes A's.
  const aComment = `Take the counter-offer only in writing ${stamp}`;
  await commentThroughPage(A.page, js, otherPostId, aComment);
  await expect.poll(() => feedRowsInE2eDb(A.id, otherPostId).comments, { message: "A's comment is saved, anonymous by default" }).toEqual([{ id: expect.any(String), anonymous: true }]);
  const aCommentId = feedRowsInE2eDb(A.id, otherPostId).comments[0].id;
  const bComment = `Same here, talk to HR together ${stamp}`;
  await commentThroughPage(B.page, js, anonPostId, bComment);
  await expect.poll(() => feedRowsInE2eDb(B.id, anonPostId).comments.length, { message: "B's comment is saved" }).toBe(1);
  const bCommentId = feedRowsInE2eDb(B.id, anonPostId).comments[0].id;
  await open(B.page, `/feed/${anonPostId}`, js);
  await B.page.locator(`form[action="/feed/${anonPostId}/like"] button`).first().click();
  await expect.poll(() => feedRowsInE2eDb(B.id, anonPostId).likes, { message: "B's like is saved" }).toBe(true);
  // A named comment by C, so the pages show named and anonymous words side by side.
  makeFeedCommentInE2eDb({ postId: anonPostId, userId: C.id, content: `Good luck ${stamp}`, anonymous: false });
  reportInE2eDb({ postId: anonPostId, reporterId: C.id, reason: "personal_information", details: `Names a manager ${stamp}` });
  reportInE2eDb({ commentId: aCommentId, reporterId: C.id, reason: "other" });

  return {
    stamp,
    company,
    industry,
    authorName,
    anonPostId,
    namedPostId,
    otherPostId,
    cId: C.id,
    a: {
      label: "A (the author)",
      userId: A.id,
      identity: [A.id, authorName, `e2e-anon-a-${stamp}@example.com`, `av${stamp}a`, namedPostId, namedText],
      anonymous: [aAnon, anonPostId, aCommentId, anonText, aComment, imageKey],
      namedPostId,
    },
    b: {
      label: "B (the commenter)",
      userId: B.id,
      identity: [B.id, `Bettany Vorquist ${stamp}`, `e2e-anon-b-${stamp}@example.com`, `av${stamp}b`],
      anonymous: [bAnon, bCommentId, bComment, otherPostId, otherText],
      namedPostId: null,
    },
    contexts: [A.context, B.context, C.context],
    pages: { a: A.page, b: B.page, c: C.page },
  };
}

interface Crawl {
  findings: Finding[];
  statuses: Map<string, number>;
  bodies: Map<string, string>;
}

/**
 * Reads every start page, then the links under /feed (two deep), /moderation and /admin found on
 * them, with the viewer's cookies; each document's HTML, its inlined data and its .data address.
 */
async function crawl(request: APIRequestContext, world: World, starts: string[], protect: Protected[], budget = 160): Promise<Crawl> {
  const result: Crawl = { findings: [], statuses: new Map(), bodies: new Map() };
  const ours = [world.anonPostId, world.namedPostId, world.otherPostId];
  const queue: { href: string; depth: number }[] = starts.map((href) => ({ href, depth: 0 }));
  const seen = new Set<string>();
  while (queue.length && seen.size < budget) {
    // Our posts' links first: the crawl's budget goes where the anonymous words are.
    queue.sort((x, y) => Number(ours.some((id) => y.href.includes(id))) - Number(ours.some((id) => x.href.includes(id))) || x.depth - y.depth);
    const { href, depth } = queue.shift()!;
    if (seen.has(href)) continue;
    seen.add(href);
    const response = await request.get(href, { maxRedirects: 0 });
    const body = await response.text();
    result.statuses.set(href, response.status());
    result.bodies.set(href, body);
    const location = response.headers()["location"] ?? "";
    for (const who of protect) {
      checkHtml(`${href} (${response.status()})`, `${location}\n${body}`, who, result.findings);
      if (/text\/html/.test(response.headers()["content-type"] ?? "")) checkData(`${href} inline data`, await decodeStream(inlineStream(body)), who, result.findings);
    }
    if (response.status() < 300 && /text\/html/.test(response.headers()["content-type"] ?? "")) {
      const data = await request.get(dataAddress(href), { maxRedirects: 0 });
      const text = await data.text();
      result.statuses.set(dataAddress(href), data.status());
      const decoded = await decodeStream(text).catch(() => text);
      for (const who of protect) checkData(`${dataAddress(href)} (${data.status()})`, decoded, who, result.findings);
    }
    if (location.startsWith("/") && !seen.has(location)) queue.push({ href: location, depth });
    if (depth < 2) {
      for (const link of linksIn(body, ["/feed"])) if (!seen.has(link)) queue.push({ href: link, depth: depth + 1 });
    }
    if (depth === 0) {
      for (const link of linksIn(body, ["/moderation", "/admin"])) if (!seen.has(link) && !/\.csv\b/.test(link)) queue.push({ href: link, depth: 2 });
    }
    // The reports queue to its last page: other tests' reports come first when they share the database.
    if (href.startsWith("/moderation/reports")) {
      for (const link of linksIn(body, ["/moderation/reports"])) if (!seen.has(link) && link.includes("after=")) queue.push({ href: link, depth });
    }
  }
  return result;
}

function startPages(world: World): string[] {
  const q = encodeURIComponent;
  return [
    "/feed",
    ...["company_culture", "workplace_issues", "career_advice", "general"].map((topic) => `/feed?topic=${topic}`),
    `/feed?company=${q(world.company)}`,
    `/feed?company=${q(world.company.toLowerCase())}`,
    `/feed?industry=${q(world.industry)}`,
    "/feed?sort=top",
    `/feed/${world.anonPostId}`,
    `/feed/${world.namedPostId}`,
    `/feed/${world.otherPostId}`,
    "/moderation",
    "/moderation/reports",
    "/notifications",
    "/admin",
    `/people?q=${q(world.authorName)}`,
    `/admin/users?q=${q(world.authorName)}`,
    `/admin/users?q=${q(world.a.identity[2])}`,
    `/u/${world.a.userId}`,
    `/u/${world.b.userId}`,
  ];
}

/**
 * With JavaScript: the DOM after hydration and the router's data, on the filtered list and after
 * a client-side navigation to the anonymous post (whose data the browser fetches as .data).
 */
async function browse(page: Page, world: World, protect: Protected[], findings: Finding[]) {
  const fetched: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    if (!/\.data(\?|$)/.test(new URL(response.url()).pathname + new URL(response.url()).search)) return;
    fetched.push(
      response.text().then(async (text) => {
        const decoded = await decodeStream(text).catch(() => text);
        for (const who of protect) checkData(`browser fetch ${response.url()}`, decoded, who, findings);
      }, () => {}),
    );
  };
  page.on("response", onResponse);
  try {
    await open(page, `/feed?company=${encodeURIComponent(world.company)}`, true);
    const routerData = () => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __remixRouter?: { state: { loaderData: unknown } } }).__remixRouter?.state.loaderData ?? null)) as unknown);
    for (const who of protect) {
      checkHtml("/feed?company= (DOM)", await page.content(), who, findings);
      checkData("/feed?company= (router data)", await routerData(), who, findings);
    }
    const link = page.locator(`article[data-post-id="${world.anonPostId}"] a[href="/feed/${world.anonPostId}"]`).first();
    if ((await link.count()) > 0) {
      await link.click();
      await page.waitForURL(`**/feed/${world.anonPostId}`);
      await expect(page.getByText(world.a.anonymous[3])).toBeVisible();
      for (const who of protect) {
        checkHtml(`/feed/${world.anonPostId} after a client-side navigation (DOM)`, await page.content(), who, findings);
        checkData(`/feed/${world.anonPostId} after a client-side navigation (router data)`, await routerData(), who, findings);
      }
    } else findings.push({ where: "/feed?company=", problem: "the anonymous post's card has no link to its page" });
  } finally {
    page.off("response", onResponse);
    await Promise.all(fetched);
  }
}

type Viewer = "visitor" | "reader" | "commenter" | "moderator" | "admin" | "author";

const VIEWERS: { viewer: Viewer; about: string }[] = [
  { viewer: "visitor", about: "a visitor" },
  { viewer: "reader", about: "another member (who reported the post)" },
  { viewer: "commenter", about: "the member whose post the author answered (their notifications)" },
  { viewer: "moderator", about: "a moderator (the reports queue)" },
  { viewer: "admin", about: "an admin (the admin pages)" },
  { viewer: "author", about: "the author, who may see their own but not the commenter's" },
];

// The six viewers read one world, in order, in one worker per project: building it (three members,
// two comments and a like through the pages) was most of each test's time. The viewers only read
// (their own notifications aside, which no other viewer reads). If a test fails, Playwright starts
// a new worker for the rest, and its beforeAll builds a new world: no test is skipped.
test.describe.configure({ mode: "default" });

let world: World;
let js: boolean;

test.beforeAll(async ({ browser }, testInfo) => {
  test.setTimeout(STORY_BUDGET_MS);
  js = testInfo.project.use.javaScriptEnabled ?? true;
  world = await makeWorld(browser, js);
});

test.afterAll(async () => {
  for (const context of world?.contexts ?? []) await context.close();
});

for (const { viewer, about } of VIEWERS) {
  test(`as ${about}, no page or loader response ties an anonymous post or comment to its author`, async ({ browser }) => {
    test.setTimeout(STORY_BUDGET_MS);
    const contexts: BrowserContext[] = [];
    try {
      let page: Page;
      if (viewer === "reader") page = world.pages.c;
      else if (viewer === "commenter") page = world.pages.b;
      else if (viewer === "author") page = world.pages.a;
      else {
        const context = await browser.newContext({ javaScriptEnabled: js });
        contexts.push(context);
        page = await context.newPage();
        if (viewer === "moderator") await signIn(page, "moderator@demo.test");
        if (viewer === "admin") await signIn(page, "admin@demo.test");
      }
      // Whom this viewer must not be able to name: A, unless they are A; B, unless they are B.
      const protect = [...(viewer === "author" ? [] : [world.a]), ...(viewer === "commenter" ? [] : [world.b])];
      const result = await crawl(page.request, world, startPages(world), protect);
      if (js) await browse(page, world, protect, result.findings);
      expect(result.findings).toEqual([]);

      // The crawl read what it was meant to: the anonymous post, its card in the list, nothing failed.
      const anonPage = result.bodies.get(`/feed/${world.anonPostId}`) ?? "";
      expect(result.statuses.get(`/feed/${world.anonPostId}`)).toBe(200);
      expect(anonPage).toContain(world.a.anonymous[3]);
      expect(anonPage).toContain(world.a.anonymous[0]);
      const list = result.bodies.get(`/feed?company=${encodeURIComponent(world.company)}`) ?? "";
      expect(elementsWith(list, "article", "data-post-id", world.anonPostId), "the filtered list shows the anonymous post's card").toHaveLength(1);
      expect(elementsWith(list, "article", "data-post-id", world.namedPostId), "the filtered list shows the named post's card").toHaveLength(1);
      const failed = [...result.statuses].filter(([, status]) => status >= 500);
      expect(failed).toEqual([]);
      if (viewer === "moderator" || viewer === "admin") {
        // Every page of the queue the crawl read: other tests' reports come first when they share the database.
        const queue = [...result.bodies].filter(([path]) => path.startsWith("/moderation/reports")).map(([, body]) => body).join("\n");
        expect(queue, "the reports queue shows the reported post").toContain(world.a.anonymous[3]);
        expect(elementsWith(queue, "article", "data-report-id", "[0-9a-f-]{36}").length).toBeGreaterThanOrEqual(2);
      }
      if (viewer === "author") {
        const [s, e] = elementsWith(anonPage, "article", "data-post-id", world.anonPostId)[0] ?? [0, 0];
        expect(anonPage.slice(s, e), "the author is told the anonymous post is theirs").toContain("(you, anonymously)");
      }
    } finally {
      for (const context of contexts) await context.close();
    }
  });
}
