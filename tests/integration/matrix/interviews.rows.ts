/**
 * The daily interview (issue 19, items 2 to 5). In each row the owner has started today's
 * interview and answered its first question. Everyone reads /interviews; every member starts
 * their own; only the owner reads, answers, skips and asks for a review of their interview's
 * questions: for anyone else they do not exist (404), because the member is in the query's WHERE.
 */
import type { Ctx } from "../../../db/client";
import { answerQuestion, startInterview } from "../../../app/modules/interviews/interviews.server";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = (status: number) => ({ ...signedIn(404), owner: status });

/** The owner's interview today (UTC), its first question answered. */
async function started(ctx: Ctx, fx: MatrixFixtures) {
  const outcome = await startInterview(ctx, fx.owner.id, { category: "behavioral", lang: "en", zone: "UTC" });
  if (outcome.kind !== "started") throw new Error(outcome.kind);
  const answered = await answerQuestion(ctx, fx.owner.id, outcome.interviewId, 1, "I owned the release and shipped it on time.");
  if (answered.kind !== "answered") throw new Error(answered.kind);
  return { interviewId: outcome.interviewId };
}

const question = (n: number) => (fx: MatrixFixtures) => `/interviews/${String(fx.interviewId)}/q/${n}`;

export const rows: MatrixRow[] = [
  { name: "today's interview", method: "GET", path: () => "/interviews", setup: started, expect: everyone(200) },
  { name: "start today's interview (each member their own)", method: "POST", path: () => "/interviews", setup: started, form: () => ({ category: "sales" }), expect: signedIn(302) },
  { name: "an answered interview question (only its member)", method: "GET", path: question(1), setup: started, expect: ownerOnly(200) },
  { name: "an open interview question (only its member)", method: "GET", path: question(2), setup: started, expect: ownerOnly(200) },
  {
    name: "answer an interview question (only its member; the page comes back with the feedback)",
    method: "POST",
    path: question(2),
    setup: started,
    form: () => ({ intent: "answer", answer: "We cut the backlog by half in a month." }),
    expect: ownerOnly(200),
  },
  { name: "answer an interview question with nothing (400 for its member)", method: "POST", path: question(2), setup: started, form: () => ({ intent: "answer", answer: " " }), expect: ownerOnly(400) },
  { name: "skip an interview question (only its member; to the next question)", method: "POST", path: question(2), setup: started, form: () => ({ intent: "skip" }), expect: ownerOnly(302) },
  { name: "review an answer again (only its member)", method: "POST", path: question(1), setup: started, form: () => ({ intent: "review" }), expect: ownerOnly(200) },
  { name: "an interview question out of range (404 for everyone)", method: "GET", path: question(9), setup: started, expect: signedIn(404) },
];
