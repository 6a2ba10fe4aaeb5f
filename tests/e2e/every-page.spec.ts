/**
 * Every page of Ladder, as a visitor and signed in as each demo role, on a 360 px wide phone: it
 * has one h1 and the shell's four landmarks, every stylesheet, image and font loads, axe finds
 * nothing serious or critical under WCAG 2.0/2.1/2.2 A and AA (AXE_TAGS, decision 024) and
 * nothing pushes the page sideways. Each page is loaded once and checked for all of these.
 *
 * The pages are the GET routes of app/routes; a test fails when a route file is neither crawled
 * here nor listed as excluded (with its reason), so the crawl cannot silently go stale.
 * Parameterised pages get a real id from the demo data, found through the role's own list pages
 * (their first job, application, conversation, chat, ...), so each role sees its own records.
 *
 * Every (page, role) pair is opened and measured for width; axe, which costs several times the
 * page itself, runs once per distinct view: for a visitor and one member on every page (the body
 * of a page is the same components for every member, with that member's records), and for every
 * role on the pages whose body is different per role (AXE_EVERY_ROLE: each role's home dashboard,
 * which also holds that role's header and menu, and the hiring pages).
 *
 * The crawl runs in the js-off project only, on the server's HTML with page scripts blocked by
 * CSP: with JavaScript, hydration must leave that same document (React fails loudly otherwise,
 * see hydration.spec.ts) and adds only hidden `via=fetcher` inputs (VoteForm, the message form),
 * which axe and the page width do not see. The pages' JavaScript-only states (the open menu, the
 * coach's streaming) have their own axe checks in shell.spec.ts, pages.spec.ts and coach.spec.ts.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Browser, BrowserContext, BrowserContextOptions, Page } from "@playwright/test";
import { menuFor } from "../../app/lib/areas";
import { LISTS } from "../../app/modules/profile/rules";
import { DEMO_USER_FEED_POST_ID, DEMO_USER_INDEX, userId } from "../../db/seed/demo";
import { uuidFor } from "../../db/seed/random";
import { axeFor, expect, signInThroughForm, STORY_BUDGET_MS, test } from "./fixtures";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;
type Role = "visitor" | "user" | "recruiter" | "career_team" | "moderator" | "admin";

const PHONE = { width: 360, height: 740 };
/** The narrowest phone the pages in Arabic and Hindi are checked at (issue 15). */
const SMALL_PHONE = { width: 320, height: 640 };

/** A message id that found no words ("jobs.apply.submit" shown as such): a namespace the page's loader did not send. */
const NAMESPACES = fs.readdirSync("app/locales/en").map((file) => file.replace(/\.json$/, ""));
const RAW_MESSAGE_ID = `\\b(?:${NAMESPACES.join("|")})\\.[a-z][A-Za-z0-9_]*(?:\\.[A-Za-z0-9_]+)*\\b`;
async function rawMessageId(tab: Page): Promise<string | null> {
  return tab.evaluate((pattern) => new RegExp(pattern).exec(`${document.title} ${document.body.innerText}`)?.[0] ?? null, RAW_MESSAGE_ID);
}
const DEMO_LOGINS: Record<Exclude<Role, "visitor">, string> = {
  user: "user@demo.test",
  recruiter: "recruiter@demo.test",
  career_team: "career@demo.test",
  moderator: "moderator@demo.test",
  admin: "admin@demo.test",
};
const MEMBERS: Role[] = ["user", "recruiter", "career_team", "moderator", "admin"];
const EVERYONE: Role[] = ["visitor", ...MEMBERS];
/** The roles that run the hiring side: their jobs' applications (app/lib/areas.ts). */
const HIRING: Role[] = ["recruiter", "career_team", "admin"];

/** The demo chat shared publicly (db/seed/demo.ts: every fifth chat from the fourth is public). */
const PUBLIC_CHAT = uuidFor("chat:3");
const PROFILE_LIST = Object.keys(LISTS)[0];
/** A demo feed post and its first comment (db/seed/demo.ts), written by members who are none of the demo logins. */
const FEED_POST = uuidFor("anonymous_post:0");
const FEED_COMMENT = uuidFor("anonymous_comment:0:0");

/** Links found on a role's own list pages: the ids of its records in the demo data. */
interface Ids {
  job?: string;
  ownJob?: string;
  hiringJob?: string;
  hiringApplication?: string;
  application?: string;
  conversation?: string;
  connection?: string;
  profile?: string;
  chat?: string;
  document?: string;
  meeting?: string;
  memberRole?: string;
  ownCommunity?: string;
  /** The first community of the directory (a member's own first: "Your communities" come first). */
  community?: string;
  /** The first post on that community's page, and the first the role wrote there (it links to its edit page). */
  communityPost?: string;
  ownCommunityPost?: string;
  /** A community the role moderates, from its /moderation queue (demo data: user@ and moderator@ have requests to decide). */
  moderatedCommunity?: string;
  /** A post of the anonymous feed (issue 17), and a comment of the role's own (/feed/<id>/comments/<cid>). */
  feedPost?: string;
  ownFeedComment?: string;
  /** The role's own feed post, linked from /feed with its edit page (the demo user wrote the newest). */
  ownFeedPost?: string;
  /** Archive cards (issue 18): the first card of /hiring/archive, and its "rewrite the note" form (the demo recruiter's cards). */
  archiveCard?: string;
  archiveForm?: string;
}

