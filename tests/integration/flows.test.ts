/**
 * Issue 13 items 5, 6, 7 and 9 through the real app on both databases: the career team decides a
 * post on the queue or on its page, a visitor's way back to the apply form, the one-form profile,
 * notifications that link to their subject, a declined request that tells nobody, and the CV kept
 * on the profile and picked when applying (decision 027).
 */
import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import type { Ctx } from "../../db/client";
import { appClient, confirmSignUp, createMember, textOf, type AppClient, type Member } from "../support/app";
import { applicationIdOf, applicationRowCounts, applyForm, postJob } from "../support/applications";
import { docxBytes, pdfBytes, TEXT_CV } from "../support/cv-files";
import { describeEachDatabase } from "../support/db";
import { makeApplicationTo, makePostedJob } from "../support/hiring";
import { changeConnection, connect } from "../../app/modules/network/connections.server";

async function as(ctx: Ctx, member: Member): Promise<AppClient> {
  const browser = await appClient(ctx);
  await browser.signIn(member);
  return browser;
}

async function linksOf(ctx: Ctx, userId: string) {
  const { notification: n, notification_links: l } = ctx.t;
  return ctx.db.select({ title: n.title, href: l.href }).from(n).leftJoin(l, eq(l.notification_id, n.id)).where(eq(n.user_id, userId)).orderBy(n.created_at);
}

/** The hrefs of the links inside the list of notifications. */
function notificationLinks(html: string): string[] {
  const list = /<ul aria-label="Notifications"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? "";
  return [...list.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, "&"));
}

