import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { env } from "../../app/env.server";
import { isAnonymousUsernameConflict, updateProfile } from "../../app/modules/profile/profile.server";
import { diskStorage } from "../../app/services/storage.server";
import { appClient, createMember, textOf, type AppClient, type AppResponse } from "../support/app";
import { describeEachDatabase } from "../support/db";
import {
  ELF_BYTES,
  EXE_BYTES,
  garbageJpeg,
  GPS_MARKERS,
  JPEG_3x2,
  jpegWithGps,
  photoJpeg,
  pngBytes,
  pngClaiming,
  WEBP_VP8L_3x2,
  withTrailer,
  zipBytes,
} from "../support/images";

// ------------------------------------------------------------------------------------------
// Reading what a person sees

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The value a text input shows (or the text of a textarea), or null when there is no such field. */
function valueOf(html: string, name: string): string | null {
  const input = [...html.matchAll(/<input\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(` name="${name}"`));
  if (input) return decode(/ value="([^"]*)"/.exec(input)?.[1] ?? "");
  const area = new RegExp(`<textarea\\b[^>]* name="${escapeRe(name)}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html);
  return area ? decode(area[1]) : null;
}

/** The error shown beside a field, checked to be tied to it with aria-describedby. */
function errorBeside(html: string, field: string): string | null {
  const match = new RegExp(`<p id="${escapeRe(field)}-error"[^>]*>([^<]*)</p>`).exec(html);
  if (!match) return null;
  const described = new RegExp(`aria-describedby="[^"]*${escapeRe(field)}-error`).test(html);
  if (!described) throw new Error(`the error of ${field} is not tied to its field`);
  return decode(match[1]);
}

const fieldNames = (html: string, prefix: string) =>
  [...html.matchAll(/ name="([^"]+)"/g)].map((m) => m[1]).filter((name) => name.startsWith(prefix));

const uploadsDir = () => path.resolve(env().UPLOADS_DIR);

function photoForm(bytes: Uint8Array, name = "me.png", type = "image/png"): FormData {
  const form = new FormData();
  form.set("intent", "save");
  form.set("avatar", new File([bytes as Uint8Array<ArrayBuffer>], name, { type }));
  return form;
}

describeEachDatabase("profile settings", (db) => {
  const signedIn = async (options: Parameters<typeof createMember>[1] = {}) => {
    const member = await createMember(db.ctx, options);
    const browser = await appClient(db.ctx);
    await browser.signIn(member);
    return { member, browser };
  };
  const row = async (id: string) => {
    const [user] = await db.ctx.db.select().from(db.ctx.t.User).where(eq(db.ctx.t.User.id, id));
    return user;
  };
  const profileLogs = async (id: string) => {
    const logs = db.ctx.t.user_activity_logs;
    return db.ctx.db.select().from(logs).where(and(eq(logs.user_id, id), eq(logs.action_type, "profile_updated")));
  };

  describe("the page", () => {
    it("sends visitors who are not signed in to the sign-in page, for reading and for saving", async () => {
      const browser = await appClient(db.ctx);
      const page = await browser.get("/settings/profile");
      expect(page.status).toBe(302);
      expect(page.location).toBe("/login?redirectTo=%2Fsettings%2Fprofile");
      const post = await browser.post("/settings/profile", { intent: "save", name: "X" });
      expect(post.status).toBe(302);
      expect(post.location).toMatch(/^\/login/);
      expect((await browser.get("/settings/profile/education")).location).toMatch(/^\/login/);
    });

    it("shows the member's details, the referral link and how many people it brought", async () => {
      const { member, browser } = await signedIn({ name: "Amal Haddad" });
      await db.ctx.db.update(db.ctx.t.User).set({ headline: "Data analyst", referral_code: "AMAL2345" }).where(eq(db.ctx.t.User.id, member.id));
      const friend = await createMember(db.ctx);
      await db.ctx.db.insert(db.ctx.t.user_activity_logs).values([
        { user_id: member.id, action_type: "referral_sign_up", action_category: "growth", resource_type: "user", resource_id: friend.id },
        { user_id: member.id, action_type: "referral_sign_up", action_category: "growth", resource_type: "user", resource_id: friend.id },
      ]);
      const page = await browser.get("/settings/profile");
      expect(page.status).toBe(200);
      expect(valueOf(page.html, "name")).toBe("Amal Haddad");
      expect(valueOf(page.html, "headline")).toBe("Data analyst");
      expect(valueOf(page.html, "referral-link") ?? page.html.match(/id="referral-link"[^>]*value="([^"]+)"/)?.[1]).toBeTruthy();
      expect(page.html).toContain('value="http://localhost/signup?ref=AMAL2345"');
      expect(textOf(page.html)).toContain("Your code is AMAL2345");
      expect(textOf(page.html)).toContain("2 people have joined with your link.");
      expect(page.html).toContain(`href="/u/${member.id}"`);
    });

    it("gives a member without a referral code one when asked, with a POST", async () => {
      const { member, browser } = await signedIn();
      await db.ctx.db.update(db.ctx.t.User).set({ referral_code: null }).where(eq(db.ctx.t.User.id, member.id));
      const page = await browser.get("/settings/profile");
      expect(textOf(page.html)).toContain("Create my invitation link");
      expect((await row(member.id)).referral_code).toBeNull();
      // It answers with the page (what was typed stays in the form), not a redirect.
      const res = await browser.post("/settings/profile", { intent: "referral" });
      expect(res.status).toBe(200);
      expect((await row(member.id)).referral_code).toMatch(/^[A-Z2-9]{8}$/);
    });

    it("refuses a POST without the CSRF token", async () => {
      const { member, browser } = await signedIn({ name: "Before" });
      const res = await browser.post("/settings/profile", { intent: "save", name: "After" }, { csrf: false });
      expect(res.status).toBe(403);
      expect((await row(member.id)).name).toBe("Before");
    });

    it("answers 400 with a message for an unknown intent", async () => {
      const { browser } = await signedIn();
      const res = await browser.post("/settings/profile", { intent: "role", role: "admin" });
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain("Press Save profile to save your changes.");
    });
  });

  describe("basics", () => {
    it("saves good input, logs profile_updated with the field names only, and shows a flash", async () => {
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile", {
        intent: "save",
        name: "  Amal Haddad ",
        headline: "Data analyst, open to remote work",
        phone: "+971 (50) 123-4567",
        linkedinURL: "www.linkedin.com/in/amal",
        FacebookURL: "https://www.facebook.com/amal",
      });
      expect(res.status).toBe(302);
      expect(res.location).toBe("/settings/profile");
      const user = await row(member.id);
      expect(user).toMatchObject({
        name: "Amal Haddad",
        headline: "Data analyst, open to remote work",
        phone: "+971 (50) 123-4567",
        linkedinURL: "https://www.linkedin.com/in/amal",
        FacebookURL: "https://www.facebook.com/amal",
      });
      const logs = await profileLogs(member.id);
      expect(logs).toHaveLength(1);
      expect((logs[0].metadata as { fields: string[] }).fields.sort()).toEqual(["FacebookURL", "headline", "linkedinURL", "name", "phone"]);
      expect(JSON.stringify(logs[0])).not.toContain("123-4567");
      const next = await browser.get("/settings/profile");
      expect(textOf(next.html)).toContain("Your profile is saved.");
    });

    it("refuses bad input with 400, keeps what was typed and puts each error beside its field", async () => {
      const { member, browser } = await signedIn({ name: "Unchanged" });
      const typed = { intent: "save", name: "", headline: "h".repeat(161), phone: "call me", linkedinURL: "javascript:alert(document.cookie)", FacebookURL: "ftp://files.example" };
      const res = await browser.post("/settings/profile", typed);
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "name")).toBe("Enter your name.");
      expect(errorBeside(res.html, "headline")).toMatch(/at most 160/);
      expect(errorBeside(res.html, "phone")).toMatch(/digits/);
      expect(errorBeside(res.html, "linkedinURL")).toMatch(/https:\/\/ or http:\/\/.*javascript:/);
      expect(errorBeside(res.html, "FacebookURL")).toMatch(/https:\/\//);
      expect(valueOf(res.html, "headline")).toBe(typed.headline);
      expect(valueOf(res.html, "phone")).toBe("call me");
      expect(valueOf(res.html, "linkedinURL")).toBe("javascript:alert(document.cookie)");
      expect(textOf(res.html)).toContain("There are 5 problems");
      expect(res.html).not.toMatch(/href="javascript:/);
      expect((await row(member.id)).name).toBe("Unchanged");
      expect(await profileLogs(member.id)).toHaveLength(0);
    });

    it("refuses a name holding a CR or a bidi override beside the field, keeping every typed value", async () => {
      const { member, browser } = await signedIn({ name: "Unchanged" });
      const typed = { intent: "save", name: "Eve\rEND:VEVENT\rURL:https://evil.example", headline: "Data analyst\u202Egpj.exe", phone: "+20 100 987 6543", linkedinURL: "", FacebookURL: "" };
      const res = await browser.post("/settings/profile", typed);
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "name")).toBe("Use letters, numbers and punctuation only: no line breaks, tabs or other control characters.");
      expect(errorBeside(res.html, "headline")).toMatch(/no line breaks, tabs or other control characters/);
      expect(errorBeside(res.html, "phone")).toBeNull();
      expect(valueOf(res.html, "phone")).toBe("+20 100 987 6543");
      expect(valueOf(res.html, "headline")).toBe(typed.headline);
      expect(valueOf(res.html, "name")).toContain("URL:https://evil.example");
      expect((await row(member.id)).name).toBe("Unchanged");
    });

    it("never takes role, email, password, counters, googleId, referral_code or createdAt from the form", async () => {
      const { member, browser } = await signedIn();
      const before = await row(member.id);
      const res = await browser.post("/settings/profile", {
        intent: "save",
        name: "Still a user",
        role: "admin",
        email: "attacker@example.com",
        password: "x",
        dailyMessageCount: "99",
        interviewCount: "99",
        googleId: "123",
        referral_code: "STOLEN",
        createdAt: "2000-01-01",
        avatarUrl: "https://evil.example/x.png",
        id: "00000000-0000-4000-8000-000000000000",
      });
      expect(res.status).toBe(302);
      const after = await row(member.id);
      expect(after.name).toBe("Still a user");
      expect({ ...after, name: before.name }).toEqual(before);
      // The same for every other section.
      for (const section of [{ goals: "" }, { anonymous_username: "" }] as Record<string, string>[]) {
        expect((await browser.post("/settings/profile", { intent: "save", ...section, role: "admin", dailyMessageCount: "99" })).status).toBe(302);
      }
      expect((await browser.post("/settings/profile/skills", { intent: "skills", "skills.0.skill": "SQL", role: "admin", dailyMessageCount: "99" })).status).toBe(302);
      const last = await row(member.id);
      expect(last.role).toBe("user");
      expect(last.dailyMessageCount).toBe(0);
      expect(last.email).toBe(member.email);
    });

    it("only ever changes the signed-in member, whatever id the form names", async () => {
      const victim = await createMember(db.ctx, { name: "Victim" });
      const { member, browser } = await signedIn({ name: "Attacker" });
      const res = await browser.post("/settings/profile", { intent: "save", name: "Changed", id: victim.id, userId: victim.id });
      expect(res.status).toBe(302);
      expect((await row(victim.id)).name).toBe("Victim");
      expect((await row(member.id)).name).toBe("Changed");
      await browser.post(`/settings/profile/skills?userId=${victim.id}`, { intent: "skills", "skills.0.skill": "Hacking", userId: victim.id });
      expect((await row(victim.id)).professional_skills).toBeNull();
    });
  });

  describe("goals, strengths and interests", () => {
    it("saves comma-separated text as tidy tags and shows them as tags", async () => {
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile", { intent: "save", goals: "First role as a data analyst, learn SQL", strengths: " patience , Patience, curiosity", interests: "" });
      expect(res.status).toBe(302);
      expect(await row(member.id)).toMatchObject({ goals: "First role as a data analyst, learn SQL", strengths: "patience, curiosity", interests: null });
      const page = await browser.get("/settings/profile");
      expect(page.html).toMatch(/<ul aria-label="Your strengths"[^>]*><li[^>]*>patience<\/li><li[^>]*>curiosity<\/li><\/ul>/);
    });

    it("refuses over-long tags and too many tags beside the field, keeping the text", async () => {
      const { member, browser } = await signedIn();
      const many = Array.from({ length: 21 }, (_, i) => `skill${i}`).join(", ");
      const res = await browser.post("/settings/profile", { intent: "save", goals: "ok", strengths: "x".repeat(41), interests: many });
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "strengths")).toMatch(/at most 40 characters/);
      expect(errorBeside(res.html, "interests")).toMatch(/at most 20 interests/);
      expect(valueOf(res.html, "interests")).toBe(many);
      expect((await row(member.id)).goals).toBeNull();
    });
  });

  describe("anonymous identity", () => {
    it("saves a name in lower case and one of the built-in pictures", async () => {
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile", { intent: "save", anonymous_username: "Quiet_Owl7", anonymous_avatar: "owl" });
      expect(res.status).toBe(302);
      expect(await row(member.id)).toMatchObject({ anonymous_username: "quiet_owl7", anonymous_avatar: "owl" });
      const page = await browser.get("/settings/profile");
      expect(page.html).toMatch(/<input type="radio" name="anonymous_avatar" checked="" value="owl"\/>/);
      expect(page.html.match(/checked=""/g)).toHaveLength(1);
    });

    it("answers 400 'That name is taken' beside the field, whatever the case", async () => {
      const other = await createMember(db.ctx);
      await db.ctx.db.update(db.ctx.t.User).set({ anonymous_username: "QuietFalcon10" }).where(eq(db.ctx.t.User.id, other.id));
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile", { intent: "save", anonymous_username: "quietfalcon10", anonymous_avatar: "falcon" });
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "anonymous_username")).toBe("That name is taken. Try another one.");
      expect(valueOf(res.html, "anonymous_username")).toBe("quietfalcon10");
      expect((await row(member.id)).anonymous_username).toBeNull();
    });

    it("lets a member keep their own name when saving again", async () => {
      const { member, browser } = await signedIn();
      await browser.post("/settings/profile", { intent: "save", anonymous_username: "steady_ibis", anonymous_avatar: "ibis" });
      const again = await browser.post("/settings/profile", { intent: "save", anonymous_username: "steady_ibis", anonymous_avatar: "lynx" });
      expect(again.status).toBe(302);
      expect((await row(member.id)).anonymous_avatar).toBe("lynx");
    });

    it("refuses bad names and pictures that are not built in (a URL), with the typed values", async () => {
      const { browser } = await signedIn();
      const res = await browser.post("/settings/profile", { intent: "save", anonymous_username: "no spaces!", anonymous_avatar: "https://evil.example/a.png" });
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "anonymous_username")).toMatch(/letters a to z/);
      expect(errorBeside(res.html, "anonymous_avatar")).toBe("Choose one of the pictures shown.");
      expect(valueOf(res.html, "anonymous_username")).toBe("no spaces!");
    });

    it("when two members take the same name at the same moment, one wins and the other hears it is taken", async () => {
      const a = await createMember(db.ctx);
      const b = await createMember(db.ctx);
      const results = await Promise.all([
        updateProfile(db.ctx, a.id, { anonymous_username: "same_name" }),
        updateProfile(db.ctx, b.id, { anonymous_username: "same_name" }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, field: "anonymous_username", message: "That name is taken. Try another one." }]);
      const owners = await db.ctx.db.select({ id: db.ctx.t.User.id }).from(db.ctx.t.User).where(eq(db.ctx.t.User.anonymous_username, "same_name"));
      expect(owners).toHaveLength(1);
    });

    it("recognises the database's own unique violation on this dialect", async () => {
      const a = await createMember(db.ctx);
      const b = await createMember(db.ctx);
      await db.ctx.db.update(db.ctx.t.User).set({ anonymous_username: "taken_here" }).where(eq(db.ctx.t.User.id, a.id));
      const error = await db.ctx.db
        .update(db.ctx.t.User)
        .set({ anonymous_username: "taken_here" })
        .where(eq(db.ctx.t.User.id, b.id))
        .then(() => null, (e: unknown) => e);
      expect(error).not.toBeNull();
      expect(isAnonymousUsernameConflict(error)).toBe(true);
      const emailError = await db.ctx.db
        .update(db.ctx.t.User)
        .set({ email: a.email })
        .where(eq(db.ctx.t.User.id, b.id))
        .then(() => null, (e: unknown) => e);
      expect(isAnonymousUsernameConflict(emailError)).toBe(false);
    });
  });

  describe("lists", () => {
    const education = (i: number, e: Partial<Record<"school" | "degree" | "field" | "startYear" | "endYear", string>>) =>
      Object.fromEntries(Object.entries(e).map(([k, v]) => [`education.${i}.${k}`, v]));

    it("save all entries at once, in order", async () => {
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile/education", {
        intent: "education",
        ...education(0, { school: "American University of Sharjah", degree: "BSc", field: "Computer Science", startYear: "2019", endYear: "2023" }),
        ...education(1, { school: "", degree: "" }),
        ...education(2, { school: "Coursera", startYear: "2024" }),
      });
      expect(res.status).toBe(302);
      expect(res.location).toBe("/settings/profile/education");
      expect((await row(member.id)).education).toEqual([
        { school: "American University of Sharjah", degree: "BSc", field: "Computer Science", startYear: 2019, endYear: 2023 },
        { school: "Coursera", startYear: 2024 },
      ]);
      const page = await browser.get("/settings/profile/education");
      expect(textOf(page.html)).toContain("Your education is saved.");
      expect(valueOf(page.html, "education.1.school")).toBe("Coursera");
      expect(await profileLogs(member.id)).toHaveLength(1);
    });

    it("refuse a bad entry with 400, errors beside that entry's fields, every typed value kept, and nothing written", async () => {
      const { member, browser } = await signedIn();
      await db.ctx.db.update(db.ctx.t.User).set({ education: [{ school: "Old school" }] }).where(eq(db.ctx.t.User.id, member.id));
      const res = await browser.post("/settings/profile/education", {
        intent: "education",
        ...education(0, { school: "Good school", startYear: "2019", endYear: "2023" }),
        ...education(1, { school: "", degree: "MBA", startYear: "2024", endYear: "2022" }),
        ...education(2, { school: "Far future", startYear: "1890" }),
      });
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "education.1.school")).toBe("Enter the school or university.");
      expect(errorBeside(res.html, "education.1.endYear")).toBe("The end year cannot be before the start year.");
      expect(errorBeside(res.html, "education.2.startYear")).toMatch(/from 1950/);
      expect(errorBeside(res.html, "education.0.school")).toBeNull();
      expect(valueOf(res.html, "education.0.school")).toBe("Good school");
      expect(valueOf(res.html, "education.1.degree")).toBe("MBA");
      expect(valueOf(res.html, "education.2.startYear")).toBe("1890");
      expect(textOf(res.html)).toContain("School 2, school or university: Enter the school or university.");
      expect((await row(member.id)).education).toEqual([{ school: "Old school" }]);
      expect(await profileLogs(member.id)).toHaveLength(0);
    });

    it("add, remove and move entries as typed, unsaved until Save", async () => {
      const { member, browser } = await signedIn();
      const typed = { "skills.0.skill": "SQL", "skills.1.skill": "Excel", "skills.2.skill": "Python" };
      const added = await browser.post("/settings/profile/skills", { ...typed, intent: "skills:add" });
      expect(added.status).toBe(200);
      expect(fieldNames(added.html, "skills.")).toEqual(["skills.0.skill", "skills.1.skill", "skills.2.skill", "skills.3.skill"]);
      expect(valueOf(added.html, "skills.3.skill")).toBe("");
      expect(added.html).toMatch(/<input[^>]*name="skills\.3\.skill"[^>]*autofocus=""/);
      expect(textOf(added.html)).toContain("Not saved yet");

      const removed = await browser.post("/settings/profile/skills", { ...typed, intent: "skills:remove:1" });
      expect(removed.status).toBe(200);
      expect([valueOf(removed.html, "skills.0.skill"), valueOf(removed.html, "skills.1.skill"), valueOf(removed.html, "skills.2.skill")]).toEqual(["SQL", "Python", null]);

      const moved = await browser.post("/settings/profile/skills", { ...typed, intent: "skills:up:2" });
      expect([0, 1, 2].map((i) => valueOf(moved.html, `skills.${i}.skill`))).toEqual(["SQL", "Python", "Excel"]);
      const down = await browser.post("/settings/profile/skills", { ...typed, intent: "skills:down:0" });
      expect([0, 1, 2].map((i) => valueOf(down.html, `skills.${i}.skill`))).toEqual(["Excel", "SQL", "Python"]);
      expect((await row(member.id)).professional_skills).toBeNull();

      const saved = await browser.post("/settings/profile/skills", { "skills.0.skill": "SQL", "skills.1.skill": "Python", "skills.2.skill": "Excel", intent: "skills" });
      expect(saved.status).toBe(302);
      expect((await row(member.id)).professional_skills).toEqual(["SQL", "Python", "Excel"]);
    });

    it("show each entry's buttons: no Move up on the first, no Move down on the last", async () => {
      const { member, browser } = await signedIn();
      await db.ctx.db.update(db.ctx.t.User).set({ certifications: [{ name: "PMP" }, { name: "CFA" }] }).where(eq(db.ctx.t.User.id, member.id));
      const page = await browser.get("/settings/profile/certifications");
      const intents = [...page.html.matchAll(/name="intent" value="([^"]+)"/g)].map((m) => m[1]);
      expect(intents).toEqual([
        "certifications",
        "certifications:down:0",
        "certifications:remove:0",
        "certifications:up:1",
        "certifications:remove:1",
        "certifications:add",
        "certifications",
      ]);
    });

    it("save experience and certifications, and refuse a javascript: certificate link", async () => {
      const { member, browser } = await signedIn();
      const experience = await browser.post("/settings/profile/experience", {
        intent: "experience",
        "experience.0.title": "Data Analyst Intern",
        "experience.0.company": "Levant Telecom",
        "experience.0.startDate": "2023-06",
        "experience.0.endDate": "2023-09",
        "experience.0.description": "Dashboards in Power BI.",
      });
      expect(experience.status).toBe(302);
      expect((await row(member.id)).experience).toEqual([
        { title: "Data Analyst Intern", company: "Levant Telecom", startDate: "2023-06", endDate: "2023-09", description: "Dashboards in Power BI." },
      ]);
      const bad = await browser.post("/settings/profile/certifications", {
        intent: "certifications",
        "certifications.0.name": "PMP",
        "certifications.0.url": "javascript:alert(1)",
        "certifications.0.year": "2031x",
      });
      expect(bad.status).toBe(400);
      expect(errorBeside(bad.html, "certifications.0.url")).toMatch(/javascript:/);
      expect(errorBeside(bad.html, "certifications.0.year")).toMatch(/Enter a year/);
      expect(valueOf(bad.html, "certifications.0.url")).toBe("javascript:alert(1)");
      const good = await browser.post("/settings/profile/certifications", {
        intent: "certifications",
        "certifications.0.name": "PMP",
        "certifications.0.issuer": "PMI",
        "certifications.0.year": "2024",
        "certifications.0.url": "https://www.pmi.org/certifications",
      });
      expect(good.status).toBe(302);
      expect((await row(member.id)).certifications).toEqual([{ name: "PMP", issuer: "PMI", year: 2024, url: "https://www.pmi.org/certifications" }]);
    });

    it("refuse an experience whose end comes before its start, beside the end", async () => {
      const { browser } = await signedIn();
      const res = await browser.post("/settings/profile/experience", {
        intent: "experience",
        "experience.0.title": "Analyst",
        "experience.0.company": "X",
        "experience.0.startDate": "2024-06",
        "experience.0.endDate": "2024-01",
        "experience.0.description": "Kept",
      });
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "experience.0.endDate")).toBe("The end cannot be before the start.");
      expect(valueOf(res.html, "experience.0.description")).toBe("Kept");
    });

    it("refuse a control character in an entry beside its field, and keep the line breaks of a description as \\n", async () => {
      const { member, browser } = await signedIn();
      const refused = await browser.post("/settings/profile/education", { intent: "education", ...education(0, { school: "Cairo\u0000University", degree: "BSc" }) });
      expect(refused.status).toBe(400);
      expect(errorBeside(refused.html, "education.0.school")).toMatch(/no line breaks, tabs or other control characters/);
      expect(valueOf(refused.html, "education.0.degree")).toBe("BSc");
      const saved = await browser.post("/settings/profile/experience", {
        intent: "experience",
        "experience.0.title": "Analyst",
        "experience.0.company": "Acme",
        "experience.0.description": "Built reports\r\nRan the team\rHired two",
      });
      expect(saved.status).toBe(302);
      expect((await row(member.id)).experience).toEqual([{ title: "Analyst", company: "Acme", description: "Built reports\nRan the team\nHired two" }]);
    });

    it("refuse more entries than a list holds with 400 beside the list, and show back no more than the list holds", async () => {
      const { member, browser } = await signedIn();
      const fields: Record<string, string> = { intent: "skills" };
      for (let i = 0; i < 999; i++) fields[`skills.${i}.skill`] = `skill ${i}`;
      for (const intent of ["skills", "skills:add", "skills:remove:0"]) {
        const res = await browser.post("/settings/profile/skills", { ...fields, intent });
        expect(res.status).toBe(400);
        expect(errorBeside(res.html, "skills")).toBe("You can list at most 50 entries here, and the form had 999. The first 50 are shown: remove some and save again.");
        expect(fieldNames(res.html, "skills.")).toHaveLength(50);
        expect(res.html.length).toBeLessThan(200_000);
      }
      const education: Record<string, string> = { intent: "education" };
      for (let i = 0; i < 11; i++) education[`education.${i}.school`] = `School ${i}`;
      const tooMany = await browser.post("/settings/profile/education", education);
      expect(tooMany.status).toBe(400);
      expect(fieldNames(tooMany.html, "education.").filter((n) => n.endsWith(".school"))).toHaveLength(10);
      expect((await row(member.id)).professional_skills ?? []).toEqual([]);
      expect((await row(member.id)).education ?? []).toEqual([]);
    });

    it("answer 404 for a list that does not exist and 400 for a button of another list", async () => {
      const { browser } = await signedIn();
      expect((await browser.get("/settings/profile/role")).status).toBe(404);
      const res = await browser.post("/settings/profile/skills", { intent: "education:add" });
      expect(res.status).toBe(400);
      expect(textOf(res.html)).toContain("That button is not part of this page");
    });
  });

  describe("profile photo", () => {
    it("accepts a real PNG, stores it as a WebP without its text metadata and serves it with that type, nosniff and a year of caching", async () => {
      const { member, browser } = await signedIn();
      const res = await browser.post("/settings/profile", photoForm(pngBytes(32, 32, { text: "Home address" })));
      expect(res.status).toBe(302);
      const { avatarUrl } = await row(member.id);
      expect(avatarUrl).toMatch(/^\/avatars\/avatar-[0-9a-f]{32}\.webp$/);
      expect(fs.existsSync(path.join(uploadsDir(), avatarUrl!.replace("/avatars/", "")))).toBe(true);

      const photo = await fetchPhoto(browser, avatarUrl!);
      expect(photo.status).toBe(200);
      expect(photo.headers.get("Content-Type")).toBe("image/webp");
      expect(photo.headers.get("X-Content-Type-Options")).toBe("nosniff");
      expect(photo.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
      expect(photo.bytes.includes("Home address")).toBe(false);
      expect(await sharp(photo.bytes).metadata()).toMatchObject({ format: "webp", width: 32, height: 32 });
      expect(photo.headers.get("Content-Length")).toBe(String(photo.bytes.length));
      // Anyone may see it, signed in or not.
      expect((await fetchPhoto(await appClient(db.ctx), avatarUrl!)).status).toBe(200);
      expect(await profileLogs(member.id)).toHaveLength(1);
      const page = await browser.get("/settings/profile");
      expect(page.html).toContain(`<img src="${avatarUrl}"`);
      expect(textOf(page.html)).toContain("Your profile and photo are saved.");
    });

    it("gives back a member's JPEG with GPS in its EXIF, and one with data after its end, without either", async () => {
      const { member, browser } = await signedIn();
      expect((await browser.post("/settings/profile", photoForm(jpegWithGps(), "photo.jpeg", "image/jpeg"))).status).toBe(302);
      const gps = await fetchPhoto(browser, (await row(member.id)).avatarUrl!);
      expect(gps.headers.get("Content-Type")).toBe("image/webp");
      for (const marker of [...Object.values(GPS_MARKERS), "Exif"]) expect(gps.bytes.includes(marker), marker).toBe(false);
      const meta = await sharp(gps.bytes).metadata();
      expect([meta.exif, meta.xmp, meta.icc]).toEqual([undefined, undefined, undefined]);

      const hidden = withTrailer(withTrailer(JPEG_3x2, zipBytes("secret.txt", "member list")), "SECRET-TRAILER");
      expect((await browser.post("/settings/profile", photoForm(hidden, "photo.jpg", "image/jpeg"))).status).toBe(302);
      const trailer = await fetchPhoto(browser, (await row(member.id)).avatarUrl!);
      for (const marker of ["SECRET-TRAILER", "secret.txt", "member list"]) expect(trailer.bytes.includes(marker), marker).toBe(false);
      expect(trailer.bytes.readUInt32LE(4) + 8).toBe(trailer.bytes.length);
    });

    it("stores a large photo at 512 pixels, and a WebP sent as \"image/png\" as WebP: the declared type is ignored", async () => {
      const { member, browser } = await signedIn();
      const original = await photoJpeg(1600, 1200);
      expect((await browser.post("/settings/profile", photoForm(original, "big.jpg", "image/jpeg"))).status).toBe(302);
      const big = await fetchPhoto(browser, (await row(member.id)).avatarUrl!);
      expect(await sharp(big.bytes).metadata()).toMatchObject({ format: "webp", width: 512, height: 384 });
      expect(big.bytes.length).toBeLessThan(original.length / 5);

      expect((await browser.post("/settings/profile", photoForm(WEBP_VP8L_3x2, "x.png", "image/png"))).status).toBe(302);
      const webp = await row(member.id);
      expect(webp.avatarUrl).toMatch(/\.webp$/);
      expect((await fetchPhoto(browser, webp.avatarUrl!)).headers.get("Content-Type")).toBe("image/webp");
    });

    it("deletes the old file after a new photo replaces it", async () => {
      const { member, browser } = await signedIn();
      await browser.post("/settings/profile", photoForm(pngBytes(4, 4)));
      const first = (await row(member.id)).avatarUrl!;
      await browser.post("/settings/profile", photoForm(JPEG_3x2, "b.jpg", "image/jpeg"));
      const second = (await row(member.id)).avatarUrl!;
      expect(second).not.toBe(first);
      expect(fs.existsSync(path.join(uploadsDir(), first.replace("/avatars/", "")))).toBe(false);
      expect((await fetchPhoto(browser, first)).status).toBe(404);
      expect((await fetchPhoto(browser, second)).status).toBe(200);
    });

    it.each([
      ["a renamed Windows executable", EXE_BYTES, "cute.png", /not a PNG, JPEG or WebP/],
      ["a renamed Linux executable", ELF_BYTES, "cute.jpg", /not a PNG, JPEG or WebP/],
      ["a text file called .png", Buffer.from("hello, I am text\n"), "notes.png", /not a PNG, JPEG or WebP/],
      ["an empty file", Buffer.alloc(0), "empty.png", /empty/],
      ["an image of 5000 x 5000 pixels", pngBytes(5000, 5000, { gray1: true }), "huge.png", /5000 × 5000 pixels; the limit is 4096 × 4096/],
      ["a PNG with a broken header", pngBytes(3, 2).subarray(0, 18), "cut.png", /could not read the size/],
      ["garbage behind a JPEG's magic number and frame header", garbageJpeg(), "me.jpg", /could not read that image/],
      ["a PNG claiming 50000 x 50000 pixels", pngClaiming(50_000, 50_000), "bomb.png", /50000 × 50000 pixels; the limit is 4096 × 4096/],
    ])("refuses %s with 400 and a message beside the field", async (_, bytes, name, message) => {
      const { member, browser } = await signedIn();
      const before = fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).length : 0;
      const res = await browser.post("/settings/profile", photoForm(bytes, name));
      expect(res.status).toBe(400);
      expect(errorBeside(res.html, "avatar")).toMatch(message);
      expect((await row(member.id)).avatarUrl).toBeNull();
      expect(fs.existsSync(uploadsDir()) ? fs.readdirSync(uploadsDir()).length : 0).toBe(before);
    });

    it("refuses a photo just over 2 MB with 413 and a message beside the field", async () => {
      const { member, browser } = await signedIn();
      const big = Buffer.concat([pngBytes(3, 2), Buffer.alloc(2 * 1024 * 1024 - 72)]);
      expect(big.length).toBe(2 * 1024 * 1024 + 1);
      const res = await browser.post("/settings/profile", photoForm(big));
      expect(res.status).toBe(413);
      expect(errorBeside(res.html, "avatar")).toMatch(/the limit is 2 MB/);
      expect((await row(member.id)).avatarUrl).toBeNull();
    });

    it("refuses a much larger upload before reading it, still with the message beside the field", async () => {
      const { member, browser } = await signedIn();
      const form = photoForm(Buffer.concat([pngBytes(3, 2), Buffer.alloc(5 * 1024 * 1024)]));
      form.set("csrf", await browser.csrfToken());
      const encoded = new Response(form);
      const body = Buffer.from(await encoded.arrayBuffer());
      const res = await browser.request("POST", "/settings/profile", {
        body,
        headers: { "Content-Type": encoded.headers.get("Content-Type")!, "Content-Length": String(body.length) },
      });
      expect(res.status).toBe(413);
      expect(errorBeside(res.html, "avatar")).toMatch(/larger than 2 MB/);
      expect((await row(member.id)).avatarUrl).toBeNull();
    });

    it("keeps the photo when the profile is saved with no file chosen", async () => {
      const { member, browser } = await signedIn();
      await browser.post("/settings/profile", photoForm(pngBytes(4, 4)));
      const before = (await row(member.id)).avatarUrl;
      expect(before).toMatch(/^\/avatars\//);
      const form = new FormData();
      form.set("intent", "save");
      form.set("name", "Still Me");
      form.set("avatar", new File([], "", { type: "application/octet-stream" }));
      const res = await browser.post("/settings/profile", form);
      expect(res.status).toBe(302);
      expect(await row(member.id)).toMatchObject({ name: "Still Me", avatarUrl: before });
    });

    it("answers 404 for unknown and malformed keys", async () => {
      const browser = await appClient(db.ctx);
      for (const key of [`avatar-${"0".repeat(32)}.png`, "..%2F..%2Fdata%2Fladder.db", "avatar-xyz.png", "session-secret"]) {
        expect((await fetchPhoto(browser, `/avatars/${key}`)).status, key).toBe(404);
      }
    });
  });
});

/** A stored photo as the app would serve it: the response (status, headers) and the bytes on disk. */
async function fetchPhoto(browser: AppClient, url: string): Promise<AppResponse & { bytes: Buffer }> {
  const res = await browser.get(url);
  const stored = await diskStorage(uploadsDir()).get(url.replace("/avatars/", ""));
  return { ...res, bytes: Buffer.from(stored?.bytes ?? []) };
}
