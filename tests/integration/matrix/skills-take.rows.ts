/**
 * Taking skill tests (issue 18, items 1 to 3). In each row the owner has an open draw of a skill
 * and a graded attempt at it. Everyone reads /skills; every member opens a test's first page and
 * starts their own draw; only the owner reads, answers and submits their draw and reads their
 * attempt: for anyone else they do not exist (404), because the member is in the query's WHERE.
 */
import type { Ctx } from "../../../db/client";
import { startTest, submitTest } from "../../../app/modules/skills/tests.server";
import { answersFor, drawOf, makeSkillBank } from "../../support/skill-tests";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

/** A skill, the owner's graded attempt at it, and the owner's open draw with its right answers. */
async function taken(ctx: Ctx, fx: MatrixFixtures) {
  const bank = await makeSkillBank(ctx, { name: "Matrix skill" });
  const first = await startTest(ctx, fx.owner.id, bank.skillId);
  if (first.kind !== "started") throw new Error(first.kind);
  const firstDraw = (await drawOf(ctx, first.drawId))!;
  const graded = await submitTest(ctx, fx.owner.id, bank.skillId, first.drawId, answersFor(firstDraw.questions, 8), false);
  if (graded.kind !== "graded") throw new Error(graded.kind);
  const open = await startTest(ctx, fx.owner.id, bank.skillId);
  if (open.kind !== "started") throw new Error(open.kind);
  const draw = (await drawOf(ctx, open.drawId))!;
  return { skillId: bank.skillId, drawId: open.drawId, attemptId: graded.attemptId, answers: Object.fromEntries(answersFor(draw.questions, 10)) };
}

const test = (fx: MatrixFixtures) => `/skills/${String(fx.skillId)}/test`;
const drawPage = (fx: MatrixFixtures) => `${test(fx)}?draw=${String(fx.drawId)}`;
const submit = (fx: MatrixFixtures, answers: Record<string, string>) => ({ intent: "submit", draw: String(fx.drawId), ...answers });

export const rows: MatrixRow[] = [
  { name: "the skills list", method: "GET", path: () => "/skills", setup: taken, expect: everyone(200) },
  { name: "a skill test's first page", method: "GET", path: test, setup: taken, expect: signedIn(200) },
  { name: "start a skill test (each member their own draw)", method: "POST", path: test, setup: taken, form: () => ({ intent: "start" }), expect: signedIn(302) },
  { name: "a drawn skill test (only its member)", method: "GET", path: drawPage, setup: taken, expect: ownerOnly(200) },
  {
    name: "submit a drawn skill test (only its member; graded, to the result)",
    method: "POST",
    path: drawPage,
    setup: taken,
    form: (fx) => submit(fx, fx.answers as Record<string, string>),
    expect: ownerOnly(302),
  },
  {
    name: "submit a drawn skill test with an option of 4 (400 for its member, nothing stored)",
    method: "POST",
    path: drawPage,
    setup: taken,
    form: (fx) => submit(fx, { ...(fx.answers as Record<string, string>), [Object.keys(fx.answers as object)[0]]: "4" }),
    expect: ownerOnly(400),
  },
  { name: "a skill test's result (only its member)", method: "GET", path: (fx) => `/skills/attempts/${String(fx.attemptId)}`, setup: taken, expect: ownerOnly(200) },
];
