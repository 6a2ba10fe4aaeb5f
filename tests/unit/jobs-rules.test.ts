/** The feeds' pure rules: filter parsing, keyword words, the salary line, the posted line and JSearch job types. */
import { describe, expect, it } from "vitest";
import { employmentTypeLabel, filterQuery, formatSalary, keywordWords, parseFilters, postedLabel, salaryNumber } from "../../app/modules/jobs/rules";

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe("Feed filters", () => {
  it("an empty query string is no filter at all, and blank fields count as not chosen", () => {
    expect(parse("")).toEqual({ ok: true, filters: {} });
    expect(parse("q=&city=%20&country=&type=&remote=&days=&by=")).toEqual({ ok: true, filters: {} });
  });

  it("every valid filter is read, trimmed, and the country code upper-cased", () => {
    expect(parse("q=%20data%20analyst%20&city=Cairo&country=eg&type=Full-time&remote=yes&days=7&by=alumni&utm_source=x")).toEqual({
      ok: true,
      filters: { q: "data analyst", city: "Cairo", country: "EG", type: "Full-time", remote: "yes", days: "7", by: "alumni" },
    });
  });

  it("values outside the lists get one message per field and the typed values back", () => {
    const result = parse("q=ok&days=2&type=Astronaut&remote=no&by=robots&country=Egypt");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      days: "Choose 1, 3, 7, 14 or 30 days.",
      type: "Choose a job type from the list.",
      remote: "Remote is either “Remote only” or “Any”.",
      by: "Choose alumni, career team or other sites.",
      country: "Choose a country from the list.",
    });
    expect(result.values).toMatchObject({ q: "ok", days: "2", type: "Astronaut" });
  });

  it("keywords and city longer than their limits are refused with the limit in the message", () => {
    const result = parse(`q=${"a".repeat(101)}&city=${"b".repeat(81)}`);
    expect(result).toMatchObject({ ok: false, errors: { q: "Keep the keywords to 100 characters.", city: "Keep the city to 80 characters." } });
    expect(parse(`q=${"a".repeat(100)}`).ok).toBe(true);
  });

  it("the filters become one query string in a fixed order, without empty ones", () => {
    expect(filterQuery({ by: "external", q: "node js", city: undefined, days: "3" })).toBe("q=node+js&days=3&by=external");
    expect(filterQuery({})).toBe("");
  });
});

describe("Keyword words", () => {
  it("are runs of letters and digits, lower-cased, without repeats, punctuation and search syntax dropped", () => {
    expect(keywordWords(`C++ & "Node.js" OR -NOT* (dev) node`)).toEqual(["c", "node", "js", "or", "not", "dev"]);
    expect(keywordWords("مهندس برمجيات")).toEqual(["مهندس", "برمجيات"]);
    expect(keywordWords("   ")).toEqual([]);
    expect(keywordWords(undefined)).toEqual([]);
  });

  it("are at most eight", () => {
    expect(keywordWords("a b c d e f g h i j")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
  });
});

describe("Salary line", () => {
  it("a range with a period shows the country's currency, thousands separators and the period", () => {
    expect(formatSalary("15000", "20000", "MONTH", "EG")).toBe("EGP 15,000–20,000 a month");
    expect(formatSalary("1,200", "1,500.5", "hour", "IN")).toBe("INR 1,200–1,500.5 an hour");
  });

  it("only a minimum says From, only a maximum says Up to, equal ends show one amount", () => {
    expect(formatSalary("50000", null, "YEAR", "AE")).toBe("From AED 50,000 a year");
    expect(formatSalary("", "9000", "MONTH", null)).toBe("Up to 9,000 a month");
    expect(formatSalary("7000", "7000", "MONTH", "JO")).toBe("JOD 7,000 a month");
    expect(formatSalary("7000", "8000", null, "ZZ")).toBe("7,000–8,000");
  });

  it("nothing given is said plainly", () => {
    expect(formatSalary(null, null, null)).toBe("Salary not given");
    expect(formatSalary(" ", "", "MONTH")).toBe("Salary not given");
  });

  it("words, negative amounts, a minimum above the maximum or an unknown period are shown as posted", () => {
    expect(formatSalary("competitive", null, "MONTH", "EG")).toBe("Salary as posted: competitive MONTH");
    expect(formatSalary("-5000", "6000", "MONTH", "EG")).toBe("Salary as posted: -5000 – 6000 MONTH");
    expect(formatSalary("9000", "6000", "MONTH", "EG")).toBe("Salary as posted: 9000 – 6000 MONTH");
    expect(formatSalary("9000", "12000", "FORTNIGHT", "EG")).toBe("Salary as posted: 9000 – 12000 FORTNIGHT");
    expect(formatSalary("1e6", null, null)).toBe("Salary as posted: 1e6");
  });

  it("reads only plain amounts as numbers", () => {
    expect(salaryNumber("15,000")).toBe(15000);
    expect(salaryNumber(" 42.5 ")).toBe(42.5);
    expect(salaryNumber("15,00")).toBeNull();
    expect(salaryNumber("Infinity")).toBeNull();
    expect(salaryNumber(null)).toBeNull();
  });
});

describe("Posted line", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  it("says today, yesterday or how many days ago within four weeks, and the date after that", () => {
    expect(postedLabel(new Date("2026-11-26T08:00:00Z"), now)).toBe("Posted today");
    expect(postedLabel(new Date("2026-11-25T08:00:00Z"), now)).toBe("Posted yesterday");
    expect(postedLabel(new Date("2026-11-23T11:00:00Z"), now)).toBe("Posted 3 days ago");
    expect(postedLabel(new Date("2026-10-03T11:00:00Z"), now)).toBe("Posted 3 Oct 2026");
  });

  it("a date in the future or no date is not dressed up as recent", () => {
    expect(postedLabel(new Date("2026-12-01T00:00:00Z"), now)).toBe("Posted 1 Dec 2026");
    expect(postedLabel(null, now)).toBe("Posting date not given");
    expect(postedLabel("not a date", now)).toBe("Posting date not given");
  });
});

describe("Job types from JSearch", () => {
  it("map to the feeds' labels, and unknown ones are kept as sent", () => {
    expect(employmentTypeLabel("FULLTIME")).toBe("Full-time");
    expect(employmentTypeLabel("PARTTIME")).toBe("Part-time");
    expect(employmentTypeLabel("INTERN")).toBe("Internship");
    expect(employmentTypeLabel("CONTRACTOR")).toBe("Contractor");
    expect(employmentTypeLabel("Temporary")).toBe("Temporary");
    expect(employmentTypeLabel("")).toBeNull();
  });
});
