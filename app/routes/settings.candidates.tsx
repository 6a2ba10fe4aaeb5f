/**
 * /settings/candidates: "Verified skills and recruiters". Which verified skills the member's
 * profile and people search show, whether recruiters may find them for their jobs (off by
 * default), whether recruiters may see their phone, and their city. One form, one transaction:
 * turning "find me" off also deletes every recruiter's archive card about the member.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field } from "~/components/forms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { Button } from "~/components/ui/Button";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireUser } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { candidateSettingsForm, shownSkillIds } from "~/modules/skills/candidate-forms.server";
import { candidateSettingsOf, CITY_MAX, saveCandidateSettings } from "~/modules/skills/index.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const s = await candidateSettingsOf(getCtx(), user.id);
  return {
    findable: s.findable,
    sharePhone: s.sharePhone,
    city: s.city,
    cityMax: CITY_MAX,
    verified: s.verified.map((v) => ({ id: v.skillId, name: v.name, score: v.score, total: v.total, hidden: v.hidden })),
    ...(await pageMessages(request, ["candidates"])),
  };
}

type Failed = { errors: Record<string, string>; values: { findable: boolean; sharePhone: boolean; city: string; shown: number[] } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const read = await readForm(request, candidateSettingsForm, { maxBytes: 4_000 });
  const shown = shownSkillIds(read.form.getAll("show") ?? []);
  if (!read.ok) {
    const values = { findable: read.values.findable === "on", sharePhone: read.values.sharePhone === "on", city: (read.values.city ?? "").slice(0, 300), shown };
    return data<Failed>({ errors: read.errors, values }, { status: 400 });
  }
  const { removedCards } = await saveCandidateSettings(getCtx(), user.id, { ...read.data, shown });
  const flash = read.data.findable ? "candidates.settings.savedFindable" : "candidates.settings.savedHidden";
  return redirect("/settings/candidates", { headers: { "Set-Cookie": await flashHeader(flash, "success", { count: removedCards }) } });
}

export default function CandidateSettingsPage() {
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as Failed | undefined;
  const t = useT();
  const v = failed?.values;
  const shown = new Set(v ? v.shown : d.verified.filter((s) => !s.hidden).map((s) => s.id));
  const labels = { city: t("candidates.settings.city"), findable: t("candidates.settings.findable"), sharePhone: t("candidates.settings.sharePhone") };
  return (
    <section aria-labelledby="cs-title" className="card space-y-4">
      <h1 id="cs-title">{t("candidates.settings.title")}</h1>
      <Form method="post" className="space-y-4" noValidate>
        <ErrorSummary errors={failed?.errors} labels={labels} />
        <CsrfInput />
        <fieldset className="space-y-1">
          <legend className="font-medium">{t("candidates.settings.verifiedLegend")}</legend>
          <p className="text-sm text-stone-600">{t("candidates.settings.verifiedHint")}</p>
          {d.verified.length === 0 ? (
            <p>
              {t("candidates.settings.noVerified")} <Link to="/skills">{t("candidates.settings.takeTest")}</Link>
            </p>
          ) : (
            <ul className="space-y-1">
              {d.verified.map((s) => (
                <li key={s.id}>
                  <label className="inline-flex min-h-6 items-center gap-2">
                    <input type="checkbox" name="show" value={s.id} defaultChecked={shown.has(s.id)} />
                    {t("candidates.settings.showSkill", { name: s.name, score: s.score, total: s.total })}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
        <fieldset className="space-y-2">
          <legend className="font-medium">{t("candidates.settings.recruitersLegend")}</legend>
          <div>
            <label className="inline-flex min-h-6 items-center gap-2">
              <input type="checkbox" id="findable" name="findable" defaultChecked={v ? v.findable : d.findable} aria-describedby="findable-hint" />
              {labels.findable}
            </label>
            <p id="findable-hint" className="text-sm text-stone-600">
              {t("candidates.settings.findableHint")}
            </p>
          </div>
          <div>
            <label className="inline-flex min-h-6 items-center gap-2">
              <input type="checkbox" id="sharePhone" name="sharePhone" defaultChecked={v ? v.sharePhone : d.sharePhone} aria-describedby="sharePhone-hint" />
              {labels.sharePhone}
            </label>
            <p id="sharePhone-hint" className="text-sm text-stone-600">
              {t("candidates.settings.sharePhoneHint")}
            </p>
          </div>
          {failed?.errors.findable || failed?.errors.sharePhone ? (
            <p className="text-sm font-medium text-red-800">{failed.errors.findable ?? failed.errors.sharePhone}</p>
          ) : null}
        </fieldset>
        <Field
          label={labels.city}
          name="city"
          dir="auto"
          autoComplete="address-level2"
          defaultValue={v ? v.city : d.city}
          error={failed?.errors.city}
          hint={t("candidates.settings.cityHint", { max: d.cityMax })}
          className="max-w-xs"
        />
        <Button>{t("candidates.settings.save")}</Button>
      </Form>
      <p className="text-sm">
        <Link to="/settings/profile">{t("candidates.settings.profileLink")}</Link>
      </p>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("candidates.settings.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/settings/profile", label: t("common.nav.profileAndSettings") }]} />;
}
