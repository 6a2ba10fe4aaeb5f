/**
 * CSRF: every POST form carries a token bound to the member's session (or, before sign-in, to a
 * random cookie of the browser), checked in readForm (ASVS 3.5.1). server.ts also refuses any
 * POST whose Origin / Sec-Fetch-Site says it came from another site.
 */
import crypto from "node:crypto";
import { env } from "~/env.server";
import { translatorFor } from "~/lib/i18n.server";
import { getSession, isProduction } from "./current-user.server";
import { readCookie } from "./sessions.server";

export const ANON_COOKIE = "ladder_anon";
export const CSRF_FIELD = "csrf";

function sign(binding: string): string {
  return crypto.createHmac("sha256", env().SESSION_SECRET).update(`csrf:${binding}`).digest("base64url");
}

const validAnonId = (value: string | null): value is string => !!value && /^[A-Za-z0-9_-]{22,64}$/.test(value);

/** The token for this request's forms, and a Set-Cookie when the browser needs its random id. */
export async function csrfFor(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const session = await getSession(request);
  if (session) return { token: sign(`s:${session.sessionId}`), setCookie: null };
  let anonId = readCookie(request.headers.get("Cookie"), ANON_COOKIE);
  let setCookie: string | null = null;
  if (!validAnonId(anonId)) {
    anonId = crypto.randomBytes(18).toString("base64url");
    setCookie = [`${ANON_COOKIE}=${anonId}`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=604800", ...(isProduction() ? ["Secure"] : [])].join("; ");
  }
  return { token: sign(`a:${anonId}`), setCookie };
}

async function expectedToken(request: Request): Promise<string | null> {
  const session = await getSession(request);
  if (session) return sign(`s:${session.sessionId}`);
  const anonId = readCookie(request.headers.get("Cookie"), ANON_COOKIE);
  return validAnonId(anonId) ? sign(`a:${anonId}`) : null;
}

export const FORM_EXPIRED =
  "This form has expired or did not come from Ladder's own pages. Go back, reload the page and send it again.";

/** Refuses (403) a form unless it carries this session's token (readForm calls it once the form is read). */
export async function requireCsrf(request: Request, form: FormData): Promise<void> {
  const sent = form.get(CSRF_FIELD);
  const expected = await expectedToken(request);
  const ok =
    typeof sent === "string" &&
    expected !== null &&
    sent.length === expected.length &&
    crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  // FORM_EXPIRED is the English of common.form.expired; the reader gets it in their language.
  if (!ok) throw new Response((await translatorFor(request))("common.form.expired"), { status: 403 });
}
