/** Delete the account: what goes, then a form that needs the password (or the email) and a tick. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { readForm } from "~/modules/accounts/read-form.server";
import { isProduction, requireUser } from "~/modules/accounts/current-user.server";
import { confirmDeletion, deleteAccount, deleteAccountSchema, deletionFacts, removeAccountFiles } from "~/modules/profile/delete-account.server";
import { clearSessionCookie } from "~/modules/accounts/sessions.server";
import { flashHeader } from "~/services/flash.server";
import { tooManyRequests } from "~/services/rate-limit.server";
import { pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const facts = await deletionFacts(getCtx(), user.id);
  if (!facts) throw redirect("/");
  return facts;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, deleteAccountSchema, { maxBytes: 10_000 });
  const { values } = parsed;
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  if (!parsed.ok) return invalid(parsed.errors);

  const ctx = getCtx();
  const confirmed = await confirmDeletion(ctx, user.id, parsed.data);
  if (!confirmed.ok) {
    if (confirmed.kind === "limited") throw tooManyRequests(confirmed.message, confirmed.retryAfterSeconds);
    if (confirmed.kind === "invalid") return invalid({ [confirmed.field]: confirmed.message });
  }

  const headers = new Headers({ "Set-Cookie": clearSessionCookie(isProduction()) });
  const result = await deleteAccount(ctx, user.id);
  if (result.deleted) {
    // No user_activity_logs row can outlive its member (user_id NOT NULL, ON DELETE CASCADE): the
    // server log keeps the event, with the id only (docs/decisions/008-account-deletion.md).
    console.log(`account_deleted user_id=${user.id} at=${new Date().toISOString()}`);
    await removeAccountFiles(result.fileUrls);
    headers.append("Set-Cookie", await flashHeader("Your account has been deleted.", "info"));
  }
  return redirect("/", { headers });
}

export default function DeleteAccount() {
  const { email, hasPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const formRef = useRef<HTMLFormElement>(null);
  // With JavaScript on the page is not reloaded: empty the password after a refused try, as a reload would.
  useEffect(() => {
    const password = formRef.current?.elements.namedItem("password");
    if (actionData && password instanceof HTMLInputElement) password.value = "";
  }, [actionData]);
  return (
    <section aria-labelledby="delete-title" className="space-y-4">
      <h1 id="delete-title">Delete your account</h1>
      <ErrorSummary errors={errors} labels={{ password: "Password", email: "Email address", confirm: "Confirmation" }} />
      <div className="card space-y-2">
        <h2 className="text-base font-semibold">What is deleted, for good</h2>
        <ul className="list-disc space-y-1 ps-5">
          <li>Your profile, your sign-in, and every session: you are signed out everywhere.</li>
          <li>Your connections, your direct messages (the whole conversation, for both people) and notifications about you.</li>
          <li>Your AI coach chats, your documents and suggestions.</li>
          <li>Your anonymous posts with their comments, and your comments and likes on other posts.</li>
          <li>Skill test results, mock interviews and your calendar.</li>
          <li>Communities you created, with their members and posts, and your posts and memberships in others.</li>
          <li>Job applications sent with {email}, with their interview rounds, and the files you uploaded.</li>
        </ul>
        <p>
          Jobs you posted stay listed for the people who applied to them, without your name. Nothing can be restored
          afterwards.
        </p>
      </div>
      <Form method="post" className="card space-y-3" noValidate ref={formRef}>
        <CsrfInput />
        {hasPassword ? (
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint="Your password proves it is you."
            error={errors?.password}
          />
        ) : (
          <Field
            label="Email address"
            name="email"
            type="email"
            autoComplete="off"
            required
            hint={`You sign in with Google, so type this account's email address (${email}) to confirm.`}
            defaultValue={actionData?.values.email}
            error={errors?.email}
          />
        )}
        <div className="space-y-1">
          <div className="flex items-start gap-2">
            <input
              id="confirm"
              name="confirm"
              type="checkbox"
              value="yes"
              required
              className="mt-1"
              aria-invalid={errors?.confirm ? true : undefined}
              aria-describedby={errors?.confirm ? "confirm-error" : undefined}
            />
            <label htmlFor="confirm">I understand that my account and everything listed above will be deleted and cannot be restored.</label>
          </div>
          {errors?.confirm ? (
            <p id="confirm-error" className="text-sm font-medium text-red-800">
              {errors.confirm}
            </p>
          ) : null}
        </div>
        <Button variant="danger" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Deleting…" : "Delete my account"}
        </Button>
      </Form>
      <p>
        <Link to="/settings/profile">Keep my account and go back to my profile</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction = () => pageMeta("Delete your account | Ladder");
