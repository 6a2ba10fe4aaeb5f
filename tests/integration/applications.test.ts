/**
 * Applying with a CV, the applicant's own applications, withdrawing and the CV download, through
 * the real app on both databases (issue 5, items 4 and 5).
 */
import { and, eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { deleteAccount, removeAccountFiles } from "../../app/modules/profile/delete-account.server";
import { listMyApplications } from "../../app/modules/jobs/applications.server";
import { CV_MESSAGES, MAX_CV_BYTES } from "../../app/modules/jobs/cv";
import { appClient, createMember, textOf, type Member } from "../support/app";
import { applicationIdOf, applicationRow, applicationRowCounts, applyForm, applyTo, postJob, storedCvFiles } from "../support/applications";
import { docxBytes, ELF_CV, EXE_CV, pdfBytes, TEXT_CV } from "../support/cv-files";
import { describeEachDatabase } from "../support/db";
import type { Ctx } from "../../db/client";

const CHOOSE_AGAIN = "Choose your CV file again";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function signedIn(ctx: Ctx, member: Member) {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function setup(ctx: Ctx) {
  const poster = await createMember(ctx, { name: "Omar Poster" });
  const applicant = await createMember(ctx, { name: "Amal Haddad" });
  const job = await postJob(ctx, { posterId: poster.id });
  return { poster, applicant, job, browser: await signedIn(ctx, applicant) };
}

describeEachDatabase("Applying to a job posted in Ladder", (db) => {
  it("the form is prefilled with the member's name and account email", async () => {
    const { job, applicant, browser } = await setup(db.ctx);
    const page = await browser.get(`${job.path}/apply`);
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/<form[^>]*enctype="multipart\/form-data"/i);
    expect(page.html).toContain(`value="${applicant.email}"`);
    expect(page.html).toContain('value="Amal Haddad"');
  });

  it("a visitor is sent to sign in and brought back to the form", async () => {
    const { job } = await setup(db.ctx);
    const visitor = await appClient(db.ctx);
    const res = await visitor.get(`${job.path}/apply`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/login?redirectTo=${encodeURIComponent(`${job.path}/apply`)}`);
  });

  it("an application with a PDF stores the file, the application, the applicant row, the upload row and tells the poster", async () => {
    const { job, applicant, poster, browser } = await setup(db.ctx);
    const before = storedCvFiles();
    const res = await applyTo(browser, job);
    expect(res.status).toBe(302);
    const id = applicationIdOf(res);
    const app = await applicationRow(db.ctx, id);
    expect(app).toMatchObject({ jobId: job.jobId, name: "Amal Haddad", email: "amal.contact@example.com", status: "pending", withdrawn: false, cvFileUrl: `/applications/${id}/cv` });
    expect(app.coverLetter).toBe("I would like to join your team.\nI have three years of SQL.");
    const [applicantRow] = await db.ctx.db.select().from(db.ctx.t.job_applicants).where(eq(db.ctx.t.job_applicants.application_id, id));
    expect(applicantRow).toMatchObject({ user_id: applicant.id, feed: "general", job_id: job.jobId, live: true });
    const uploads = await db.ctx.db.select().from(db.ctx.t.uploads);
    expect(uploads).toEqual([expect.objectContaining({ userEmail: applicant.email, fileType: "cv", fileUrl: `cv-${id.replace(/-/g, "")}.pdf` })]);
    expect(storedCvFiles().filter((f) => !before.includes(f))).toEqual([`cv-${id.replace(/-/g, "")}.pdf`]);
    const notes = await db.ctx.db.select().from(db.ctx.t.notification).where(eq(db.ctx.t.notification.user_id, poster.id));
    expect(notes).toEqual([expect.objectContaining({ type: null, title: `New application for ${job.title}` })]);

    const shown = await browser.get(`/applications/${id}`);
    expect(shown.status).toBe(200);
    const text = textOf(shown.html);
    expect(text).toContain("Your application to");
    expect(text).toContain(job.title);
    expect(text).toContain("Pending");
    expect(shown.html).toContain(`href="/applications/${id}/cv"`);
  });

  it("a DOCX is accepted and downloads as a Word document", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job, { cv: { bytes: docxBytes(), name: "cv.docx" } }));
    const cv = await browser.get(`/applications/${id}/cv`);
    expect(cv.status).toBe(200);
    expect(cv.headers.get("Content-Type")).toBe(DOCX);
    expect(cv.headers.get("Content-Disposition")).toBe('attachment; filename="cv-amal-haddad.docx"');
  });

  const refusals: [string, () => Parameters<typeof applyForm>[0], string][] = [
    ["a Windows program renamed cv.pdf", () => ({ cv: { bytes: EXE_CV, name: "cv.pdf", type: "application/pdf" } }), CV_MESSAGES.program],
    ["a Linux program renamed cv.docx", () => ({ cv: { bytes: ELF_CV, name: "cv.docx" } }), CV_MESSAGES.program],
    ["a text file", () => ({ cv: { bytes: TEXT_CV, name: "cv.txt", type: "text/plain" } }), CV_MESSAGES.wrongType],
    ["an empty file", () => ({ cv: { bytes: new Uint8Array(), name: "cv.pdf" } }), CV_MESSAGES.empty],
    ["a PDF over 5 MB", () => ({ cv: { bytes: Buffer.concat([pdfBytes(), Buffer.alloc(MAX_CV_BYTES)]), name: "cv.pdf" } }), CV_MESSAGES.tooLarge],
    ["no file at all", () => ({ cv: null }), CV_MESSAGES.missing],
  ];
  for (const [what, fields, message] of refusals) {
    it(`${what} is refused beside the CV field with the typed values kept, and nothing is stored`, async () => {
      const { job, browser } = await setup(db.ctx);
      const before = storedCvFiles();
      const res = await applyTo(browser, job, { ...fields(), coverLetter: "My letter, kept & shown again", email: "other.contact@example.com" });
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain(message);
      expect(res.html).toContain('id="cv-error"');
      expect(textOf(res.html)).toContain("My letter, kept & shown again");
      expect(res.html).toContain('value="other.contact@example.com"');
      expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 0, applicants: 0, uploads: 0, cvUploads: 0 });
      expect(storedCvFiles()).toEqual(before);
    });
  }

  it("a body declared far larger than any CV is refused unread (413) and stores nothing", async () => {
    const { job, browser } = await setup(db.ctx);
    const before = storedCvFiles();
    const res = await browser.post(`${job.path}/apply`, applyForm(), { headers: { "Content-Length": String(100 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(textOf(res.html)).toContain(CV_MESSAGES.tooLarge);
    expect(textOf(res.html)).toContain("paste it again");
    expect(await applicationRowCounts(db.ctx)).toMatchObject({ applications: 0, uploads: 0 });
    expect(storedCvFiles()).toEqual(before);
  });

  it("a missing or over-long cover letter and a bad email are refused with a good PDF, and the page says to choose the file again", async () => {
    const { job, browser } = await setup(db.ctx);
    const before = storedCvFiles();
    const res = await applyTo(browser, job, { coverLetter: "x".repeat(10_001), email: "not-an-email", name: "  " });
    expect(res.status).toBe(400);
    const text = textOf(res.html);
    expect(text).toContain("Your cover letter is too long: at most 10,000 characters.");
    expect(text).toContain("Enter an email address like name@example.com.");
    expect(text).toContain("Enter your name.");
    expect(text).toContain(CHOOSE_AGAIN);
    expect(await applicationRowCounts(db.ctx)).toMatchObject({ applications: 0, uploads: 0 });
    expect(storedCvFiles()).toEqual(before);
    const empty = await applyTo(browser, job, { coverLetter: "   " });
    expect(textOf(empty.html)).toContain("Write a cover letter");
  });

  it("a form without the CSRF token is refused and stores nothing", async () => {
    const { job, browser } = await setup(db.ctx);
    const res = await browser.post(`${job.path}/apply`, applyForm(), { csrf: false });
    expect(res.status).toBe(403);
    expect(await applicationRowCounts(db.ctx)).toMatchObject({ applications: 0, uploads: 0 });
  });

  it("after 30 attempts in an hour the 31st is refused with 429 and Retry-After, and stores nothing", async () => {
    const { job, browser } = await setup(db.ctx);
    for (let i = 0; i < 30; i++) expect((await browser.post(`${job.path}/apply`, { name: "A", email: "a@example.com", coverLetter: "Hi" })).status).toBe(400);
    const limited = await applyTo(browser, job);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(textOf(limited.html)).toContain("You have sent many applications in the last hour.");
    expect(await applicationRowCounts(db.ctx)).toMatchObject({ applications: 0, uploads: 0 });
  });

  it("a second application to the same job is refused with a link to the first, and its file is not kept", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    const files = storedCvFiles();
    const again = await applyTo(browser, job);
    expect(again.status).toBe(409);
    expect(textOf(again.html)).toContain("You already applied to this job.");
    expect(again.html).toContain(`href="/applications/${id}"`);
    expect(storedCvFiles()).toEqual(files);
    expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 1, applicants: 1, uploads: 1, cvUploads: 1 });
    const form = await browser.get(`${job.path}/apply`);
    expect(textOf(form.html)).toContain("You already applied to this job.");
    expect(form.html).not.toContain('name="coverLetter"');
  });

  it("withdrawing asks for confirmation, marks the application withdrawn, and lets the member apply again", async () => {
    const { job, applicant, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    const confirm = await browser.get(`/applications/${id}/withdraw`);
    expect(confirm.status).toBe(200);
    expect(textOf(confirm.html)).toContain(`Withdraw your application to ${job.title} ?`);
    expect(confirm.html).toContain("Keep my application");
    expect((await applicationRow(db.ctx, id)).withdrawn).toBe(false);

    const res = await browser.post(`/applications/${id}/withdraw`);
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/applications/${id}`);
    expect((await applicationRow(db.ctx, id)).withdrawn).toBe(true);
    const A = db.ctx.t.job_applicants;
    expect((await db.ctx.db.select({ live: A.live }).from(A).where(eq(A.application_id, id)))[0].live).toBe(false);
    expect(textOf((await browser.get(`/applications/${id}`)).html)).toContain("Withdrawn (was pending)");

    const again = await applyTo(browser, job);
    const second = applicationIdOf(again);
    expect(second).not.toBe(id);
    const live = await db.ctx.db.select({ id: A.application_id }).from(A).where(and(eq(A.user_id, applicant.id), eq(A.live, true)));
    expect(live).toEqual([{ id: second }]);
  });

  it("an application that is already withdrawn, hired or rejected cannot be withdrawn (again)", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    await db.ctx.db.update(db.ctx.t.job_applications).set({ status: "hired" }).where(eq(db.ctx.t.job_applications.id, id));
    const page = await browser.get(`/applications/${id}/withdraw`);
    expect(textOf(page.html)).toContain("This application cannot be withdrawn");
    const res = await browser.post(`/applications/${id}/withdraw`);
    expect(res.status).toBe(302);
    expect((await applicationRow(db.ctx, id)).withdrawn).toBe(false);
    expect((await browser.get(`/applications/${id}`)).html).not.toContain(`/applications/${id}/withdraw`);
  });

  it("another member gets 404 for the application, its withdraw page and POST, and changes nothing", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    const stranger = await signedIn(db.ctx, await createMember(db.ctx));
    expect((await stranger.get(`/applications/${id}`)).status).toBe(404);
    expect((await stranger.get(`/applications/${id}/withdraw`)).status).toBe(404);
    expect((await stranger.post(`/applications/${id}/withdraw`)).status).toBe(404);
    expect((await applicationRow(db.ctx, id)).withdrawn).toBe(false);
    expect((await stranger.get("/applications/not-a-uuid")).status).toBe(404);
    expect(textOf((await stranger.get("/applications")).html)).toContain("You have not applied to any job yet.");
  });

  it("closed jobs answer 410, pending ones 404, external ones 404 pointing at the job page, unknown ones 404", async () => {
    const { poster, browser } = await setup(db.ctx);
    const closed = await postJob(db.ctx, { posterId: poster.id, status: "closed" });
    const pending = await postJob(db.ctx, { posterId: poster.id, status: "pending" });
    const external = await postJob(db.ctx, { external: true });
    const closedRes = await browser.get(`${closed.path}/apply`);
    expect(closedRes.status).toBe(410);
    expect(textOf(closedRes.html)).toContain("is closed and no longer takes applications");
    expect((await applyTo(browser, closed)).status).toBe(410);
    expect((await browser.get(`${pending.path}/apply`)).status).toBe(404);
    expect((await applyTo(browser, pending)).status).toBe(404);
    const externalRes = await browser.get(`${external.path}/apply`);
    expect(externalRes.status).toBe(404);
    expect(textOf(externalRes.html)).toContain("employer’s own site");
    expect(externalRes.html).toContain(`href="${external.path}"`);
    expect((await browser.get("/jobs/general/no-such-job/apply")).status).toBe(404);
    expect((await browser.get("/jobs/nowhere/x/apply")).status).toBe(404);
    expect(await applicationRowCounts(db.ctx)).toMatchObject({ applications: 0, uploads: 0 });
  });

  it("the CV downloads as an attachment for the applicant, the poster, career team and admins, and is 404 for everyone else", async () => {
    const { job, poster, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    const expectCv = async (client: Awaited<ReturnType<typeof appClient>>) => {
      const res = await client.get(`/applications/${id}/cv`);
      expect(res.status).toBe(200);
      expect(res.headers.get("Content-Type")).toBe("application/pdf");
      expect(res.headers.get("Content-Disposition")).toBe('attachment; filename="cv-amal-haddad.pdf"');
      expect(res.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(res.headers.get("Cache-Control")).toBe("private, no-store");
      expect(res.html.startsWith("%PDF-1.4")).toBe(true);
    };
    await expectCv(browser);
    await expectCv(await signedIn(db.ctx, poster));
    await expectCv(await signedIn(db.ctx, await createMember(db.ctx, { role: "career_team" })));
    await expectCv(await signedIn(db.ctx, await createMember(db.ctx, { role: "admin" })));
    for (const role of ["user", "recruiter", "moderator"] as const) {
      const res = await (await signedIn(db.ctx, await createMember(db.ctx, { role }))).get(`/applications/${id}/cv`);
      expect(res.status, role).toBe(404);
      expect(res.html).not.toContain("%PDF");
    }
    // A recruiter who posted ANOTHER job is not this job's poster.
    const otherPoster = await createMember(db.ctx, { role: "recruiter" });
    await postJob(db.ctx, { posterId: otherPoster.id });
    expect((await (await signedIn(db.ctx, otherPoster)).get(`/applications/${id}/cv`)).status).toBe(404);
    const visitor = await appClient(db.ctx);
    const anon = await visitor.get(`/applications/${id}/cv`);
    expect(anon.status).toBe(302);
    expect(anon.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("the poster of the same job id in ANOTHER feed cannot download the CV", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    const twin = await createMember(db.ctx);
    const { feedTable } = await import("../../app/modules/jobs/jobs.server");
    await db.ctx.db.insert(feedTable(db.ctx, "remote")).values({ job_id: job.jobId, job_title: "Twin", posted_by: "alumni", posted_by_user_id: twin.id, created_at: new Date() });
    expect((await (await signedIn(db.ctx, twin)).get(`/applications/${id}/cv`)).status).toBe(404);
  });

  it("an application without a CV (older data) answers 404 at its CV address", async () => {
    const { job, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    await db.ctx.db.update(db.ctx.t.job_applications).set({ cvFileUrl: null }).where(eq(db.ctx.t.job_applications.id, id));
    expect((await browser.get(`/applications/${id}/cv`)).status).toBe(404);
    expect(textOf((await browser.get(`/applications/${id}`)).html)).toContain("No CV is attached to this application.");
  });

  it("/applications lists the member's applications newest first with the job, status and next interview, in pages", async () => {
    const { poster, applicant, browser } = await setup(db.ctx);
    const jobs = [];
    for (let i = 0; i < 3; i++) jobs.push(await postJob(db.ctx, { posterId: poster.id, feed: (["general", "remote", "part-time"] as const)[i], title: `Job number ${i}` }));
    const ids: string[] = [];
    for (const job of jobs) ids.push(applicationIdOf(await applyTo(browser, job)));
    await db.ctx.db.insert(db.ctx.t.interview_rounds).values({
      applicationId: ids[1],
      roundNumber: 1,
      roundType: "phone_screening",
      status: "scheduled",
      scheduledDate: new Date("2031-03-04T09:30:00Z"),
    });
    const list = await browser.get("/applications");
    const text = textOf(list.html);
    expect(text.indexOf("Job number 2")).toBeLessThan(text.indexOf("Job number 1"));
    expect(text.indexOf("Job number 1")).toBeLessThan(text.indexOf("Job number 0"));
    expect(text).toContain("Next interview: Round 1, Phone screening: Tuesday 4 March 2031, 09:30 UTC");

    const first = await listMyApplications(db.ctx, applicant.id, undefined, 2);
    expect(first.items.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    expect(first.items.map((a) => a.title)).toEqual(["Job number 2", "Job number 1"]);
    const second = await listMyApplications(db.ctx, applicant.id, first.next!, 2);
    expect(second.items.map((a) => a.id)).toEqual([ids[0]]);
    expect(second.next).toBeNull();
    expect((await browser.get("/applications?cursor=forged.cursor")).status).toBe(400);
  });

  it("interview times are shown in the member's saved time zone, with the zone named", async () => {
    const { job, applicant, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job));
    await db.ctx.db.insert(db.ctx.t.member_settings).values({ user_id: applicant.id, time_zone: "Africa/Cairo" });
    await db.ctx.db.insert(db.ctx.t.interview_rounds).values({ applicationId: id, roundNumber: 1, roundType: "hr", status: "scheduled", scheduledDate: new Date("2031-01-14T09:00:00Z") });
    const text = textOf((await browser.get(`/applications/${id}`)).html);
    expect(text).toContain("Round 1: HR interview · Scheduled");
    expect(text).toContain("Tuesday 14 January 2031, 11:00 Africa/Cairo (GMT+2)");
  });

  it("deleting the account removes the applications and their CV files, also when the contact email differs", async () => {
    const { job, applicant, browser } = await setup(db.ctx);
    const id = applicationIdOf(await applyTo(browser, job, { email: "someone.else@example.com" }));
    const key = `cv-${id.replace(/-/g, "")}.pdf`;
    expect(storedCvFiles()).toContain(key);
    const result = await deleteAccount(db.ctx, applicant.id);
    expect(result.deleted).toBe(true);
    if (!result.deleted) return;
    expect(result.fileUrls).toContain(key);
    await removeAccountFiles(result.fileUrls);
    expect(storedCvFiles()).not.toContain(key);
    expect(await applicationRowCounts(db.ctx)).toEqual({ applications: 0, applicants: 0, uploads: 0, cvUploads: 0 });
  });
});