interface Crawled {
  /** The route file in app/routes that answers this page. */
  file: string;
  /** The page's address; a function when it needs an id of the role's demo records. */
  path: string | ((ids: Ids) => string | undefined);
  roles: Role[];
  /** The status the page answers with (error pages); 200 otherwise. */
  status?: number;
  /** The page's body differs per role (not only its records): axe checks it for every role. */
  axeEveryRole?: boolean;
}

const CRAWL: Crawled[] = [
  // Everyone: the public pages.
  { file: "_index.tsx", path: "/", roles: EVERYONE, axeEveryRole: true },
  { file: "jobs._index.tsx", path: "/jobs", roles: EVERYONE },
  { file: "jobs_.remote.tsx", path: "/jobs/remote", roles: EVERYONE },
  { file: "jobs_.part-time.tsx", path: "/jobs/part-time", roles: EVERYONE },
  { file: "jobs_.$feed.$jobId.tsx", path: (ids) => ids.job, roles: EVERYONE },
  { file: "u.$id.tsx", path: (ids) => ids.profile, roles: EVERYONE },
  { file: "share.$chatId.tsx", path: `/share/${PUBLIC_CHAT}`, roles: EVERYONE },
  { file: "premium.tsx", path: "/premium", roles: EVERYONE },
  { file: "premium_.thanks.tsx", path: "/premium/thanks", roles: EVERYONE },
  { file: "api-access.tsx", path: "/api-access", roles: EVERYONE },
  { file: "api-access_.thanks.tsx", path: "/api-access/thanks", roles: EVERYONE },
  { file: "forgot-password.tsx", path: "/forgot-password", roles: EVERYONE },
  { file: "reset-password.$token.tsx", path: "/reset-password/not-a-real-token", roles: EVERYONE, status: 410 },
  // Sign-up's confirmation (decision 054): the check-your-inbox page for any address, and a link that no longer works.
  { file: "signup_.confirm.tsx", path: "/signup/confirm?email=someone%40example.com", roles: EVERYONE },
  { file: "signup_.confirm_.$token.tsx", path: "/signup/confirm/not-a-real-token", roles: EVERYONE, status: 410 },
  // Daily interviews (issue 19): today's page for everyone; a question of the demo user's second
  // interview (db/seed/demo.ts: daily_interview:0:1, a past one), theirs alone.
  { file: "interviews._index.tsx", path: "/interviews", roles: EVERYONE },
  { file: "interviews.$id_.q.$n.tsx", path: `/interviews/${uuidFor("daily_interview:0:1")}/q/1`, roles: ["user"] },
  // Skills (issue 18): the list for everyone; a test's first page for members; the demo user's
  // first attempt (db/seed/demo.ts numbers user@demo.test's attempts first), theirs alone.
  { file: "skills._index.tsx", path: "/skills", roles: EVERYONE },
  { file: "skills.$id_.test.tsx", path: "/skills/1/test", roles: MEMBERS },
  { file: "skills.attempts.$id.tsx", path: "/skills/attempts/1", roles: ["user"] },
  // Interview history (issue 19): each member's history and streak setting; the demo user's
  // newest past interview (db/seed/demo.ts keys it daily_interview:0:0), theirs alone.
  { file: "interviews.history.tsx", path: "/interviews/history", roles: MEMBERS },
  { file: "interviews.$id.tsx", path: `/interviews/${uuidFor("daily_interview:0:0")}`, roles: ["user"] },
  { file: "settings.interview-streak.tsx", path: "/settings/interview-streak", roles: MEMBERS },
  // The anonymous feed (issue 17): everyone reads it, also filtered and by "Top this week".
  { file: "feed._index.tsx", path: "/feed", roles: EVERYONE },
  { file: "feed._index.tsx", path: "/feed?sort=top&topic=career_advice&company=Dasman%20Bank", roles: ["visitor", "user"] },
  { file: "communities._index.tsx", path: "/communities", roles: EVERYONE },
  { file: "$.tsx", path: "/no-such-page", roles: EVERYONE, status: 404 },
  // The error page a failing loader shows (the route exists only on the test server).
  { file: "test-errors.$status.tsx", path: "/test-errors/500", roles: EVERYONE, status: 500 },
  // Visitors only: a member is sent home.
  { file: "login.tsx", path: "/login", roles: ["visitor"] },
  { file: "signup.tsx", path: "/signup", roles: ["visitor"] },
  // Every member.
  { file: "people.tsx", path: "/people", roles: MEMBERS },
  { file: "network.tsx", path: "/network", roles: MEMBERS },
  { file: "network_.remove.$userId.tsx", path: (ids) => ids.connection && `/network/remove/${ids.connection}`, roles: MEMBERS },
  { file: "messages._index.tsx", path: "/messages", roles: MEMBERS },
  { file: "messages.$userId.tsx", path: (ids) => ids.conversation, roles: MEMBERS },
  { file: "notifications.tsx", path: "/notifications", roles: MEMBERS },
  { file: "moderation.tsx", path: "/moderation", roles: MEMBERS },
  // The feed's reports (issue 17): any member reports a post or comment; the queue is for global moderators and admins.
  { file: "feed.$id_.report.tsx", path: `/feed/${FEED_POST}/report`, roles: MEMBERS },
  { file: "feed.$id_.comments.$commentId_.report.tsx", path: `/feed/${FEED_POST}/comments/${FEED_COMMENT}/report`, roles: MEMBERS },
  { file: "moderation_.reports.tsx", path: "/moderation/reports", roles: ["moderator", "admin"] },
  // Communities' moderation pages, for the demo roles that moderate one (issue 16).
  { file: "communities.$id_.requests.tsx", path: (ids) => ids.moderatedCommunity && `${ids.moderatedCommunity}/requests`, roles: ["user", "moderator"] },
  { file: "communities.$id_.members.tsx", path: (ids) => ids.moderatedCommunity && `${ids.moderatedCommunity}/members`, roles: ["user", "moderator"] },
  { file: "communities.$id_.membership.tsx", path: (ids) => ids.moderatedCommunity && `${ids.moderatedCommunity}/membership`, roles: ["user", "moderator"] },
  { file: "coach.tsx", path: "/coach", roles: MEMBERS },
  { file: "coach_.$chatId.tsx", path: (ids) => ids.chat, roles: ["user"] },
  { file: "coach_.$chatId_.title.tsx", path: (ids) => ids.chat && `${ids.chat}/title`, roles: ["user"] },
  { file: "coach_.$chatId_.draft.tsx", path: (ids) => ids.chat && `${ids.chat}/draft`, roles: ["user"] },
  { file: "coach_.$chatId_.delete.tsx", path: (ids) => ids.chat && `${ids.chat}/delete`, roles: ["user"] },
  { file: "documents._index.tsx", path: "/documents", roles: MEMBERS },
  { file: "documents.new.tsx", path: "/documents/new", roles: MEMBERS },
  { file: "documents.$id.tsx", path: (ids) => ids.document, roles: ["user"] },
  { file: "documents.$id_.delete.tsx", path: (ids) => ids.document && `${ids.document}/delete`, roles: ["user"] },
  { file: "applications._index.tsx", path: "/applications", roles: MEMBERS },
  { file: "applications.$id.tsx", path: (ids) => ids.application, roles: ["user"] },
  { file: "applications.$id_.withdraw.tsx", path: (ids) => ids.application && `${ids.application}/withdraw`, roles: ["user"] },
  { file: "calendar.tsx", path: "/calendar", roles: MEMBERS },
  { file: "calendar_.find.$userId.tsx", path: (ids) => ids.connection && `/calendar/find/${ids.connection}`, roles: MEMBERS },
  { file: "calendar_.meetings._index.tsx", path: "/calendar/meetings", roles: MEMBERS },
  { file: "calendar_.meetings.$meetingId.tsx", path: (ids) => ids.meeting, roles: ["user"] }, // the demo meetings are all the demo user's
  { file: "calendar_.meetings.$meetingId_.cancel.tsx", path: (ids) => ids.meeting && `${ids.meeting}/cancel`, roles: ["user"] },
  // Communities (issue 16): the demo user is a member of their first community and wrote posts in it (db/seed/demo.ts).
  { file: "communities.$id.tsx", path: (ids) => ids.community, roles: EVERYONE },
  { file: "communities.$id_.posts.new.tsx", path: (ids) => ids.community && `${ids.community}/posts/new`, roles: ["user"] },
  { file: "communities.$id_.posts.$postId.tsx", path: (ids) => ids.communityPost, roles: ["user"] },
  { file: "communities.$id_.posts.$postId_.edit.tsx", path: (ids) => ids.ownCommunityPost && `${ids.ownCommunityPost}/edit`, roles: ["user"] },
  { file: "communities.$id_.posts.$postId_.delete.tsx", path: (ids) => ids.communityPost && `${ids.communityPost}/delete`, roles: ["user"] },
  // The anonymous feed's post page (issue 17): a demo post for everyone, and a comment of the demo user's own.
  { file: "feed.$id.tsx", path: (ids) => ids.feedPost, roles: EVERYONE },
  { file: "feed.$id_.comments.$commentId_.edit.tsx", path: (ids) => ids.ownFeedComment && `${ids.ownFeedComment}/edit`, roles: ["user"] },
  { file: "feed.$id_.comments.$commentId_.delete.tsx", path: (ids) => ids.ownFeedComment && `${ids.ownFeedComment}/delete`, roles: ["user"] },
  { file: "jobs_.saved.tsx", path: "/jobs/saved", roles: MEMBERS },
  { file: "feed.new.tsx", path: "/feed/new", roles: MEMBERS },
  // The demo user's own post (db/seed/demo.ts DEMO_USER_FEED_POST_ID): its edit and delete pages.
  { file: "feed.$id_.edit.tsx", path: (ids) => ids.ownFeedPost && `${ids.ownFeedPost}/edit`, roles: ["user"] },
  { file: "feed.$id_.delete.tsx", path: (ids) => ids.ownFeedPost && `${ids.ownFeedPost}/delete`, roles: ["user"] },
  { file: "communities.new.tsx", path: "/communities/new", roles: MEMBERS },
  // The demo user created communities (db/seed/demo.ts); the directory links their edit pages.
  { file: "communities.$id_.edit.tsx", path: (ids) => ids.ownCommunity && `${ids.ownCommunity}/edit`, roles: ["user"] },
  { file: "communities.$id_.delete.tsx", path: (ids) => ids.ownCommunity && `${ids.ownCommunity}/delete`, roles: ["user"] },
  { file: "jobs_.mine.tsx", path: "/jobs/mine", roles: MEMBERS, axeEveryRole: true },
  { file: "jobs_.new.tsx", path: "/jobs/new", roles: MEMBERS },
  { file: "jobs_.$feed.$jobId_.apply.tsx", path: (ids) => ids.job && `${ids.job}/apply`, roles: MEMBERS },
  { file: "hiring._index.tsx", path: "/hiring", roles: MEMBERS, axeEveryRole: true },
  { file: "logout.tsx", path: "/logout", roles: MEMBERS },
  { file: "settings.profile.tsx", path: "/settings/profile", roles: MEMBERS },
  { file: "settings.profile_.$list.tsx", path: `/settings/profile/${PROFILE_LIST}`, roles: MEMBERS },
  { file: "settings.cv.tsx", path: "/settings/cv", roles: MEMBERS },
  { file: "settings.time-zone.tsx", path: "/settings/time-zone", roles: MEMBERS },
  { file: "settings.lite.tsx", path: "/settings/lite", roles: MEMBERS },
  { file: "settings.language.tsx", path: "/settings/language", roles: EVERYONE },
  { file: "settings.password.tsx", path: "/settings/password", roles: MEMBERS },
  { file: "settings.sessions.tsx", path: "/settings/sessions", roles: MEMBERS },
  { file: "settings.delete.tsx", path: "/settings/delete", roles: MEMBERS },
  // The hiring side: their jobs, applications and interview rounds.
  { file: "hiring.$feed.$jobId.tsx", path: (ids) => ids.hiringJob, roles: HIRING, axeEveryRole: true },
  { file: "hiring.applications.$id.tsx", path: (ids) => ids.hiringApplication, roles: HIRING, axeEveryRole: true },
  // Candidate matching (issue 18): the candidates of the role's first job on /hiring (the demo recruiter's own).
  { file: "hiring.$feed.$jobId_.candidates.tsx", path: (ids) => ids.hiringJob && `${ids.hiringJob}/candidates`, roles: HIRING },
  { file: "settings.candidates.tsx", path: "/settings/candidates", roles: MEMBERS },
  { file: "jobs_.$feed.$jobId_.edit.tsx", path: (ids) => ids.ownJob && `${ids.ownJob}/edit`, roles: ["recruiter"] },
  { file: "jobs_.$feed.$jobId_.close.tsx", path: (ids) => ids.ownJob && `${ids.ownJob}/close`, roles: ["recruiter"] },
  // Archive cards (issue 18): every member's archive (theirs only); the demo recruiter's cards (admins read them too).
  { file: "hiring.archive._index.tsx", path: "/hiring/archive", roles: MEMBERS, axeEveryRole: true },
  { file: "hiring.archive.$cardId.tsx", path: (ids) => ids.archiveCard, roles: ["recruiter", "admin"], axeEveryRole: true },
  { file: "hiring.archive.$cardId_.delete.tsx", path: (ids) => ids.archiveCard && `${ids.archiveCard}/delete`, roles: ["recruiter", "admin"] },
  { file: "hiring.$feed.$jobId_.candidates_.$userId_.archive.tsx", path: (ids) => ids.archiveForm, roles: ["recruiter"] },
  // The career team (and admins).
  { file: "jobs_.review.tsx", path: "/jobs/review", roles: ["career_team", "admin"] },
  // The question bank (issue 18, item 5): demo skill 1 (SQL) and its first question.
  { file: "skills_.manage._index.tsx", path: "/skills/manage", roles: ["career_team", "admin"] },
  { file: "skills_.manage.$skillId._index.tsx", path: "/skills/manage/1", roles: ["career_team", "admin"] },
  { file: "skills_.manage.$skillId.retire.tsx", path: "/skills/manage/1/retire", roles: ["career_team"] },
  { file: "skills_.manage.$skillId.questions.new.tsx", path: "/skills/manage/1/questions/new", roles: ["career_team"] },
  { file: "skills_.manage.$skillId.questions.$questionId.tsx", path: "/skills/manage/1/questions/1", roles: ["career_team", "admin"] },
  { file: "skills_.manage.$skillId.import.tsx", path: "/skills/manage/1/import", roles: ["career_team"] },
  // Admins.
  { file: "admin._index.tsx", path: "/admin", roles: ["admin"] },
  { file: "admin.users.tsx", path: "/admin/users", roles: ["admin"] },
  { file: "admin.users_.$id.role.tsx", path: (ids) => ids.memberRole, roles: ["admin"] },
  // The member view (issue 20) of the demo user, who has sessions, activity, usage and page views.
  { file: "admin.users_.$id._index.tsx", path: `/admin/users/${userId(DEMO_USER_INDEX)}`, roles: ["admin"] },
  { file: "admin.premium.tsx", path: "/admin/premium", roles: ["admin"] },
  { file: "admin.api-access.tsx", path: "/admin/api-access", roles: ["admin"] },
  { file: "admin.analytics.tsx", path: "/admin/analytics", roles: ["admin"] },
  { file: "admin.analytics_.tracking.tsx", path: "/admin/analytics/tracking", roles: ["admin"] },
];

