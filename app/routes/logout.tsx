/** Signing out is a POST (a link must never change anything); GET offers the button. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { track } from "~/modules/analytics/index.server";
import { noFields, readForm } from "~/modules/accounts/read-form.server";
import { getSession, isProduction } from "~/modules/accounts/current-user.server";
import { clearSessionCookie, endSession } from "~/modules/accounts/sessions.server";
import { flashHeader } from "~/services/flash.server";
import { clientIp, userAgentOf } from "~/services/request-info.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!(await getSession(request))) throw redirect("/");
  return pageMessages(request, ["auth"]);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request);
  const headers = new Headers({ "Set-Cookie": clearSessionCookie(isProduction()) });
  if (!session) return redirect("/", { headers });
  await readForm(request, noFields);
  const ctx = getCtx();
  await endSession(ctx, session.sessionId);
  await track(ctx, { userId: session.user.id, type: "sign_out", ip: clientIp(context), userAgent: userAgentOf(request), sessionId: session.sessionId });
  headers.append("Set-Cookie", await flashHeader("auth.logout.done", "info"));
  return redirect("/", { headers });
}

export default function Logout() {
  const t = useT();
  return (
    <section aria-labelledby="logout-title" className="card space-y-3">
      <h1 id="logout-title">{t("auth.logout.title")}</h1>
      <Form method="post">
        <CsrfInput />
        <Button>
          {t("common.nav.signOut")}
        </Button>
      </Form>
      <p>
        <Link to="/">{t("common.error.backHome")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("auth.logout.pageTitle")));
