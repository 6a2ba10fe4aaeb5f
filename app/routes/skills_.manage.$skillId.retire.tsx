/**
 * /skills/manage/<skillId>/retire: retiring a skill asks first (members stop seeing it and
 * cannot start its test; attempts and verified scores already earned stay). The same page
 * restores a retired skill. Career staff and admins only; a skill that does not exist: 404.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RetireButton } from "~/components/skills/BankForms";
import { RouteErrorBoundary } from "~/components/ErrorPage";
import { getCtx } from "~/db.server";
import { useT } from "~/lib/i18n";
import { pageMessages, translatorFor } from "~/lib/i18n.server";
import { metaFor, pageMeta } from "~/lib/meta";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { retireFormSchema } from "~/modules/skills/bank-forms.server";
import { requireBankSkill } from "~/modules/skills/bank-page.server";
import { skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, setSkillRetired } from "~/modules/skills/bank.server";
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
  const read = await readForm(request, retireFormSchema);
  if (!read.ok) return data({ errors: read.errors }, { status: 400 });
  const retire = read.data.intent === "retire";
  if (!(await setSkillRetired(getCtx(), user, skill.id, retire))) throw new Response(t("skillsBank.notFound"), { status: 404 });
  return redirect(skillHref(skill.id), { headers: { "Set-Cookie": await flashHeader(retire ? "skillsBank.flash.skillRetired" : "skillsBank.flash.skillRestored") } });
}

export default function RetireSkill() {
  const { skill } = useLoaderData<typeof loader>();
  const t = useT();
  const href = skillHref(skill.id);
  return (
    <section aria-labelledby="retire-title" className="card space-y-4">
      <h1 id="retire-title">{skill.retired ? t("skillsBank.restoreSkill") : t("skillsBank.retireSkill")}</h1>
      <p dir="auto" className="font-medium">
        {skill.name}
      </p>
      <p>{skill.retired ? t("skillsBank.confirm.restore") : t("skillsBank.confirm.retire")}</p>
      <div className="flex flex-wrap items-center gap-3">
        <RetireButton action={`${href}/retire`} retired={skill.retired} label={skill.retired ? t("skillsBank.confirm.restoreSubmit") : t("skillsBank.confirm.retireSubmit")} />
        <Link to={href}>{t("skillsBank.cancel")}</Link>
      </div>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = (args) => metaFor(args, (t) => pageMeta(t("common.title.suffix", { title: t("skillsBank.retireSkill") })));

export function ErrorBoundary() {
  const t = useT();
  return <RouteErrorBoundary back={[{ to: "/skills/manage", label: t("skillsBank.title") }]} />;
}