/** Route files that are not pages of their own, and why. */
const NOT_PAGES: Record<string, string> = {
  "admin.tsx": "the admin layout: crawled through its child pages",
  "settings.tsx": "the settings layout: crawled through its child pages",
  "settings._index.tsx": "redirects to /settings/profile",
  "$area.tsx": "the coming-soon page of an area not built yet: every area is built (issue 19), so it answers 404",
  "admin.api-access[.csv].ts": "a CSV download",
  "admin.premium[.csv].ts": "a CSV download",
  "admin.analytics_.export.$file.ts": "the analytics dashboard's CSV downloads (admin-analytics.spec.ts reads one)",
  "hiring.archive[.csv].ts": "a CSV download (archive.spec.ts reads it)",
  "applications.$id_.cv.ts": "the applicant's CV file",
  "settings.cv_.file.ts": "the member's CV file",
  "avatars.$key.tsx": "a profile picture (image)",
  "communities.$id_.banner.tsx": "a community's banner (image)",
  "feed.$id_.image.tsx": "a feed post's image",
  "auth.google.tsx": "redirects to Google's sign-in",
  "auth.google.callback.tsx": "Google's redirect back: signs in and redirects",
  "calendar_.find.$userId_.ics.ts": "a calendar file (text/calendar)",
  "communities.$id_.posts.$postId_.ics.ts": "a community event's calendar file (text/calendar)",
  "coach_.$chatId_.export[.md].ts": "a Markdown download of a chat",
  "interviews.$id_.export[.md].ts": "a Markdown download of an interview (interviews-history.spec.ts reads it)",
  "coach_.$chatId_.retry.tsx": "POST only (GET answers 405)",
  "coach_.$chatId_.stream.ts": "the coach's streamed answer (text/event-stream)",
  "coach_.$chatId_.vote.tsx": "POST only (GET redirects to the chat)",
  "coach_.$chatId_.visibility.tsx": "POST only (GET redirects to the chat's share section)",
  "jobs_.$feed.$jobId_.save.tsx": "POST only (GET redirects to the job)",
  "feed.$id_.like.tsx": "POST only (GET redirects to the post)",
  "feed.$id_.comments.$commentId_.like.tsx": "POST only (GET redirects to the post)",
  "skills_.manage.$skillId.questions.$questionId_.retire.tsx": "POST only (GET redirects to the question's page)",
  "messages.$userId.updates.ts": "JSON polled by the conversation page",
  "analytics.beacon.ts": "the page-view beacon: POST only (GET answers 405; page-views.spec.ts covers it)",
  "jobs_.rss.ts": "an RSS feed",
  "jobs_.remote_.rss.ts": "an RSS feed",
  "jobs_.part-time_.rss.ts": "an RSS feed",
  "healthz.ts": "the health check (JSON)",
  "readyz.ts": "the readiness check (JSON)",
  "dev.outbox.tsx": "development only (404 in production, where the crawl runs)",
  // Issue 19, interview feedback.
  "interviews.$id_.q.$n_.review.ts": "POST only: an answer's review streamed as NDJSON (GET answers 405)",
  "calendar_.find.$userId_.sent.tsx":
    "shown only right after a member sends a proposal (its address names that message); calendar.spec.ts reaches it by sending one",
};

