/**
 * POST /skills/manage/<skillId>/questions/<questionId>/retire: retire a question (never drawn
 * again; attempts that showed it keep it) or restore it (intent retire | restore), back to the
 * question's page. Career staff and admins only; no page of its own (a GET goes to the question).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getCtx } from "~/db.server";
import { translatorFor } from "~/lib/i18n.server";
import { requireRole } from "~/modules/accounts/current-user.server";
import { readForm } from "~/modules/accounts/read-form.server";
import { retireFormSchema } from "~/modules/skills/bank-forms.server";
import { idOf, requireBankQuestion, requireBankSkill } from "~/modules/skills/bank-page.server";
import { skillHref } from "~/modules/skills/bank-rules";
import { BANK_ROLES, setQuestionRetired } from "~/modules/skills/bank.server";
import { flashHeader } from "~/services/flash.server";

/** A GET goes to the question's page (staff only, like the page). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, BANK_ROLES);
  return redirect(`/skills/manage/${idOf(params.skillId) ?? 0}/questions/${idOf(params.questionId) ?? 0}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, BANK_ROLES);
  const t = await translatorFor(request);
  const ctx = getCtx();
  const skill = await requireBankSkill(ctx, user, params.skillId, t);
  const question = await requireBankQuestion(ctx, user, skill.id, params.questionId, t);
  const read = await readForm(request, retireFormSchema);
  if (!read.ok) throw new Response(Object.values(read.errors)[0] ?? t("skillsBank.form.intent"), { status: 400 });
  const retire = read.data.intent === "retire";
  if (!(await setQuestionRetired(ctx, user, skill.id, question.id, retire))) throw new Response(t("skillsBank.questionNotFound"), { status: 404 });
  return redirect(`${skillHref(skill.id)}/questions/${question.id}`, {
    headers: { "Set-Cookie": await flashHeader(retire ? "skillsBank.flash.questionRetired" : "skillsBank.flash.questionRestored") },
  });
}
