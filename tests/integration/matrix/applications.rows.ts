/**
 * Applications: the owner is the applicant. Only they read their applications and withdraw them;
 * everyone else gets 404 (the application's existence is not revealed), visitors sign in. The CV
 * download is also open to career team and admins; the job's poster is not a matrix actor (the
 * `recruiter` here posted nothing), so tests/integration/applications.test.ts proves the poster's
 * access.
 */
import { applyTarget, submitApplication } from "../../../app/modules/jobs/applications.server";
import type { Ctx } from "../../../db/client";
import { createMember } from "../../support/app";
import { postJob } from "../../support/applications";
import { pdfBytes } from "../../support/cv-files";
import type { MatrixFixtures, MatrixRow } from "../route-matrix";

const everyone = (status: number) =>
  ({ anonymous: status, owner: status, other: status, user: status, recruiter: status, career_team: status, moderator: status, admin: status }) as const;
const signedIn = (status: number) => ({ ...everyone(status), anonymous: "login" as const });
const ownerOnly = { ...signedIn(404), owner: 200 };

/** A job posted by a poster made here, and the owner's application to it with a PDF CV. */
async function ownersApplication(ctx: Ctx, fx: MatrixFixtures) {
  const poster = await createMember(ctx, { name: "Matrix Poster" });
  const job = await postJob(ctx, { posterId: poster.id });
  const target = await applyTarget(ctx, job.feed, job.jobId);
  if (!target.ok) throw new Error("the matrix job should take applications");
  const outcome = await submitApplication(ctx, {
    userId: fx.owner.id,
    accountEmail: fx.owner.email,
    target,
    input: { name: "Matrix Owner", email: fx.owner.email, coverLetter: "Matrix letter" },
    cv: { bytes: new Uint8Array(pdfBytes()), kind: "pdf" },
  });
  if (!outcome.ok) throw new Error("the matrix application should be sent");
  return { applicationId: outcome.id, jobPath: job.path };
}

export const rows: MatrixRow[] = [
  { name: "your applications", method: "GET", path: () => "/applications", expect: signedIn(200) },
  { name: "the owner's application", method: "GET", path: (fx) => `/applications/${fx.applicationId}`, setup: ownersApplication, expect: ownerOnly },
  {
    name: "the withdraw confirmation of the owner's application",
    method: "GET",
    path: (fx) => `/applications/${fx.applicationId}/withdraw`,
    setup: ownersApplication,
    expect: ownerOnly,
  },
  {
    // The owner comes second: the others try before and after the owner withdraws; neither is theirs.
    name: "withdraw the owner's application",
    method: "POST",
    path: (fx) => `/applications/${fx.applicationId}/withdraw`,
    setup: ownersApplication,
    form: () => ({}),
    expect: { ...signedIn(404), owner: 302 },
  },
  {
    name: "download the owner's CV (the applicant, career team and admins)",
    method: "GET",
    path: (fx) => `/applications/${fx.applicationId}/cv`,
    setup: ownersApplication,
    expect: { ...signedIn(404), owner: 200, career_team: 200, admin: 200 },
  },
  {
    name: "the apply form of a listed Ladder job",
    method: "GET",
    path: (fx) => `${fx.jobPath}/apply`,
    setup: async (ctx) => ({ jobPath: (await postJob(ctx, { posterId: (await createMember(ctx)).id })).path }),
    expect: signedIn(200),
  },
  {
    // Without a CV the form is refused (400) for everyone signed in; nothing is stored.
    name: "apply without a CV",
    method: "POST",
    path: (fx) => `${fx.jobPath}/apply`,
    setup: async (ctx) => ({ jobPath: (await postJob(ctx, { posterId: (await createMember(ctx)).id })).path }),
    form: () => ({ name: "A", email: "a@example.com", coverLetter: "Hello" }),
    expect: signedIn(400),
  },
  {
    name: "the apply form of a closed job",
    method: "GET",
    path: (fx) => `${fx.jobPath}/apply`,
    setup: async (ctx) => ({ jobPath: (await postJob(ctx, { posterId: (await createMember(ctx)).id, status: "closed" })).path }),
    expect: signedIn(410),
  },
  {
    name: "the apply form of an imported job (applications go to the employer's site)",
    method: "GET",
    path: (fx) => `${fx.jobPath}/apply`,
    setup: async (ctx) => ({ jobPath: (await postJob(ctx, { external: true })).path }),
    expect: signedIn(404),
  },
];
