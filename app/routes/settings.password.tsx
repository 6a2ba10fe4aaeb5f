/**
 * Change the password: the current one is needed (unless the member has none: Google only), and
 * every other session ends; the one in use stays signed in.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { changePassword, changePasswordSchema, hasPassword } from "~/modules/accounts/change-password.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { requireUser } from "~/modules/accounts/current-user.server";
import { PASSWORD_MIN } from "~/modules/accounts/passwords.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, noStoreHeaders } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return { hasPassword: await hasPassword(getCtx(), user.id), passwordMin: PASSWORD_MIN, ...(await pageMessages(request, ["auth", "settings"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = await readForm(request, changePasswordSchema, { maxBytes: 10_000 });
  if (!parsed.ok) return data({ errors: parsed.errors, values: {} as Record<string, string> }, { status: 400 });

  const result = await changePassword(
    getCtx(),
    {
      userId: user.id,
      sessionId: user.sessionId,
      currentPassword: parsed.data.current_password,
      newPassword: parsed.data.new_password,
      ip: clientIp(context),
      userAgent: userAgentOf(request),
    },
    await translatorFor(request),
  );
  if (!result.ok) {
    // When only the current password was wrong, the new one (already acceptable) stays typed in;
    // the page is never stored (Cache-Control: no-store below).
    const values: Record<string, string> = result.keepNewPassword ? { new_password: parsed.data.new_password } : {};
    return data({ errors: result.errors as FieldErrors, values }, { status: 400 });
  }
  const message = result.firstPassword
    ? "settings.password.setDone"
    : result.endedSessions > 0
      ? "settings.password.changedOthers"
      : "settings.password.changed";
  return redirect("/settings/password", { headers: { "Set-Cookie": await flashHeader(message) } });
}

export default function PasswordSettings() {
  const { hasPassword, passwordMin } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const t = useT();
  return (
    <section aria-labelledby="password-title" className="space-y-4">
      <h1 id="password-title">{hasPassword ? t("settings.password.titleChange") : t("settings.password.titleSet")}</h1>
      <p>
        {hasPassword ? t("settings.password.introChange") : t("settings.password.introSet")}
      </p>
      <ErrorSummary errors={errors} labels={{ current_password: t("settings.password.current"), new_password: t("auth.field.newPassword") }} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        {hasPassword ? (
          <Field
            label={t("settings.password.current")}
            name="current_password"
            type="password"
            autoComplete="current-password"
            required
            error={errors?.current_password}
          />
        ) : null}
        <Field
          label={t("auth.field.newPassword")}
          name="new_password"
          type="password"
          autoComplete="new-password"
          required
          defaultValue={actionData?.values.new_password}
          hint={t("auth.password.hint", { min: passwordMin })}
          error={errors?.new_password}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting"
            ? t("auth.saving")
            : hasPassword
              ? t("settings.password.submitChange")
              : t("settings.password.submitSet")}
        </Button>
      </Form>
      <p>
        {t("settings.password.forgot")}{" "}
        <Link to="/forgot-password" className="underline">
          {t("settings.password.resetByEmail")}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("settings.password.pageTitle")));

// The page may hold a typed password after a failed attempt: never stored by any cache.
export const headers = noStoreHeaders;
