/**
 * Candidate matching (issue 18): a job's candidates are seen only by its poster (the owner, a
 * plain member here) and staff; everyone else, another recruiter included, gets 404 (the job is
 * not revealed). /settings/candidates is each member's own: every signed-in member reads and
 * saves only their own settings, so every one of them gets the same answer.
 */
import type { Ctx } from "../../../db/client";
import { makePostedJob } from "../../support/hiring";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const managers = (status: number) => ({ ...signedIn(404), owner: status, career_team: status, admin: status });

async function ownersJob(ctx: Ctx, fx: MatrixFixtures) {
  const job = await makePostedJob(ctx, fx.owner.id, { title: "Matrix Analyst" });
  // `other` lets recruiters find them, so the list is not empty.
  await ctx.db.insert(ctx.t.candidate_settings).values({ user_id: fx.other.id, findable: true, city: "Cairo", match_terms: " h:analyst c:cairo " });
  return { candidatesPath: `/hiring/${job.feed}/${job.jobId}/candidates` };
}

export const rows: MatrixRow[] = [
  { name: "a job's candidates", method: "GET", path: (fx) => String(fx.candidatesPath), setup: ownersJob, expect: managers(200) },
  { name: "an unknown job's candidates", method: "GET", path: () => "/hiring/general/ladder-nosuchjob/candidates", expect: signedIn(404) },
  { name: "your verified skills and recruiter settings", method: "GET", path: () => "/settings/candidates", expect: signedIn(200) },
  {
    name: "save your own recruiter settings (find me off, a city)",
    method: "POST",
    path: () => "/settings/candidates",
    form: () => ({ city: "Amman" }),
    expect: signedIn(302),
  },
  {
    name: "save recruiter settings with a city over 100 characters",
    method: "POST",
    path: () => "/settings/candidates",
    form: () => ({ city: "C".repeat(101) }),
    expect: signedIn(400),
  },
];
