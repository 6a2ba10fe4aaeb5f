import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, Honeypot } from "~/components/forms";
import { GoogleButton } from "~/components/GoogleButton";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getAuthenticator } from "~/modules/accounts/authenticator.server";
import { requireAnonymous, sessionTokenOf, signedInHeaders } from "~/modules/accounts/current-user.server";
import { ACCOUNT_LOCKED, signIn } from "~/modules/accounts/sign-in.server";
import { deviceOf } from "~/modules/accounts/device-cookie.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { signInSchema } from "~/modules/accounts/forms.server";
import { googleEnabled } from "~/modules/accounts/google.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, retryAfterHeaders } from "~/lib/meta";
import { tooManyTries } from "~/modules/accounts/too-many.server";
import { RouteErrorBoundary } from "~/components/ErrorPage";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  return {
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), "/"),
    google: googleEnabled(),
    googleError: url.searchParams.get("google") === "failed",
    ...(await pageMessages(request, ["auth"])),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readForm(request.clone(), signInSchema);
  const values = { email: parsed.values.email ?? "" };
  const redirectTo = safeRedirectPath(parsed.form.get("redirectTo"), "/");
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const t = await translatorFor(request);
  if (parsed.form.get("website")) return data({ errors: { form: t("auth.login.failed") } as FieldErrors, values }, { status: 400 });

  const ctx = getCtx();
  const result = await signIn(ctx, {
    email: parsed.data.email,
    ip: clientIp(context),
    userAgent: userAgentOf(request),
    previousToken: sessionTokenOf(request),
    device: deviceOf(request),
    verify: () => getAuthenticator().authenticate("form", request, { context: { ...context, ctx } }),
  });
  if (result.kind === "limited") {
    // The account is paused for browsers that never signed in to it: its owner can still reset the password.
    const hint = result.message === ACCOUNT_LOCKED ? "auth.login.lockedHint" : undefined;
    throw tooManyTries(t, result.message, result.retryAfterSeconds, hint);
  }
  // Told to everyone refused, member or not: a sign-up waits for its address to be confirmed (decision 054).
  if (result.kind === "refused") return data({ errors: { form: t(result.message) } as FieldErrors, values, confirmHint: true }, { status: 400 });
  return redirect(redirectTo, { headers: await signedInHeaders(result.token, "auth.login.signedIn", result.device) });
}

export default function Login() {
  const { redirectTo, google, googleError } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const t = useT();
  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-md space-y-4">
      <h1 id="login-title">{t("auth.login.title")}</h1>
      {googleError ? (
        <p role="alert" className="rounded border-s-4 border-red-700 bg-red-50 p-3">
          {t("auth.login.googleFailed")}
        </p>
      ) : null}
      <ErrorSummary errors={errors} labels={{ email: t("auth.field.email"), password: t("auth.field.password") }} />
      {actionData && "confirmHint" in actionData ? (
        <p>
          {t("auth.login.confirmHint")} <Link to="/signup/confirm">{t("auth.confirm.goneCode")}</Link>
        </p>
      ) : null}
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required defaultValue={actionData?.values.email} error={errors?.email} />
        <Field label={t("auth.field.password")} name="password" type="password" autoComplete="current-password" required error={errors?.password} />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.login.submitting") : t("auth.login.submit")}
        </Button>
      </Form>
      {google ? <GoogleButton label={t("auth.login.google")} redirectTo={redirectTo} /> : null}
      <p>
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link> · {t("auth.login.newHere")}{" "}
        <Link to={redirectTo === "/" ? "/signup" : `/signup?redirectTo=${encodeURIComponent(redirectTo)}`}>{t("common.nav.createAccount")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("auth.login.pageTitle"), t("auth.login.description")));

/** The root's headers, with a 429's Retry-After. */
export const headers = retryAfterHeaders;

export function ErrorBoundary() {
  // The route failed, so its own messages never came: the link is named with the root's words.
  // A 429 here is a paused sign-in; a password reset works even then.
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/forgot-password", label: t("common.error.resetPassword") }]} backOnlyForStatus={429} />;
}
