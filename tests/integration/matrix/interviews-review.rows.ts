/**
 * The review stream of an interview answer (issue 19, item 3): only the member who answered may
 * stream its review; for anyone else, admins included, the answer does not exist (404), because
 * the member is in the query's WHERE. The matrix runs without an OPENAI_API_KEY: the offline
 * reviewer answers and no network is used. GET is 405 for everyone (a POST-only address).
 */
import { answeredInterview } from "../../support/interview-answers";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

const answered: MatrixRow["setup"] = async (ctx, fx) => {
  const { interviewId } = await answeredInterview(ctx, fx.owner.id, ["I led the release of a new billing page and cut support tickets by 30 percent."]);
  return { interviewId };
};
const review = (fx: MatrixFixtures, n = 1) => `/interviews/${String(fx.interviewId)}/q/${n}/review`;

export const rows: MatrixRow[] = [
  { name: "stream the review of the owner's answer (only its member)", method: "POST", path: (fx) => review(fx), setup: answered, expect: ownerOnly(200) },
  { name: "stream the review of an unanswered question of the owner's interview", method: "POST", path: (fx) => review(fx, 2), setup: answered, expect: signedIn(404) },
  { name: "the review stream read with GET", method: "GET", path: (fx) => review(fx), setup: answered, expect: everyone(405) },
];
