/** Who is asking: the session behind the request's cookie, and the guards routes call. */
import { redirect } from "@remix-run/node";
import type { UserRole } from "../../../db/enums";
import { getCtx } from "~/db.server";
import { env } from "~/env.server";
import { flashHeader } from "~/services/flash.server";
import { noteRequestUser } from "~/services/log.server";
import { INTL_LOCALE } from "~/lib/i18n";
import { languageOf, translator } from "~/lib/i18n.server";
import { deviceCookie, type Device } from "./device-cookie.server";
import {
  findSession,
  readCookie,
  sessionCookie,
  sessionCookieName,
  touchSession,
  type ActiveSession,
  type SessionUser,
} from "./sessions.server";

export type CurrentUser = SessionUser & { sessionId: string };

export const isProduction = () => env().NODE_ENV === "production";

// Root and route loaders of one request share one lookup.
const lookups = new WeakMap<Request, Promise<ActiveSession | null>>();

export function getSession(request: Request): Promise<ActiveSession | null> {
  let lookup = lookups.get(request);
  if (!lookup) {
    lookup = loadSession(request);
    lookups.set(request, lookup);
  }
  return lookup;
}

async function loadSession(request: Request): Promise<ActiveSession | null> {
  const token = readCookie(request.headers.get("Cookie"), sessionCookieName(isProduction()));
  if (!token || token.length > 100) return null;
  const ctx = getCtx();
  const session = await findSession(ctx, token);
  if (session) {
    // The request's log lines name the member from here on.
    noteRequestUser(session.user.id);
    await touchSession(ctx, session);
  }
  return session;
}

export async function getCurrentUser(request: Request): Promise<CurrentUser | null> {
  const session = await getSession(request);
  return session ? { ...session.user, sessionId: session.sessionId } : null;
}

/** Signed-in members only; others go to the sign-in page and come back afterwards. */
export async function requireUser(request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(request);
  if (!user) {
    const url = new URL(request.url);
    const back = url.pathname + url.search;
    throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
  }
  return user;
}

export async function requireRole(request: Request, roles: readonly UserRole[]): Promise<CurrentUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role as UserRole)) {
    const lang = await languageOf(request);
    const t = translator(lang);
    // "recruiter, career team or admin", joined the reader's way.
    const names = new Intl.ListFormat(INTL_LOCALE[lang], { type: "disjunction" }).format(roles.map((role) => t(`common.role.${role}`)));
    throw new Response(t("common.roleOnly", { roles: names }), { status: 403 });
  }
  return user;
}

/** Pages such as sign-up make no sense when signed in: back to the home page. */
export async function requireAnonymous(request: Request): Promise<void> {
  if (await getSession(request)) throw redirect("/");
}

/** The token of the session cookie this request carries, if any (to end it at sign-in). */
export function sessionTokenOf(request: Request): string | null {
  return readCookie(request.headers.get("Cookie"), sessionCookieName(isProduction()));
}

/**
 * Headers that sign the browser in with `token` and show `message` on the next page; with
 * `device`, they also keep the device cookie that says this browser signed in to the account (decision 055).
 */
export async function signedInHeaders(token: string, message: string, device?: Device): Promise<Headers> {
  const headers = new Headers();
  headers.append("Set-Cookie", sessionCookie(token, isProduction()));
  if (device) headers.append("Set-Cookie", deviceCookie(device));
  headers.append("Set-Cookie", await flashHeader(message));
  return headers;
}
