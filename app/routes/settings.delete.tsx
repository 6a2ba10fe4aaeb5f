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
import {
  CONFIRM_REQUIRED,
  confirmDeletion,
  deleteAccount,
  deleteAccountSchema,
  deletionFacts,
  removeAccountFiles,
} from "~/modules/profile/delete-account.server";
import { clearSessionCookie } from "~/modules/accounts/sessions.server";
import { flashHeader } from "~/services/flash.server";
import { bidi, useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { tooManyTries } from "~/modules/accounts/too-many.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const facts = await deletionFacts(getCtx(), user.id);
  if (!facts) throw redirect("/");
  return { ...facts, ...(await pageMessages(request, ["auth", "settings"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, deleteAccountSchema, { maxBytes: 10_000 });
  const { values } = parsed;
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  const t = await translatorFor(request);
  // The schema's tick-box sentence is English (its unit test reads it): the page says it in the member's words.
  if (!parsed.ok) return invalid({ ...parsed.errors, ...(parsed.errors.confirm ? { confirm: t(CONFIRM_REQUIRED) } : {}) });

  const ctx = getCtx();
  const confirmed = await confirmDeletion(ctx, user.id, parsed.data);
  if (!confirmed.ok) {
    if (confirmed.kind === "limited") throw tooManyTries(t, confirmed.message, confirmed.retryAfterSeconds);
    if (confirmed.kind === "invalid") return invalid({ [confirmed.field]: t(confirmed.message) });
  }

  const headers = new Headers({ "Set-Cookie": clearSessionCookie(isProduction()) });
  const result = await deleteAccount(ctx, user.id);
  if (result.deleted) {
    // No user_activity_logs row can outlive its member (user_id NOT NULL, ON DELETE CASCADE): the
    // server log keeps the event, with the id only (docs/decisions/008-account-deletion.md).
    console.log(`account_deleted user_id=${user.id} at=${new Date().toISOString()}`);
    await removeAccountFiles(result.fileUrls);
    headers.append("Set-Cookie", await flashHeader("settings.delete.done", "info"));
  }
  return redirect("/", { headers });
}

export default function DeleteAccount() {
  const { email, hasPassword } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const formRef = useRef<HTMLFormElement>(null);
  const t = useT();
  // With JavaScript on the page is not reloaded: empty the password after a refused try, as a reload would.
  useEffect(() => {
    const password = formRef.current?.elements.namedItem("password");
    if (actionData && password instanceof HTMLInputElement) password.value = "";
  }, [actionData]);
  return (
    <section aria-labelledby="delete-title" className="space-y-4">
      <h1 id="delete-title">{t("settings.delete.title")}</h1>
      <ErrorSummary
        errors={errors}
        labels={{ password: t("auth.field.password"), email: t("settings.delete.emailLabel"), confirm: t("settings.delete.confirmLabel") }}
      />
      <div className="card space-y-2">
        <h2 className="text-base font-semibold">{t("settings.delete.whatTitle")}</h2>
        <ul className="list-disc space-y-1 ps-5">
          <li>{t("settings.delete.itemProfile")}</li>
          <li>{t("settings.delete.itemConnections")}</li>
          <li>{t("settings.delete.itemCoach")}</li>
          <li>{t("settings.delete.itemPosts")}</li>
          <li>{t("settings.delete.itemSkills")}</li>
          <li>{t("settings.delete.itemCommunities")}</li>
          <li>{t("settings.delete.itemApplications", { email: bidi(email) })}</li>
        </ul>
        <p>{t("settings.delete.keptNote")}</p>
      </div>
      <Form method="post" className="card space-y-3" noValidate ref={formRef}>
        <CsrfInput />
        {hasPassword ? (
          <Field
            label={t("auth.field.password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            hint={t("settings.delete.passwordHint")}
            error={errors?.password}
          />
        ) : (
          <Field
            label={t("settings.delete.emailLabel")}
            name="email"
            type="email"
            autoComplete="off"
            required
            hint={t("settings.delete.emailHint", { email: bidi(email) })}
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
            <label htmlFor="confirm">{t("settings.delete.confirm")}</label>
          </div>
          {errors?.confirm ? (
            <p id="confirm-error" className="text-sm font-medium text-red-800">
              {errors.confirm}
            </p>
          ) : null}
        </div>
        <Button variant="danger" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("settings.delete.submitting") : t("settings.delete.submit")}
        </Button>
      </Form>
      <p>
        <Link to="/settings/profile">{t("settings.delete.keep")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("settings.delete.pageTitle")));
