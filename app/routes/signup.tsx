import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, Honeypot } from "~/components/forms";
import { GoogleButton } from "~/components/GoogleButton";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireAnonymous } from "~/modules/accounts/current-user.server";
import { signUpSchema } from "~/modules/accounts/forms.server";
import { googleEnabled } from "~/modules/accounts/google.server";
import { passwordProblem, PASSWORD_MIN } from "~/modules/accounts/passwords.server";
import { requestSignUp } from "~/modules/accounts/sign-up.server";
import { NEW_MEMBER_PAGE } from "~/modules/accounts/sign-up";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { clientIp, publicOrigin } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { tooManyTries } from "~/modules/accounts/too-many.server";


export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const ref = url.searchParams.get("ref")?.slice(0, 32) ?? "";
  // Where the visitor was going (an apply form, say); a new member otherwise starts on their profile.
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), NEW_MEMBER_PAGE);
  return { ref, redirectTo, passwordMin: PASSWORD_MIN, google: googleEnabled(), ...(await pageMessages(request, ["auth"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, signUpSchema);
  const redirectTo = safeRedirectPath(parsed.form.get("redirectTo"), NEW_MEMBER_PAGE);
  const values: Record<string, string> = { ...parsed.values, redirectTo };
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  const t = await translatorFor(request);
  if (parsed.form.get("website")) return invalid({ form: t("auth.signup.failed") });

  const errors: FieldErrors = { ...parsed.errors };
  const password = String(parsed.form.get("password") ?? "");
  if (!errors.password && password) {
    const problem = await passwordProblem(password, t);
    if (problem) errors.password = problem;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return invalid(errors);

  const ctx = getCtx();
  const ip = clientIp(context);
  const limit = await hit(ctx, `sign-up:ip:${ip ?? "unknown"}`, LIMITS.signUpPerIp);
  if (!limit.allowed) throw tooManyTries(t, "auth.signup.tooMany", limit.retryAfterSeconds);

  // The same answer for a new address and for one that has an account (ASVS 6.3.8): the page
  // that says to check the inbox. The mail is not awaited, so the time does not tell either.
  const result = await requestSignUp(ctx, {
    ...parsed.data,
    referralCode: parsed.data.ref,
    redirectTo,
    baseUrl: publicOrigin(request),
    t,
  });
  if (result.kind === "limited") throw tooManyTries(t, "auth.confirm.tooMany", result.retryAfterSeconds);
  return redirect(`/signup/confirm?email=${encodeURIComponent(result.email)}`);
}

export default function SignUp() {
  const { ref, redirectTo: loaderRedirectTo, passwordMin, google } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const redirectTo = values?.redirectTo ?? loaderRedirectTo;
  const t = useT();
  return (
    <section aria-labelledby="signup-title" className="mx-auto max-w-md space-y-4">
      <h1 id="signup-title">{t("auth.signup.title")}</h1>
      <ErrorSummary errors={errors} labels={{ name: t("auth.field.name"), email: t("auth.field.email"), password: t("auth.field.password") }} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <input type="hidden" name="ref" value={values?.ref ?? ref} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label={t("auth.field.name")} name="name" autoComplete="name" required defaultValue={values?.name} error={errors?.name} />
        <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
        <Field
          label={t("auth.field.password")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.password.hint", { min: passwordMin })}
          error={errors?.password}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.signup.submitting") : t("auth.signup.submit")}
        </Button>
      </Form>
      {google ? <GoogleButton label={t("auth.signup.google")} redirectTo={redirectTo} /> : null}
      <p>
        {t("auth.signup.alreadyMember")}{" "}
        <Link to={redirectTo === NEW_MEMBER_PAGE ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`}>{t("common.nav.signIn")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("auth.signup.pageTitle"), t("auth.signup.description")));
