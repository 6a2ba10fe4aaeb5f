/**
 * The POST routes of the bad-input corpus (decision 058), found from the route files: every file
 * in app/routes that exports an `action`, its Remix flat-route file name turned into a URL
 * pattern, and each `$param` filled from the demo world (db/seed) or with an id that exists
 * nowhere. A route whose pattern has a param no filler knows makes the corpus fail, so a new
 * route cannot be missed.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Ctx } from "../../../db/client";
import { demoEmails } from "../../../db/seed";
import { hashToken, newToken } from "../../../app/modules/accounts/sessions.server";

const ROUTES = path.resolve(__dirname, "../../../app/routes");
const ACTION = /export (async function|const) action\b/;
const LOADER = /export (async function|const|function) loader\b/;

export interface ActionRoute {
  file: string;
  /** The URL pattern, e.g. /feed/:id/comments/:commentId/delete. */
  pattern: string;
  params: string[];
  /** Whether the route has a page (a default export) whose forms can be read. */
  page: boolean;
  /** Form field names written in the route file itself (name="..."). */
  sourceFields: string[];
}

/** Splits a flat-route file name at its dots, keeping [escaped.dots] inside one segment. */
function segmentsOf(base: string): string[] {
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const char of base) {
    if (char === "[") escaped = true;
    else if (char === "]") escaped = false;
    else if (char === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += char;
  }
  segments.push(current);
  return segments;
}

/** Remix v2 flat routes: `_index` adds nothing, `_x` is a pathless layout, `x_` opts out of nesting, `$x` a param, `$` a splat. */
export function urlPattern(file: string): string {
  const base = file.replace(/\.(tsx|ts)$/, "");
  const parts: string[] = [];
  for (const raw of segmentsOf(base)) {
    if (raw === "_index" || raw.startsWith("_")) continue;
    const segment = raw.endsWith("_") ? raw.slice(0, -1) : raw;
    if (segment === "$") parts.push("*");
    else if (segment.startsWith("$")) parts.push(`:${segment.slice(1)}`);
    else parts.push(segment);
  }
  return `/${parts.join("/")}`;
}

/** The route files whose source matches `exports`, with their URL patterns, params and the names `fieldsOf` reads from the source. */
function routeFiles(exports: RegExp, fieldsOf: (source: string) => string[]): ActionRoute[] {
  return fs
    .readdirSync(ROUTES)
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => ({ file, source: fs.readFileSync(path.join(ROUTES, file), "utf8") }))
    .filter(({ source }) => exports.test(source))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map(({ file, source }) => {
      const pattern = urlPattern(file);
      const params = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1]).concat(pattern.includes("*") ? ["*"] : []);
      return { file, pattern, page: /export default function/.test(source), params, sourceFields: [...new Set(fieldsOf(source))] };
    });
}

/** Every route file that exports an `action`, with the form field names written in it (name="..."). */
export function actionRoutes(): ActionRoute[] {
  return routeFiles(ACTION, (source) => [...source.matchAll(/\bname="([A-Za-z_][\w.[\]-]*)"/g)].map((m) => m[1]));
}

/**
 * Every route file that exports a `loader` (pages and resources such as CSV, .ics and files), as the
 * GET corpus reads them, with the query names it reads itself (searchParams.get("after")); the
 * corpus adds those its pages link to.
 */
export function loaderRoutes(): ActionRoute[] {
  return routeFiles(LOADER, (source) => [...source.matchAll(/searchParams\.(?:get|getAll|has)\("([A-Za-z_][\w-]*)"\)/g)].map((m) => m[1]));
}

