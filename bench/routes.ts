/**
 * The routes `npm run bench` loads, in order. Append new ones here.
 *
 * A route is one request repeated by every connection. Whatever needs a live server first
 * (a session cookie, a CSRF token) goes in `setup`, which runs once per server before the load
 * and returns the parts of the request it fills in. Example for a later issue:
 *
 *   {
 *     name: "login POST",
 *     method: "POST",
 *     path: "/login",
 *     headers: { "content-type": "application/x-www-form-urlencoded" },
 *     setup: async (baseUrl) => {
 *       const page = await fetch(`${baseUrl}/login`);
 *       const cookie = cookieHeader(page);
 *       const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)?.[1] ?? "";
 *       return { headers: { cookie }, body: formBody({ csrf, email: "ada@example.com", password: "..." }) };
 *     },
 *   }
 *
 * A route is compared with bench/baseline.ts only when the baseline implements its method and
 * path (see `baselineHandles`) and the route does not say `baseline: false` (a signed-in page at
 * a path the baseline answers as the signed-out page); otherwise its baseline columns stay empty.
 */
import { BIG_COMMUNITY_ID, BIG_FEED_POST_ID, LONG_COACH_CHAT_ID, LONG_CONVERSATION_PARTNER_INDEX, userId } from "../db/seed/demo";
import { UsageError } from "./args";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The parts of a request that `setup` may fill in; headers are merged, the rest replaced. */
export interface RequestParts {
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface BenchRoute extends RequestParts {
  /** Shown in the table and used by `--routes` (as is the path). */
  name: string;
  /**
   * Send each request from a different address (X-Forwarded-For; the bench server trusts one
   * proxy), so per-address rate limits measure the route, not the limiter.
   */
  spreadAddresses?: boolean;
  /** false: the baseline's page at this path is another page (the signed-out home): do not compare. */
  baseline?: false;
  method: HttpMethod;
  path: string;
  /** Also load the app with ANALYTICS_PAGE_VIEWS=off: the "views off" columns (issue 20's 5% budget). */
  pageViewsOff?: true;
  /** Runs once per server before the load, e.g. to log in; gets the server's base URL. */
  setup?: (baseUrl: string) => Promise<RequestParts>;
}

/** The request autocannon repeats, after setup. */
export interface PreparedRequest {
  spreadAddresses?: boolean;
  method: HttpMethod;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Chromium's, as a person's browser sends it. */
export const BROWSER_USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

const DEMO_LOGIN = { email: "user@demo.test", password: "ladder-demo" };

/** A visitor's cookie and CSRF token, as a browser gets them from the sign-in page. */
async function signInForm(baseUrl: string): Promise<{ cookie: string; csrf: string }> {
  const page = await fetch(`${baseUrl}/login`);
  const csrf = (await page.text()).match(/name="csrf" value="([^"]+)"/)?.[1];
  if (!csrf) throw new Error(`no CSRF token on ${baseUrl}/login (status ${page.status})`);
  return { cookie: cookieHeader(page), csrf };
}

const formHeaders = { "content-type": "application/x-www-form-urlencoded" };

/** A setup that signs in as a demo account through the real form and sends its session cookie. */
const signedInAs = (email: string) => async (baseUrl: string): Promise<RequestParts> => {
  const { cookie, csrf } = await signInForm(baseUrl);
  const res = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { ...formHeaders, cookie },
    body: formBody({ csrf, email, password: DEMO_LOGIN.password, redirectTo: "/" }),
    redirect: "manual",
  });
  if (res.status !== 302) throw new Error(`signing in as ${email} for the bench failed (status ${res.status})`);
  return { headers: { cookie: cookieHeader(res) } };
};

/** The session cookie of user@demo.test. */
const signedInAsDemoUser = signedInAs(DEMO_LOGIN.email);

/**
 * A setup that loads `path` once (after `setup`, e.g. signing in) and refuses a page that does
 * not answer 200, so a route that is missing or broken on this checkout fails the run with a
 * sentence instead of measuring 404s.
 */
