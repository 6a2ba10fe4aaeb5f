/**
 * GET /auth/google/callback: Google sends the browser back here. remix-auth checks the state
 * against the cookie session, the strategy exchanges the code with its PKCE verifier and finds
 * or creates the account. Success starts a Ladder session; every failure (a wrong or missing
 * state, consent denied, a provider error, an unverified email) goes back to the sign-in page.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { AuthorizationError } from "remix-auth";
import { getCtx } from "~/db.server";
import { env } from "~/env.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getAuthenticator, oauthReturnCookie, oauthStateStorage } from "~/modules/accounts/authenticator.server";
import { sessionTokenOf, signedInHeaders } from "~/modules/accounts/current-user.server";
import type { VerifiedUser } from "~/modules/accounts/accounts.server";
import { googleEnabled, GoogleSignInRefused } from "~/modules/accounts/google.server";
import { startSignedInSession } from "~/modules/accounts/sign-in.server";
import { deviceOf, rememberDevice } from "~/modules/accounts/device-cookie.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The state and the return path are used once, whatever happens.
  const states = oauthStateStorage();
  const clearCookies = [await states.destroySession(await states.getSession()), await oauthReturnCookie().serialize("", { maxAge: 0 })];
  const failed = async (message?: string) => {
    const headers = new Headers();
    for (const cookie of clearCookies) headers.append("Set-Cookie", cookie);
    if (message) headers.append("Set-Cookie", await flashHeader(message, "error"));
    return redirect("/login?google=failed", { headers });
  };
  if (!googleEnabled()) return failed();

  const ctx = getCtx();
  const ip = clientIp(context);
  const userAgent = userAgentOf(request);
  let user: (VerifiedUser & { created?: boolean }) | null;
  try {
    user = await getAuthenticator().authenticate("google", request, { context: { ...context, ctx, ip, userAgent }, throwOnError: true });
  } catch (error) {
    const cause = error instanceof AuthorizationError ? error.cause : error;
    if (env().NODE_ENV !== "test") console.warn(`Google sign-in failed: ${describe(error)}`);
    return failed(cause instanceof GoogleSignInRefused ? cause.message : undefined);
  }
  if (!user) return failed();

  const redirectTo = safeRedirectPath(await oauthReturnCookie().parse(request.headers.get("Cookie")), "/");
  const session = await startSignedInSession(ctx, {
    userId: user.id,
    ip,
    userAgent,
    previousToken: sessionTokenOf(request),
    action: "google_sign_in",
  });
  const created = user.created === true;
  const headers = await signedInHeaders(
    session.token,
    created ? "auth.signup.welcomeProfile" : "auth.google.signedIn",
    // Google proved who this is: the browser is now a device that signed in to the account (decision 055).
    rememberDevice(deviceOf(request), user.id),
  );
  for (const cookie of clearCookies) headers.append("Set-Cookie", cookie);
  return redirect(created ? "/settings/profile" : redirectTo, { headers });
}

function describe(error: unknown): string {
  if (error instanceof Response) return `a ${error.status} response`;
  return error instanceof Error ? error.message.slice(0, 300) : "unknown error";
}
