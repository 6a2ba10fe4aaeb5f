/** The job post form (new and edit): plain HTML that works without JavaScript, errors beside fields. */
import { Form, Link, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, SelectField, TextareaField } from "~/components/forms";
import { INTL_LOCALE, useLanguage, useT } from "~/lib/i18n";
import { countryLabel, jobTypeLabel } from "~/modules/jobs/filters";
import { COUNTRIES, EMPLOYMENT_TYPES, FEED_CHOICES, FIELD_LABELS, POST_FIELDS, POST_LIMITS, SALARY_PERIODS, type PostField, type PostFormValues } from "~/modules/jobs/posting-lists";

type Errors = Partial<Record<PostField | "form", string>>;

function Select({ name, label, value, error, hint, children }: { name: PostField; label: string; value: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <SelectField label={label} name={name} defaultValue={value} error={error} hint={hint}>
      {children}
    </SelectField>
  );
}

export function JobPostForm({
  values,
  errors,
  fixedFeed,
  submitLabel,
  cancelHref,
}: {
  values: PostFormValues;
  errors?: Errors | null;
  /** On the edit page the feed cannot change (the job lives in that feed's table). */
  fixedFeed?: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const t = useT();
  const lang = useLanguage();
  const busy = useNavigation().state === "submitting";
  const e = errors ?? {};
  const v = (name: PostField) => values[name] ?? "";
  const labels = {} as Record<PostField, string>;
  for (const name of POST_FIELDS) labels[name] = t(FIELD_LABELS[name]);
  const optional = (label: string) => `${label} (${t("common.form.optional")})`;
  const countries = COUNTRIES.map((c) => ({ code: c.code, name: countryLabel(t, c.code) ?? c.code })).sort((a, b) => a.name.localeCompare(b.name, INTL_LOCALE[lang]));
  return (
    <Form method="post" className="card space-y-4" noValidate>
      <ErrorSummary errors={e} labels={labels} />
      <CsrfInput />
      {fixedFeed ? (
        <p>
          <input type="hidden" name="feed" value={fixedFeed} />
          {t("jobs.post.feedFixed")} <strong>{FEED_CHOICES.some((c) => c.feed === fixedFeed) ? t(FEED_CHOICES.find((c) => c.feed === fixedFeed)!.label) : fixedFeed}</strong>{" "}
          {t("jobs.post.feedStays")}
        </p>
      ) : (
        <fieldset id="feed" className="space-y-2" aria-describedby={e.feed ? "feed-error" : undefined}>
          <legend className="font-medium">{labels.feed}</legend>
          {FEED_CHOICES.map((c) => (
            <div key={c.feed} className="flex items-start gap-2">
              <input type="radio" id={`feed-${c.feed}`} name="feed" value={c.feed} defaultChecked={v("feed") === c.feed} className="mt-1.5" aria-describedby={`feed-${c.feed}-hint`} />
              <label htmlFor={`feed-${c.feed}`}>
                <span className="font-medium">{t(c.label)}</span>{" "}
                <span id={`feed-${c.feed}-hint`} className="text-sm text-stone-600">
                  {t(c.explain)}
                </span>
              </label>
            </div>
          ))}
          {e.feed ? (
            <p id="feed-error" className="text-sm font-medium text-red-800">
              {e.feed}
            </p>
          ) : null}
        </fieldset>
      )}
      <Field label={labels.title} name="title" defaultValue={v("title")} dir="auto" error={e.title} maxLength={POST_LIMITS.title + 50} required />
      <Field label={labels.employer} name="employer" defaultValue={v("employer")} dir="auto" error={e.employer} maxLength={POST_LIMITS.employer + 50} required />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={optional(labels.city)} name="city" defaultValue={v("city")} dir="auto" error={e.city} />
        <Field label={optional(labels.state)} name="state" defaultValue={v("state")} dir="auto" error={e.state} />
        <Select name="country" label={optional(labels.country)} value={v("country")} error={e.country}>
          <option value="">{t("jobs.post.countryNone")}</option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>
      <Select name="employmentType" label={labels.employmentType} value={v("employmentType")} error={e.employmentType} hint={t("jobs.post.typeHint")}>
        <option value="">{t("jobs.post.choose")}</option>
        {EMPLOYMENT_TYPES.map((type) => (
          <option key={type} value={type}>
            {jobTypeLabel(t, type)}
          </option>
        ))}
      </Select>
      <div className="flex items-start gap-2">
        <input type="checkbox" id="remote" name="remote" defaultChecked={v("remote") === "on"} className="mt-1.5" aria-describedby="remote-hint" />
        <label htmlFor="remote">
          <span className="font-medium">{labels.remote}</span>{" "}
          <span id="remote-hint" className="text-sm text-stone-600">
            {t("jobs.post.remoteHint")}
          </span>
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">{optional(t("jobs.post.salary"))}</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={labels.salaryMin} name="salaryMin" inputMode="decimal" defaultValue={v("salaryMin")} error={e.salaryMin} />
          <Field label={labels.salaryMax} name="salaryMax" inputMode="decimal" defaultValue={v("salaryMax")} error={e.salaryMax} />
          <Select name="salaryPeriod" label={labels.salaryPeriod} value={v("salaryPeriod")} error={e.salaryPeriod}>
            <option value="">{t("jobs.post.noSalary")}</option>
            {SALARY_PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {t(p.label)}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>
      <TextareaField
        label={labels.description}
        name="description"
        dir="auto"
        defaultValue={v("description")}
        error={e.description}
        rows={10}
        hint={t("jobs.post.descriptionHint", { max: POST_LIMITS.description })}
        required
      />
      <p className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn" disabled={busy}>
          {submitLabel}
        </button>
        <Link to={cancelHref}>{t("jobs.cancel")}</Link>
      </p>
    </Form>
  );
}