test("every GET route in app/routes is crawled below or listed as not a page, with its reason @request-only", () => {
  const files = fs.readdirSync(path.join(process.cwd(), "app/routes")).sort();
  const crawled = new Set(CRAWL.map((page) => page.file));
  const missing = files.filter((file) => !crawled.has(file) && !(file in NOT_PAGES));
  expect(missing, "route files the crawl does not visit: add them to CRAWL (or to NOT_PAGES with the reason)").toEqual([]);
  const stale = [...crawled, ...Object.keys(NOT_PAGES)].filter((file) => !files.includes(file));
  expect(stale, "listed route files that no longer exist").toEqual([]);
});

test("every area the menu offers a role is crawled for that role @request-only", () => {
  for (const role of EVERYONE) {
    for (const area of menuFor(role === "visitor" ? null : role)) {
      const file = area.ready ? CRAWL.find((page) => page.path === area.href)?.file : "$area.tsx";
      const crawled = CRAWL.find((page) => page.file === file && page.roles.includes(role));
      expect(crawled, `${area.href} for ${role}`).toBeTruthy();
    }
  }
});

/** The roles axe checks a page for: a visitor and one member, or every role (see the top of this file). */
function axeRoles(page: Crawled): Role[] {
  if (page.axeEveryRole) return page.roles;
  const member = page.roles.includes("user") ? "user" : page.roles.find((role) => role !== "visitor");
  return page.roles.filter((role) => role === "visitor" || role === member);
}

