import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, Honeypot } from "~/components/forms";
import { GoogleButton } from "~/components/GoogleButton";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { signUp } from "~/modules/accounts/accounts.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireAnonymous, sessionTokenOf, signedInHeaders } from "~/modules/accounts/current-user.server";
import { signUpSchema } from "~/modules/accounts/forms.server";
import { googleEnabled } from "~/modules/accounts/google.server";
import { passwordProblem, PASSWORD_MIN } from "~/modules/accounts/passwords.server";
import { startSignedInSession } from "~/modules/accounts/sign-in.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { hit, LIMITS, tooManyRequests } from "~/services/rate-limit.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

const NEW_MEMBER_PAGE = "/settings/profile";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const url = new URL(request.url);
  const ref = url.searchParams.get("ref")?.slice(0, 32) ?? "";
  // Where the visitor was going (an apply form, say); a new member otherwise starts on their profile.
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), NEW_MEMBER_PAGE);
  return { ref, redirectTo, passwordMin: PASSWORD_MIN, google: googleEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, signUpSchema);
  const redirectTo = safeRedirectPath(parsed.form.get("redirectTo"), NEW_MEMBER_PAGE);
  const values: Record<string, string> = { ...parsed.values, redirectTo };
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  if (parsed.form.get("website")) return invalid({ form: "Your account could not be created. Please try again." });

  const errors: FieldErrors = { ...parsed.errors };
  const password = String(parsed.form.get("password") ?? "");
  if (!errors.password && password) {
    const problem = await passwordProblem(password);
    if (problem) errors.password = problem;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return invalid(errors);

  const ctx = getCtx();
  const ip = clientIp(context);
  const limit = await hit(ctx, `sign-up:ip:${ip ?? "unknown"}`, LIMITS.signUpPerIp);
  if (!limit.allowed) throw tooManyRequests("Too many new accounts from your network.", limit.retryAfterSeconds);

  const userAgent = userAgentOf(request);
  const created = await signUp(ctx, { ...parsed.data, referralCode: parsed.data.ref, ip, userAgent });
  if (!created.ok) return invalid({ [created.field]: created.message });
  const session = await startSignedInSession(ctx, {
    userId: created.userId,
    ip,
    userAgent,
    previousToken: sessionTokenOf(request),
    action: "sign_up",
  });
  const welcome = redirectTo === NEW_MEMBER_PAGE ? "Welcome to Ladder! Add a few details so people can find you." : "Welcome to Ladder! You are signed in; carry on where you were.";
  return redirect(redirectTo, { headers: await signedInHeaders(session.token, welcome) });
}

export default function SignUp() {
  const { ref, redirectTo: loaderRedirectTo, passwordMin, google } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const values = actionData?.values;
  const redirectTo = values?.redirectTo ?? loaderRedirectTo;
  return (
    <section aria-labelledby="signup-title" className="mx-auto max-w-md space-y-4">
      <h1 id="signup-title">Create your Ladder account</h1>
      <ErrorSummary errors={errors} labels={{ name: "Name", email: "Email", password: "Password" }} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <input type="hidden" name="ref" value={values?.ref ?? ref} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field label="Name" name="name" autoComplete="name" required defaultValue={values?.name} error={errors?.name} />
        <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={values?.email} error={errors?.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${passwordMin} characters. Any characters; a phrase of a few words is easy to remember.`}
          error={errors?.password}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating your account…" : "Create account"}
        </Button>
      </Form>
      {google ? <GoogleButton label="Sign up with Google" redirectTo={redirectTo} /> : null}
      <p>
        Already a member? <Link to={redirectTo === NEW_MEMBER_PAGE ? "/login" : `/login?redirectTo=${encodeURIComponent(redirectTo)}`}>Sign in</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Create an account | Ladder", "Create a free Ladder account: a profile, connections, jobs and an AI career coach, on any connection.");
