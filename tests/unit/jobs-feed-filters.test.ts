import { describe, expect, it } from "vitest";
import { activeFilters, countLabel } from "../../app/modules/jobs/rules";

describe("the chosen filters of a feed page", () => {
  it("lists each chosen filter in the form's order, each linking to the same feed without it", () => {
    const active = activeFilters({ q: "engineer", country: "EG", remote: "yes", days: "7" }, "/jobs");
    expect(active.map((f) => f.label)).toEqual(["Keywords: engineer", "Country: Egypt", "Remote only", "Posted within 7 days"]);
    expect(active.map((f) => f.removeHref)).toEqual([
      "/jobs?country=EG&remote=yes&days=7",
      "/jobs?q=engineer&remote=yes&days=7",
      "/jobs?q=engineer&country=EG&days=7",
      "/jobs?q=engineer&country=EG&remote=yes",
    ]);
  });

  it("removing the only filter leads to the plain feed, and nothing chosen lists nothing", () => {
    expect(activeFilters({ by: "career_team" }, "/jobs/remote")).toEqual([{ name: "by", label: "Posted by: Career team", removeHref: "/jobs/remote" }]);
    expect(activeFilters({}, "/jobs")).toEqual([]);
  });

  it("words one day, a city, a job type and a keyword that needs escaping in the link", () => {
    const active = activeFilters({ q: "c++ & go", city: "Cairo", type: "Part-time", days: "1" }, "/jobs/part-time");
    expect(active.map((f) => f.label)).toEqual(["Keywords: c++ & go", "City: Cairo", "Job type: Part-time", "Posted within 1 day"]);
    expect(active[1].removeHref).toBe("/jobs/part-time?q=c%2B%2B+%26+go&type=Part-time&days=1");
  });
});

describe("the result count", () => {
  it("says the exact number up to the cap and 'more than' at it", () => {
    expect(countLabel(0, false)).toBe("No jobs");
    expect(countLabel(1, false)).toBe("1 job");
    expect(countLabel(240, false)).toBe("240 jobs");
    expect(countLabel(1000, false)).toBe("1,000 jobs");
    expect(countLabel(1000, true)).toBe("More than 1,000 jobs");
  });
});
