/**
 * POST /auth/google: the "Sign in with Google" button. Checks the CSRF token, remembers where to
 * go afterwards, and sends the browser to Google (remix-auth sets the state cookie; the
 * strategy adds PKCE). GET changes nothing: it goes to the sign-in page.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getAuthenticator, oauthReturnCookie } from "~/modules/accounts/authenticator.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { requireAnonymous } from "~/modules/accounts/current-user.server";
import { googleEnabled } from "~/modules/accounts/google.server";
import { getCtx } from "~/db.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { translatorFor } from "~/lib/i18n.server";
import { tooManyTries } from "~/modules/accounts/too-many.server";
import { clientIp } from "~/services/request-info.server";

export async function loader() {
  return redirect("/login");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { form } = await readForm(request.clone(), noFields);
  await requireAnonymous(request);
  if (!googleEnabled()) return redirect("/login");
  // Google sign-ins count against the same per-address limit as password sign-ins.
  const limit = await hit(getCtx(), `sign-in:ip:${clientIp(context) ?? "unknown"}`, LIMITS.signInPerIp);
  if (!limit.allowed) throw tooManyTries(await translatorFor(request), "auth.login.tooManyFromNetwork", limit.retryAfterSeconds);
  const redirectTo = safeRedirectPath(form.get("redirectTo"), "/");
  try {
    await getAuthenticator().authenticate("google", request);
  } catch (thrown) {
    // The strategy answers with a redirect to Google's consent page.
    if (thrown instanceof Response && thrown.status >= 300 && thrown.status < 400) {
      thrown.headers.append("Set-Cookie", await oauthReturnCookie().serialize(redirectTo));
      return thrown;
    }
    throw thrown;
  }
  return redirect("/login?google=failed");
}
