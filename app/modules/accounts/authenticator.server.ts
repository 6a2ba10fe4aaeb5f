/**
 * remix-auth: the form strategy checks email and password; Google (google.server.ts) adds
 * itself when configured. Ladder keeps its own server-side sessions (sessions.server.ts); the
 * cookie session here only carries OAuth's state between the redirect and the callback.
 */
import { createCookieSessionStorage } from "@remix-run/node";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import type { Ctx } from "~/db.server";
import { env } from "~/env.server";
import { verifyCredentials, type VerifiedUser } from "./accounts.server";

export interface AuthContext {
  ctx: Ctx;
}

let authenticator: Authenticator<VerifiedUser | null> | undefined;

export function getAuthenticator(): Authenticator<VerifiedUser | null> {
  if (authenticator) return authenticator;
  const production = env().NODE_ENV === "production";
  const oauthState = createCookieSessionStorage({
    cookie: {
      name: production ? "__Host-ladder_oauth" : "ladder_oauth",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: production,
      maxAge: 600,
      secrets: [env().SESSION_SECRET],
    },
  });
  authenticator = new Authenticator<VerifiedUser | null>(oauthState);
  authenticator.use(
    new FormStrategy(async ({ form, context }) => {
      const ctx = (context as Partial<AuthContext> | undefined)?.ctx;
      if (!ctx) throw new Error("the form strategy needs { ctx } in its context");
      const email = String(form.get("email") ?? "");
      const password = String(form.get("password") ?? "");
      return verifyCredentials(ctx, email, password);
    }),
    "form",
  );
  return authenticator;
}
