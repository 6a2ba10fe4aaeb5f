/**
 * The language Ladder speaks: a plain form (in the footer and here) that keeps the choice in a
 * cookie for this device and, for a member, in their settings, which follow them everywhere
 * (decision 040).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { LanguageForm } from "~/components/LanguageForm";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { languageCookie, pageMessages, translator } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { safeRedirectPath } from "~/lib/safe-redirect";
import { getCurrentUser, isProduction } from "~/modules/accounts/current-user.server";
import { languageSchema } from "~/modules/accounts/forms.server";
import { saveLanguage } from "~/modules/accounts/language.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getCurrentUser(request);
  return {
    signedIn: user !== null,
    ...(await pageMessages(request, ["settings"])),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const read = await readForm(request, languageSchema);
  if (!read.ok) return data({ error: read.errors.lang }, { status: 400 });
  const lang = read.data.lang;
  const user = await getCurrentUser(request);
  if (user) await saveLanguage(getCtx(), user.id, lang);
  const headers = new Headers();
  headers.append("Set-Cookie", languageCookie(lang, isProduction()));
  // Said in the language just chosen: the proof that the switch worked.
  headers.append("Set-Cookie", await flashHeader(translator(lang)("common.language.changed")));
  return redirect(safeRedirectPath(read.values.redirectTo, "/settings/language"), { headers });
}

export default function LanguageSettings() {
  const { signedIn } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <section aria-labelledby="language-title" className="card space-y-3">
      <h1 id="language-title">{t("settings.language.title")}</h1>
      <p>{signedIn ? t("settings.language.introMember") : t("settings.language.introVisitor")}</p>
      {actionData?.error ? (
        <p role="alert" className="text-red-800">
          {actionData.error}
        </p>
      ) : null}
      <LanguageForm redirectTo="/settings/language" id="settings-language" className="flex flex-wrap items-center gap-2" />
      <p>
        <Link to="/">{t("common.error.backHome")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("settings.language.pageTitle")));
