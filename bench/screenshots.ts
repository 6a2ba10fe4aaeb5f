/**
 * npm run screenshots [-- --url http://127.0.0.1:3000] [--width 1280 --height 800] [--out DIR] [--all] [--lang ar|hi] [--only jobs,home-user]
 *
 * Phone-sized pictures of Ladder for review, committed under docs/screenshots/: the signed-in
 * home of each demo role, /jobs, a job page, a conversation, a coach reply with a list and a
 * profile, at 360 x 740 (CSS pixels, scale 1), each squeezed into a palette PNG with sharp.
 *
 * Without --url it builds if needed and starts the production server (server.ts) on a fresh
 * demo-seeded SQLite file (data/screenshots.db), without an AI key so the coach answers offline,
 * and stops it at the end. --all adds the list pages of the design system (people, network,
 * messages, applications, hiring, review, job posts); with --width and --out it takes the same
 * pictures wide, e.g. for a look before a change is merged (`--width 1280 --out .cache/screens`).
 * With --lang the pages are in Arabic or Hindi (the language cookie) and the files end in -ar or
 * -hi; --only takes some of the pictures by name.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium, type Browser, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_PASSWORD } from "../db/seed/content/people";
import { demoEmails, DEMO_USER_INDEX, LONG_CONVERSATION_PARTNER_INDEX, userId } from "../db/seed/demo";
import { uuidFor } from "../db/seed/random";
import { installCleanup, signIn, startDemoServer } from "./processes";

const CHROMIUM = "/usr/bin/chromium";
type Role = keyof typeof demoEmails;

interface Shot {
  name: string;
  /** the demo account to sign in as */
  as: Role;
  /** a path, or how to reach the page from a signed-in tab (returns the path) */
  path: string | ((page: Page) => Promise<string>);
  /** scrolled into view before the picture */
  focus?: string;
  /** only with --all */
  extra?: boolean;
}

/** The first link on `listPath` whose href matches `pattern`. */
function firstLink(listPath: string, pattern: RegExp): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(listPath);
    for (const href of await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))) {
      if (pattern.test(href)) return href;
    }
    throw new Error(`${listPath} links to nothing like ${pattern}`);
  };
}

/** The first applicant of the first job with applications (the career team sees every such job). */
async function firstApplicant(page: Page): Promise<string> {
  const job = await firstLink("/hiring", /^\/hiring\/[a-z-]+\/[^/?]+$/)(page);
  return firstLink(job, /^\/hiring\/applications\/[0-9a-f-]{36}$/)(page);
}

