import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { appClient, createMember, textOf } from "../support/app";
import { describeEachDatabase } from "../support/db";

describeEachDatabase("public profile /u/<id>", (db) => {
  const fullProfile = async () => {
    const member = await createMember(db.ctx, { name: "Amal Haddad", email: `amal-${Date.now()}-${Math.random()}@private.example` });
    await db.ctx.db
      .update(db.ctx.t.User)
      .set({
        headline: "Data analyst, open to remote work",
        phone: "+971 50 999 8888",
        linkedinURL: "https://www.linkedin.com/in/amal",
        FacebookURL: "javascript:alert(1)", // from before validation existed: never a link
        goals: "First analyst role, learn SQL",
        strengths: "patience, curiosity",
        interests: "open data",
        education: [{ school: "American University of Sharjah", degree: "BSc", field: "Computer Science", startYear: 2019, endYear: 2023 }],
        experience: [{ title: "Data Analyst Intern", company: "Levant Telecom", startDate: "2022-06", endDate: "2022-09", description: "Dashboards." }],
        professional_skills: ["SQL", "Power BI"],
        certifications: [{ name: "PMP", issuer: "PMI", year: 2024, url: "https://www.pmi.org/" }, { name: "Bad link", url: "data:text/html,hi" }],
        anonymous_username: "secret_falcon",
        anonymous_avatar: "falcon",
        referral_code: "SECRETREF",
        role: "user",
        dailyMessageCount: 5,
        avatarUrl: `/avatars/avatar-${"ab".repeat(16)}.png`,
      })
      .where(eq(db.ctx.t.User.id, member.id));
    return member;
  };

  it("shows the name, headline, tags, experience, education, skills, certifications and safe links to anyone", async () => {
    const member = await fullProfile();
    const page = await (await appClient(db.ctx)).get(`/u/${member.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    for (const shown of [
      "Amal Haddad",
      "Data analyst, open to remote work",
      "First analyst role",
      "curiosity",
      "open data",
      "Data Analyst Intern, Levant Telecom (2022-06 to 2022-09)",
      "American University of Sharjah",
      "BSc, Computer Science (2019–2023)",
      "Power BI",
      "PMP , PMI (2024)",
    ]) {
      expect(text, shown).toContain(shown);
    }
    expect(page.html).toMatch(/<h1[^>]*>Amal Haddad<\/h1>/);
    expect(page.html).toContain('<a href="https://www.linkedin.com/in/amal" rel="noopener noreferrer nofollow" target="_blank">LinkedIn</a>');
    expect(page.html).toContain('<a href="https://www.pmi.org/" rel="noopener noreferrer nofollow" target="_blank">PMP</a>');
    expect(page.html).not.toContain("javascript:");
    expect(page.html).not.toContain("data:text/html");
    expect(text).not.toContain("Facebook");
    expect(page.html).toContain(`<img src="/avatars/avatar-${"ab".repeat(16)}.png"`);
  });

  it("never shows the email, phone, role, counters, referral code or anonymous identity", async () => {
    const member = await fullProfile();
    const viewer = await appClient(db.ctx);
    await viewer.signIn(await createMember(db.ctx, { role: "admin" }));
    const page = await viewer.get(`/u/${member.id}`);
    expect(page.status).toBe(200);
    // The password as a data key or a hash, not the word: every page's words include "Reset your password".
    for (const secret of [member.email, "999 8888", "secret_falcon", "SECRETREF", "dailyMessageCount", '"password"', '\\"password\\"', "$argon2"]) {
      expect(page.html, secret).not.toContain(secret);
    }
  });

  it("drops the photo in lite mode (a decorative image) and shows initials instead", async () => {
    const member = await fullProfile();
    const page = await (await appClient(db.ctx)).get(`/u/${member.id}`, { "Save-Data": "on" });
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<img");
    expect(page.html).not.toContain("<script");
    expect(page.html).toMatch(/>AH<\/span>/);
  });

  it("does not load a photo kept elsewhere (a Google picture): initials instead", async () => {
    const member = await createMember(db.ctx, { name: "Omar Saleh" });
    await db.ctx.db.update(db.ctx.t.User).set({ avatarUrl: "https://lh3.googleusercontent.com/a/photo" }).where(eq(db.ctx.t.User.id, member.id));
    const page = await (await appClient(db.ctx)).get(`/u/${member.id}`);
    expect(page.html).not.toContain("googleusercontent");
    expect(page.html).toMatch(/>OS<\/span>/);
  });

  it("says so when a member has added nothing yet, and offers the owner a way to edit", async () => {
    const member = await createMember(db.ctx, { name: "New Member" });
    const owner = await appClient(db.ctx);
    await owner.signIn(member);
    const page = await owner.get(`/u/${member.id}`);
    expect(textOf(page.html)).toContain("New Member has not added anything else yet.");
    expect(page.html).toContain('href="/settings/profile"');
    expect(textOf(page.html)).toContain("This is how other members see your profile.");
    const stranger = await (await appClient(db.ctx)).get(`/u/${member.id}`);
    expect(textOf(stranger.html)).not.toContain("This is how other members see your profile.");
  });

  it.each([
    ["an unknown id", "0b6c9a4e-3d5f-4c1a-9e2b-7f8d6a5c4b3a"],
    ["a malformed id", "not-a-uuid"],
    ["an id with SQL in it", "1' or '1'='1"],
    ["an almost-uuid", "0b6c9a4e-3d5f-4c1a-9e2b-7f8d6a5c4b3"],
  ])("answers 404 with a page and a way back for %s (never a 500)", async (_, id) => {
    const page = await (await appClient(db.ctx)).get(`/u/${encodeURIComponent(id)}`);
    expect(page.status).toBe(404);
    expect(textOf(page.html)).toContain("There is no member at this address");
    expect(page.html).toContain('href="/"');
  });
});