/** The routes whose address cannot be filled (a param no filler knows), each with the reason. */
export function unfillableRoutes(routes: readonly ActionRoute[]): string[] {
  const world = { members: {} as never, values: new Proxy({}, { get: () => "x" }) as Record<string, string> };
  return routes.flatMap((route) => {
    try {
      fillPath(route, world, "real");
      fillPath(route, world, "missing");
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
}

/** The URL patterns of every route file with a page (a default export), with or without an action. */
export function pageRoutes(): string[] {
  return fs
    .readdirSync(ROUTES)
    .filter((file) => /\.tsx$/.test(file) && /export default function/.test(fs.readFileSync(path.join(ROUTES, file), "utf8")))
    .map(urlPattern);
}

/** A regex that matches the pattern's URLs (for forms found on pages). */
export function patternRegex(pattern: string): RegExp {
  const body = pattern
    .split("/")
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`^${body}$`);
}

export type Role = "anonymous" | "user" | "recruiter" | "career_team" | "moderator" | "admin";
export const ROLES: Role[] = ["anonymous", "user", "recruiter", "career_team", "moderator", "admin"];

/** Ids of the demo world that the params are filled with. */
export interface World {
  members: Record<Exclude<Role, "anonymous">, { id: string }>;
  values: Record<string, string>;
}

/** An id of nothing, for each kind of param (a uuid, a number, a slug). */
const MISSING: Record<string, string> = {
  uuid: "00000000-0000-4000-8000-000000000000",
  number: "999999",
  slug: "no-such-thing",
};

/**
 * What fills a param: the key is the static segment before it and the param's name
 * ("feed/:id"), or the param's name alone where it means one thing everywhere.
 */
const FILLERS: Record<string, { world: string; missing: string }> = {
  "feed/:id": { world: "feedPost", missing: MISSING.uuid },
  "comments/:commentId": { world: "feedComment", missing: MISSING.uuid },
  "communities/:id": { world: "community", missing: MISSING.uuid },
  "posts/:postId": { world: "communityPost", missing: MISSING.uuid },
  "applications/:id": { world: "application", missing: MISSING.uuid },
  "documents/:id": { world: "document", missing: MISSING.uuid },
  "interviews/:id": { world: "interview", missing: MISSING.uuid },
  "skills/:id": { world: "skill", missing: MISSING.uuid },
  "manage/:skillId": { world: "skill", missing: MISSING.uuid },
  "questions/:questionId": { world: "skillQuestion", missing: MISSING.uuid },
  "users/:id": { world: "otherMember", missing: MISSING.uuid },
  "find/:userId": { world: "otherMember", missing: MISSING.uuid },
  "messages/:userId": { world: "connectedMember", missing: MISSING.uuid },
  "candidates/:userId": { world: "candidate", missing: MISSING.uuid },
  "meetings/:meetingId": { world: "meeting", missing: MISSING.uuid },
  ":chatId": { world: "chat", missing: MISSING.uuid },
  ":feed": { world: "jobFeed", missing: MISSING.slug },
  ":jobId": { world: "jobId", missing: MISSING.slug },
  ":cardId": { world: "archiveCard", missing: MISSING.uuid },
  "q/:n": { world: "questionNumber", missing: MISSING.number },
  "confirm/:token": { world: "signUpToken", missing: "not-a-token" },
  ":token": { world: "resetToken", missing: "not-a-token" },
  ":list": { world: "profileList", missing: MISSING.slug },
  // Params only pages have (the addresses corpus, decision 062).
  "u/:id": { world: "otherMember", missing: MISSING.uuid },
  "remove/:userId": { world: "connectedMember", missing: MISSING.uuid },
  "attempts/:id": { world: "skillAttempt", missing: MISSING.number },
  "avatars/:key": { world: "avatarKey", missing: "avatar-00000000000000000000000000000000.webp" },
  "export/:file": { world: "analyticsExport", missing: "nothing.csv" },
  ":area": { world: "area", missing: MISSING.slug },
};

export function fillerFor(pattern: string, param: string): { world: string; missing: string } | undefined {
  const parts = pattern.split("/");
  const at = parts.indexOf(`:${param}`);
  const before = at > 0 ? parts[at - 1] : "";
  return FILLERS[`${before}/:${param}`] ?? FILLERS[`:${param}`];
}

/** The route's URL with real ids ("real") or ids of nothing ("missing"); throws for a param no filler knows. */
export function fillPath(route: ActionRoute, world: World, mode: "real" | "missing"): string {
  return route.pattern.replace(/:(\w+)/g, (_, param: string) => {
    const filler = fillerFor(route.pattern, param);
    if (!filler) throw new Error(`${route.file}: no filler for :${param} (add one to tests/integration/corpus/routes.ts)`);
    const value = mode === "real" ? world.values[filler.world] : filler.missing;
    if (value === undefined) throw new Error(`${route.file}: the world has no ${filler.world}`);
    return encodeURIComponent(value);
  });
}

/** Reads the demo world's ids: each the demo member's own where the member can own one. */
export async function readWorld(ctx: Ctx): Promise<World> {
  const t = ctx.t;
  const byEmail = async (email: string) => {
    const [row] = await ctx.db.select({ id: t.User.id }).from(t.User).where(eq(t.User.email, email)).limit(1);
    if (!row) throw new Error(`the demo world has no ${email}`);
    return row;
  };
  const members = {
    user: await byEmail(demoEmails.user),
    recruiter: await byEmail(demoEmails.recruiter),
    career_team: await byEmail(demoEmails.career),
    moderator: await byEmail(demoEmails.moderator),
    admin: await byEmail(demoEmails.admin),
  };
  const me = members.user.id;
  const first = <T>(rows: T[], what: string): T => {
    if (!rows[0]) throw new Error(`the demo world has no ${what}`);
    return rows[0];
  };
  const mine = <T extends Record<string, unknown>>(rows: T[], owner: keyof T, what: string) => rows.find((r) => r[owner] === me) ?? first(rows, what);

  // The feed post: the demo member's own one with comments (its comment is the :commentId), else any with comments.
  const posts = await ctx.db.select({ id: t.anonymous_post.id, user_id: t.anonymous_post.user_id }).from(t.anonymous_post);
  const comments = await ctx.db.select({ id: t.anonymous_comment.id, user_id: t.anonymous_comment.user_id, post_id: t.anonymous_comment.post_id }).from(t.anonymous_comment);
  const commented = new Set(comments.map((c) => c.post_id));
  const feedPost = posts.find((p) => p.user_id === me && commented.has(p.id)) ?? first(posts.filter((p) => commented.has(p.id)), "feed post with comments");
  const anyComment = mine(comments.filter((c) => c.post_id === feedPost.id), "user_id", "comment");
  const communities = await ctx.db.select({ id: t.communities.id, created_by: t.communities.created_by }).from(t.communities);
  const community = mine(communities, "created_by", "community");
  const communityPost = mine(
    await ctx.db.select({ id: t.community_posts.id, user_id: t.community_posts.user_id }).from(t.community_posts).where(eq(t.community_posts.community_id, community.id)),
    "user_id",
    "community post",
  );
  const applicant = mine(await ctx.db.select({ application_id: t.job_applicants.application_id, user_id: t.job_applicants.user_id }).from(t.job_applicants), "user_id", "application");
  const document = mine(await ctx.db.select({ id: t.Document.id, userId: t.Document.userId }).from(t.Document), "userId", "document");
  const interview = mine(await ctx.db.select({ id: t.daily_interviews.id, userId: t.daily_interviews.userId }).from(t.daily_interviews), "userId", "daily interview");
  const skill = first(await ctx.db.select({ id: t.skills.id }).from(t.skills), "skill");
  const skillQuestion = first(await ctx.db.select({ id: t.skill_questions.id }).from(t.skill_questions).where(eq(t.skill_questions.skillId, skill.id)), "skill question");
  const chat = mine(await ctx.db.select({ id: t.Chat.id, userId: t.Chat.userId }).from(t.Chat), "userId", "coach chat");
  const meeting = first(
    (await ctx.db.select({ id: t.meetings.id, proposer_id: t.meetings.proposer_id, invitee_id: t.meetings.invitee_id }).from(t.meetings)).filter(
      (m) => m.proposer_id === me || m.invitee_id === me,
    ),
    "meeting of the demo member",
  );
  const connected = first(
    await ctx.db
      .select({ sender: t.connection.sender_id, receiver: t.connection.receiver_id })
      .from(t.connection)
      .where(and(eq(t.connection.status, "accepted"), eq(t.connection.sender_id, me))),
    "accepted connection",
  );
  const job = first(
    await ctx.db.select({ job_id: t.jobs.job_id }).from(t.jobs).where(and(isNotNull(t.jobs.posted_by_user_id), eq(t.jobs.posted_by_user_id, members.recruiter.id))),
    "job of the demo recruiter",
  );
  const card = first(await ctx.db.select({ id: t.archive_card.id }).from(t.archive_card), "archive card");
  const attempt = mine(await ctx.db.select({ id: t.skill_attempts.id, userId: t.skill_attempts.userId }).from(t.skill_attempts), "userId", "skill attempt");
  // A live reset link of the demo member (only its hash is stored, as the app stores it).
  const resetToken = newToken();
  await ctx.db.insert(t.password_reset_tokens).values({ user_id: me, token: hashToken(resetToken), expires_at: new Date(Date.now() + 20 * 60_000), created_at: new Date() });
  // A live sign-up confirmation link of a new address (decision 054 stores its hash the same way).
  const signUpToken = newToken();
  await ctx.db.insert(t.sign_up_confirmations).values({
    id: crypto.randomUUID(),
    email: "corpus-new@example.test",
    name: "Corpus Newcomer",
    password_hash: "not-a-real-hash",
    referral_code: null,
    redirect_to: "/settings/profile",
    token_hash: hashToken(signUpToken),
    code_hash: "not-a-real-code-hash",
    attempts: 0,
    expires_at: new Date(Date.now() + 20 * 60_000),
    created_at: new Date(),
  });

  const values: Record<string, string> = {
    feedPost: feedPost.id,
    feedComment: anyComment.id,
    community: community.id,
    communityPost: communityPost.id,
    application: applicant.application_id,
    document: document.id,
    interview: interview.id,
    skill: String(skill.id),
    skillQuestion: String(skillQuestion.id),
    otherMember: connected.receiver,
    connectedMember: connected.receiver,
    candidate: connected.receiver,
    meeting: meeting.id,
    chat: chat.id,
    jobFeed: "general",
    jobId: job.job_id,
    archiveCard: String(card.id),
    questionNumber: "1",
    resetToken,
    signUpToken,
    profileList: "experience",
    skillAttempt: String(attempt.id),
    // The demo world stores no photos: a well-formed key of none (the page answers 404).
    avatarKey: "avatar-0123456789abcdef0123456789abcdef.webp",
    analyticsExport: "daily.csv",
    // Every area of the header is built: /<area> answers 404 for any name.
    area: "careers",
  };
  return { members, values };
}