/** Starts a coach chat; the offline coach answers with a list for an interview question. */
async function coachReply(page: Page): Promise<string> {
  await page.goto("/coach");
  // By the field's name: the labels are in the page's language.
  await page.locator('main textarea[name="message"]').fill("How should I prepare for my first interview?");
  await page.locator("main form button[type=submit]").first().click();
  await page.waitForURL(/\/coach\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname;
}

const SHOTS: Shot[] = [
  ...(Object.keys(demoEmails) as Role[]).map((role): Shot => ({ name: `home-${role}`, as: role, path: "/" })),
  { name: "jobs", as: "user", path: "/jobs" },
  { name: "job", as: "user", path: firstLink("/jobs", /^\/jobs\/general\/[^/?]+$/) },
  // The demo user's long conversation (also the one the bench and page-weight tests use).
  { name: "conversation", as: "user", path: `/messages/${userId(LONG_CONVERSATION_PARTNER_INDEX)}#newest` },
  { name: "coach-reply", as: "user", path: coachReply, focus: ".prose ul" },
  { name: "profile", as: "user", path: `/u/${userId(DEMO_USER_INDEX)}` },
  { name: "people", as: "user", path: "/people", extra: true },
  { name: "network", as: "user", path: "/network", extra: true },
  { name: "messages", as: "user", path: "/messages", extra: true },
  { name: "applications", as: "user", path: "/applications", extra: true },
  { name: "application", as: "user", path: firstLink("/applications", /^\/applications\/[0-9a-f-]{36}$/), extra: true },
  { name: "hiring", as: "career", path: "/hiring", extra: true },
  { name: "hiring-job", as: "career", path: firstLink("/hiring", /^\/hiring\/[a-z-]+\/[^/?]+$/), extra: true },
  { name: "hiring-application", as: "career", path: firstApplicant, extra: true },
  { name: "jobs-mine", as: "career", path: "/jobs/mine", extra: true },
  { name: "jobs-review", as: "career", path: "/jobs/review", extra: true },
  { name: "meeting", as: "user", path: firstLink("/calendar/meetings", /^\/calendar\/meetings\/[0-9a-f-]{36}$/), extra: true },
  { name: "communities", as: "user", path: "/communities" },
  { name: "community", as: "user", path: firstLink("/communities", /^\/communities\/[0-9a-f-]{36}$/) },
  { name: "moderation", as: "moderator", path: "/moderation" },
  // The feed's reports (issue 17): a member's report form and the moderators' queue (demo data has open reports).
  // Sign-up's confirmation (decision 054): the check-your-inbox page, and a link that no longer works.
  { name: "signup-confirm", as: "user", path: "/signup/confirm?email=maya.rahman%40example.com", extra: true },
  { name: "signup-confirm-gone", as: "user", path: "/signup/confirm/not-a-real-token", extra: true },
  { name: "feed-report", as: "user", path: `/feed/${uuidFor("anonymous_post:0")}/report` },
  { name: "feed-reports", as: "moderator", path: "/moderation/reports" },
  // A post of the anonymous feed with comments and likes (db/seed/demo.ts: anonymous_post:2).
  { name: "feed-post", as: "user", path: `/feed/${uuidFor("anonymous_post:2")}` },
  { name: "feed-post-comments", as: "user", path: `/feed/${uuidFor("anonymous_post:2")}`, focus: "#comments" },
  // The anonymous feed (issue 17): the list with the short form, the write page, and the demo user's own post's edit page.
  { name: "feed", as: "user", path: "/feed" },
  { name: "feed-top", as: "user", path: "/feed?sort=top&topic=career_advice", extra: true },
  { name: "feed-new", as: "user", path: "/feed/new" },
  { name: "feed-edit", as: "user", path: firstLink("/feed", /^\/feed\/[0-9a-f-]{36}\/edit$/), extra: true },
  // The question bank (issue 18, item 5), as the career team: demo skill 1 (SQL) and its first question.
  { name: "skills-bank", as: "career", path: "/skills/manage" },
  { name: "skills-bank-skill", as: "career", path: "/skills/manage/1" },
  { name: "skills-bank-question", as: "career", path: "/skills/manage/1/questions/1" },
  { name: "skills-bank-import", as: "career", path: "/skills/manage/1/import", extra: true },
  { name: "meeting-cancel", as: "user", path: async (page) => `${await firstLink("/calendar/meetings", /^\/calendar\/meetings\/[0-9a-f-]{36}$/)(page)}/cancel`, extra: true },
  // Skills (issue 18): the list, a test's first page, a drawn test (started with its button: the
  // demo user's open draw of skill 2 on later runs) and the demo user's first attempt.
  { name: "skills", as: "user", path: "/skills" },
  { name: "skills-intro", as: "user", path: "/skills/2/test" },
  { name: "skills-test", as: "user", path: startedTest(2) },
  { name: "skills-result", as: "user", path: "/skills/attempts/1" },
  // Archive cards (issue 18): the demo recruiter's archive, a card, its note form and its delete page.
  { name: "archive", as: "recruiter", path: "/hiring/archive" },
  { name: "archive-card", as: "recruiter", path: firstLink("/hiring/archive", /^\/hiring\/archive\/\d+$/) },
  { name: "archive-form", as: "recruiter", path: async (page) => firstLink(await firstLink("/hiring/archive", /^\/hiring\/archive\/\d+$/)(page), /\/candidates\/[0-9a-f-]{36}\/archive$/)(page) },
  { name: "archive-delete", as: "recruiter", path: async (page) => `${await firstLink("/hiring/archive", /^\/hiring\/archive\/\d+$/)(page)}/delete`, extra: true },
  // Candidate matching (issue 18): the demo recruiter's first job's candidates, and the demo user's recruiter settings.
  { name: "candidates", as: "recruiter", path: async (page) => `${await firstLink("/hiring", /^\/hiring\/(general|remote|part-time)\/[^/?]+$/)(page)}/candidates` },
  { name: "settings-candidates", as: "user", path: "/settings/candidates" },
  // Daily interviews (issue 19), as the demo user (a 5-day streak, none yet today): today's page,
  // a past answer with its feedback, the history, one past interview in full, the
  // streak-on-profile setting, and today's first question once started.
  { name: "interviews", as: "user", path: "/interviews" },
  { name: "interviews-answered", as: "user", path: async (page) => `${await firstLink("/interviews/history", /^\/interviews\/[0-9a-f-]{36}$/)(page)}/q/1` },
  { name: "interviews-history", as: "user", path: "/interviews/history" },
  { name: "interviews-one", as: "user", path: firstLink("/interviews/history", /^\/interviews\/[0-9a-f-]{36}$/) },
  { name: "settings-interview-streak", as: "user", path: "/settings/interview-streak" },
  // The member view for admins (issue 20): the demo user's sessions, activity, usage and page views.
  { name: "admin-member", as: "admin", path: `/admin/users/${userId(DEMO_USER_INDEX)}` },
  // The analytics dashboard (issue 20), as the admin: the default 30 days, and 7 days scrolled to the charts.
  { name: "admin-analytics", as: "admin", path: "/admin/analytics" },
  { name: "admin-analytics-charts", as: "admin", path: "/admin/analytics?days=7", focus: "#charts-title", extra: true },
  { name: "admin-tracking", as: "admin", path: "/admin/analytics/tracking", focus: "#type-connection_requested", extra: true },
  // Last: it starts today's interview, which then heads the history.
  { name: "interviews-question", as: "user", path: startedInterview },
];

/** Starts today's interview (the first category) unless it is started; returns the question page it lands on. */
async function startedInterview(page: Page): Promise<string> {
  await page.goto("/interviews");
  const start = page.locator('main form[method="post"] input[name="category"]');
  if ((await start.count()) > 0) {
    await start.first().check();
    await page.locator('main form[method="post"] button[type="submit"]').first().click();
    // A new interview opens at its first question.
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}\/q\/\d$/);
    return new URL(page.url()).pathname;
  }
  return firstLink("/interviews", /^\/interviews\/[0-9a-f-]{36}\/q\/\d$/)(page);
}