const answering = (path: string, setup?: (baseUrl: string) => Promise<RequestParts>) => async (baseUrl: string): Promise<RequestParts> => {
  const parts = setup ? await setup(baseUrl) : {};
  const res = await fetch(`${baseUrl}${path}`, { headers: parts.headers, redirect: "manual" });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}, not 200: is the route built, and the database seeded?`);
  return parts;
};

export const routes: BenchRoute[] = [
  // A browser's User-Agent: without one a request is a bot's, and no page view would be recorded.
  // The home page is also measured with ANALYTICS_PAGE_VIEWS=off (run.ts): what recording costs.
  { name: "home", method: "GET", path: "/", headers: { "user-agent": BROWSER_USER_AGENT }, pageViewsOff: true },
  // The home of each role (issue 13): user@demo.test's dashboard is the heaviest (six blocks; at
  // --scale 100000 her long conversation and the 1M-job keyword search are under it).
  { name: "home (job seeker)", method: "GET", path: "/", baseline: false, setup: signedInAsDemoUser },
  { name: "home (recruiter)", method: "GET", path: "/", baseline: false, setup: signedInAs("recruiter@demo.test") },
  { name: "home (career team)", method: "GET", path: "/", baseline: false, setup: signedInAs("career@demo.test") },
  { name: "home (moderator)", method: "GET", path: "/", baseline: false, setup: signedInAs("moderator@demo.test") },
  { name: "home (admin)", method: "GET", path: "/", baseline: false, setup: signedInAs("admin@demo.test") },
  { name: "healthz", method: "GET", path: "/healthz" },
  {
    // Every request is a real sign-in: argon2id verification, a new session row, an audit row.
    name: "login POST",
    method: "POST",
    path: "/login",
    headers: formHeaders,
    spreadAddresses: true,
    setup: async (baseUrl) => {
      const { cookie, csrf } = await signInForm(baseUrl);
      return { headers: { cookie }, body: formBody({ csrf, ...DEMO_LOGIN, redirectTo: "/" }) };
    },
  },
  { name: "settings/profile", method: "GET", path: "/settings/profile", setup: signedInAsDemoUser },
  // user@demo.test's conversations (at --scale 100000: a member with thousands of messages in ~1M).
  { name: "/messages", method: "GET", path: "/messages", setup: signedInAsDemoUser },
  {
    // The newest page of user@demo.test's 2,500-message conversation (at --scale N >= 10,000).
    name: "long conversation",
    method: "GET",
    path: `/messages/${userId(LONG_CONVERSATION_PARTNER_INDEX)}`,
    setup: signedInAsDemoUser,
  },
  // The job feeds, signed out (at --scale 100000: 800,000 general, 100,000 remote, 100,000 part-time jobs).
  { name: "jobs feed", method: "GET", path: "/jobs" },
  { name: "remote feed", method: "GET", path: "/jobs/remote" },
  { name: "part-time feed", method: "GET", path: "/jobs/part-time" },
  { name: "jobs keywords", method: "GET", path: "/jobs?q=engineer" },
  { name: "jobs country + type", method: "GET", path: "/jobs?country=EG&type=Full-time" },
  { name: "remote keywords", method: "GET", path: "/jobs/remote?q=developer" },
  { name: "part-time city", method: "GET", path: "/jobs/part-time?city=Pune" },
  { name: "jobs rare keyword", method: "GET", path: "/jobs?q=zebra" },
  { name: "jobs RSS", method: "GET", path: "/jobs/rss?q=data+analyst" },
  // The coach of user@demo.test: the chat list, and the 50-message chat (newest 20 shown).
  { name: "coach chats", method: "GET", path: "/coach", setup: signedInAsDemoUser },
  { name: "coach chat (50 messages)", method: "GET", path: `/coach/${LONG_COACH_CHAT_ID}`, setup: signedInAsDemoUser },
  // Communities (issue 16). At --scale 100000: 10,000 communities and 500,000 memberships (the
  // directory, signed out); Data Careers MENA grown to ~30,000 members and 50,000 posts, read by
  // user@demo.test, an approved member (its page: about, moderators, upcoming events, newest posts);
  // and the queue of moderator@demo.test, a global moderator: every pending request of every
  // community (~38,000), oldest first.
  { name: "communities directory", method: "GET", path: "/communities", setup: answering("/communities") },
  {
    name: "big community page (member)",
    method: "GET",
    path: `/communities/${BIG_COMMUNITY_ID}`,
    setup: answering(`/communities/${BIG_COMMUNITY_ID}`, signedInAsDemoUser),
  },
  {
    name: "moderation queue (global moderator)",
    method: "GET",
    path: "/moderation",
    setup: answering("/moderation", signedInAs("moderator@demo.test")),
  },
  // The anonymous feed (issue 17), read by a visitor. At --scale 100000: 500,000 posts over two
  // years (about 4,800 this week), 1.5M comments, 2M likes. "Nile Payments" is the demo's company
  // with most posts and at scale the most common one (about 59,000 posts); career_advice is 30%.
  // Bench/feed-queries.ts times the same reads without HTTP (and "Top this week" read week first).
  { name: "feed", method: "GET", path: "/feed", setup: answering("/feed") },
  { name: "feed filtered by topic", method: "GET", path: "/feed?topic=career_advice", setup: answering("/feed?topic=career_advice") },
  { name: "feed filtered by company", method: "GET", path: "/feed?company=Nile%20Payments", setup: answering("/feed?company=Nile%20Payments") },
  { name: "feed top this week", method: "GET", path: "/feed?sort=top", setup: answering("/feed?sort=top") },
  {
    // The demo post the scale seed grows to 5,000 comments: its page (the first 30 comments,
    // oldest first) as user@demo.test, who is not its author.
    name: "post with 5,000 comments (member)",
    method: "GET",
    path: `/feed/${BIG_FEED_POST_ID}`,
    setup: answering(`/feed/${BIG_FEED_POST_ID}`, signedInAsDemoUser),
  },
  // Skills (issue 18). At --scale 100000: about 1,000,000 skill_attempts and their skill_bests.
  // /skills as user@demo.test (every skill with their best); the public profile of Dina Saleh, a
  // demo member with a verified skill; the demo recruiter's archive of candidates (8 demo cards).
  { name: "skills", method: "GET", path: "/skills", setup: answering("/skills", signedInAsDemoUser) },
  { name: "profile with verified skills", method: "GET", path: `/u/${userId(LONG_CONVERSATION_PARTNER_INDEX)}`, setup: answering(`/u/${userId(LONG_CONVERSATION_PARTNER_INDEX)}`, signedInAsDemoUser) },
  { name: "archive of candidates (recruiter)", method: "GET", path: "/hiring/archive", setup: answering("/hiring/archive", signedInAs("recruiter@demo.test")) },
  // Daily mock interviews (issue 19). At --scale 100000: about 400,000 daily_interviews and 1.9M
  // interview_progress rows. Today's interview (today's row by userId + interviewDate, the streak)
  // and the history's first page (keyset on userId + interviewDate), as user@demo.test (12 past
  // interviews, a 5-day streak). Bench/interviews-queries.ts times the same reads without HTTP.
  { name: "interviews today", method: "GET", path: "/interviews", setup: answering("/interviews", signedInAsDemoUser) },
  { name: "interview history", method: "GET", path: "/interviews/history", setup: answering("/interviews/history", signedInAsDemoUser) },
  // The analytics dashboard (issue 20): 90 days from the daily summaries, today from raw rows.
  { name: "analytics dashboard, 90 days (admin)", method: "GET", path: "/admin/analytics?days=90", setup: answering("/admin/analytics?days=90", signedInAs("admin@demo.test")) },
];

export async function prepareRequest(route: BenchRoute, baseUrl: string): Promise<PreparedRequest> {
  const extra = route.setup ? await route.setup(baseUrl) : {};
  return {
    spreadAddresses: route.spreadAddresses,
    method: route.method,
    path: extra.path ?? route.path,
    headers: { ...route.headers, ...extra.headers },
    body: extra.body ?? route.body,
  };
}

/** `--routes /,/healthz` or `--routes home,healthz`: keeps the named routes in list order. */
export function selectRoutes(all: BenchRoute[], wanted: string[] | undefined): BenchRoute[] {
  if (!wanted) return all;
  const unknown = wanted.filter((w) => !all.some((r) => r.path === w || r.name === w));
  if (unknown.length > 0) {
    const known = all.map((r) => `${r.path} (${r.name})`).join(", ");
    throw new UsageError(`--routes: unknown route ${unknown.map((u) => `"${u}"`).join(", ")}; known routes: ${known}`);
  }
  return all.filter((r) => wanted.includes(r.path) || wanted.includes(r.name));
}

/** Helpers for setup hooks. */
export function cookieHeader(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export function formBody(values: Record<string, string>): string {
  return new URLSearchParams(values).toString();
}
