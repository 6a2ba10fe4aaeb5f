/** The job post form (new and edit): plain HTML that works without JavaScript, errors beside fields. */
import { Form, Link, useNavigation } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, SelectField, TextareaField } from "~/components/forms";
import { COUNTRIES, EMPLOYMENT_TYPES, FEED_CHOICES, FIELD_LABELS, POST_LIMITS, SALARY_PERIODS, type PostField, type PostFormValues } from "~/modules/jobs/posting-rules";

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
  const busy = useNavigation().state === "submitting";
  const e = errors ?? {};
  const v = (name: PostField) => values[name] ?? "";
  return (
    <Form method="post" className="card space-y-4" noValidate>
      <ErrorSummary errors={e} labels={FIELD_LABELS} />
      <CsrfInput />
      {fixedFeed ? (
        <p>
          <input type="hidden" name="feed" value={fixedFeed} />
          Feed: <strong>{FEED_CHOICES.find((c) => c.feed === fixedFeed)?.label ?? fixedFeed}</strong> (a post stays in its feed; close it and post again to move it).
        </p>
      ) : (
        <fieldset id="feed" className="space-y-2" aria-describedby={e.feed ? "feed-error" : undefined}>
          <legend className="font-medium">Feed</legend>
          {FEED_CHOICES.map((c) => (
            <div key={c.feed} className="flex items-start gap-2">
              <input type="radio" id={`feed-${c.feed}`} name="feed" value={c.feed} defaultChecked={v("feed") === c.feed} className="mt-1.5" aria-describedby={`feed-${c.feed}-hint`} />
              <label htmlFor={`feed-${c.feed}`}>
                <span className="font-medium">{c.label}</span>{" "}
                <span id={`feed-${c.feed}-hint`} className="text-sm text-stone-600">
                  {c.explain}
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
      <Field label={FIELD_LABELS.title} name="title" defaultValue={v("title")} error={e.title} maxLength={POST_LIMITS.title + 50} required />
      <Field label={FIELD_LABELS.employer} name="employer" defaultValue={v("employer")} error={e.employer} maxLength={POST_LIMITS.employer + 50} required />
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={`${FIELD_LABELS.city} (optional)`} name="city" defaultValue={v("city")} error={e.city} />
        <Field label={`${FIELD_LABELS.state} (optional)`} name="state" defaultValue={v("state")} error={e.state} />
        <Select name="country" label={`${FIELD_LABELS.country} (optional)`} value={v("country")} error={e.country}>
          <option value="">Elsewhere or not given</option>
          {COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </Select>
      </div>
      <Select name="employmentType" label={FIELD_LABELS.employmentType} value={v("employmentType")} error={e.employmentType} hint="On the part-time feed a job is always part-time.">
        <option value="">Choose…</option>
        {EMPLOYMENT_TYPES.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </Select>
      <div className="flex items-start gap-2">
        <input type="checkbox" id="remote" name="remote" defaultChecked={v("remote") === "on"} className="mt-1.5" aria-describedby="remote-hint" />
        <label htmlFor="remote">
          <span className="font-medium">Remote</span>{" "}
          <span id="remote-hint" className="text-sm text-stone-600">
            The work can be done from home. Always on for the remote feed.
          </span>
        </label>
      </div>
      <fieldset className="space-y-2">
        <legend className="font-medium">Salary (optional)</legend>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={FIELD_LABELS.salaryMin} name="salaryMin" inputMode="decimal" defaultValue={v("salaryMin")} error={e.salaryMin} />
          <Field label={FIELD_LABELS.salaryMax} name="salaryMax" inputMode="decimal" defaultValue={v("salaryMax")} error={e.salaryMax} />
          <Select name="salaryPeriod" label={FIELD_LABELS.salaryPeriod} value={v("salaryPeriod")} error={e.salaryPeriod}>
            <option value="">No salary given</option>
            {SALARY_PERIODS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </Select>
        </div>
      </fieldset>
      <TextareaField
        label={FIELD_LABELS.description}
        name="description"
        defaultValue={v("description")}
        error={e.description}
        rows={10}
        hint={`What the work is, who should apply and how the hiring goes. Up to ${POST_LIMITS.description.toLocaleString("en-US")} characters. Applications come to you in Ladder.`}
        required
      />
      <p className="flex flex-wrap items-center gap-3">
        <button type="submit" className="btn" disabled={busy}>
          {submitLabel}
        </button>
        <Link to={cancelHref}>Cancel</Link>
      </p>
    </Form>
  );
}
