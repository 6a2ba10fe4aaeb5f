import { describe, expect, it } from "vitest";
import { buildMatchTerms, keyWordsOf, monthsIn, signatureBit, signatureOf } from "../../db/match-terms";
import { jobTermsOf, matchOf, WEIGHTS, type MatchJob, type MatchMember } from "~/modules/hiring/match";

const NOW = new Date("2026-06-15T00:00:00Z");
const job = (over: Partial<MatchJob> = {}): MatchJob => ({ title: "Data Analyst", description: "We use SQL and Excel every day.", type: "general", city: "Cairo", country: "Egypt", ...over });
const nobody: MatchMember = { verified: [], skills: [], headline: null, experience: [], city: null };
const weightOf = (m: ReturnType<typeof matchOf>, kind: string) => m.reasons.filter((r) => r.kind === kind).reduce((s, r) => s + r.weight, 0);

describe("matchOf", () => {
  it("gives a member with nothing in common 0 percent and no reasons", () => {
    expect(matchOf(job(), nobody, NOW)).toEqual({ percent: 0, reasons: [] });
  });

  it("counts each verified skill the job names 20 points, at most 40, and ignores skills it does not name", () => {
    const one = matchOf(job(), { ...nobody, verified: [{ name: "SQL", score: 9, total: 10 }, { name: "Design", score: 8, total: 10 }] }, NOW);
    expect(one.percent).toBe(20);
    expect(one.reasons).toEqual([{ kind: "verified", weight: 20, name: "SQL", score: 9, total: 10 }]);
    const three = matchOf(job({ description: "SQL, Excel and Project management" }), {
      ...nobody,
      verified: [{ name: "SQL", score: 9, total: 10 }, { name: "Excel", score: 8, total: 10 }, { name: "Project management", score: 7, total: 10 }],
    }, NOW);
    expect(weightOf(three, "verified")).toBe(WEIGHTS.verifiedMax);
    expect(three.reasons.filter((r) => r.kind === "verified")).toHaveLength(2);
  });

  it("names a skill only as whole words in order", () => {
    expect(matchOf(job({ description: "mySQL experts" }), { ...nobody, verified: [{ name: "SQL", score: 9, total: 10 }] }, NOW).percent).toBe(0);
  });

  it("counts 5 points per job word found in the profile skills, at most 25", () => {
    expect(weightOf(matchOf(job(), { ...nobody, skills: ["Excel"] }, NOW), "skills")).toBe(5);
    expect(weightOf(matchOf(job(), { ...nobody, skills: ["SQL", "Excel", "Power BI"] }, NOW), "skills")).toBe(10);
    const many = job({ description: "python sql excel tableau looker dbt airflow" });
    const m = matchOf(many, { ...nobody, skills: ["Python", "SQL", "Excel", "Tableau", "Looker", "dbt", "Airflow"] }, NOW);
    expect(weightOf(m, "skills")).toBe(WEIGHTS.skillsMax);
    expect(m.reasons.find((r) => r.kind === "skills")).toMatchObject({ skills: ["Python", "SQL", "Excel", "Tableau", "Looker", "dbt", "Airflow"] });
  });

  it("gives 10 points when the headline shares a word of the job's title, once", () => {
    const m = matchOf(job(), { ...nobody, headline: "Junior data analyst in Amman" }, NOW);
    expect(m.reasons).toEqual([{ kind: "headline", weight: 10, word: "data" }]);
    expect(matchOf(job(), { ...nobody, headline: "Nurse and the of" }, NOW).percent).toBe(0);
  });

  it("gives 5 points per whole year under a similar title, at most 15", () => {
    const one = matchOf(job(), { ...nobody, experience: [{ title: "Data analyst intern", startDate: "2025-01", endDate: "2026-03" }] }, NOW);
    expect(one.reasons).toEqual([{ kind: "experience", weight: 5, years: 1, title: "Data analyst intern" }]);
    const open = matchOf(job(), { ...nobody, experience: [{ title: "Analyst", startDate: "2024-05" }] }, NOW);
    expect(weightOf(open, "experience")).toBe(10);
    const long = matchOf(job(), { ...nobody, experience: [{ title: "Senior data analyst", startDate: "2015-01", endDate: "2025-01" }] }, NOW);
    expect(long.reasons[0]).toMatchObject({ weight: 15, years: 3 });
    expect(matchOf(job(), { ...nobody, experience: [{ title: "Chef", startDate: "2010-01" }] }, NOW).percent).toBe(0);
  });

  it("adds the months of entries that share a title word before counting whole years", () => {
    const m = matchOf(job(), { ...nobody, experience: [{ title: "Analyst", startDate: "2020-01", endDate: "2020-09" }, { title: "Business analyst", startDate: "2021-01", endDate: "2021-09" }] }, NOW);
    expect(m.reasons).toEqual([{ kind: "experience", weight: 5, years: 1, title: "Business analyst" }]);
  });

  it("gives 10 points for the same city, or for any member when the job is remote", () => {
    expect(matchOf(job(), { ...nobody, city: " cairo " }, NOW).reasons).toEqual([{ kind: "city", weight: 10, city: "cairo" }]);
    expect(matchOf(job(), { ...nobody, city: "Giza" }, NOW).percent).toBe(0);
    expect(matchOf(job({ type: "remote", city: null }), nobody, NOW).reasons).toEqual([{ kind: "remote", weight: 10 }]);
    expect(matchOf(job({ remote: true }), { ...nobody, city: "Cairo" }, NOW).reasons).toEqual([{ kind: "remote", weight: 10 }]);
  });

  it("never goes past 100 when every reason is at its cap", () => {
    const all = matchOf(job({ title: "Data analyst", description: "SQL Excel python tableau looker dbt airflow", type: "remote" }), {
      verified: [{ name: "SQL", score: 10, total: 10 }, { name: "Excel", score: 10, total: 10 }],
      skills: ["Python", "SQL", "Excel", "Tableau", "Looker", "dbt", "Airflow"],
      headline: "Data analyst",
      experience: [{ title: "Data analyst", startDate: "2010-01" }],
      city: "Cairo",
    }, NOW);
    expect(all.percent).toBe(100);
    expect(WEIGHTS.verifiedMax + WEIGHTS.skillsMax + WEIGHTS.headline + WEIGHTS.yearsMax * WEIGHTS.year + WEIGHTS.place).toBe(100);
  });

  it("reads a job's words once: title words first, no stop words, at most 30", () => {
    const terms = jobTermsOf(job({ title: "The Data Analyst", description: Array.from({ length: 50 }, (_, i) => `word${i}`).join(" and ") }));
    expect(terms.titleWords).toEqual(["data", "analyst"]);
    expect(terms.words).toHaveLength(30);
    expect(terms.words.slice(0, 3)).toEqual(["data", "analyst", "word0"]);
  });
});