test("axe checks every crawled page, for a visitor where one can open it, and every role's home @request-only", () => {
  for (const page of CRAWL) {
    const roles = axeRoles(page);
    expect(roles.length, page.file).toBeGreaterThan(0);
    if (page.roles.includes("visitor")) expect(roles, page.file).toContain("visitor");
  }
  expect(axeRoles(CRAWL.find((page) => page.path === "/")!)).toEqual(EVERYONE);
});

const randomAddress = () => `10.${200 + Math.floor(Math.random() * 50)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** The first link on `path` that matches `pattern` (its first group), else undefined. */
async function firstLink(request: APIRequestContext, path: string | undefined, pattern: RegExp): Promise<string | undefined> {
  if (!path) return undefined;
  const response = await request.get(path, { maxRedirects: 0 });
  if (response.status() !== 200) return undefined;
  return pattern.exec(await response.text())?.[1];
}

/** The demo records of the signed-in role, read from its own list pages (plain requests). */
async function findIds(request: APIRequestContext, role: Role): Promise<Ids> {
  const job = new RegExp(`href="(/jobs/(?!remote"|part-time"|mine"|saved"|new"|review")[a-z0-9-]+/[^"/?#]+)"`);
  const [jobPath, profile, hiringJob, ownJob, application, chat, document, meeting, connection, memberRole, ownCommunity, moderatedCommunity] = await Promise.all([
    firstLink(request, "/jobs", job),
    role === "visitor" ? Promise.resolve(`/u/${uuidFor("user:17")}`) : firstLink(request, "/people", new RegExp(`href="(/u/${UUID})"`)),
    firstLink(request, "/hiring", new RegExp(`href="(/hiring/(?!applications/)[a-z0-9-]+/[^"/?#]+)"`)),
    firstLink(request, "/jobs/mine", job),
    firstLink(request, "/applications", new RegExp(`href="(/applications/${UUID})"`)),
    firstLink(request, "/coach", new RegExp(`href="(/coach/${UUID})"`)),
    firstLink(request, "/documents", new RegExp(`href="(/documents/${UUID})"`)),
    firstLink(request, "/calendar/meetings", new RegExp(`href="(/calendar/meetings/${UUID})"`)),
    firstLink(request, "/network", new RegExp(`href="/network/remove/(${UUID})"`)),
    firstLink(request, "/admin/users", new RegExp(`(?:href|action)="(/admin/users/${UUID}/role)[?"]`)),
    role === "visitor" ? Promise.resolve(undefined) : firstLink(request, "/communities", new RegExp(`href="(/communities/${UUID})/edit"`)),
    firstLink(request, "/moderation", new RegExp(`href="(/communities/${UUID})"`)),
  ]);
  const hiringApplication = await firstLink(request, hiringJob, new RegExp(`href="(/hiring/applications/${UUID})"`));
  const archiveCard = role === "visitor" ? undefined : await firstLink(request, "/hiring/archive", /href="(\/hiring\/archive\/\d+)"/);
  const archiveForm = await firstLink(request, archiveCard, new RegExp(`href="(/hiring/(?:general|remote|part-time)/[^"/?#]+/candidates/${UUID}/archive)"`));
  const community = await firstLink(request, "/communities", new RegExp(`href="(/communities/${UUID})"`));
  // Posts from a community the role created (it moderates it and wrote there: demo data), so its
  // post, edit and delete pages are all the role's to open; else the directory's first.
  const postsOf = ownCommunity ?? community;
  const [communityPost, ownCommunityPost] = await Promise.all([
    firstLink(request, postsOf, new RegExp(`href="(/communities/${UUID}/posts/${UUID})"`)),
    firstLink(request, postsOf, new RegExp(`href="(/communities/${UUID}/posts/${UUID})/edit"`)),
  ]);
  // By its id: other tests' posts may push it off /feed's first page.
  const ownFeedPost = role === "user" ? `/feed/${DEMO_USER_FEED_POST_ID}` : undefined;
  // A conversation with nothing unread: opening one marks its messages read, which other tests count.
  const conversation = await readConversation(request);
  const feedPosts = await feedPostsOf(request);
  const ownFeedComment = role === "user" ? await ownFeedCommentOf(request, feedPosts) : undefined;
  return {
    job: jobPath, profile, hiringJob, hiringApplication, ownJob, application, chat, document, meeting, connection, memberRole, conversation, community, communityPost, ownCommunityPost, ownCommunity, moderatedCommunity,
    feedPost: feedPosts[0], ownFeedComment, ownFeedPost,
    archiveCard, archiveForm,
  };
}

