/**
 * Archive cards (issue 18): the owner is a plain member who posted a job; `other` lets recruiters
 * find them. Only the job's poster and staff (career team, admins) archive `other` from that job;
 * only the recruiter who archived a card (the owner here) and admins read, delete or export it.
 * Everyone else gets 404 (neither the job's candidates nor the card are revealed).
 */
import type { Ctx } from "../../../db/client";
import { makeCard, makeFindable } from "../../support/archive";
import { makePostedJob } from "../../support/hiring";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
/** The job's poster and staff get `status`; every other signed-in member 404. */
const managers = (status: number) => ({ ...signedIn(404), owner: status, career_team: status, admin: status });
/** The recruiter who archived the card and admins get `status`; everyone else signed in 404. */
const readers = (status: number) => ({ ...signedIn(404), owner: status, admin: status });

async function ownersJob(ctx: Ctx, fx: MatrixFixtures) {
  const job = await makePostedJob(ctx, fx.owner.id, { title: "Matrix Analyst" });
  await makeFindable(ctx, fx.other.id);
  const cardId = await makeCard(ctx, { recruiterId: fx.owner.id, memberId: fx.other.id, job, name: "Other Member", email: fx.other.email });
  return { archivePath: `/hiring/${job.feed}/${job.jobId}/candidates/${fx.other.id}/archive`, cardPath: `/hiring/archive/${cardId}` };
}

export const rows: MatrixRow[] = [
  { name: "the archive form for a findable member of a job", method: "GET", path: (fx) => String(fx.archivePath), setup: ownersJob, expect: managers(200) },
  {
    name: "archive a findable member from a job (each manager writes their own card)",
    method: "POST",
    path: (fx) => String(fx.archivePath),
    setup: ownersJob,
    form: () => ({ desc: "Matrix note." }),
    expect: managers(302),
  },
  { name: "the archive (every signed-in member sees only their own cards)", method: "GET", path: () => "/hiring/archive", expect: signedIn(200) },
  { name: "the archive as CSV (every signed-in member gets only their own cards)", method: "GET", path: () => "/hiring/archive.csv", expect: signedIn(200) },
  { name: "one archive card", method: "GET", path: (fx) => String(fx.cardPath), setup: ownersJob, expect: readers(200) },
  { name: "an unknown archive card", method: "GET", path: () => "/hiring/archive/999999", expect: signedIn(404) },
  { name: "the delete page of an archive card", method: "GET", path: (fx) => `${String(fx.cardPath)}/delete`, setup: ownersJob, expect: readers(200) },
  {
    // The owner goes first and deletes it; an admin after them finds nothing (404).
    name: "delete an archive card",
    method: "POST",
    path: (fx) => `${String(fx.cardPath)}/delete`,
    setup: ownersJob,
    expect: { ...signedIn(404), owner: 302 },
  },
];
