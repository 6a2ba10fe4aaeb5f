import { describe, expect, it } from "vitest";
import { anonymousAnimals } from "../../db/seed/content/people";
import { ANONYMOUS_AVATARS, anonymousAvatarLook, isAnonymousAvatar } from "../../app/modules/profile/anonymous-avatars";
import {
  avatarKeyOf,
  changeList,
  draftsFromForm,
  draftsFromSaved,
  isHttpUrl,
  ownAvatarUrl,
  parseListIntent,
  parseTags,
  tagsOf,
} from "../../app/modules/profile/rules";
import { aboutSchema, anonymousSchema, basicsSchema, validateList } from "../../app/modules/profile/schemas.server";

describe("tags", () => {
  it("splits on commas, trims, collapses spaces and drops empty tags and repeats (any case)", () => {
    expect(tagsOf(" data ,  SQL,,  clear   charts , sql, Data ")).toEqual(["data", "SQL", "clear charts"]);
    expect(tagsOf(null)).toEqual([]);
  });

  it("refuses a tag over 40 characters and more than 20 tags", () => {
    expect(parseTags("a".repeat(40))).toEqual({ ok: true, tags: ["a".repeat(40)] });
    const long = parseTags(`fine, ${"b".repeat(41)}`);
    expect(long.ok).toBe(false);
    expect(!long.ok && long.message).toMatch(/at most 40 characters/);
    expect(parseTags(Array.from({ length: 20 }, (_, i) => `t${i}`).join(",")).ok).toBe(true);
    const many = parseTags(Array.from({ length: 21 }, (_, i) => `t${i}`).join(","));
    expect(!many.ok && many.message).toMatch(/at most 20 tags \(you have 21\)/);
  });
});

describe("web addresses", () => {
  it("accepts only http and https", () => {
    expect(isHttpUrl("https://www.linkedin.com/in/amal")).toBe(true);
    expect(isHttpUrl("http://example.com")).toBe(true);
    for (const bad of ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,<script>", "file:///etc/passwd", "ftp://x.y", "https://", "", null]) {
      expect(isHttpUrl(bad), String(bad)).toBe(false);
    }
  });

  it("recognises only our own avatar addresses", () => {
    const key = `avatar-${"a1".repeat(16)}.png`;
    expect(avatarKeyOf(`/avatars/${key}`)).toBe(key);
    expect(ownAvatarUrl(`/avatars/${key}`)).toBe(`/avatars/${key}`);
    for (const other of ["https://lh3.googleusercontent.com/a/x", "/avatars/../data/ladder.db", `/avatars/${key}?x`, "/avatars/avatar-xyz.png", null]) {
      expect(avatarKeyOf(other), String(other)).toBeNull();
    }
  });
});