/** Posts of the anonymous feed: the demo posts by their ids (db/seed/demo.ts), then those /feed links. */
async function feedPostsOf(request: APIRequestContext): Promise<string[]> {
  const response = await request.get("/feed", { maxRedirects: 0 });
  const listed = response.status() === 200 ? [...(await response.text()).matchAll(new RegExp(`href="(/feed/${UUID})"`, "g"))].map((m) => m[1]) : [];
  const demo = Array.from({ length: 20 }, (_, p) => `/feed/${uuidFor(`anonymous_post:${p}`)}`);
  // The demo posts first: a post another test wrote may be deleted before the crawl opens it.
  return [...new Set([...demo, ...listed])];
}

/**
 * A comment of the signed-in member's own, found on the posts' pages (its edit link); when the
 * demo data holds none, the crawl writes one through the post page's form (its only write).
 */
async function ownFeedCommentOf(request: APIRequestContext, posts: string[]): Promise<string | undefined> {
  const own = new RegExp(`href="(/feed/${UUID}/comments/${UUID})/edit"`);
  for (const post of posts) {
    const found = await firstLink(request, post, own);
    if (found) return found;
  }
  const post = posts.find(Boolean);
  if (!post) return undefined;
  const csrf = /name="csrf" value="([^"]+)"/.exec(await (await request.get(post)).text())?.[1];
  const made = await request.post(post, { form: { csrf: csrf ?? "", content: "Thanks, this helped me too." }, maxRedirects: 0 });
  if (made.status() !== 302) return undefined;
  return firstLink(request, post, own);
}

