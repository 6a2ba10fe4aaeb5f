/**
 * /skills/manage: the question bank for career staff and admins (issue 18, item 5). Every skill,
 * A to Z, with how many questions it has (how many are live), and whether it is retired; a form
 * adds a skill (its name unique whatever the case, a one-line description). Visitors sign in
 * first; other members are refused (403).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SkillForm } from "~/components/skills/BankForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { BANK_MESSAGES, SKILL_FIELDS, skillFormSchema } from "~/modules/skills/bank-forms.server";

import { skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, addSkill, bankSkills } from "~/modules/skills/bank.server";
import { flashHeader } from "~/services/flash.server";
import { pick } from "~/lib/forms";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  return { skills: await bankSkills(getCtx(), user), ...(await pageMessages(request, ["skillsBank"])) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const read = await readForm(request, skillFormSchema);
  const values = pick(read.values, SKILL_FIELDS);
  if (!read.ok) return data({ errors: read.errors, values }, { status: 400 });
  const outcome = await addSkill(getCtx(), user, read.data);
  if (outcome.kind === "nameTaken") return data({ errors: { name: t(BANK_MESSAGES.nameTaken) }, values }, { status: 400 });
  if (outcome.kind === "missing") throw new Response(t("skillsBank.notFound"), { status: 404 });
  return redirect(skillHref(outcome.skillId), { headers: { "Set-Cookie": await flashHeader("skillsBank.flash.skillAdded") } });
}

export default function SkillsBank() {
  const { skills } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="space-y-6">
      <section aria-labelledby="bank-title" className="card space-y-3">
        <h1 id="bank-title">{t("skillsBank.title")}</h1>
        <p className="text-stone-700">{t("skillsBank.intro")}</p>
        {skills.length === 0 ? (
          <p>{t("skillsBank.empty")}</p>
        ) : (
          <ul className="divide-y divide-stone-200" aria-label={t("skillsBank.listLabel")}>
            {skills.map((s) => (
              <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 py-2">
                <div className="min-w-0">
                  <Link to={skillHref(s.id)} className="font-medium" dir="auto">
                    {s.name}
                  </Link>
                  {s.retired ? <span className="ms-2 rounded bg-stone-200 px-1.5 text-sm text-stone-800">{t("skillsBank.retired")}</span> : null}
                  {s.description ? (
                    <p className="text-sm text-stone-600" dir="auto">
                      {s.description}
                    </p>
                  ) : null}
                </div>
                <span className="text-sm text-stone-700">{t("skillsBank.counts", { count: s.questions, live: s.liveQuestions })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-skill-title" className="card space-y-3">
        <h2 id="add-skill-title">{t("skillsBank.add.title")}</h2>
        <SkillForm key={failed ? JSON.stringify(failed.values) : "new"} action="/skills/manage" values={failed?.values ?? {}} errors={failed?.errors} submitLabel={t("skillsBank.add.submit")} />
      </section>
    </div>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("skillsBank.title") })));

export function ErrorBoundary() {
  return <RouteErrorBoundary />;
}
