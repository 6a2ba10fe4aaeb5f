/**
 * The link from the reset mail: a form for the new password while the token lives; a clear page
 * with a way to ask for a new link once it has expired, been used or been replaced (410).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
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
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, noStoreHeaders } from "~/lib/meta";

/** The page's state: the form for `email`, or (email null) the page for a link that no longer works. */
async function pageState(request: Request, email: string | null, errors: FieldErrors | null = null) {
  const words = await pageMessages(request, ["auth"]);
  if (email === null) return { valid: false as const, email: null, errors: null as FieldErrors | null, passwordMin: PASSWORD_MIN, ...words };
  return { valid: true as const, email, errors, passwordMin: PASSWORD_MIN, ...words };
}

const gone = async (request: Request) => data(await pageState(request, null), { status: 410 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findResetToken(getCtx(), params.token ?? "");
  if (!found) return gone(request);
  return pageState(request, found.email);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, resetPasswordSchema, { maxBytes: 10_000 });
  const token = params.token ?? "";
  const ctx = getCtx();
  const found = await findResetToken(ctx, token);
  if (!found) return gone(request);

  const t = await translatorFor(request);
  const errors: FieldErrors = { ...parsed.errors };
  if (parsed.ok) {
    const problem = await passwordProblem(parsed.data.password, t);
    if (problem) errors.password = problem;
  }
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return data(await pageState(request, found.email, errors), { status: 400 });
  }

  const result = await resetPassword(ctx, { token, password: parsed.data.password, ip: clientIp(context), userAgent: userAgentOf(request) });
  if (!result.ok) return gone(request);
  return redirect("/login", { headers: { "Set-Cookie": await flashHeader("auth.reset.done") } });
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const state = actionData ?? loaderData;
  const t = useT();
  if (!state.valid) {
    return (
      <section aria-labelledby="reset-title" className="mx-auto max-w-md space-y-4">
        <h1 id="reset-title">{t("auth.reset.goneTitle")}</h1>
        <div className="card space-y-3">
          <p>{t("auth.reset.goneBody")}</p>
          <p>
            <Link to="/forgot-password">{t("auth.reset.askAgain")}</Link>
          </p>
        </div>
        <p>
          <Link to="/login">{t("auth.backToSignIn")}</Link>
        </p>
      </section>
    );
  }
  const errors = state.errors;
  return (
    <section aria-labelledby="reset-title" className="mx-auto max-w-md space-y-4">
      <h1 id="reset-title">{t("auth.reset.title")}</h1>
      <p>
        {t("auth.reset.forBefore")}{" "}
        <strong>
          <bdi>{state.email}</bdi>
        </strong>
        {t("auth.reset.forAfter")}
      </p>
      <ErrorSummary errors={errors} labels={{ password: t("auth.field.newPassword") }} />
      <Form method="post" className="card space-y-3" noValidate>
        <CsrfInput />
        {/* Lets password managers file the new password under the right account. */}
        <input type="email" name="username" autoComplete="username" value={state.email} readOnly hidden />
        <Field
          label={t("auth.field.newPassword")}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t("auth.password.hint", { min: state.passwordMin })}
          error={errors?.password}
        />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.saving") : t("auth.reset.submit")}
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(
      t("auth.reset.pageTitle"),
      t("auth.reset.description"),
      // The token is in this page's address: no Referer carries it to another site. (Not
      // "no-referrer": that also makes the form's POST say "Origin: null", which server.ts refuses.)
      { name: "referrer", content: "same-origin" },
    ),
  );

export const headers = noStoreHeaders;
