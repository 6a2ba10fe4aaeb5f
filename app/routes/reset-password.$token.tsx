/**
 * The link from the reset mail: a form for the new password while the token lives; a clear page
 * with a way to ask for a new link once it has expired, been used or been replaced (410).
 */
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { findResetToken, resetPassword, resetPasswordSchema } from "~/modules/accounts/password-reset.server";
import { PASSWORD_MIN, passwordProblem } from "~/modules/accounts/passwords.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

const gone = () => data({ valid: false as const, email: null, errors: null as FieldErrors | null, passwordMin: PASSWORD_MIN }, { status: 410 });

export async function loader({ params }: LoaderFunctionArgs) {
  const found = await findResetToken(getCtx(), params.token ?? "");
  if (!found) return gone();
  return { valid: true as const, email: found.email, errors: null as FieldErrors | null, passwordMin: PASSWORD_MIN };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, resetPasswordSchema, { maxBytes: 10_000 });
  const token = params.token ?? "";
  const ctx = getCtx();
  const found = await findResetToken(ctx, token);
  if (!found) return gone();

  const errors: FieldErrors = { ...parsed.errors };
  if (parsed.ok) {
    const problem = await passwordProblem(parsed.data.password);
    if (problem) errors.password = problem;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return data({ valid: true as const, email: found.email, errors, passwordMin: PASSWORD_MIN }, { status: 400 });
  }

  const result = await resetPassword(ctx, { token, password: parsed.data.password, ip: clientIp(context), userAgent: userAgentOf(request) });
  if (!result.ok) return gone();
  return redirect("/login", { headers: { "Set-Cookie": await flashHeader("Your password is changed. Sign in with the new one.") } });
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const state = actionData ?? loaderData;
  if (!state.valid) {
    return (
      <section aria-labelledby="reset-title" className="mx-auto max-w-md space-y-4">
        <h1 id="reset-title">This link has expired or was already used</h1>
        <div className="card space-y-3">
          <p>A reset link works once, for 30 minutes, and only the newest link you asked for works.</p>
          <p>
            <Link to="/forgot-password">Ask for a new link</Link>
          </p>
        </div>
        <p>
          <Link to="/login">Back to sign in</Link>
        </p>
      </section>
    );
  }
  const errors = state.errors;
  return (
    <section aria-labelledby="reset-title" className="mx-auto max-w-md space-y-4">
      <h1 id="reset-title">Choose a new password</h1>
      <p>
        For <strong>{state.email}</strong>. Every device signed in to this account will be signed out.
      </p>
      <ErrorSummary errors={errors} labels={{ password: "New password" }} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={state.email} readOnly hidden />
        <Field
          label="New password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={`At least ${state.passwordMin} characters. Any characters; a phrase of a few words is easy to remember.`}
          error={errors?.password}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Saving…" : "Save the new password"}
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction = () =>
  pageMeta(
    "Choose a new password | Ladder",
    "Choose a new password for your Ladder account.",
    // The token is in this page's address: no Referer carries it to another site. (Not
    // "no-referrer": that also makes the form's POST say "Origin: null", which server.ts refuses.)
    { name: "referrer", content: "same-origin" },
  );

export const headers: HeadersFunction = ({ parentHeaders }) => {
  const headers = new Headers(parentHeaders);
  headers.set("Cache-Control", "no-store");
  return headers;
};