/** A conversation of /messages whose messages are all read (so opening it changes nothing). */
async function readConversation(request: APIRequestContext): Promise<string | undefined> {
  const response = await request.get("/messages", { maxRedirects: 0 });
  if (response.status() !== 200) return undefined;
  const items = (await response.text()).split("<li").slice(1);
  const read = items.find((item) => !/unread/i.test(item) && new RegExp(`href="/messages/${UUID}[#"]`).test(item));
  return read ? new RegExp(`href="(/messages/${UUID})[#"]`).exec(read)?.[1] : undefined;
}

/** Signs in as the role (once per worker) and finds its demo records. */
async function roleSetup(browser: Browser, role: Role): Promise<{ state: StorageState; ids: Ids }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": randomAddress() } });
  try {
    if (role !== "visitor") await signInThroughForm(await context.newPage(), DEMO_LOGINS[role]);
    return { state: await context.storageState(), ids: await findIds(context.request, role) };
  } finally {
    await context.close();
  }
}

for (const role of EVERYONE) {
  const who = role === "visitor" ? "a visitor" : `the demo ${role}`;
  test.describe(`every page ${who} can open, on a 360 px wide phone @js-off-only`, () => {
    let ids: Ids;
    let context: BrowserContext;
    let tab: Page;
    const brokenResources: string[] = [];
    // One phone per role and worker, its tab reused from page to page (a context per page cost
    // more than the page itself on a busy machine). Each test only reads: no state carries over.
    test.beforeAll(async ({ browser }) => {
      const setup = await roleSetup(browser, role);
      ids = setup.ids;
      // The JavaScript-off document: the server's HTML with the page's script files refused
      // (axe itself is injected through the DevTools protocol).
      context = await browser.newContext({
        storageState: setup.state,
        viewport: PHONE,
        javaScriptEnabled: true,
        extraHTTPHeaders: { "X-Forwarded-For": randomAddress() },
      });
      await context.route(/\.js(\?|$)/, (route) => route.abort());
      tab = await context.newPage();
      // What a browser without JavaScript would report: a stylesheet, image or font that fails.
      tab.on("requestfailed", (request) => {
        // Not the script files refused above, nor what the previous page was still fetching (the
        // favicon) when the tab went on (ERR_ABORTED): a real failure answers, or fails otherwise.
        if (/\.js(\?|$)/.test(request.url()) || request.failure()?.errorText === "net::ERR_ABORTED") return;
        brokenResources.push(`${request.url()} failed: ${request.failure()?.errorText}`);
      });
      tab.on("response", (response) => {
        if (response.request().resourceType() !== "document" && response.status() >= 400) brokenResources.push(`${response.url()} answered ${response.status()}`);
      });
    });
    test.afterAll(async () => {
      await context?.close();
    });

    for (const page of CRAWL.filter((crawled) => crawled.roles.includes(role))) {
      const label = typeof page.path === "string" ? page.path : `${page.file.replace(/\.tsx?$/, "")} (a real one)`;
      const withAxe = axeRoles(page).includes(role);
      const checks = withAxe ? "no serious or critical axe violation (WCAG 2.2 AA) and no horizontal scroll at 360 px" : "no horizontal scroll at 360 px";
      test(`${label}, for ${who}, has one h1, the four landmarks, every resource, ${checks}`, async () => {
        const target = typeof page.path === "string" ? page.path : page.path(ids);
        expect(target, `${who} has a demo record for ${page.file}`).toBeTruthy();
        brokenResources.length = 0;
        const response = await tab.goto(target!);
        expect(response?.status(), `${target} answers`).toBe(page.status ?? 200);
        expect(new URL(tab.url()).pathname, `${target} is not sent elsewhere`).toBe(new URL(target!, "http://x").pathname);
        expect(await tab.evaluate(() => "__remixRouter" in window), "page scripts are blocked").toBe(false);

        // The outline every page shares (the shell): one h1, and the header, main menu, main and footer once each.
        const outline = await tab.evaluate(() => {
          // A header or footer inside a section is that section's, not a landmark of the page.
          const landmarks = (tag: string) => [...document.querySelectorAll(tag)].filter((element) => !element.parentElement?.closest("main, article, section, aside, nav")).length;
          return {
            h1: document.querySelectorAll("h1").length,
            banner: landmarks("header"),
            mainNav: document.querySelectorAll('nav[aria-label="Main"]').length,
            main: document.querySelectorAll("main").length,
            footer: landmarks("footer"),
          };
        });
        expect(outline, `${target}: one h1 and the four landmarks`).toEqual({ h1: 1, banner: 1, mainNav: 1, main: 1, footer: 1 });
        expect(await rawMessageId(tab), `${target}: every message has its words`).toBeNull();
        await tab.waitForLoadState("load");
        expect(brokenResources, `${target}: stylesheets, images and fonts load`).toEqual([]);

        const width = await tab.evaluate(() => document.documentElement.scrollWidth);
        expect(width, `${target} is ${width} px wide`).toBeLessThanOrEqual(PHONE.width);

        if (!withAxe) return;
        const results = await axeFor(tab).analyze();
        const serious = results.violations
          .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
          .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
        expect(serious, `axe on ${target}`).toEqual([]);
      });
    }
  });
}

