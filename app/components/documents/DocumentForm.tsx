/** The title / kind / content form of a new document and of the edit form (kind fixed there). */
import { Form, Link } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { CONTENT_MAX, CREATABLE_KINDS, KIND_LABELS, SHEET_HINT, SHEET_HINT_VALUES, TITLE_MAX, type DocumentKind } from "~/modules/documents/rules";

export function DocumentForm(props: {
  action: string;
  values: Record<string, string>;
  errors?: Record<string, string>;
  /** Editing: the kind cannot change. */
  fixedKind?: DocumentKind;
  submitLabel: string;
  cancelHref: string;
}) {
  const { values, errors, fixedKind } = props;
  const kind = fixedKind ?? values.kind ?? "text";
  const t = useT();
  const labels = { title: t("documents.form.title"), kind: t("documents.form.kind"), content: t("documents.form.content") };
  return (
    <Form method="post" action={props.action} className="space-y-3" noValidate>
      <CsrfInput />
      {fixedKind ? <input type="hidden" name="intent" value="save" /> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Field label={labels.title} name="title" defaultValue={values.title ?? ""} error={errors?.title} maxLength={TITLE_MAX} required dir="auto" />
      {fixedKind ? null : (
        <fieldset className="space-y-1" aria-describedby={errors?.kind ? "kind-error" : undefined}>
          <legend className="font-medium">{labels.kind}</legend>
          {CREATABLE_KINDS.map((k, i) => (
            <label key={k} className="me-4 inline-flex items-center gap-1">
              <input type="radio" name="kind" value={k} id={i === 0 ? "kind" : `kind-${k}`} defaultChecked={kind === k} /> {t(KIND_LABELS[k])}
            </label>
          ))}
          {errors?.kind ? (
            <p id="kind-error" className="text-sm font-medium text-red-800">
              {errors.kind}
            </p>
          ) : null}
        </fieldset>
      )}
      <TextareaField
        label={labels.content}
        name="content"
        defaultValue={values.content ?? ""}
        error={errors?.content}
        rows={12}
        dir="auto"
        hint={
          kind === "sheet"
            ? t(SHEET_HINT, SHEET_HINT_VALUES)
            : kind === "code"
              ? t("documents.form.codeHint")
              : t("documents.form.textHint", { max: CONTENT_MAX })
        }
      />
      <p className="flex flex-wrap items-center gap-3">
        <Button>
          {props.submitLabel}
        </Button>
        <Link to={props.cancelHref}>{t("documents.form.cancel")}</Link>
      </p>
    </Form>
  );
}
