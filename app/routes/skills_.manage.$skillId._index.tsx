/**
 * /skills/manage/<skillId>: one skill of the bank for career staff and admins. Its name and
 * description (a form changes them), retire or restore it (retiring asks first, on its own page),
 * and its questions in id order, 30 a page (keyset; 30 keep the lite page within its budget), each with its options, the right one marked,
 * and a link to edit it; links add a question by form or import a file. A skill that does not
 * exist: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SkillForm } from "~/components/skills/BankForms";
import { ButtonLink } from "~/components/ui/Button";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { brokenPageLink } from "~/lib/cursor.server";
import { pick } from "~/lib/forms";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { BANK_MESSAGES, SKILL_FIELDS, skillFormSchema } from "~/modules/skills/bank-forms.server";
import { questionsCursor, requireBankSkill } from "~/modules/skills/bank-page.server";
import { OPTION_LETTERS, skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, bankQuestions, editSkill } from "~/modules/skills/bank.server";
import { flashHeader } from "~/services/flash.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const ctx = getCtx();
  const skill = await requireBankSkill(ctx, user, params.skillId, await translatorFor(request));
  const scope = `skill:${skill.id}`;
  const after = questionsCursor.from(new URL(request.url).searchParams.get("after"), scope);
  if (after === null) throw brokenPageLink(skillHref(skill.id));
  const page = await bankQuestions(ctx, user, skill.id, after ?? null);
  return {
    skill,
    questions: page.questions,
    firstPage: after === undefined,
    next: page.next === null ? null : `${skillHref(skill.id)}?after=${encodeURIComponent(questionsCursor.to(page.next, scope))}`,
    ...(await pageMessages(request, ["skillsBank"])),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const skill = await requireBankSkill(getCtx(), user, params.skillId, t);
  const read = await readForm(request, skillFormSchema);
  const values = pick(read.values, SKILL_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await editSkill(getCtx(), user, skill.id, read.data);
  if (outcome.kind === "nameTaken") return data({ errors: { name: t(BANK_MESSAGES.nameTaken) }, values }, { status: 400 });
  if (outcome.kind === "missing") throw new Response(t("skillsBank.notFound"), { status: 404 });
  return redirect(skillHref(skill.id), { headers: { "Set-Cookie": await flashHeader("skillsBank.flash.skillSaved") } });
}

export default function BankSkill() {
  const { skill, questions, firstPage, next } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  const href = skillHref(skill.id);
  return (
    <div className="space-y-6">
      <p>
        <Link to="/skills/manage">{t("skillsBank.back")}</Link>
      </p>
      <section aria-labelledby="skill-title" className="card space-y-3">
        <h1 id="skill-title" dir="auto">
          {skill.name}
          {skill.retired ? <span className="ms-2 rounded bg-stone-200 px-1.5 align-middle text-sm font-normal text-stone-800">{t("skillsBank.retired")}</span> : null}
        </h1>
        <SkillForm
          key={failed ? JSON.stringify(failed.values) : `${skill.name}\n${skill.description}`}
          action={href}
          values={failed?.values ?? { name: skill.name, description: skill.description }}
          errors={failed?.errors}
          submitLabel={t("skillsBank.skill.save")}
        />
        <p className="text-sm text-stone-700">
          {skill.retired ? t("skillsBank.skill.retiredNote") : t("skillsBank.skill.liveNote")}{" "}
          <Link to={`${href}/retire`}>{skill.retired ? t("skillsBank.restoreSkill") : t("skillsBank.retireSkill")}</Link>
        </p>
      </section>
      <section aria-labelledby="questions-title" className="card space-y-3">
        <h2 id="questions-title">{t("skillsBank.questions.title")}</h2>
        <p className="flex flex-wrap gap-3">
          <ButtonLink to={`${href}/questions/new`}>{t("skillsBank.questions.add")}</ButtonLink>
          <ButtonLink to={`${href}/import`} variant="secondary">
            {t("skillsBank.questions.import")}
          </ButtonLink>
        </p>
        {questions.length === 0 ? (
          <p>{firstPage ? t("skillsBank.questions.empty") : t("skillsBank.questions.noMore")}</p>
        ) : (
          <ol className="divide-y divide-stone-200">
            {questions.map((q) => (
              <li key={q.id} id={`q${q.id}`} className="space-y-1 py-3">
                <p className="font-medium" dir="auto">
                  {q.question}
                  {q.retired ? <span className="ms-2 rounded bg-stone-200 px-1.5 text-sm font-normal text-stone-800">{t("skillsBank.retired")}</span> : null}
                </p>
                <ul className="ps-4 text-sm">
                  {q.options.map((o, i) => (
                    <li key={i} className={i === q.correctIndex ? "font-semibold text-teal-900" : "text-stone-700"}>
                      {OPTION_LETTERS[i]}. <span dir="auto">{o}</span>
                      {i === q.correctIndex ? ` (${t("skillsBank.questions.correctMark")})` : null}
                    </li>
                  ))}
                </ul>
                <p>
                  <Link to={`${href}/questions/${q.id}`} aria-label={t("skillsBank.questions.editLabel", { id: q.id })}>
                    {t("skillsBank.questions.edit")}
                  </Link>
                </p>
              </li>
            ))}
          </ol>
        )}
        {next ? (
          <p>
            <Link to={next}>{t("skillsBank.questions.next")}</Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) =>
  metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: args.data ? t("skillsBank.skill.pageTitle", { name: args.data.skill.name }) : t("skillsBank.title") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills/manage", label: t("skillsBank.title") }]} />;
}
