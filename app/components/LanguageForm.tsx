import { CsrfInput } from "~/components/forms";
import { useRouteLoaderData } from "@remix-run/react";
import { LANGUAGES, useLanguage, useT, type Language } from "~/lib/i18n";

/** The language choice as a plain form: a select and a button, so it works without JavaScript. */
export function LanguageForm({ redirectTo, className, id = "footer-language" }: { redirectTo: string; className?: string; id?: string }) {
  const t = useT();
  const lang = useLanguage();
  // Each language in itself, from the root's data; its code when the root failed.
  const names = (useRouteLoaderData("root") as { languageNames?: Record<Language, string> } | undefined)?.languageNames;
  return (
    <form method="post" action="/settings/language" className={className}>
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor={id}>{t("common.language.label")}</label>
      <select id={id} name="lang" defaultValue={lang} className="rounded border border-stone-400 px-2 py-1">
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {names?.[code] ?? code}
          </option>
        ))}
      </select>
      <button type="submit" className="btn-quiet text-sm">
        {t("common.language.submit")}
      </button>
    </form>
  );
}
