/**
 * /skills/manage/<skillId>/questions/<questionId>: career staff edit a question in place (text,
 * options, the right one, explanation) and retire or restore it. Attempts already taken keep
 * what they showed: each test's draw stored its own copy of its questions (skill_draws).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm, questionValues, RetireButton } from "~/components/skills/BankForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { BANK_MESSAGES, QUESTION_FIELDS, questionFormSchema } from "~/modules/skills/bank-forms.server";
import { requireBankQuestion, requireBankSkill, toBankQuestion } from "~/modules/skills/bank-page.server";
import { skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, editQuestion } from "~/modules/skills/bank.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const skill = await requireBankSkill(ctx, user, params.skillId, t);
  const question = await requireBankQuestion(ctx, user, skill.id, params.questionId, t);
  return { skill, question, ...(await pageMessages(request, ["skillsBank"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const skill = await requireBankSkill(ctx, user, params.skillId, t);
  const question = await requireBankQuestion(ctx, user, skill.id, params.questionId, t);
  const read = await readForm(request, questionFormSchema);
  const values = pick(read.values, QUESTION_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await editQuestion(ctx, user, skill.id, question.id, toBankQuestion(read.data));
  if (outcome.kind === "inBank") return data({ errors: { question: t(BANK_MESSAGES.questionInBank) }, values }, { status: 400 });
  if (outcome.kind === "missing") throw new Response(t("skillsBank.questionNotFound"), { status: 404 });
  return redirect(`${skillHref(skill.id)}#q${question.id}`, { headers: { "Set-Cookie": await flashHeader("skillsBank.flash.questionSaved") } });
}

export default function EditBankQuestion() {
  const { skill, question } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const href = skillHref(skill.id);
  const self = `${href}/questions/${question.id}`;
  return (
    <section aria-labelledby="edit-question-title" className="card space-y-4">
      <p>
        <Link to={href} dir="auto">
          {skill.name}
        </Link>
      </p>
      <h1 id="edit-question-title">
        {t("skillsBank.question.editTitle")}
        {question.retired ? <span className="ms-2 rounded bg-stone-200 px-1.5 align-middle text-sm font-normal text-stone-800">{t("skillsBank.retired")}</span> : null}
      </h1>
      <p className="rounded border-s-4 border-teal-700 bg-teal-50 p-3 text-sm">{t("skillsBank.question.snapshotNote")}</p>
      <QuestionForm
        key={failed ? JSON.stringify(failed.values) : "saved"}
        action={self}
        values={failed?.values ?? questionValues(question)}
        errors={failed?.errors}
        submitLabel={t("skillsBank.question.save")}
        cancelHref={href}
      />
      <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-4">
        <p className="text-sm text-stone-700">{question.retired ? t("skillsBank.question.retiredNote") : t("skillsBank.question.liveNote")}</p>
        <RetireButton action={`${self}/retire`} retired={question.retired} label={question.retired ? t("skillsBank.question.restore") : t("skillsBank.question.retire")} />
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("skillsBank.question.editTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills/manage", label: t("skillsBank.title") }]} />;
}