/** Starts (or continues) the demo user's test of a skill from its first page; returns the drawn test's address. */
function startedTest(skillId: number): (page: Page) => Promise<string> {
  return async (page) => {
    await page.goto(`/skills/${skillId}/test`);
    await page.getByRole("button", { name: /^(Start the test|Continue your test|ابدأ الاختبار|تابع اختبارك|टेस्ट शुरू करें|अपना टेस्ट जारी रखें)$/ }).click();
    await page.waitForURL(/\?draw=/);
    const url = new URL(page.url());
    return `${url.pathname}${url.search}`;
  };
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      url: { type: "string" },
      width: { type: "string", default: "360" },
      height: { type: "string", default: "740" },
      out: { type: "string", default: "docs/screenshots" },
      all: { type: "boolean", default: false },
      lang: { type: "string" },
      only: { type: "string" },
    },
  });
  const only = values.only ? values.only.split(",") : null;
  return { url: values.url, width: Number(values.width), height: Number(values.height), out: values.out!, all: values.all!, lang: values.lang ?? null, only };
}

/** A page signed in as the demo member of `role` (the session cookie from processes.ts's signIn). */
async function signedInPage(browser: Browser, baseUrl: string, role: Role, viewport: { width: number; height: number }, lang: string | null): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, deviceScaleFactor: 1, locale: "en-GB" });
  const cookie = await signIn(baseUrl, demoEmails[role], DEMO_PASSWORD);
  // Sent as a header, as bench/lighthouse.ts does: the session cookie is __Host- and Secure, which
  // a browser will not store for the plain-HTTP 127.0.0.1 server. The language rides along.
  await context.setExtraHTTPHeaders({ Cookie: lang ? `${cookie}; ladder_lang=${lang}` : cookie });
  return context.newPage();
}

/** A palette PNG: a screen of text and flat colours loses nothing a reviewer would see. */
async function writePng(file: string, png: Buffer): Promise<number> {
  const small = await sharp(png).png({ palette: true, colours: 96, compressionLevel: 9, effort: 10 }).toBuffer();
  fs.writeFileSync(file, small);
  return small.length;
}

async function main(): Promise<void> {
  const options = readOptions();
  process.chdir(fileURLToPath(new URL("..", import.meta.url)));
  installCleanup();
  let stopServer = async () => {};
  let baseUrl = options.url;
  if (!baseUrl) {
    // The offline coach, whatever the shell has set: its replies are the same on every run.
    delete process.env.OPENAI_API_KEY;
    const server = await startDemoServer("screenshots");
    baseUrl = server.baseUrl;
    stopServer = server.stop;
  }
  fs.mkdirSync(options.out, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
  const viewport = { width: options.width, height: options.height };
  const pages = new Map<Role, Page>();
  try {
    const wanted = SHOTS.filter((s) => (options.only ? options.only.includes(s.name) : options.all || !s.extra));
    for (const shot of wanted) {
      let page = pages.get(shot.as);
      if (!page) {
        page = await signedInPage(browser, baseUrl, shot.as, viewport, options.lang);
        pages.set(shot.as, page);
      }
      const target = typeof shot.path === "string" ? shot.path : await shot.path(page);
      await page.goto(target);
      if (shot.focus) await page.locator(shot.focus).first().evaluate((el) => el.scrollIntoView({ block: "center" }));
      const file = path.join(options.out, `${shot.name}${options.lang ? `-${options.lang}` : ""}.png`);
      const bytes = await writePng(file, await page.screenshot({ fullPage: false }));
      console.log(`  ${file}: ${target} as ${shot.as}, ${(bytes / 1024).toFixed(1)} KB`);
    }
  } finally {
    await browser.close();
    await stopServer();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
