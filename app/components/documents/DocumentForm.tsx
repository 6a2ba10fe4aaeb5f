/** The title / kind / content form of a new document and of the edit form (kind fixed there). */
import { Form, Link } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { CONTENT_MAX, CREATABLE_KINDS, KIND_LABELS, SHEET_HINT, TITLE_MAX, type DocumentKind } from "~/modules/documents/rules";

const LABELS = { title: "Title", kind: "Kind", content: "Content" };

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
  return (
    <Form method="post" action={props.action} className="space-y-3" noValidate>
      <CsrfInput />
      {fixedKind ? <input type="hidden" name="intent" value="save" /> : null}
      <ErrorSummary errors={errors} labels={LABELS} />
      <Field label="Title" name="title" defaultValue={values.title ?? ""} error={errors?.title} maxLength={TITLE_MAX} required />
      {fixedKind ? null : (
        <fieldset className="space-y-1" aria-describedby={errors?.kind ? "kind-error" : undefined}>
          <legend className="font-medium">Kind</legend>
          {CREATABLE_KINDS.map((k, i) => (
            <label key={k} className="me-4 inline-flex items-center gap-1">
              <input type="radio" name="kind" value={k} id={i === 0 ? "kind" : `kind-${k}`} defaultChecked={kind === k} /> {KIND_LABELS[k]}
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
        label="Content"
        name="content"
        defaultValue={values.content ?? ""}
        error={errors?.content}
        rows={12}
        hint={kind === "sheet" ? SHEET_HINT : kind === "code" ? "Shown as written, in a fixed-width font." : `Markdown: **bold**, lists with -, links. At most ${CONTENT_MAX.toLocaleString("en")} characters.`}
      />
      <p className="flex flex-wrap items-center gap-3">
        <Button>
          {props.submitLabel}
        </Button>
        <Link to={props.cancelHref}>Cancel</Link>
      </p>
    </Form>
  );
}
