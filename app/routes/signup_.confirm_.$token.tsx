/**
 * The link from the confirmation mail. Opening it (GET) changes nothing, since mail scanners
 * fetch links: it shows a button whose POST creates the member, signs them in and sends them
 * where they were going. A link that no longer works gets a clear page (410).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { sessionTokenOf, signedInHeaders } from "~/modules/accounts/current-user.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { startSignedInSession } from "~/modules/accounts/sign-in.server";
import { NEW_MEMBER_PAGE, welcomeMessage } from "~/modules/accounts/sign-up";
import { confirmByLink, findPendingByToken } from "~/modules/accounts/sign-up.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta, noStoreHeaders } from "~/lib/meta";

async function pageState(request: Request, email: string | null) {
  const words = await pageMessages(request, ["auth"]);
  return email === null ? { valid: false as const, email: null, ...words } : { valid: true as const, email, ...words };
}

const gone = async (request: Request) => data(await pageState(request, null), { status: 410 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const found = await findPendingByToken(getCtx(), params.token ?? "");
  if (!found) return gone(request);
  return pageState(request, found.email);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await readForm(request, noFields, { maxBytes: 10_000 });
  const ctx = getCtx();
  const ip = clientIp(context);
  const userAgent = userAgentOf(request);
  const confirmed = await confirmByLink(ctx, { token: params.token ?? "", ip, userAgent });
  if (confirmed.ok) {
    const session = await startSignedInSession(ctx, { userId: confirmed.userId, ip, userAgent, previousToken: sessionTokenOf(request), action: "sign_up" });
    const to = safeRedirectPath(confirmed.redirectTo, NEW_MEMBER_PAGE);
    return redirect(to, { headers: await signedInHeaders(session.token, welcomeMessage(to)) });
  }
  if (confirmed.reason === "taken") return redirect("/login", { headers: { "Set-Cookie": await flashHeader("auth.confirm.taken") } });
  return gone(request);
}

export default function ConfirmLink() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const state = actionData ?? loaderData;
  const t = useT();
  if (!state.valid) {
    return (
      <section aria-labelledby="confirm-title" className="mx-auto max-w-md space-y-4">
        <h1 id="confirm-title">{t("auth.confirm.goneTitle")}</h1>
        <div className="card space-y-3">
          <p>{t("auth.confirm.goneBody")}</p>
          <p>
            <Link to="/signup/confirm">{t("auth.confirm.goneCode")}</Link>
          </p>
        </div>
        <p>
          <Link to="/login">{t("auth.backToSignIn")}</Link> · <Link to="/signup">{t("common.nav.createAccount")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="confirm-title" className="mx-auto max-w-md space-y-4">
      <h1 id="confirm-title">{t("auth.confirm.linkTitle")}</h1>
      <p>
        {t("auth.confirm.linkBefore")}{" "}
        <strong className="break-all">
          <bdi>{state.email}</bdi>
        </strong>
        {t("auth.confirm.linkAfter")}
      </p>
      <Form method="post" className="card space-y-3">
        <CsrfInput />
        <Button disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("auth.confirm.submitting") : t("auth.confirm.linkSubmit")}
        </Button>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) =>
    pageMeta(
      t("auth.confirm.linkPageTitle"),
      t("auth.confirm.description"),
      // The token is in this page's address: no Referer carries it to another site (see reset-password).
      { name: "referrer", content: "same-origin" },
    ),
  );

export const headers = noStoreHeaders;