describe("the basics, about and anonymous forms", () => {
  it("keeps only the profile fields and turns empty ones into null", () => {
    const parsed = basicsSchema.parse({ name: "  Amal  ", headline: "", phone: " +971 (50) 123-4567 ", linkedinURL: "linkedin.com/in/amal", FacebookURL: "", role: "admin" });
    expect(parsed).toEqual({ name: "Amal", headline: null, phone: "+971 (50) 123-4567", linkedinURL: "https://linkedin.com/in/amal", FacebookURL: null });
  });

  it("refuses javascript: and other schemes with a message", () => {
    const result = basicsSchema.safeParse({ name: "A", linkedinURL: "javascript:alert(document.cookie)", FacebookURL: "data:text/html,hi" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(messages.linkedinURL).toMatch(/https:\/\/ or http:\/\//);
    expect(messages.FacebookURL).toMatch(/javascript:/);
  });

  it("checks lengths and phone characters", () => {
    const result = basicsSchema.safeParse({ name: "x".repeat(101), headline: "h".repeat(161), phone: "call me maybe" });
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "headline", "phone"]));
    expect(basicsSchema.safeParse({ name: "" }).error!.issues[0].message).toBe("Enter your name.");
    expect(basicsSchema.safeParse({ name: "A", phone: "1".repeat(33) }).success).toBe(false);
    expect(basicsSchema.safeParse({ name: "A", phone: "+1 (2)" }).success).toBe(false);
  });

  it("stores tags as tidy comma-separated text, goals may be short phrases", () => {
    const parsed = aboutSchema.parse({ goals: "Land a first role as a data analyst in Dubai, learn SQL", strengths: "patience,  patience, curiosity", interests: "" });
    expect(parsed).toEqual({ goals: "Land a first role as a data analyst in Dubai, learn SQL", strengths: "patience, curiosity", interests: null });
    expect(aboutSchema.safeParse({ strengths: "s".repeat(41) }).success).toBe(false);
    expect(aboutSchema.safeParse({ goals: "g".repeat(121) }).success).toBe(false);
  });

  it("lowers an anonymous name and refuses bad characters, lengths and pictures that are not ours", () => {
    expect(anonymousSchema.parse({ anonymous_username: " Quiet_Owl7 ", anonymous_avatar: "owl" })).toEqual({ anonymous_username: "quiet_owl7", anonymous_avatar: "owl" });
    expect(anonymousSchema.parse({ anonymous_username: "", anonymous_avatar: "" })).toEqual({ anonymous_username: null, anonymous_avatar: null });
    for (const bad of ["ab", "a".repeat(31), "quiet owl", "owl!", "ówl"]) {
      expect(anonymousSchema.safeParse({ anonymous_username: bad }).success, bad).toBe(false);
    }
    const picture = anonymousSchema.safeParse({ anonymous_avatar: "https://evil.example/x.png" });
    expect(picture.error!.issues[0]).toMatchObject({ path: ["anonymous_avatar"], message: "Choose one of the pictures shown." });
  });
});

describe("the built-in anonymous pictures", () => {
  it("include every picture the demo data uses", () => {
    for (const animal of anonymousAnimals) expect(isAnonymousAvatar(animal.toLowerCase()), animal).toBe(true);
    expect(new Set(ANONYMOUS_AVATARS).size).toBe(ANONYMOUS_AVATARS.length);
  });

  it("draw each as its initial", () => {
    expect(anonymousAvatarLook("owl")).toMatchObject({ initial: "O", label: "Owl" });
  });
});