function cvForm(bytes: Uint8Array, name = "my-cv.pdf", type = "application/pdf"): FormData {
  const form = new FormData();
  form.set("intent", "upload");
  form.set("cv", new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return form;
}

/** The upload id of the member's saved CV, as the apply form offers it. */
async function savedUploadId(ctx: Ctx, userId: string): Promise<number | null> {
  const s = ctx.t.member_settings;
  const [row] = await ctx.db.select({ id: s.cv_upload_id }).from(s).where(eq(s.user_id, userId));
  return row?.id ?? null;
}

describeEachDatabase("Career-team review on the queue and on the post's page", (db) => {
  it("the queue shows each pending post's whole description with Approve and Decline", async () => {
    const alumna = await createMember(db.ctx, { name: "Alumna" });
    const staff = await createMember(db.ctx, { role: "career_team" });
    const job = await postJob(db.ctx, { posterId: alumna.id, status: "pending", title: "Site engineer" });
    const queue = await (await as(db.ctx, staff)).get("/jobs/review");
    expect(queue.status).toBe(200);
    const text = textOf(queue.html);
    expect(text).toContain("Site engineer");
    expect(text).toContain("Analyse data.");
    expect(text).toContain("Approve “Site engineer”");
    expect(text).toContain("Decline “Site engineer”");
    expect(queue.html).toContain(`value="${job.jobId}"`);
  });

  it("staff see no Edit link on a member's post (only its poster edits) but Approve and Decline while it is pending", async () => {
    const alumna = await createMember(db.ctx, { name: "Alumna" });
    const staff = await createMember(db.ctx, { role: "career_team" });
    const job = await postJob(db.ctx, { posterId: alumna.id, status: "pending" });
    const staffPage = await (await as(db.ctx, staff)).get(job.path);
    expect(staffPage.status).toBe(200);
    expect(staffPage.html).not.toContain(`href="${job.path}/edit"`);
    expect(textOf(staffPage.html)).toContain("Review this post");
    expect(textOf(staffPage.html)).toContain("Close");
    // The link the poster sees works for the poster.
    const poster = await as(db.ctx, alumna);
    const posterPage = await poster.get(job.path);
    expect(posterPage.html).toContain(`href="${job.path}/edit"`);
    expect(textOf(posterPage.html)).not.toContain("Review this post");
    expect((await poster.get(`${job.path}/edit`)).status).toBe(200);
  });

  it("staff decline on the post's page: a missing reason comes back beside the field, a reason declines it and links the poster's notification to the post", async () => {
    const alumna = await createMember(db.ctx, { name: "Alumna" });
    const staff = await createMember(db.ctx, { role: "career_team" });
    const job = await postJob(db.ctx, { posterId: alumna.id, status: "pending" });
    const browser = await as(db.ctx, staff);
    const page = await browser.get(job.path);
    const version = /name="version" value="(\d+)"/.exec(page.html)?.[1];
    expect(version).toBeDefined();
    const fields = { intent: "decline", feed: job.feed, jobId: job.jobId, version: version!, back: "/jobs/review" };
    const empty = await browser.post(job.path, { ...fields, reason: "  " });
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain("Tell the poster why");
    const declined = await browser.post(job.path, { ...fields, reason: "Add the salary." });
    expect(declined.status).toBe(302);
    expect(declined.location).toBe("/jobs/review");
    const p = db.ctx.t.job_postings;
    expect((await db.ctx.db.select({ status: p.status }).from(p).where(eq(p.job_id, job.jobId)))[0].status).toBe("declined");
    expect(await linksOf(db.ctx, alumna.id)).toEqual([{ title: "Your job post was declined", href: job.path }]);
  });

  it("a member who is not staff cannot decide a post from its page", async () => {
    const alumna = await createMember(db.ctx);
    const job = await postJob(db.ctx, { posterId: alumna.id, status: "pending" });
    const res = await (await as(db.ctx, alumna)).post(job.path, { intent: "approve", feed: job.feed, jobId: job.jobId, version: "1" });
    expect(res.status).toBe(403);
  });
});

describeEachDatabase("A visitor keeps their place", (db) => {
  it("the job page tells a visitor to sign in or create an account, both leading back to the apply form", async () => {
    const job = await postJob(db.ctx, { posterId: (await createMember(db.ctx)).id });
    const page = await (await appClient(db.ctx)).get(job.path);
    const back = encodeURIComponent(`${job.path}/apply`);
    expect(textOf(page.html)).toContain("Sign in or create an account to apply.");
    expect(page.html).toContain(`href="/login?redirectTo=${back}"`);
    expect(page.html).toContain(`href="/signup?redirectTo=${back}"`);
    const login = await (await appClient(db.ctx)).get(`/login?redirectTo=${back}`);
    expect(login.html).toContain(`href="/signup?redirectTo=${back}"`);
  });

  it("sign-up sends the new member to the page they came from, and to their profile when the address is not Ladder's", async () => {
    const job = await postJob(db.ctx, { posterId: (await createMember(db.ctx)).id });
    const visitor = await appClient(db.ctx, { ip: "10.1.2.3" });
    const form = await visitor.get(`/signup?redirectTo=${encodeURIComponent(`${job.path}/apply`)}`);
    expect(form.html).toContain(`name="redirectTo" value="${job.path}/apply"`);
    const fields = { name: "New Person", password: "a long and fine password" };
    const email = `new-${Date.now()}@example.com`;
    const res = await visitor.post("/signup", { ...fields, email, redirectTo: `${job.path}/apply` });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/signup/confirm?email=${encodeURIComponent(email)}`);
    const confirmed = await confirmSignUp(visitor, email);
    expect(confirmed.location).toBe(`${job.path}/apply`);
    expect((await visitor.get(confirmed.location!)).status).toBe(200);

    const other = await appClient(db.ctx, { ip: "10.1.2.4" });
    const awayEmail = `away-${Date.now()}@example.com`;
    await other.post("/signup", { ...fields, email: awayEmail, redirectTo: "//evil.example/x" });
    expect((await confirmSignUp(other, awayEmail)).location).toBe("/settings/profile");
  });
});

describeEachDatabase("The profile is one form with one Save", (db) => {
  it("a refusal in one section keeps what was typed in every section and saves nothing", async () => {
    const member = await createMember(db.ctx, { name: "Before Name" });
    const browser = await as(db.ctx, member);
    const typed = { intent: "save", name: "Rania Typed", headline: "Civil engineer", phone: "call me", linkedinURL: "", FacebookURL: "", goals: "Site role in Amman", strengths: "teamwork", interests: "bridges", anonymous_username: "quiet_typed" };
    const res = await browser.post("/settings/profile", typed);
    expect(res.status).toBe(400);
    for (const value of ["Rania Typed", "Civil engineer", "call me", "Site role in Amman", "teamwork", "bridges", "quiet_typed"]) expect(res.html).toContain(`value="${value}"`);
    const { User } = db.ctx.t;
    const [row] = await db.ctx.db.select({ name: User.name, goals: User.goals }).from(User).where(eq(User.id, member.id));
    expect(row).toEqual({ name: "Before Name", goals: null });
  });

  it("one Save writes every section; a form that sends only some sections leaves the others alone", async () => {
    const member = await createMember(db.ctx);
    const browser = await as(db.ctx, member);
    const all = { intent: "save", name: "Rania Khalil", headline: "Engineer", phone: "", linkedinURL: "", FacebookURL: "", goals: "Site role", strengths: "teamwork", interests: "bridges", anonymous_username: "rania_saves", anonymous_avatar: "owl" };
    const res = await browser.post("/settings/profile", all);
    expect(res.status).toBe(302);
    const { User } = db.ctx.t;
    const read = async () => (await db.ctx.db.select({ name: User.name, goals: User.goals, anon: User.anonymous_username }).from(User).where(eq(User.id, member.id)))[0];
    expect(await read()).toEqual({ name: "Rania Khalil", goals: "Site role", anon: "rania_saves" });
    expect((await browser.post("/settings/profile", { intent: "save", name: "Rania K" })).status).toBe(302);
    expect(await read()).toEqual({ name: "Rania K", goals: "Site role", anon: "rania_saves" });
  });

  it("creating the invitation link answers with what was typed, not saved yet", async () => {
    const member = await createMember(db.ctx, { name: "Kept Name" });
    await db.ctx.db.update(db.ctx.t.User).set({ referral_code: null }).where(eq(db.ctx.t.User.id, member.id));
    const browser = await as(db.ctx, member);
    const res = await browser.post("/settings/profile", { intent: "referral", name: "Typed Not Saved", goals: "Typed goal" });
    expect(res.status).toBe(200);
    expect(res.html).toContain('value="Typed Not Saved"');
    expect(textOf(res.html)).toContain("Your invitation link is ready.");
    const { User } = db.ctx.t;
    const [row] = await db.ctx.db.select({ name: User.name, code: User.referral_code }).from(User).where(eq(User.id, member.id));
    expect(row.name).toBe("Kept Name");
    expect(row.code).not.toBeNull();
  });
});

describeEachDatabase("Notifications link to their subject", (db) => {
  it("a status change, an interview round and a post decision write a local link, and /notifications renders each title as that link", async () => {
    const poster = await createMember(db.ctx);
    const applicant = await createMember(db.ctx, { name: "Amal Applicant" });
    const job = await makePostedJob(db.ctx, poster.id, { title: "Data Analyst", employer: "Nile Analytics" });
    const app = await makeApplicationTo(db.ctx, job, { id: applicant.id, email: applicant.email, name: "Amal Applicant" });
    const recruiter = await as(db.ctx, poster);
    const page = await recruiter.get(`/hiring/applications/${app.id}`);
    const version = /name="updatedAt" value="(\d+)"/.exec(page.html)![1];
    expect((await recruiter.post(`/hiring/applications/${app.id}`, { intent: "status", status: "shortlisted", feedback: "", updatedAt: version })).status).toBe(302);
    const add = await recruiter.post(`/hiring/applications/${app.id}`, { intent: "add-round", roundType: "hr", date: "2030-01-10", time: "10:00", interviewerName: "", interviewerEmail: "" });
    expect(add.status).toBe(302);

    const links = await linksOf(db.ctx, applicant.id);
    expect(links.map((l) => l.href).sort()).toEqual([`/applications/${app.id}`, `/applications/${app.id}#round-1`]);
    const seen = await (await as(db.ctx, applicant)).get("/notifications");
    expect(notificationLinks(seen.html).sort()).toEqual([`/applications/${app.id}`, `/applications/${app.id}#round-1`].sort());
    // The round's anchor exists on the application page.
    expect((await (await as(db.ctx, applicant)).get(`/applications/${app.id}`)).html).toContain('id="round-1"');

    // Staff approving a post: the poster's notification leads to the post.
    const alumna = await createMember(db.ctx);
    const staff = await createMember(db.ctx, { role: "career_team" });
    const pending = await postJob(db.ctx, { posterId: alumna.id, status: "pending" });
    const queue = await (await as(db.ctx, staff)).get("/jobs/review");
    const v = new RegExp(`name="jobId" value="${pending.jobId}"/><input type="hidden" name="version" value="(\\d+)"`).exec(queue.html)?.[1];
    expect(v).toBeDefined();
    const decided = await (await as(db.ctx, staff)).post("/jobs/review", { intent: "approve", feed: pending.feed, jobId: pending.jobId, version: v!, back: "/jobs/review" });
    expect(decided.status).toBe(302);
    expect(await linksOf(db.ctx, alumna.id)).toEqual([{ title: "Your job post is approved", href: pending.path }]);
  });

  it("a stored link that leaves Ladder is not rendered as a link; a connection notification links to the person", async () => {
    const member = await createMember(db.ctx);
    const sender = await createMember(db.ctx, { name: "Sami Sender" });
    const { notification: n, notification_links: l } = db.ctx.t;
    for (const href of ["https://evil.example/x", "//evil.example/x", "/\\evil.example"]) {
      const [row] = await db.ctx.db.insert(n).values({ user_id: member.id, type: null, title: `Odd ${href}`, message: "m", created_at: new Date() }).returning({ id: n.id });
      await db.ctx.db.insert(l).values({ notification_id: row.id, href });
    }
    await connect(db.ctx, { me: sender.id, otherId: member.id });
    const seen = await (await as(db.ctx, member)).get("/notifications");
    expect(notificationLinks(seen.html)).toEqual([`/u/${sender.id}`, "/network"]);
    expect(textOf(seen.html)).toContain("Odd https://evil.example/x");
  });

  it("a declined connection request makes no notification for the requester", async () => {
    const a = await createMember(db.ctx);
    const b = await createMember(db.ctx);
    await connect(db.ctx, { me: a.id, otherId: b.id });
    expect(await changeConnection(db.ctx, { me: b.id, otherId: a.id, intent: "reject" })).toBe("done");
    expect(await linksOf(db.ctx, a.id)).toEqual([]);
    expect(textOf((await (await as(db.ctx, a)).get("/notifications")).html)).not.toContain("declined");
  });
});

describeEachDatabase("The CV kept on the profile", (db) => {
  it("a member saves a CV, only they can download it, and replacing it removes the old one", async () => {
    const member = await createMember(db.ctx, { name: "Amal Haddad" });
    const other = await createMember(db.ctx);
    const browser = await as(db.ctx, member);
    expect((await browser.post("/settings/cv", cvForm(TEXT_CV))).status).toBe(400);
    const saved = await browser.post("/settings/cv", cvForm(pdfBytes("first")));
    expect(saved.status).toBe(302);
    const first = await savedUploadId(db.ctx, member.id);
    expect(first).not.toBeNull();
    const page = await browser.get("/settings/cv");
    expect(textOf(page.html)).toContain("cv-amal-haddad.pdf");
    const file = await browser.get("/settings/cv/file");
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toBe('attachment; filename="cv-amal-haddad.pdf"');
    expect(file.html).toContain("first");
    expect((await (await as(db.ctx, other)).get("/settings/cv/file")).status).toBe(404);

    expect((await browser.post("/settings/cv", cvForm(docxBytes(), "cv.docx", "application/octet-stream"))).status).toBe(302);
    const second = await savedUploadId(db.ctx, member.id);
    expect(second).not.toBe(first);
    const u = db.ctx.t.uploads;
    expect(await db.ctx.db.select({ id: u.id }).from(u).where(eq(u.userEmail, member.email))).toEqual([{ id: second }]);

    expect((await browser.post("/settings/cv", { intent: "remove" })).status).toBe(302);
    expect(await savedUploadId(db.ctx, member.id)).toBeNull();
    expect(await db.ctx.db.select({ id: u.id }).from(u).where(eq(u.userEmail, member.email))).toEqual([]);
  });

  it("the CV picked at apply is attached to the application as its own copy", async () => {
    const poster = await createMember(db.ctx);
    const member = await createMember(db.ctx, { name: "Amal Haddad" });
    const job = await postJob(db.ctx, { posterId: poster.id });
    const browser = await as(db.ctx, member);
    await browser.post("/settings/cv", cvForm(pdfBytes("saved on profile")));
    const uploadId = await savedUploadId(db.ctx, member.id);
    const form = await browser.get(`${job.path}/apply`);
    expect(textOf(form.html)).toContain("Use my saved CV (cv-amal-haddad.pdf, added");
    const fields = applyForm({ cv: null });
    fields.set("cvChoice", String(uploadId));
    const res = await browser.post(`${job.path}/apply`, fields);
    expect(res.status).toBe(302);
    const id = applicationIdOf(res);
    const cv = await browser.get(`/applications/${id}/cv`);
    expect(cv.status).toBe(200);
    expect(cv.html).toContain("saved on profile");
    // The poster reads it through the application; the profile copy stays the member's alone.
    expect((await (await as(db.ctx, poster)).get(`/applications/${id}/cv`)).status).toBe(200);
    expect((await (await as(db.ctx, poster)).get("/settings/cv/file")).status).toBe(404);
    // Removing the profile CV leaves the application's copy.
    await browser.post("/settings/cv", { intent: "remove" });
    expect((await browser.get(`/applications/${id}/cv`)).status).toBe(200);
  });

  it("another member's saved CV cannot be picked: the form is refused and nothing is stored", async () => {
    const poster = await createMember(db.ctx);
    const owner = await createMember(db.ctx);
    const thief = await createMember(db.ctx);
    const job = await postJob(db.ctx, { posterId: poster.id });
    await (await as(db.ctx, owner)).post("/settings/cv", cvForm(pdfBytes("owner's private cv")));
    const ownersUpload = await savedUploadId(db.ctx, owner.id);
    expect(ownersUpload).not.toBeNull();
    const before = await applicationRowCounts(db.ctx);
    const fields = applyForm({ cv: null, coverLetter: "KEEP THIS LETTER" });
    fields.set("cvChoice", String(ownersUpload));
    const res = await (await as(db.ctx, thief)).post(`${job.path}/apply`, fields);
    expect(res.status).toBe(400);
    expect(textOf(res.html)).toContain("The CV on your profile changed or was removed");
    expect(res.html).toContain("KEEP THIS LETTER");
    expect(await applicationRowCounts(db.ctx)).toEqual(before);
  });

  it("a CV uploaded while applying can also be kept on the profile", async () => {
    const poster = await createMember(db.ctx);
    const member = await createMember(db.ctx);
    const job = await postJob(db.ctx, { posterId: poster.id });
    const fields = applyForm();
    fields.set("keepCv", "on");
    const res = await (await as(db.ctx, member)).post(`${job.path}/apply`, fields);
    expect(res.status).toBe(302);
    expect(await savedUploadId(db.ctx, member.id)).not.toBeNull();
  });
});
