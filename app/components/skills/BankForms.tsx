/**
 * The question bank's forms (issue 18, item 5), plain forms that work without JavaScript:
 * - SkillForm: a skill's name and one-line description (add or edit).
 * - QuestionForm: the question, four options each beside the radio that marks it correct, and
 *   the explanation shown on the result page.
 * - RetireButton: retire or restore (a question; a skill goes through its confirmation page).
 * What was typed comes back after a 400, each message beside its field.
 */
import { Form } from "@remix-run/react";
import { CsrfInput, ErrorSummary, Field, TextareaField } from "~/components/forms";
import { Button, ButtonLink } from "~/components/ui/Button";
import type { FieldErrors } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { EXPLANATION_MAX, OPTION_LETTERS, QUESTION_MAX, SKILL_DESCRIPTION_MAX, SKILL_NAME_MAX } from "~/modules/skills/bank-rules";

export function SkillForm({ action, values, errors = {}, submitLabel, cancelHref }: { action: string; values: Record<string, string>; errors?: FieldErrors; submitLabel: string; cancelHref?: string }) {
  const t = useT();
  const labels = { name: t("skillsBank.skill.name"), description: t("skillsBank.skill.description") };
  return (
    <Form method="post" action={action} className="space-y-4" noValidate>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      <Field label={labels.name} name="name" dir="auto" maxLength={SKILL_NAME_MAX} defaultValue={values.name ?? ""} error={errors.name} />
      <Field
        label={labels.description}
        name="description"
        dir="auto"
        hint={t("skillsBank.skill.descriptionHint", { max: SKILL_DESCRIPTION_MAX })}
        defaultValue={values.description ?? ""}
        error={errors.description}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button>{submitLabel}</Button>
        {cancelHref ? (
          <ButtonLink to={cancelHref} variant="secondary">
            {t("skillsBank.cancel")}
          </ButtonLink>
        ) : null}
      </div>
    </Form>
  );
}

const OPTION_FIELDS = ["option_a", "option_b", "option_c", "option_d"] as const;

export function QuestionForm({ action, values, errors = {}, submitLabel, cancelHref }: { action: string; values: Record<string, string>; errors?: FieldErrors; submitLabel: string; cancelHref: string }) {
  const t = useT();
  const labels: Record<string, string> = { question: t("skillsBank.question.text"), correct: t("skillsBank.question.correct"), explanation: t("skillsBank.question.explanation") };
  OPTION_FIELDS.forEach((name, i) => (labels[name] = t("skillsBank.question.option", { letter: OPTION_LETTERS[i] })));
  return (
    <Form method="post" action={action} className="space-y-4" noValidate>
      <CsrfInput />
      <ErrorSummary errors={errors} labels={labels} />
      <TextareaField label={labels.question} name="question" rows={3} dir="auto" maxLength={QUESTION_MAX} defaultValue={values.question ?? ""} error={errors.question} />
      <fieldset id="correct" className="space-y-3" aria-describedby={errors.correct ? "correct-error" : "correct-hint"}>
        <legend className="font-medium">{t("skillsBank.question.options")}</legend>
        <p id="correct-hint" className="text-sm text-stone-600">
          {t("skillsBank.question.optionsHint")}
        </p>
        {errors.correct ? (
          <p id="correct-error" className="text-sm font-medium text-red-800">
            {errors.correct}
          </p>
        ) : null}
        {OPTION_FIELDS.map((name, i) => (
          <div key={name} className="flex items-start gap-3">
            <label className="mt-8 inline-flex shrink-0 items-center gap-1 text-sm">
              <input type="radio" name="correct" value={String(i)} defaultChecked={values.correct === String(i)} />
              <span>{t("skillsBank.question.isCorrect", { letter: OPTION_LETTERS[i] })}</span>
            </label>
            <div className="min-w-0 flex-1">
              <Field label={labels[name]} name={name} dir="auto" defaultValue={values[name] ?? ""} error={errors[name]} />
            </div>
          </div>
        ))}
      </fieldset>
      <TextareaField
        label={labels.explanation}
        name="explanation"
        rows={3}
        dir="auto"
        maxLength={EXPLANATION_MAX}
        hint={t("skillsBank.question.explanationHint")}
        defaultValue={values.explanation ?? ""}
        error={errors.explanation}
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button>{submitLabel}</Button>
        <ButtonLink to={cancelHref} variant="secondary">
          {t("skillsBank.cancel")}
        </ButtonLink>
      </div>
    </Form>
  );
}

export function RetireButton({ action, retired, label }: { action: string; retired: boolean; label?: string }) {
  const t = useT();
  return (
    <Form method="post" action={action} className="inline">
      <CsrfInput />
      <input type="hidden" name="intent" value={retired ? "restore" : "retire"} />
      <Button variant={retired ? "secondary" : "danger"} size="sm">
        {label ?? (retired ? t("skillsBank.restore") : t("skillsBank.retire"))}
      </Button>
    </Form>
  );
}

/** The values of a question as its form shows them. */
export function questionValues(q: { question: string; options: string[]; correctIndex: number; explanation: string }): Record<string, string> {
  return {
    question: q.question,
    option_a: q.options[0] ?? "",
    option_b: q.options[1] ?? "",
    option_c: q.options[2] ?? "",
    option_d: q.options[3] ?? "",
    correct: String(q.correctIndex),
    explanation: q.explanation,
  };
}
