/**
 * The question bank (issue 18, item 5): only career staff and admins read or edit it. Visitors
 * sign in first; every other member is refused (403) on every page and every write, and the
 * writes check the role again in their own WHERE. In each row the bank holds one skill with one
 * question (and a second skill, to show a question is found only through its own skill).
 */
import type { Ctx } from "../../../db/client";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
/** Career staff and admins get `allowed`, other members 403, visitors the sign-in page. */
const staffOnly = (allowed: number) => ({ ...everyone(403), anonymous: "login" as const, career_team: allowed, admin: allowed });

let counter = 0;
const fresh = (what: string) => `Matrix ${what} ${++counter}`;

async function bank(ctx: Ctx) {
  const { skills, skill_details, skill_questions, skill_question_details } = ctx.t;
  const [skill] = await ctx.db.insert(skills).values({ name: fresh("skill") }).returning({ id: skills.id });
  const [other] = await ctx.db.insert(skills).values({ name: fresh("other skill") }).returning({ id: skills.id });
  await ctx.db.insert(skill_details).values([{ skill_id: skill.id, description: "" }, { skill_id: other.id, description: "" }]);
  const [question] = await ctx.db
    .insert(skill_questions)
    .values({ skillId: skill.id, question: "Matrix question?", options: ["Right", "Wrong", "Also wrong", "Still wrong"], correctIndex: 0 })
    .returning({ id: skill_questions.id });
  await ctx.db.insert(skill_question_details).values({ question_id: question.id, explanation: "Because." });
  return { skillId: skill.id, otherSkillId: other.id, questionId: question.id };
}

const skill = (fx: MatrixFixtures, rest = "") => `/skills/manage/${String(fx.skillId)}${rest}`;
const question = (fx: MatrixFixtures, rest = "") => skill(fx, `/questions/${String(fx.questionId)}${rest}`);
const questionForm = (text: string) => ({ question: text, option_a: "Right", option_b: "Wrong", option_c: "Also wrong", option_d: "Still wrong", correct: "0", explanation: "Because." });

export const rows: MatrixRow[] = [
  { name: "the question bank's list of skills", method: "GET", path: () => "/skills/manage", expect: staffOnly(200) },
  { name: "add a skill (to its page)", method: "POST", path: () => "/skills/manage", form: () => ({ name: fresh("new skill"), description: "One line." }), expect: staffOnly(302) },
  { name: "add a skill without a name (400 beside the field)", method: "POST", path: () => "/skills/manage", form: () => ({ name: "", description: "" }), expect: staffOnly(400) },
  { name: "a skill's page in the bank", method: "GET", path: (fx) => skill(fx), setup: bank, expect: staffOnly(200) },
  { name: "a skill that does not exist", method: "GET", path: () => "/skills/manage/999999", expect: staffOnly(404) },
  { name: "edit a skill", method: "POST", path: (fx) => skill(fx), setup: bank, form: () => ({ name: fresh("renamed skill"), description: "Changed." }), expect: staffOnly(302) },
  { name: "the confirmation page before retiring a skill", method: "GET", path: (fx) => skill(fx, "/retire"), setup: bank, expect: staffOnly(200) },
  { name: "retire a skill", method: "POST", path: (fx) => skill(fx, "/retire"), setup: bank, form: () => ({ intent: "retire" }), expect: staffOnly(302) },
  { name: "the add-a-question page", method: "GET", path: (fx) => skill(fx, "/questions/new"), setup: bank, expect: staffOnly(200) },
  { name: "add a question", method: "POST", path: (fx) => skill(fx, "/questions/new"), setup: bank, form: () => questionForm(`${fresh("question")}?`), expect: staffOnly(302) },
  { name: "a question's edit page", method: "GET", path: (fx) => question(fx), setup: bank, expect: staffOnly(200) },
  { name: "a question through another skill (404)", method: "GET", path: (fx) => `/skills/manage/${String(fx.otherSkillId)}/questions/${String(fx.questionId)}`, setup: bank, expect: staffOnly(404) },
  { name: "edit a question", method: "POST", path: (fx) => question(fx), setup: bank, form: () => questionForm("Matrix question, edited?"), expect: staffOnly(302) },
  { name: "retire a question", method: "POST", path: (fx) => question(fx, "/retire"), setup: bank, form: () => ({ intent: "retire" }), expect: staffOnly(302) },
  { name: "a GET of a question's retire address (to the question)", method: "GET", path: (fx) => question(fx, "/retire"), setup: bank, expect: staffOnly(302) },
  { name: "the import page", method: "GET", path: (fx) => skill(fx, "/import"), setup: bank, expect: staffOnly(200) },
  { name: "an import without a file (400 beside the field)", method: "POST", path: (fx) => skill(fx, "/import"), setup: bank, form: () => ({}), expect: staffOnly(400) },
];
