/**
 * What the bank's routes share (issue 18, item 5), after the route's requireRole(BANK_ROLES)
 * (visitors sign in first, other members 403): the skill or question named in the path or a 404, a question form read into a
 * question, the page cursor of a skill's questions, and an import report in the reader's words.
 */
import { createCursor } from "~/lib/cursor.server";
import type { Translate } from "~/lib/i18n";
import type { Ctx } from "~/db.server";
import type { CurrentUser } from "~/modules/accounts/index.server";
import type { QuestionForm } from "./bank-forms.server";
import type { BankQuestion, ImportRow, Problem } from "./bank-rules";
import { bankQuestion, bankSkill } from "./bank.server";

/** A positive whole number from a path segment, or null. */
export function idOf(raw: string | undefined): number | null {
  if (!raw || raw.length > 12 || ![...raw].every((c) => c >= "0" && c <= "9")) return null;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export async function requireBankSkill(ctx: Ctx, user: CurrentUser, raw: string | undefined, t: Translate) {
  const id = idOf(raw);
  const skill = id === null ? null : await bankSkill(ctx, user, id);
  if (!skill) throw new Response(t("skillsBank.notFound"), { status: 404 });
  return skill;
}

export async function requireBankQuestion(ctx: Ctx, user: CurrentUser, skillId: number, raw: string | undefined, t: Translate) {
  const id = idOf(raw);
  const question = id === null ? null : await bankQuestion(ctx, user, skillId, id);
  if (!question) throw new Response(t("skillsBank.questionNotFound"), { status: 404 });
  return question;
}

export const toBankQuestion = (f: QuestionForm): BankQuestion => ({
  question: f.question,
  options: [f.option_a, f.option_b, f.option_c, f.option_d],
  correctIndex: f.correct,
  explanation: f.explanation,
});

/** The keyset cursor of a skill's questions: the last id shown, scoped to the skill. */
export const questionsCursor = createCursor<number, string>({
  name: "skills-bank-questions",
  encode: (id) => String(id),
  decode: (payload) => {
    const n = idOf(payload);
    return n;
  },
});

export interface ReportLine {
  row: number;
  reasons: string[];
}

/** The refused rows of an import, each with its reasons in the reader's language. */
export function reportOf(rows: ImportRow[], t: Translate): ReportLine[] {
  const say = (p: Problem) => t(p.id, p.values);
  return rows.flatMap((r) => (r.ok ? [] : [{ row: r.row, reasons: r.problems.map(say) }]));
}
