/**
 * "Forgot your password?": the same answer, with the same status, whether or not an account uses
 * the address (ASVS 6.3.8); at most 3 mails per hour per address, known or not.
 */
import { publicOrigin } from "~/services/request-info.server";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, Honeypot } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { emailOnlySchema } from "~/modules/accounts/forms.server";
import { requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { tooManyRequests } from "~/services/rate-limit.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, emailOnlySchema, { maxBytes: 10_000 });
  const { values } = read;
  if (read.form.get("website")) return data({ errors: { form: "Your request could not be sent. Please try again." } as FieldErrors, values }, { status: 400 });
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const parsed = read;

  const result = await requestPasswordReset(getCtx(), {
    email: parsed.data.email,
    baseUrl: publicOrigin(request),
    ip: clientIp(context),
    userAgent: userAgentOf(request),
  });
  if (result.kind === "limited") throw tooManyRequests("Too many reset links were asked for this address.", result.retryAfterSeconds);
  // The mail is not awaited: a known address must not answer slower than an unknown one.
  // A failed send is logged by the mail service; the answer cannot differ either way.
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  if (sent && !actionData) {
    return (
      <section aria-labelledby="forgot-title" className="mx-auto max-w-md space-y-4">
        <h1 id="forgot-title">Check your email</h1>
        <div className="card space-y-3">
          <p>If an account uses that address, we sent a link to it to choose a new password.</p>
          <p>The link works once, for 30 minutes. No mail after a few minutes? Look in your spam folder, or ask again.</p>
        </div>
        <p>
          <Link to="/forgot-password" className="underline">
            Send another link
          </Link>{" "}
          · <Link to="/login" className="underline">
            Back to sign in
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="forgot-title" className="mx-auto max-w-md space-y-4">
      <h1 id="forgot-title">Reset your password</h1>
      <p>Enter the email address of your account. We will send you a link to choose a new password.</p>
      <ErrorSummary errors={errors} labels={{ email: "Email" }} />
      <Form method="post" action="/forgot-password" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <Field label="Email" name="email" type="email" autoComplete="email" required defaultValue={actionData?.values.email} error={errors?.email} />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Sending…" : "Send me a reset link"}
        </Button>
      </Form>
      <p>
        Remembered it?{" "}
        <Link to="/login" className="underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Reset your password | Ladder", "Forgot your Ladder password? Get a link to choose a new one by email.");
