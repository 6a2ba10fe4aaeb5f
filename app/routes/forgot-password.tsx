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
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { tooManyTries } from "~/modules/accounts/too-many.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.get("sent") === "1", ...(await pageMessages(request, ["auth"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request, emailOnlySchema, { maxBytes: 10_000 });
  const { values } = read;
  const t = await translatorFor(request);
  if (read.form.get("website")) return data({ errors: { form: t("auth.forgot.failed") } as FieldErrors, values }, { status: 400 });
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const parsed = read;

  const result = await requestPasswordReset(getCtx(), {
    email: parsed.data.email,
    baseUrl: publicOrigin(request),
    ip: clientIp(context),
    userAgent: userAgentOf(request),
    // The mail speaks the language of whoever asked for it.
    t,
  });
  if (result.kind === "limited") throw tooManyTries(t, "auth.forgot.tooMany", result.retryAfterSeconds);
  // The mail is not awaited: a known address must not answer slower than an unknown one.
  // A failed send is logged by the mail service; the answer cannot differ either way.
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors = actionData?.errors;
  const t = useT();
  if (sent && !actionData) {
    return (
      <section aria-labelledby="forgot-title" className="mx-auto max-w-md space-y-4">
        <h1 id="forgot-title">{t("auth.forgot.sentTitle")}</h1>
        <div className="card space-y-3">
          <p>{t("auth.forgot.sentBody")}</p>
          <p>{t("auth.forgot.sentHelp")}</p>
        </div>
        <p>
          <Link to="/forgot-password" className="underline">
            {t("auth.forgot.sendAnother")}
          </Link>{" "}
          · <Link to="/login" className="underline">
            {t("auth.backToSignIn")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="forgot-title" className="mx-auto max-w-md space-y-4">
      <h1 id="forgot-title">{t("auth.forgot.title")}</h1>
      <p>{t("auth.forgot.intro")}</p>
      <ErrorSummary errors={errors} labels={{ email: t("auth.field.email") }} />
      <Form method="post" action="/forgot-password" className="card space-y-3" noValidate>
        <CsrfInput />
        <Honeypot />
        <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required defaultValue={actionData?.values.email} error={errors?.email} />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
        </Button>
      </Form>
      <p>
        {t("auth.forgot.remembered")}{" "}
        <Link to="/login" className="underline">
          {t("common.nav.signIn")}
        </Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("auth.forgot.pageTitle"), t("auth.forgot.description")));
