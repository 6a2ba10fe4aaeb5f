/** Lite mode on or off: a plain form that sets a cookie, then back to where the member was. */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { isLiteRequest, LITE_COOKIE } from "~/lib/lite";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { liteModeSchema } from "~/modules/accounts/forms.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { flashHeader } from "~/services/flash.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";

const ONE_YEAR = 60 * 60 * 24 * 365;

export async function loader({ request }: LoaderFunctionArgs) {
  return { lite: isLiteRequest(request), ...(await pageMessages(request, ["settings"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const read = await readForm(request, liteModeSchema);
  if (!read.ok) return data({ error: read.errors.lite }, { status: 400 });
  const choice = read.data.lite;
  const headers = new Headers();
  headers.append("Set-Cookie", `${LITE_COOKIE}=${choice}; Path=/; Max-Age=${ONE_YEAR}; SameSite=Lax; HttpOnly`);
  headers.append("Set-Cookie", await flashHeader(choice === "1" ? "settings.lite.flashOn" : "settings.lite.flashOff"));
  return redirect(safeRedirectPath(read.values.redirectTo), { headers });
}

export default function LiteSettings() {
  const { lite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="lite-title" className="card space-y-3">
      <h1 id="lite-title">{t("settings.lite.title")}</h1>
      <p>{t("settings.lite.intro")}</p>
      {actionData?.error ? (
        <p role="alert" className="text-red-800">
          {actionData.error}
        </p>
      ) : null}
      <Form method="post" className="flex flex-wrap gap-2">
        <CsrfInput />
        <input type="hidden" name="redirectTo" value="/settings/lite" />
        <Button name="lite" value="1" aria-pressed={lite}>
          {t("settings.lite.on")}
        </Button>
        <Button variant="secondary" name="lite" value="0" aria-pressed={!lite}>
          {t("settings.lite.off")}
        </Button>
      </Form>
      <p>
        {t("settings.lite.now")} <strong>{lite ? t("settings.lite.stateOn") : t("settings.lite.stateOff")}</strong>
        {t("settings.lite.nowEnd")} <Link to="/">{t("common.error.backHome")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("settings.lite.pageTitle")));
