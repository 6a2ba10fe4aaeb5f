/**
 * On PostgreSQL, ten applications to the same job sent at once by the same member (a double
 * click, a script) leave exactly one application, one applicant row, one upload row and one
 * stored file: the partial unique index refuses the rest, and their files are deleted again.
 */
import { expect, it } from "vitest";
import { applyTarget, submitApplication } from "../../app/modules/jobs/applications.server";
import { diskStorage, type Storage } from "../../app/services/storage.server";
import type { Ctx } from "../../db/client";
import { appClient, createMember } from "../support/app";
import { applicationIdOf, applicationRowCounts, applyTo, postJob, storedCvFiles } from "../support/applications";
import { pdfBytes } from "../support/cv-files";
import { describeEachDatabase, describePostgres } from "../support/db";

describeEachDatabase("An application that loses the race after its file is stored", (db) => {
  it("is refused as 'already applied' by the unique index, and its stored file is deleted again", async () => {
    const poster = await createMember(db.ctx);
    const applicant = await createMember(db.ctx);
    const job = await postJob(db.ctx, { posterId: poster.id });
    const target = await applyTarget(db.ctx, job.feed, job.jobId);
    if (!target.ok) throw new Error("the job should take applications");
    const disk = diskStorage(process.env.UPLOADS_DIR!);
    let winner: string | null = null;
    // The other request lands between this one's check and its transaction.
    const store: Storage = {
      ...disk,
      put: async (key, bytes, type) => {
        await disk.put(key, bytes, type);
        const won = await submitApplication(db.ctx, submission(applicant, target), disk);
        if (won.ok) winner = won.id;
      },
    };
    const before = storedCvFiles();
    const outcome = await submitApplication(db.ctx, submission(applicant, target), store);
    expect(winner).not.toBeNull();
    expect(outcome).toEqual({ ok: false, reason: "already", applicationId: winner });
    expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 1, applicants: 1, uploads: 1, cvUploads: 1 });
    expect(storedCvFiles().filter((f) => !before.includes(f))).toEqual([`cv-${winner!.replace(/-/g, "")}.pdf`]);
  });
});

function submission(member: { id: string; email: string }, target: Extract<Awaited<ReturnType<typeof applyTarget>>, { ok: true }>) {
  return {
    userId: member.id,
    accountEmail: member.email,
    target,
    input: { name: "Amal", email: "amal@example.com", coverLetter: "Hello" },
    cv: { bytes: new Uint8Array(pdfBytes()), kind: "pdf" as const },
  };
}

function raceBody(db: { readonly ctx: Ctx }) {
  it("ten concurrent applications by one member to one job leave exactly one application and one stored CV", async () => {
    const poster = await createMember(db.ctx);
    const applicant = await createMember(db.ctx);
    const job = await postJob(db.ctx, { posterId: poster.id });
    const before = storedCvFiles();
    // Ten browsers of the same member (ten sessions), each with its own CSRF token, all at once.
    const browsers = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const browser = await appClient(db.ctx);
        await browser.signIn(applicant);
        await browser.csrfToken();
        return browser;
      }),
    );
    const responses = await Promise.all(browsers.map((browser) => applyTo(browser, job)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([302, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const id = applicationIdOf(responses.find((r) => r.status === 302)!);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.html).toContain(`href="/applications/${id}"`);
    expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 1, applicants: 1, uploads: 1, cvUploads: 1 });
    expect(storedCvFiles().filter((f) => !before.includes(f))).toEqual([`cv-${id.replace(/-/g, "")}.pdf`]);
  });
}

describePostgres("Concurrent applications on a pool of 25", raceBody, { poolSize: 25 });
// The same race on SQLite too (PostgreSQL ran it above, on its larger pool).
describeEachDatabase("Concurrent applications", raceBody, { dialects: ["sqlite"] });
