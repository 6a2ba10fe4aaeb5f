/**
 * "Check your inbox": where every sign-up lands, whether or not the address has an account
 * (ASVS 6.3.8). The 6-digit code from the mail can be entered here (a phone whose mail opens
 * elsewhere), and the mail sent again. Every answer is the same for known and unknown addresses.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { type FieldErrors } from "~/lib/forms";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { sessionTokenOf, signedInHeaders } from "~/modules/accounts/current-user.server";
import { signUpConfirmSchema } from "~/modules/accounts/forms.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { startSignedInSession } from "~/modules/accounts/sign-in.server";
import { NEW_MEMBER_PAGE, welcomeMessage } from "~/modules/accounts/sign-up";
import { confirmByCode, resendConfirmation } from "~/modules/accounts/sign-up.server";
import { tooManyTries } from "~/modules/accounts/too-many.server";
import { flashHeader } from "~/services/flash.server";
import { hit, LIMITS } from "~/services/rate-limit.server";
import { clientIp, publicOrigin, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta, noStoreHeaders } from "~/lib/meta";

/** The address from the page's query: whatever was typed, within the length an address may have. */
const addressIn = (url: URL) => (url.searchParams.get("email") ?? "").trim().slice(0, 64);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  return { email: addressIn(url), resent: url.searchParams.get("resent") === "1", ...(await pageMessages(request, ["auth"])) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const parsed = await readForm(request, signUpConfirmSchema, { maxBytes: 10_000, secret: ["code"] });
  const values = { email: parsed.values.email ?? "" };
  const invalid = (errors: FieldErrors) => data({ errors, values }, { status: 400 });
  if (!parsed.ok) return invalid(parsed.errors);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const ip = clientIp(context);
  const email = parsed.data.email;

  if (parsed.data.intent === "resend") {
    const perIp = await hit(ctx, `sign-up-resend:ip:${ip ?? "unknown"}`, LIMITS.signUpPerIp);
    if (!perIp.allowed) throw tooManyTries(t, "auth.confirm.tooMany", perIp.retryAfterSeconds);
    const result = await resendConfirmation(ctx, { email, baseUrl: publicOrigin(request), t });
    if (result.kind === "limited") throw tooManyTries(t, "auth.confirm.tooMany", result.retryAfterSeconds);
    // The mail is not awaited: the answer is the same with or without a waiting sign-up.
    return redirect(`/signup/confirm?email=${encodeURIComponent(email)}&resent=1`);
  }

  const userAgent = userAgentOf(request);
  const confirmed = await confirmByCode(ctx, { email, code: parsed.data.code ?? "", ip, userAgent });
  if (confirmed.ok) {
    const session = await startSignedInSession(ctx, { userId: confirmed.userId, ip, userAgent, previousToken: sessionTokenOf(request), action: "sign_up" });
    const to = safeRedirectPath(confirmed.redirectTo, NEW_MEMBER_PAGE);
    return redirect(to, { headers: await signedInHeaders(session.token, welcomeMessage(to)) });
  }
  if (confirmed.reason === "taken") return redirect("/login", { headers: { "Set-Cookie": await flashHeader("auth.confirm.taken") } });
  // Wrong, dead, expired or never sent: one message, so the code form tells nothing about the address.
  return invalid({ code: t("auth.confirm.codeWrong") });
}

export default function ConfirmSignUp() {
  const { email: loaderEmail, resent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const t = useT();
  const errors = actionData?.errors;
  const email = actionData?.values.email || loaderEmail;
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;

  if (!email) {
    return (
      <section aria-labelledby="confirm-title" className="mx-auto max-w-md space-y-4">
        <h1 id="confirm-title">{t("auth.confirm.askTitle")}</h1>
        <Form method="get" className="card space-y-3">
          <Field label={t("auth.field.email")} name="email" type="email" autoComplete="email" required />
          <Button>{t("auth.confirm.askSubmit")}</Button>
        </Form>
        <p>
          <Link to="/signup">{t("auth.confirm.otherAddress")}</Link> · <Link to="/login">{t("auth.backToSignIn")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="confirm-title" className="mx-auto max-w-md space-y-4">
      <h1 id="confirm-title">{t("auth.confirm.title")}</h1>
      {resent && !actionData ? (
        <p role="status" className="rounded border-s-4 border-green-700 bg-green-50 p-3">
          {t("auth.confirm.resent")}
        </p>
      ) : null}
      <div className="card space-y-3">
        <p>
          {t("auth.confirm.sentBefore")}{" "}
          <strong className="break-all">
            <bdi>{email}</bdi>
          </strong>
          {t("auth.confirm.sentAfter")}
        </p>
        <p>{t("auth.confirm.openLink")}</p>
        <p>{t("auth.confirm.knownAddress")}</p>
      </div>
      <ErrorSummary errors={errors} labels={{ code: t("auth.confirm.codeLabel"), email: t("auth.field.email") }} />
      <h2>{t("auth.confirm.codeTitle")}</h2>
      <Form method="post" action="/signup/confirm" className="card space-y-3" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="code" />
        <input type="hidden" name="email" value={email} />
        <Field
          label={t("auth.confirm.codeLabel")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          required
          hint={t("auth.confirm.codeHint")}
          error={errors?.code}
        />
        <Button disabled={busy === "code"}>{busy === "code" ? t("auth.confirm.submitting") : t("auth.confirm.submit")}</Button>
      </Form>
      <h2>{t("auth.confirm.resendTitle")}</h2>
      <Form method="post" action="/signup/confirm" className="space-y-3">
        <CsrfInput />
        <input type="hidden" name="intent" value="resend" />
        <input type="hidden" name="email" value={email} />
        <p>{t("auth.confirm.resendHelp")}</p>
        <Button variant="secondary" disabled={busy === "resend"}>
          {t("auth.confirm.resend")}
        </Button>
      </Form>
      <p>
        <Link to="/signup">{t("auth.confirm.otherAddress")}</Link> · <Link to="/login">{t("auth.backToSignIn")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("auth.confirm.pageTitle"), t("auth.confirm.description")));

export const headers = noStoreHeaders;