describe("lists edited with plain forms", () => {
  const form = (pairs: [string, string][]) => pairs as [string, FormDataEntryValue][];

  it("reads indexed inputs in index order, closing gaps and ignoring other fields", () => {
    const drafts = draftsFromForm(
      "education",
      form([
        ["education.2.school", "Third"],
        ["education.0.school", "First"],
        ["education.0.endYear", "2020"],
        ["education.0.role", "admin"],
        ["experience.0.title", "not this list"],
        ["education.1000.school", "too far"],
      ]),
    );
    expect(drafts).toEqual([
      { school: "First", degree: "", field: "", startYear: "", endYear: "2020" },
      { school: "Third", degree: "", field: "", startYear: "", endYear: "" },
    ]);
  });

  it("shows saved entries as strings (years too) and skills as one field each", () => {
    expect(draftsFromSaved("education", [{ school: "AUS", startYear: 2019 }])).toEqual([{ school: "AUS", degree: "", field: "", startYear: "2019", endYear: "" }]);
    expect(draftsFromSaved("skills", ["SQL", "Excel"])).toEqual([{ skill: "SQL" }, { skill: "Excel" }]);
    expect(draftsFromSaved("certifications", null)).toEqual([]);
  });

  it("knows the intents of its buttons", () => {
    expect(parseListIntent("education", "education")).toEqual({ op: "save" });
    expect(parseListIntent("education", "education:add")).toEqual({ op: "add" });
    expect(parseListIntent("education", "education:remove:2")).toEqual({ op: "remove", index: 2 });
    expect(parseListIntent("education", "education:down:0")).toEqual({ op: "down", index: 0 });
    expect(parseListIntent("education", "skills:remove:2")).toBeNull();
    expect(parseListIntent("education", "basics")).toBeNull();
    expect(parseListIntent("education", "education:remove:-1")).toBeNull();
  });

  it("adds, removes and moves entries without losing what was typed", () => {
    const drafts = [{ skill: "A" }, { skill: "B" }, { skill: "C" }];
    expect(changeList("skills", drafts, { op: "add" })).toMatchObject({ drafts: [...drafts, { skill: "" }], focus: 3 });
    expect(changeList("skills", drafts, { op: "remove", index: 1 })).toMatchObject({ drafts: [{ skill: "A" }, { skill: "C" }] });
    expect(changeList("skills", drafts, { op: "up", index: 2 })).toMatchObject({ drafts: [{ skill: "A" }, { skill: "C" }, { skill: "B" }], focus: 1 });
    expect(changeList("skills", drafts, { op: "down", index: 0 })).toMatchObject({ drafts: [{ skill: "B" }, { skill: "A" }, { skill: "C" }] });
    expect(changeList("skills", drafts, { op: "up", index: 0 })).toMatchObject({ drafts });
    expect(changeList("skills", drafts, { op: "remove", index: 3 })).toHaveProperty("error");
    expect(drafts).toEqual([{ skill: "A" }, { skill: "B" }, { skill: "C" }]);
  });

  it("stops adding at the list's maximum", () => {
    const full = Array.from({ length: 10 }, () => ({ school: "S", degree: "", field: "", startYear: "", endYear: "" }));
    expect(changeList("education", full, { op: "add" })).toEqual({ error: "You can list at most 10 entries here." });
  });

  it("validates every entry, keyed by its index, and drops blank ones", () => {
    const year = new Date().getUTCFullYear();
    const result = validateList("education", [
      { school: "", degree: "BSc", field: "", startYear: "", endYear: "" },
      { school: "", degree: "", field: "", startYear: "", endYear: "" },
      { school: "AUS", degree: "", field: "", startYear: "2020", endYear: "2019" },
      { school: "AUS", degree: "", field: "", startYear: "1949", endYear: String(year + 11) },
      { school: "AUS", degree: "", field: "", startYear: "20x0", endYear: "" },
    ]);
    expect(result).toEqual({
      ok: false,
      errors: {
        "education.0.school": "Enter the school or university.",
        "education.2.endYear": "The end year cannot be before the start year.",
        "education.3.startYear": `Enter a year from 1950 to ${year + 10}.`,
        "education.3.endYear": `Enter a year from 1950 to ${year + 10}.`,
        "education.4.startYear": `Enter a year from 1950 to ${year + 10}.`,
      },
    });
    expect(
      validateList("education", [
        { school: " AUS ", degree: "BSc", field: "", startYear: "2019", endYear: "2023" },
        { school: "", degree: "", field: "", startYear: "", endYear: "" },
      ]),
    ).toEqual({ ok: true, value: [{ school: "AUS", degree: "BSc", startYear: 2019, endYear: 2023 }] });
  });

  it("checks experience months, the end after the start, and certification links", () => {
    const experience = validateList("experience", [
      { title: "Analyst", company: "Levant Telecom", startDate: "2024-13", endDate: "", description: "" },
      { title: "Intern", company: "X", startDate: "2024-06", endDate: "2024-01", description: "" },
    ]);
    expect(experience).toEqual({
      ok: false,
      errors: { "experience.0.startDate": "Use year and month, like 2024-06.", "experience.1.endDate": "The end cannot be before the start." },
    });
    const certifications = validateList("certifications", [{ name: "PMP", issuer: "", year: "", url: "javascript:alert(1)" }]);
    expect(certifications.ok).toBe(false);
    expect(!certifications.ok && certifications.errors["certifications.0.url"]).toMatch(/https:\/\//);
  });

  it("saves skills as plain strings without repeats", () => {
    expect(validateList("skills", [{ skill: "SQL" }, { skill: " sql " }, { skill: "" }, { skill: "Power  BI" }])).toEqual({ ok: true, value: ["SQL", "Power BI"] });
    expect(validateList("skills", [{ skill: "s".repeat(61) }])).toMatchObject({ ok: false, errors: { "skills.0.skill": expect.stringMatching(/60/) } });
  });

  it("refuses more entries than the list allows", () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ skill: `s${i}` }));
    expect(validateList("skills", many)).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/at most 50/) } });
  });
});
