import { describe, expect, it } from "vitest";
import { APPLICATION_BUCKETS, bucketCounts, bucketOf, fitWords, homeKindOf } from "../../app/modules/home/rules";

describe("which home a role gets", () => {
  it("gives recruiters, the career team and admins their own homes and everyone else the member's", () => {
    expect(homeKindOf("recruiter")).toBe("recruiter");
    expect(homeKindOf("career_team")).toBe("staff");
    expect(homeKindOf("admin")).toBe("admin");
    expect(homeKindOf("user")).toBe("member");
    expect(homeKindOf("moderator")).toBe("member");
    expect(homeKindOf(null)).toBe("member");
    expect(homeKindOf("someone-new")).toBe("member");
  });
});

describe("how an application counts", () => {
  it("counts a withdrawn application as withdrawn whatever its status, and an unknown status as pending", () => {
    expect(bucketOf("interviewing", true)).toBe("withdrawn");
    expect(bucketOf("hired", 1)).toBe("withdrawn");
    expect(bucketOf("offered", false)).toBe("offered");
    expect(bucketOf("offered", 0)).toBe("offered");
    expect(bucketOf("offered", null)).toBe("offered");
    expect(bucketOf(null, false)).toBe("pending");
    expect(bucketOf("archived", false)).toBe("pending");
  });

  it("lists every status with zero for those without applications and adds up repeated ones", () => {
    const counts = bucketCounts([
      { bucket: "pending", n: 2 },
      { bucket: "hired", n: 1 },
      { bucket: "pending", n: 3 },
    ]);
    expect(Object.keys(counts)).toEqual([...APPLICATION_BUCKETS]);
    expect(counts.pending).toBe(5);
    expect(counts.hired).toBe(1);
    expect(counts.rejected).toBe(0);
  });
});

describe("the words that find jobs that fit a profile", () => {
  const empty = { headline: null, experience: null, professional_skills: null };

  it("takes two telling words of the headline, leaving out seniority and filler", () => {
    expect(fitWords({ ...empty, headline: "Junior data analyst looking for a first full-time role in Amman or remote" })).toEqual(["data", "analyst"]);
    expect(fitWords({ ...empty, headline: "Backend engineer (Node.js, PostgreSQL) at a Cairo fintech" })).toEqual(["backend", "engineer"]);
  });

  it("reads past the first eight words of a headline full of filler", () => {
    expect(fitWords({ ...empty, headline: "Final year student looking for a summer internship in backend development" })).toEqual(["backend", "development"]);
  });

  it("falls back to the first job title, then to the first skill, and finds nothing in an empty profile", () => {
    expect(fitWords({ ...empty, headline: "Looking for my first role", experience: [{ title: "Data Analyst Intern", company: "Levant Telecom" }] })).toEqual(["data", "analyst"]);
    expect(fitWords({ ...empty, professional_skills: ["Power BI", "SQL"] })).toEqual(["power", "bi"]);
    expect(fitWords(empty)).toEqual([]);
    expect(fitWords({ ...empty, headline: "2024 — a graduate, open to any role" })).toEqual([]);
  });

  it("keeps only letters and digits, so no search syntax reaches the database", () => {
    expect(fitWords({ ...empty, headline: 'UX "designer" OR * NEAR()' })).toEqual(["ux", "designer"]);
  });
});
