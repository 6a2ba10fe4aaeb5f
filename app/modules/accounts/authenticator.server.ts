/**
 * remix-auth: the form strategy checks email and password; Google (google.server.ts) adds
 * itself when configured. Ladder keeps its own server-side sessions (sessions.server.ts); the
 * cookie session here only carries OAuth's state between the redirect and the callback.
 */
import { createCookie, createCookieSessionStorage, type SessionStorage } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import type { Ctx } from "~/db.server";
import { env } from "~/env.server";
import { verifyCredentials, type VerifiedUser } from "./accounts.server";
import { createGoogleStrategy, googleEnabled } from "./google.server";

export interface AuthContext {
  ctx: Ctx;
  /** For the audit log of accounts Google sign-in creates or links. */
  ip?: string | null;
  userAgent?: string | null;
}

const ctxOf = (context: unknown): Ctx => {
  const ctx = (context as Partial<AuthContext> | undefined)?.ctx;
  if (!ctx) throw new Error("remix-auth strategies need { ctx } in their context");
  return ctx;
};

let authenticator: Authenticator<VerifiedUser | null> | undefined;
let oauthState: SessionStorage | undefined;
let returnTo: ReturnType<typeof createCookie> | undefined;

/** Both OAuth cookies: signed, for this site only, 10 minutes (a sign-in at Google takes less). */
const oauthCookieOptions = (production: boolean) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: production,
  maxAge: 600,
  secrets: [env().SESSION_SECRET],
});

/** The short-lived cookie session that carries OAuth's state from the redirect to the callback. */
export function oauthStateStorage(): SessionStorage {
  const production = env().NODE_ENV === "production";
  return (oauthState ??= createCookieSessionStorage({
    cookie: { name: production ? "__Host-ladder_oauth" : "ladder_oauth", ...oauthCookieOptions(production) },
  }));
}

/** Where to go after an OAuth sign-in (a local path, signed, 10 minutes). */
export function oauthReturnCookie() {
  const production = env().NODE_ENV === "production";
  return (returnTo ??= createCookie(production ? "__Host-ladder_oauth_to" : "ladder_oauth_to", oauthCookieOptions(production)));
}

export function getAuthenticator(): Authenticator<VerifiedUser | null> {
  if (authenticator) return authenticator;
  authenticator = new Authenticator<VerifiedUser | null>(oauthStateStorage());
  authenticator.use(
    new FormStrategy(async ({ form, context }) => {
      const ctx = ctxOf(context);
      const email = String(form.get("email") ?? "");
      const password = String(form.get("password") ?? "");
      return verifyCredentials(ctx, email, password);
    }),
    "form",
  );
  if (googleEnabled()) authenticator.use(createGoogleStrategy(ctxOf), "google");
  return authenticator;
}
