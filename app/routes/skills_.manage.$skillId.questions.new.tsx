/**
 * /skills/manage/<skillId>/questions/new: career staff add a question to a skill's bank: its text,
 * exactly four distinct options with the right one chosen by its radio, and the explanation the
 * result page shows. A question already in this skill's bank is refused (400, beside the text).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionForm } from "~/components/skills/BankForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { BANK_MESSAGES, QUESTION_FIELDS, questionFormSchema } from "~/modules/skills/bank-forms.server";
import { requireBankSkill, toBankQuestion } from "~/modules/skills/bank-page.server";
import { skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, addQuestion } from "~/modules/skills/bank.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const skill = await requireBankSkill(getCtx(), user, params.skillId, await translatorFor(request));
  return { skill, ...(await pageMessages(request, ["skillsBank"])) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const skill = await requireBankSkill(getCtx(), user, params.skillId, t);
  const read = await readForm(request, questionFormSchema);
  const values = pick(read.values, QUESTION_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await addQuestion(getCtx(), user, skill.id, toBankQuestion(read.data));
  if (outcome.kind === "inBank") return data({ errors: { question: t(BANK_MESSAGES.questionInBank) }, values }, { status: 400 });
  if (outcome.kind === "missing") throw new Response(t("skillsBank.notFound"), { status: 404 });
  return redirect(`${skillHref(skill.id)}#q${outcome.questionId}`, { headers: { "Set-Cookie": await flashHeader("skillsBank.flash.questionAdded") } });
}

export default function NewBankQuestion() {
  const { skill } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const href = skillHref(skill.id);
  return (
    <section aria-labelledby="new-question-title" className="card space-y-4">
      <p>
        <Link to={href} dir="auto">
          {skill.name}
        </Link>
      </p>
      <h1 id="new-question-title">{t("skillsBank.question.newTitle")}</h1>
      <QuestionForm
        key={failed ? JSON.stringify(failed.values) : "new"}
        action={`${href}/questions/new`}
        values={failed?.values ?? {}}
        errors={failed?.errors}
        submitLabel={t("skillsBank.question.add")}
        cancelHref={href}
      />
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("skillsBank.question.newTitle") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills/manage", label: t("skillsBank.title") }]} />;
}