describe("buildMatchTerms", () => {
  it("writes space-framed tokens for skills, headline, experience years and city", () => {
    const terms = buildMatchTerms({ professionalSkills: ["Power BI", "SQL"], headline: "Data analyst at a bank", experience: [{ title: "Data analyst", startDate: "2024-01" }], city: "New Cairo" }, NOW);
    expect(terms).toMatch(/^\d{16} \d{16} \d{16} .* $/);
    for (const t of ["s:power", "s:bi", "s:sql", "h:data", "h:analyst", "h:bank", "e1:data", "e2:data", "e1:analyst", "c:new-cairo"]) expect(terms).toContain(` ${t} `);
    expect(terms).not.toContain("e3:");
    expect(terms).not.toContain("h:at ");
  });

  it("holds only zero signatures for a member with nothing to match on", () => {
    expect(buildMatchTerms({}, NOW)).toBe(`${"0".repeat(16)} ${"0".repeat(16)} ${"0".repeat(16)} `);
  });

  it("sets each token's bit in its category's signature", () => {
    const terms = buildMatchTerms({ professionalSkills: ["SQL"], headline: "Analyst", experience: [{ title: "Analyst", startDate: "2025-01" }], city: "Cairo" }, NOW);
    const [s, h, e] = terms.split(" ").slice(0, 3).map((d) => BigInt(d));
    expect(s).toBe(1n << BigInt(signatureBit("s:sql")));
    expect(h).toBe((1n << BigInt(signatureBit("h:analyst"))) | (1n << BigInt(signatureBit("c:cairo"))));
    expect(e).toBe(1n << BigInt(signatureBit("e1:analyst")));
    expect([signatureOf("s:x"), signatureOf("h:x"), signatureOf("c:x"), signatureOf("e2:x")]).toEqual([0, 1, 1, 2]);
  });

  it("keeps Arabic and Hindi words, lowercases Latin ones and never writes a LIKE wildcard", () => {
    const terms = buildMatchTerms({ professionalSkills: ["تحليل البيانات", "C_Sharp 100%"], headline: "डेटा विश्लेषक", city: "القاهرة" }, NOW);
    expect(terms).toContain(" s:تحليل ");
    expect(terms).toContain(" c:القاهرة ");
    expect(terms).not.toMatch(/[%_]/);
    expect(keyWordsOf("SQL & Excel")).toEqual(["sql", "excel"]);
  });

  it("counts months from the start to the end, or to now, and nothing for an unreadable start", () => {
    expect(monthsIn({ title: "x", startDate: "2024-01", endDate: "2025-07" }, NOW)).toBe(18);
    expect(monthsIn({ title: "x", startDate: "2026" }, NOW)).toBe(5);
    expect(monthsIn({ title: "x", startDate: "soon" }, NOW)).toBe(0);
  });
});