/**
 * The same pages in Arabic (right to left) and Hindi, for a visitor and a member, on a 320 px
 * phone: the page says its language and direction, every message has its words, and nothing
 * pushes the page sideways (Arabic and Hindi words are longer than English ones). axe runs on the
 * English crawl above: the markup is the same in every language.
 */
for (const lang of ["ar", "hi"] as const) {
  for (const role of ["visitor", "user"] as const) {
    const who = role === "visitor" ? "a visitor" : "the demo user";
    test.describe(`every page ${who} can open, in ${lang === "ar" ? "Arabic" : "Hindi"}, on a 320 px wide phone @js-off-only`, () => {
      let ids: Ids;
      let context: BrowserContext;
      let tab: Page;
      test.beforeAll(async ({ browser, baseURL }) => {
        const setup = await roleSetup(browser, role);
        ids = setup.ids;
        context = await browser.newContext({
          storageState: setup.state,
          viewport: SMALL_PHONE,
          javaScriptEnabled: true,
          extraHTTPHeaders: { "X-Forwarded-For": randomAddress() },
        });
        // The visitor's choice (a member's saved one would follow them; the demo user has none).
        await context.addCookies([{ name: "ladder_lang", value: lang, url: baseURL! }]);
        await context.route(/\.js(\?|$)/, (route) => route.abort());
        tab = await context.newPage();
      });
      test.afterAll(async () => {
        await context?.close();
      });

      test(`every page ${who} can open speaks ${lang}, has its words and fits 320 px`, async () => {
        test.setTimeout(STORY_BUDGET_MS * 2);
        const problems: string[] = [];
        for (const page of CRAWL.filter((crawled) => crawled.roles.includes(role))) {
          const target = typeof page.path === "string" ? page.path : page.path(ids);
          if (!target) continue;
          const response = await tab.goto(target);
          if (response?.status() !== (page.status ?? 200)) problems.push(`${target} answered ${response?.status()}`);
          const tag = await tab.evaluate(() => `${document.documentElement.lang} ${document.documentElement.dir}`);
          if (tag !== `${lang} ${lang === "ar" ? "rtl" : "ltr"}`) problems.push(`${target}: <html> says ${tag}`);
          const raw = await rawMessageId(tab);
          if (raw) problems.push(`${target}: shows the id ${raw}`);
          const width = await tab.evaluate(() => document.documentElement.scrollWidth);
          if (width > SMALL_PHONE.width) problems.push(`${target}: ${width} px wide`);
        }
        expect(problems).toEqual([]);
      });
    });
  }
}
