/** "Draft a document" on a coach chat: the coach writes a cover letter, CV summary or plan from the chat. */
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/forms";
import { Button } from "~/components/ui/Button";
import { useT } from "~/lib/i18n";
import { DRAFT_KINDS } from "~/modules/documents/rules";

/** Its page's loader sends the coach and documents catalogs (the kinds' names are documents'). */
export function DraftForm({ chatId, error, selected }: { chatId: string; error?: string; selected?: string }) {
  const t = useT();
  return (
    <Form method="post" action={`/coach/${chatId}/draft`} className="space-y-2" aria-labelledby={`draft-title-${chatId}`}>
      <CsrfInput />
      <h2 id={`draft-title-${chatId}`} className="text-base font-semibold">
        {t("coach.draft.title")}
      </h2>
      <fieldset aria-describedby={error ? "draft-kind-error" : "draft-kind-hint"}>
        <legend className="sr-only">{t("coach.draft.kind")}</legend>
        {Object.entries(DRAFT_KINDS).map(([value, { label }], i) => (
          <label key={value} className="me-4 inline-flex items-center gap-1">
            <input type="radio" name="draft" value={value} id={i === 0 ? "draft" : `draft-${value}`} defaultChecked={(selected ?? "cover-letter") === value} /> {t(label)}
          </label>
        ))}
      </fieldset>
      {error ? (
        <p id="draft-kind-error" className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
      <p id="draft-kind-hint" className="text-sm text-stone-600">
        {t("coach.draft.hint")}
      </p>
      <Button>
        {t("coach.draft.submit")}
      </Button>
    </Form>
  );
}
